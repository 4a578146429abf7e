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

With --headless, type commands on standard input: ask NAME, give [ID] [M:SS],
end, join ID, withdraw ID, move ID POS, say TEXT, tell HUB TEXT, queue HUB,
question N, start [MIN], pause, resume, add SECONDS, takeaway TEXT, call TEXT,
key TURN TEXT, open POLL, close POLL, quit. Without --headless the seat's
console opens: the queue, the turn and its timer, the hubs and the team's
notes, with the buttons its role allows.`,
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
func (t *seatTerm) changed() {
	st := t.c.Status()
	link := st.Link.Words()
	switch {
	case st.Link.Down > 0:
		link = fmt.Sprintf("back with the room after %.0f s", max(1, st.Link.Down.Seconds()))
	case st.Link.Up() && st.Stale && st.Have:
		link = "STALE: no word from the room; commands are off"
	}
	text := ""
	if st.Have {
		text = describeSeat(st.State)
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if link != t.link {
		t.link = link
		fmt.Fprintf(t.out, "[%s]\n", link)
	}
	if text != t.last && text != "" {
		t.last = text
		fmt.Fprint(t.out, text)
	}
}

func describeSeat(s control.TeamStateWire) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Seat of %s as %s in %q (may: %s)\n", s.Seat.Name, strings.ReplaceAll(s.Seat.Role, "-", " "), s.Session, strings.Join(s.Seat.Rights, ", "))
	fmt.Fprintf(&b, "Hubs: %d\n", len(s.Hubs))
	for _, h := range s.Hubs {
		away := ""
		if !h.Away.IsZero() {
			away = " — away"
		}
		fmt.Fprintf(&b, "  %s (%s)%s\n", h.Name, h.ID, away)
	}
	if s.Question > 0 {
		fmt.Fprintf(&b, "Policy question %d: %s\n", s.Question, s.QuestionText)
	}
	if f := s.Floor; f != nil {
		fmt.Fprintf(&b, "On the floor: %s%s\n", f.Speaker.Name, placeWords(f.Remote, f.Hub))
	}
	fmt.Fprintf(&b, "Queue: %d\n", len(s.Queue))
	for i, q := range s.Queue {
		fmt.Fprintf(&b, "  %d. [%d] %s%s\n", i+1, q.ID, q.Speaker.Name, placeWords(q.Remote, q.Hub))
	}
	fmt.Fprintf(&b, "Turns so far: %d\n", len(s.Turns))
	for _, n := range s.Notes {
		what := map[string]string{"takeaway": "Takeaway", "call": "Call to action", "key": fmt.Sprintf("Key point (turn %d)", n.Turn)}[n.Kind]
		fmt.Fprintf(&b, "  %s by %s: %s\n", what, n.By, n.Text)
	}
	return b.String()
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
	case "ask":
		if rest == "" {
			return c, errors.New("ask NAME")
		}
		c.Speaker = &control.SpeakerWire{Name: rest}
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
		secs, err = strconv.Atoi(rest)
		c.Verb, c.AllottedNs = "add-time", int64(time.Duration(secs)*time.Second)
	case "takeaway", "call":
		c.Text = rest
	case "key":
		if c.Turn, err = num(first, "the turn"); err == nil {
			c.Text = tail
		}
	default:
		return c, fmt.Errorf("unknown command; try ask, give, end, join, withdraw, move, say, tell, queue, question, start, pause, resume, add, takeaway, call, key, open, close, quit")
	}
	return c, err
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
