package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/room"
	"github.com/igf-floor/floor/app/timer"
	"github.com/igf-floor/floor/assets"
	"github.com/igf-floor/floor/cmd/floor/internal/hubserve"
	"github.com/igf-floor/floor/storage"
)

func (o *options) serveCmd() *cobra.Command {
	var f hubFlags
	var session, listen, turnUser, turnPass, roomSound string
	var stun, turn []string
	var maxHubs int
	var grace time.Duration
	var sfu string
	var sfuRoom int64
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Open a session to remote hubs without a window (a headless moderator)",
		Long: `Open the session to remote hubs: HTTPS (WHIP) and media on one port, TCP and
UDP. Hubs join with invites from 'floor hubs add'; their requests for the floor
join the session's queue. Until this runs (or the console's "Open to hubs"),
Floor listens on nothing.

Type commands on standard input: start [MIN], ask [--type point-of-order|
direct-reply] [--group G] [--region R] [--youth] [--remote] NAME (--remote: in
the video call, outside any hub), give [ID] [M:SS] (without
a time, a point of order or a direct reply gets its type's), end, pause, resume,
say TEXT, volume PERCENT, mute, queue, queue HUB [NAME] (for a WHIP client
without Floor's control channel), hubs, revoke ID, times M:SS M:SS (a point of
order's and a direct reply's), budget [group|region|place|youth] CATEGORY
MINUTES|PERCENT%|off, budget equal, budget clear, budgets (used and left),
suggest (a fair order with its reasons), follow (put the queue in it); for the
room's phones (https://HOST:PORT/floor/CODE, its QR code printed and saved
beside the database): audience, approve Q, publish Q, answer Q TEXT,
dismiss Q, block Q | block request R, unblock PHONE, qr; quit. A hub whose
link drops is away and keeps its place for --hub-grace; it reconnects by itself. The hub
on the floor is heard on the default audio device (or a null output when there
is none, as the first lines say) and recorded beside the database.`,
		Args: exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			cert, err := o.certificate(&f)
			if err != nil {
				return err
			}
			ice := hubserve.ICEServers(stun, turn, turnUser, turnPass)
			return o.withDB(cmd, func(db *storage.DB) error {
				ctx := cmd.Context()
				s, err := db.FindSession(ctx, session)
				if err != nil {
					return err
				}
				key := app.ModerationKey(s.Source, s.GUID)
				m, err := app.OpenModerator(ctx, db, o.env.Clock, key)
				if err != nil {
					return err
				}
				// The session's thresholds, as the console's Display settings… kept them:
				// the hubs and the confidence monitor warn when the room would.
				prefs, err := app.LoadDisplayPrefs(ctx, db, key)
				if err != nil {
					return err
				}
				m.SetThresholds(prefs.Thresholds)
				polls, err := app.OpenPolls(ctx, db, o.env.Clock, key)
				if err != nil {
					return err
				}
				aud, err := app.OpenAudience(ctx, db, m, o.env.Clock, key)
				if err != nil {
					return err
				}
				leftOpen, was, err := db.RoomLeftOpen(ctx, key)
				if err != nil {
					return err
				}
				if leftOpen && !cmd.Flags().Changed("listen") && was != "" {
					listen = was // the hubs are dialling that address
				}
				srv, err := hubserve.Open(ctx, hubserve.Config{DB: db, Moderator: m, SessionTitle: s.Title, SessionKey: key, Listen: listen,
					Certificate: cert, ICEServers: ice, MaxHubs: maxHubs, Clock: o.env.Clock, Polls: polls, Audience: aud, RoomSound: roomSound, Session: &s, SFU: sfu, SFURoom: sfuRoom, HubGrace: grace})
				if err != nil {
					return err
				}
				defer srv.Close()
				// The port bound, not asked for (":0"): a restart must reopen where the hubs dial.
				host, _, _ := net.SplitHostPort(listen)
				if err := db.RecordRoom(ctx, key, true, net.JoinHostPort(host, strconv.Itoa(srv.Addr.Port)), o.env.Clock.Now()); err != nil {
					return err
				}
				out := &lockedWriter{w: cmd.OutOrStdout()}
				if leftOpen {
					fmt.Fprintln(out, "Reopened to hubs: Floor was open when it stopped.")
				}
				if back := len(m.Floor().Hubs()); back > 0 {
					fmt.Fprintf(out, "Expecting %d hubs back from the log; each keeps its place for %s.\n", back, timer.Clock(grace, false))
				}
				fmt.Fprintf(out, "Open to hubs: https://%s (TCP) and UDP %d, session %s %q\n", srv.Addr, srv.UDP.Port, s.Number, s.Title)
				fmt.Fprintf(out, "Certificate pin %s\n", srv.Pin)
				fmt.Fprintf(out, "Sound: %s\n", srv.Sound.Device)
				fmt.Fprintf(out, "The hubs hear the room's %s\n", srv.RoomSound.Describe())
				fmt.Fprintf(out, "Participants subscribe to https://%s/schedule.ics or /schedule.json; browser hubs join at https://%s/hub\n", hubserve.AdvertisedHost(srv.Addr.String()), hubserve.AdvertisedHost(srv.Addr.String()))
				if srv.Sound.Why != nil {
					fmt.Fprintf(out, "  (%v)\n", srv.Sound.Why)
				}
				fmt.Fprintf(out, "The speaker display for a tablet or a second screen (read-only): https://%s/display#token=%s\n",
					hubserve.AdvertisedHost(srv.Addr.String()), srv.DisplayToken)
				h := &headless{o: o, db: db, m: m, srv: srv, out: out, dir: app.HubDirectory{Store: db, Clock: o.env.Clock},
					polls: polls, questions: s.PolicyQuestions, planned: s.Duration(), host: hubserve.AdvertisedHost(srv.Addr.String()),
					aud: aud, asked: len(aud.Questions())}
				srv.Room.OnChange(h.roomChanged)
				h.printPhonePage()
				defer aud.Watch(h.audienceChanged)()
				defer h.followQueue(ctx)()
				err = h.run(ctx, o.env.Stdin)
				// Quit or Ctrl+C is the moderator closing the room; a killed
				// process writes nothing, and the next start reopens.
				return errors.Join(err, db.RecordRoom(context.WithoutCancel(ctx), key, false, "", o.env.Clock.Now()))
			})
		},
	}
	cmd.Flags().StringVar(&session, "session", assets.BuiltInSessionRef, "the session to run")
	cmd.Flags().StringVar(&listen, "listen", fmt.Sprintf(":%d", hubserve.DefaultPort), "address for HTTPS; UDP uses the same port")
	cmd.Flags().StringSliceVar(&stun, "stun", nil, "STUN server URLs announced to hubs (stun:host:port)")
	cmd.Flags().StringSliceVar(&turn, "turn", nil, "TURN server URLs announced to hubs (turn:host:port)")
	cmd.Flags().StringVar(&turnUser, "turn-user", "", "TURN user name")
	cmd.Flags().StringVar(&turnPass, "turn-password", "", "TURN password")
	cmd.Flags().IntVar(&maxHubs, "max-hubs", 16, "hubs connected at once")
	cmd.Flags().DurationVar(&grace, "hub-grace", room.DefaultGrace, "how long a hub whose link dropped keeps its place in the queue")
	cmd.Flags().StringVar(&sfu, "sfu", "", "a Janus server's HTTP API (http://host:8088/janus) whose VideoRoom carries the hubs' media")
	cmd.Flags().Int64Var(&sfuRoom, "sfu-room", 1234, "the Janus VideoRoom")
	cmd.Flags().StringVar(&roomSound, "room-sound", "auto", "what the hubs hear of the room: auto (a microphone or mixer input when there is one, else a test tone), mic, test")
	f.register(cmd)
	return cmd
}

