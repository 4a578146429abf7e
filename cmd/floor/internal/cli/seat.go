package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/control"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/seatlink"
)

func (o *options) seatCmd() *cobra.Command {
	var headless bool
	cmd := &cobra.Command{
		Use:   "seat INVITE [--headless]",
		Short: "Work on a session from your own machine, as its online moderator, rapporteur or co-moderator",
		Long: `Join a room as a seat of the session team with a floor://…?seat= invite from
'floor seats add'. The room's state (queue, turn, timers, question, hubs, the
team's record) follows the room as it changes; the seat's commands are sent to
the room, which applies them if the seat's role allows and the room is still
as the seat saw it (two people pressing give at once: one wins, the other is
told). The link mends itself; while the room is out of reach the seat says
STALE and sends nothing.

With --headless, type commands on standard input: ask [--remote] NAME (the
flags of floor serve's ask; --remote: in the video call), give [ID] [M:SS],
end, join ID, withdraw ID, move ID POS, say TEXT, tell HUB TEXT, queue HUB
(HUB: its id or its name), hubs (their links as the room measures them now),
question N, start [MIN], pause, resume, add SECONDS, takeaway TEXT, call TEXT,
key TURN TEXT, open POLL, close POLL, and for the phones' written questions
publish ID, approve ID (into the queue), answer ID TEXT, dismiss ID; fair
(the budgets used and left, the fair order's suggestion with its reasons);
quit. The room is printed again when it changes (not when only the hubs'
figures move). Without --headless the seat's console opens: the queue, the
turn and its timer, the hubs and the team's notes, with the buttons its role
allows.`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			inv, err := app.ParseInvite(args[0])
			if err != nil {
				return usageError{err}
			}
			if inv.Seat == "" {
				return usageError{errors.New("this is a hub's invite: open it with 'floor hub'")}
			}
			if !headless {
				if o.env.OpenSeatWindow == nil {
					return errors.New("this build of Floor has no window: add --headless")
				}
				return o.env.OpenSeatWindow(cmd.Context(), inv)
			}
			return runSeat(cmd.Context(), inv, o.env.Stdin, &lockedWriter{w: cmd.OutOrStdout()})
		},
	}
	cmd.Flags().BoolVar(&headless, "headless", false, "no window: the room's state as lines, commands on standard input")
	return cmd
}

// seatTerm is a seat as lines of text.
type seatTerm struct {
	c    *seatlink.Client
	out  io.Writer
	mu   sync.Mutex
	last string
	link string
}

func runSeat(ctx context.Context, inv app.Invite, in io.Reader, out io.Writer) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	t := &seatTerm{out: out}
	t.c = seatlink.NewClient(inv, t.changed)
	done := make(chan error, 1)
	go func() { done <- t.c.Run(ctx) }()
	lines := make(chan string)
	go func() {
		if in == nil {
			return
		}
		// Commands piped in before the room has answered wait for it (a
		// script's first line would otherwise find the room out of reach).
		for !t.c.Status().Have && !t.c.Status().Link.Revoked {
			select {
			case <-ctx.Done():
				return
			case <-time.After(20 * time.Millisecond):
			}
		}
		sc := bufio.NewScanner(in)
		for sc.Scan() {
			select {
			case lines <- sc.Text():
			case <-ctx.Done():
				return
			}
		}
	}()
	stale := time.NewTicker(time.Second)
	defer stale.Stop()
	for {
		select {
		case <-ctx.Done():
			fmt.Fprintln(out, "Left the room.")
			return nil
		case err := <-done:
			return err
		case <-stale.C:
			t.changed()
		case line := <-lines:
			if quit := t.command(ctx, line); quit {
				fmt.Fprintln(out, "Left the room.")
				return nil
			}
		}
	}
}

// changed prints the room when what it says has changed, and the link's
// state when that has.
func (t *seatTerm) changed() { t.show(t.c.Status()) }