// lockedWriter serialises lines from the network goroutines and the
// command reader.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// headless is the moderator's console as lines of text.
type headless struct {
	o    *options
	db   *storage.DB
	m    *app.Moderator
	srv  *hubserve.Serving
	dir  app.HubDirectory
	out  io.Writer
	mu   sync.Mutex
	last string

	polls     *app.Polls
	questions []string      // the session's policy questions
	planned   time.Duration // the session's length, which budgets share
	suggested []int         // the order 'suggest' last printed, which 'follow' applies
	host      string        // host:port phones and hubs reach
	aud       *app.Audience
	asked     int // audience questions printed so far
}

// roomChanged prints the hubs and the queue when they differ from the
// last print.
func (h *headless) roomChanged() {
	text := h.describe()
	h.mu.Lock()
	same := text == h.last
	h.last = text
	h.mu.Unlock()
	if !same {
		fmt.Fprint(h.out, text)
	}
}

func (h *headless) describe() string {
	var b strings.Builder
	links := h.srv.Links()
	connected := 0
	for _, l := range links {
		if l.State != "away" {
			connected++
		}
	}
	fmt.Fprintf(&b, "Hubs connected: %d\n", connected)
	now := time.Now()
	for _, l := range links {
		line := fmt.Sprintf("  %s (%s) %s, %d present", l.Hub.Name, l.Hub.ID, hubWho(l.Hub), l.People)
		switch {
		case l.State == "away":
			line += " — " + l.AwayWords(now)
		case !l.Control:
			line += fmt.Sprintf(" — media only (no control channel): 'queue %s' puts it in the queue", l.Hub.ID)
		}
		fmt.Fprintln(&b, line)
	}
	if seats := h.srv.Room.ConnectedSeats(context.Background()); len(seats) > 0 {
		fmt.Fprintf(&b, "Seats connected: %d\n", len(seats))
		for _, s := range seats {
			fmt.Fprintf(&b, "  %s (%s) as %s\n", s.Name, s.ID, s.Role.Words())
		}
	}
	fs := h.m.Floor()
	if fs.Current != nil {
		fmt.Fprintf(&b, "On the floor: %s\n", requestWords(floor.Request{Speaker: fs.Current.Speaker}))
		for _, w := range fs.With {
			fmt.Fprintf(&b, "  with: %s\n", speakerLine(w.Speaker))
		}
		if fs.Message != "" {
			fmt.Fprintf(&b, "The speaker reads: %s\n", fs.Message)
		}
	}
	fmt.Fprintf(&b, "Queue: %d\n", len(fs.Queue))
	for i, q := range fs.Queue {
		fmt.Fprintf(&b, "  %d. [%d] %s\n", i+1, q.ID, requestWords(q))
	}
	return b.String()
}

// run reads commands until quit or ctx ends, printing each hub's link
// quality every five seconds while hubs are connected.
func (h *headless) run(ctx context.Context, in io.Reader) error {
	lines := make(chan string)
	if in != nil {
		go func() {
			sc := bufio.NewScanner(in)
			for sc.Scan() {
				select {
				case lines <- sc.Text():
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	tick := time.NewTicker(5 * time.Second)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			fmt.Fprintln(h.out, "Closed to hubs.")
			return nil
		case <-tick.C:
			for _, l := range h.srv.Links() {
				if l.State != "away" { // away hubs are in the room's lines, with their grace
					fmt.Fprintln(h.out, linkLine(l))
				}
			}
		case line := <-lines:
			if quit := h.command(ctx, line); quit {
				fmt.Fprintln(h.out, "Closed to hubs.")
				return nil
			}
		}
	}
}

// command runs one typed command; it reports whether to quit.
func (h *headless) command(ctx context.Context, line string) bool {
	verb, rest, _ := strings.Cut(strings.TrimSpace(line), " ")
	rest = strings.TrimSpace(rest)
	var err error
	switch strings.ToLower(verb) {
	case "":
		return false
	case "quit", "exit":
		return true
	case "start":
		minutes := 60
		if rest != "" {
			minutes, err = strconv.Atoi(rest)
		}
		if err == nil {
			err = h.m.Timer(ctx, timer.Command{Kind: timer.StartSession, Duration: time.Duration(minutes) * time.Minute})
		}
	case "pause":
		err = h.m.Timer(ctx, timer.Command{Kind: timer.PauseSession})
	case "resume":
		err = h.m.Timer(ctx, timer.Command{Kind: timer.ResumeSession})
	case "give":
		err = h.give(ctx, rest)
	case "end":
		err = h.m.EndTurn(ctx)
	case "undo": // the last give, end, withdrawal or move, taken back in the log
		err = h.m.Undo(ctx)
	case "join":
		var id int
		if id, err = strconv.Atoi(rest); err != nil {
			err = fmt.Errorf("join: request number %q; it joins the speaker on the floor", rest)
		} else {
			err = h.m.Join(ctx, id)
		}
	case "say":
		h.srv.Room.Say("", rest)
	case "speaker": // the message to the speaker on the floor; bare, it clears it
		err = h.m.TellSpeaker(ctx, rest)
	case "volume":
		var pct int
		if pct, err = strconv.Atoi(strings.TrimSuffix(rest, "%")); err == nil && (pct < 0 || pct > 100) {
			err = fmt.Errorf("volume %d: from 0 to 100", pct)
		}
		if err == nil {
			h.srv.SetVolume(float64(pct) / 100)
			fmt.Fprintf(h.out, "Volume %d%%.\n", pct)
		}
	case "mute":
		h.srv.SetVolume(0)
		fmt.Fprintln(h.out, "Hubs muted; 'volume 100' brings them back.")
	case "queue", "hubs":
		if verb == "queue" && rest != "" {
			hubID, name, _ := strings.Cut(rest, " ")
			var id int
			if id, err = h.srv.QueueHub(ctx, hubID, strings.TrimSpace(name)); err == nil {
				fmt.Fprintf(h.out, "Queued request %d for hub %s.\n", id, hubID)
			}
			break
		}
		fmt.Fprint(h.out, h.describe())
	case "revoke":
		if strings.HasPrefix(rest, "s") { // seat ids begin with s, hub ids with h
			var seat floor.Seat
			if seat, err = (app.SeatDirectory{Store: h.db, Clock: h.o.env.Clock}).Revoke(ctx, rest); err == nil {
				h.srv.Seats.CutOff(seat.ID)
				fmt.Fprintf(h.out, "Revoked the seat of %s.\n", seat.Name)
			}
			break
		}
		var hub floor.Hub
		if hub, err = h.dir.Revoke(ctx, rest); err == nil {
			h.srv.CutOff(ctx, hub.ID)
			fmt.Fprintf(h.out, "Revoked %s.\n", hub.Name)
		}
	case "ask", "times", "budget", "budgets", "suggest", "follow":
		err = h.floorCommand(ctx, strings.ToLower(verb), rest)
	case "question", "poll", "open", "close", "results":
		err = h.pollCommand(ctx, strings.ToLower(verb), rest)
	case "audience", "approve", "publish", "answer", "dismiss", "block", "unblock", "qr":
		err = h.audienceCommand(ctx, strings.ToLower(verb), rest)
	default:
		err = fmt.Errorf("unknown command %q; try start, ask, give, join, end, undo, pause, resume, say, volume, mute, queue [HUB [NAME]], hubs, revoke, times, budget, budgets, suggest, follow, question, poll, open, close, results, audience, approve, publish, answer, dismiss, block, unblock, qr, quit", verb)
	}
	if err != nil {
		fmt.Fprintf(h.out, "! %v\n", err)
	} else {
		h.roomChanged()
	}
	return false
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