// show prints st where it differs from what was printed last.
func (t *seatTerm) show(st seatlink.Status) {
	link := st.Link.Words()
	switch {
	case st.Link.Up() && st.Stale && st.Have: // before a recent mend's words: a new silence is news
		link = "STALE: no word from the room; commands are off"
	case st.Link.Down > 0:
		link = fmt.Sprintf("back with the room after %.0f s", max(1, st.Link.Down.Seconds()))
	}
	seen := ""
	if st.Have {
		seen = describeSeat(withoutFigures(st.State))
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if link != t.link {
		t.link = link
		fmt.Fprintf(t.out, "[%s]\n", link)
	}
	if seen != t.last && seen != "" { // printed with the figures of now; 'hubs' prints them again
		t.last = seen
		fmt.Fprint(t.out, describeSeat(st.State))
	}
}

func describeSeat(s control.TeamStateWire) string {
	var b strings.Builder
	role := s.Seat.Role
	if r, err := floor.ParseSeatRole(role); err == nil {
		role = r.Words() // "co-moderator", "online moderator"
	}
	fmt.Fprintf(&b, "Seat of %s as %s in %q (may: %s)\n", s.Seat.Name, role, s.Session, strings.Join(s.Seat.Rights, ", "))
	fmt.Fprintf(&b, "Hubs: %d\n", len(s.Hubs))
	for _, h := range s.Hubs {
		fmt.Fprintf(&b, "  %s (%s)%s\n", h.Name, h.ID, hubLinkWords(h))
	}
	if s.Question > 0 {
		fmt.Fprintf(&b, "Policy question %d: %s\n", s.Question, s.QuestionText)
	}
	if f := s.Floor; f != nil {
		fmt.Fprintf(&b, "On the floor: %s%s\n", f.Speaker.Name, placeWords(f.Remote, f.Hub))
	}
	if s.Message != "" {
		fmt.Fprintf(&b, "The speaker reads: %s\n", s.Message)
	}
	fmt.Fprintf(&b, "Queue: %d\n", len(s.Queue))
	for i, q := range s.Queue {
		fmt.Fprintf(&b, "  %d. [%d] %s%s%s\n", i+1, q.ID, q.Speaker.Name, placeWords(q.Remote, q.Hub), speakerGroup(q.Speaker))
	}
	for _, p := range s.Polls {
		fmt.Fprintf(&b, "Poll [%d] %s: %s\n", p.Poll.ID, p.Poll.Question, pollWords(p))
	}
	fmt.Fprintf(&b, "Turns so far: %d\n", len(s.Turns))
	for _, n := range s.Notes {
		what := map[string]string{"takeaway": "Takeaway", "call": "Call to action", "key": fmt.Sprintf("Key point (turn %d)", n.Turn)}[n.Kind]
		fmt.Fprintf(&b, "  %s by %s: %s\n", what, n.By, n.Text)
	}
	describeFairFloor(&b, s)
	return b.String()
}

// hubLinkWords is a hub's link as the room measures it: " — connected,
// rtt 84 ms, 17 lost, 812 kbps, 30 fps".
func hubLinkWords(h control.HubPresenceWire) string {
	switch l := h.Link; {
	case !h.Away.IsZero():
		return " — away"
	case l == nil:
		return ""
	default:
		w := fmt.Sprintf(" — %s, rtt %d ms, %d lost, %.0f kbps, %.0f fps", l.State, time.Duration(l.RTTNs).Milliseconds(), l.PacketsLost, l.Kbps, l.FPS)
		if l.MediaOnly {
			w += ", media only"
		}
		return w
	}
}

func speakerGroup(sp control.SpeakerWire) string {
	var parts []string
	for _, f := range []string{sp.Group, sp.Region} {
		if f != "" {
			parts = append(parts, f)
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return " (" + strings.Join(parts, ", ") + ")"
}

func pollWords(p control.PollResultWire) string {
	state := "not opened yet"
	switch {
	case !p.Poll.Closed.IsZero():
		state = "closed"
	case !p.Poll.Opened.IsZero():
		state = "open"
	}
	w := fmt.Sprintf("%s, %d voted", state, p.Voters)
	for i, o := range p.Poll.Options {
		if i < len(p.Counts) {
			w += fmt.Sprintf("; %s %d", o, p.Counts[i])
		}
	}
	return w
}

func placeWords(remote bool, hub string) string {
	switch {
	case remote && hub != "":
		return " — remote: " + hub
	case remote:
		return " — remote"
	}
	return " — in the room"
}

// command sends one typed command; it reports whether to quit.
func (t *seatTerm) command(ctx context.Context, line string) bool {
	verb, rest, _ := strings.Cut(strings.TrimSpace(line), " ")
	rest = strings.TrimSpace(rest)
	if verb == "" {
		return false
	}
	if verb == "quit" || verb == "exit" {
		return true
	}
	switch strings.ToLower(verb) {
	case "fair":
		fmt.Fprint(t.out, describeFair(t.c.Status().State))
		return false
	case "hubs":
		fmt.Fprint(t.out, describeHubs(t.c.Status().State))
		return false
	case "tell", "queue": // a hub by its id or by the name the screen shows
		rest = byHubName(t.c.Status().State, rest)
	}
	c, err := seatCommand(strings.ToLower(verb), rest)
	if err == nil {
		err = t.c.Do(ctx, c)
	}
	if err != nil {
		fmt.Fprintf(t.out, "! %s: %v\n", verb, err)
	} else {
		fmt.Fprintf(t.out, "ok: %s\n", verb)
	}
	return false
}

// seatCommand reads a typed command as the wire's.
func seatCommand(verb, rest string) (control.SeatCommandWire, error) {
	c := control.SeatCommandWire{Verb: verb}
	num := func(s, what string) (int, error) {
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 {
			return 0, fmt.Errorf("%s: a number, not %q", what, s)
		}
		return n, nil
	}
	first, tail, _ := strings.Cut(rest, " ")
	tail = strings.TrimSpace(tail)
	var err error
	switch verb {
	case "ask": // the same flags as floor serve's: --type, --group, --region, --affiliation, --youth
		var sp floor.Speaker
		if sp, err = parseAsk(rest); err == nil && strings.TrimSpace(sp.Name) == "" {
			err = errors.New("ask [--type point-of-order|direct-reply] [--group G] [--region R] NAME")
		}
		c.Speaker, c.Remote = control.WireSpeaker(sp), sp.Remote
	case "give":
		f := strings.Fields(rest)
		if len(f) > 0 {
			c.ID, err = num(f[0], "the request")
		}
		if err == nil && len(f) > 1 {
			var d time.Duration
			d, err = parseMSS(f[1])
			c.AllottedNs = int64(d)
		}
	case "end", "pause", "resume":
	case "join", "withdraw", "open", "close":
		c.ID, err = num(rest, "the request or poll")
		c.Verb = map[string]string{"open": "open-poll", "close": "close-poll"}[verb]
		if c.Verb == "" {
			c.Verb = verb
		}
	case "move":
		if c.ID, err = num(first, "the request"); err == nil {
			c.Pos, err = num(tail, "the position")
		}
	case "say":
		c.Text = rest
	case "tell":
		c.Verb, c.Hub, c.Text = "say", first, tail
	case "speaker": // the message to the speaker on the floor; bare, it clears it
		c.Verb, c.Text = "tell", rest
	case "edit":
		c.ID, err = num(first, "the request")
		c.Speaker, c.Remote = editedSpeaker(tail), false
		if err == nil && c.Speaker.Name == "" {
			err = errors.New("edit ID NAME [| AFFILIATION | GROUP | REGION]")
		}
	case "queue":
		c.Verb, c.Hub = "queue-hub", rest
	case "question":
		c.Pos, err = num(rest, "the question")
	case "start":
		minutes := 60
		if rest != "" {
			minutes, err = num(rest, "the minutes")
		}
		c.AllottedNs = int64(time.Duration(minutes) * time.Minute)
	case "add":
		var secs int
		if secs, err = strconv.Atoi(rest); err != nil {
			err = fmt.Errorf("add SECONDS: a number of seconds (30, or -30 to take time), not %q", rest)
		}
		c.Verb, c.AllottedNs = "add-time", int64(time.Duration(secs)*time.Second)
	case "takeaway", "call":
		c.Text = rest
	case "key":
		if c.Turn, err = num(first, "the turn"); err == nil {
			c.Text = tail
		}
	case "publish", "approve", "dismiss": // an audience question
		c.ID, err = num(rest, "the audience question")
		c.Verb = map[string]string{"publish": "publish", "approve": "queue-question", "dismiss": "dismiss"}[verb]
	case "answer":
		if c.ID, err = num(first, "the audience question"); err == nil {
			c.Text = tail
		}
	default:
		return c, fmt.Errorf("unknown command; try ask, edit, give, end, join, withdraw, move, say, tell, speaker, queue, question, start, pause, resume, add, takeaway, call, key, open, close, publish, approve, answer, dismiss, fair, hubs, quit")
	}
	return c, err
}

// editedSpeaker reads "NAME | AFFILIATION | GROUP | REGION", the last
// three optional.
func editedSpeaker(s string) *control.SpeakerWire {
	f := strings.Split(s, "|")
	for len(f) < 4 {
		f = append(f, "")
	}
	for i := range f {
		f[i] = strings.TrimSpace(f[i])
	}
	return &control.SpeakerWire{Name: f[0], Affiliation: f[1], Group: f[2], Region: f[3]}
}

// parseMSS reads a time as M:SS.
func parseMSS(s string) (time.Duration, error) {
	mm, ss, _ := strings.Cut(s, ":")
	m, err1 := strconv.Atoi(mm)
	sec, err2 := strconv.Atoi(ss)
	if err1 != nil || err2 != nil || m < 0 || sec < 0 || sec > 59 {
		return 0, fmt.Errorf("time %q, want M:SS", s)
	}
	return time.Duration(m)*time.Minute + time.Duration(sec)*time.Second, nil
}
