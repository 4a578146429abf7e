package cli

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/control"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/timer"
	"github.com/igf-floor/floor/cmd/floor/internal/hubjoin"
)

func (o *options) hubCmd() *cobra.Command {
	var opts hubjoin.Options
	var speaker floor.Speaker
	var request bool
	var size, kind string
	var window bool
	var vote string
	cmd := &cobra.Command{
		Use:   "hub [INVITE]",
		Short: "Join a session as a remote hub with a floor:// invite",
		Long: `Join a moderator's session as a remote hub: send live audio and video over
WebRTC (WHIP), ask for the floor, and follow the room's timer. The invite pins
the moderator's certificate: any other certificate is refused. Without a
camera or microphone the hub sends its built-in test source instead: a moving
pattern with the frame number and the time painted in, and a tone. Ctrl+C leaves.

Without INVITE, or with --window, the hub window opens: paste the invite,
join, see yourself, ask for the floor and follow the room's timer.`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 1 {
				return usageError{fmt.Errorf("one invite at most, got %d arguments", len(args))}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			var err0 error
			if opts.Width, opts.Height, err0 = parseSize(size); err0 != nil {
				return usageError{err0}
			}
			if speaker.Type, err0 = floor.ParseRequestType(kind); err0 != nil {
				return usageError{fmt.Errorf("--type: %w", err0)}
			}
			if len(args) == 0 || window {
				return o.openHubWindow(cmd, args, opts)
			}
			inv, err := app.ParseInvite(args[0])
			if err != nil {
				return usageError{err}
			}
			if inv.Seat != "" {
				return usageError{errors.New("this is a seat's invite, for the session team: open it with 'floor seat'")}
			}
			opts.Clock = o.env.Clock
			ctx := cmd.Context()
			j, err := hubjoin.Join(ctx, inv, opts)
			if err != nil {
				return err
			}
			defer j.Leave()
			out := cmd.OutOrStdout()
			st := j.Client().Status()
			fmt.Fprintf(out, "Joined %q as %s, sending %s.\n", st.Session, st.HubName, j.Sending)
			switch {
			case request && st.Request != 0:
				// A hub started again finds its request still in the room.
				fmt.Fprintf(out, "The room still has this hub's request %d: not asking again.\n", st.Request)
			case request:
				if strings.TrimSpace(speaker.Name) == "" {
					speaker.Name = st.HubName
				}
				if err := j.Client().RequestFloor(speaker); err != nil {
					return err
				}
			}
			return followRoom(ctx, out, j, o.env.Local, vote)
		},
	}
	cmd.Flags().BoolVar(&window, "window", false, "open the hub window (the default without INVITE)")
	cmd.Flags().StringVar(&opts.Source, "source", "auto", "what to send: auto (camera and microphone when present, else the test pattern and tone), camera, test")
	cmd.Flags().BoolVar(&opts.AudioOnly, "audio-only", false, "send audio only, for thin links")
	cmd.Flags().StringVar(&size, "size", "640x360", "test picture size, WxH")
	cmd.Flags().IntVar(&opts.People, "people", 0, "people present at the hub")
	cmd.Flags().BoolVar(&request, "request-floor", false, "ask for the floor on joining")
	cmd.Flags().StringVar(&opts.SFU, "sfu", "", "send the media through the event's Janus server (its HTTP API, http://host:8088/janus); control still goes to the room")
	cmd.Flags().Int64Var(&opts.SFURoom, "sfu-room", 1234, "the Janus VideoRoom")
	cmd.Flags().StringVar(&vote, "vote", "", "answer each poll the room opens, as the hub: option numbers (\"2\" or \"1,3\"), or the text for a text poll")
	cmd.Flags().StringVar(&speaker.Name, "name", "", "who asks for the floor (default: the hub's name)")
	cmd.Flags().StringVar(&speaker.Affiliation, "affiliation", "", "the speaker's organisation")
	cmd.Flags().StringVar(&speaker.Group, "group", "", "the speaker's stakeholder group (default: the hub's)")
	cmd.Flags().StringVar(&speaker.Region, "region", "", "the speaker's regional group (default: the hub's)")
	cmd.Flags().BoolVar(&speaker.Youth, "youth", false, "the speaker is a youth participant")
	cmd.Flags().StringVar(&kind, "type", "regular", "what the request asks for: regular, point-of-order (the head of the queue) or direct-reply (right after the turn on the floor)")
	return cmd
}

// openHubWindow opens the hub window, with the invite filled in if given.
func (o *options) openHubWindow(cmd *cobra.Command, args []string, opts hubjoin.Options) error {
	if o.env.OpenHubWindow == nil {
		return errors.New("this build of Floor has no window; give an INVITE to join from the command line")
	}
	opts.Clock = o.env.Clock
	var mu sync.Mutex // the devices picked, set on the window's goroutine, read by the join's
	var camera, mic string
	h := HubWindow{Join: func(ctx context.Context, inv app.Invite, audioOnly bool) (app.HubConnection, error) {
		o := opts
		o.AudioOnly = audioOnly
		mu.Lock()
		o.Camera, o.Microphone = camera, mic
		mu.Unlock()
		j, err := hubjoin.Join(ctx, inv, o)
		if err != nil {
			return nil, err
		}
		return j, nil
	},
		Preflight:  app.HubPreflight{Devices: hubjoin.Devices, MicLevel: hubjoin.MicLevel},
		UseDevices: func(c, m string) { mu.Lock(); camera, mic = c, m; mu.Unlock() },
	}
	if len(args) == 1 {
		h.Invite = args[0]
	}
	return o.env.OpenHubWindow(cmd.Context(), h)
}

func parseSize(s string) (int, int, error) {
	ws, hs, ok := strings.Cut(strings.ToLower(s), "x")
	w, err1 := strconv.Atoi(ws)
	h, err2 := strconv.Atoi(hs)
	if !ok || err1 != nil || err2 != nil || w < 16 || h < 16 || w > 1920 || h > 1080 || w%2 != 0 || h%2 != 0 {
		return 0, 0, fmt.Errorf("--size %q: want even WxH up to 1920x1080, e.g. 1280x720", s)
	}
	return w, h, nil
}

// followRoom prints the hub's place and the room's timers once a second
// (the timers are computed locally from the room's anchors and clock).
func followRoom(ctx context.Context, out interface{ Write([]byte) (int, error) }, j *hubjoin.Joined, local *time.Location, vote string) error {
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	last, notice, toSpeaker := "", "", ""
	question, voted := -1, map[int]bool{}
	for {
		select {
		case <-ctx.Done():
			fmt.Fprintln(out, "Left the room.")
			return nil
		case <-tick.C:
		}
		st := j.Client().Status()
		if j.State() == "revoked" {
			return fmt.Errorf("%s", st.Link.Words())
		}
		line := hubLine(st, j)
		if line != last || st.Floor == "live" || st.HaveTimer {
			fmt.Fprintf(out, "%s  %s\n", time.Now().In(local).Format("15:04:05"), line)
			last = line
		}
		if st.Notice != notice { // once when it comes, not after every status line
			notice = st.Notice
			if notice != "" {
				fmt.Fprintf(out, "  room: %s\n", notice)
			}
		}
		if st.ToSpeaker != toSpeaker { // the moderator's message to this hub's speaker, as the window shows it
			toSpeaker = st.ToSpeaker
			if toSpeaker != "" {
				fmt.Fprintf(out, "  to the speaker: %s\n", toSpeaker)
			} else {
				fmt.Fprintln(out, "  to the speaker: (cleared)")
			}
		}
		if st.Question != question {
			question = st.Question
			if question > 0 {
				fmt.Fprintf(out, "  policy question %d: %s\n", question, st.Wording)
			}
		}
		if p := st.Poll; p != nil && p.Open() && !voted[p.ID] {
			voted[p.ID] = true
			fmt.Fprintf(out, "  poll %d open: %s %s\n", p.ID, p.Question, strings.Join(p.Options, " / "))
			if vote != "" {
				v, err := hubVote(*p, vote)
				if err == nil {
					err = j.Client().Vote(p.ID, []control.HubVote{v}, true, 0)
				}
				if err != nil {
					fmt.Fprintf(out, "  ! vote in poll %d: %v\n", p.ID, err)
				} else {
					fmt.Fprintf(out, "  voted in poll %d as the hub\n", p.ID)
				}
			}
		}
	}
}

// hubVote reads --vote for poll p: option numbers from 1, or a text answer.
func hubVote(p floor.Poll, answer string) (control.HubVote, error) {
	if p.Kind == floor.TextPoll {
		return control.HubVote{Text: answer}, nil
	}
	var v control.HubVote
	for _, f := range strings.Split(answer, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 || n > len(p.Options) {
			return v, fmt.Errorf("--vote %q: option numbers 1 to %d", answer, len(p.Options))
		}
		v.Choices = append(v.Choices, n-1)
	}
	return v, nil
}

func hubLine(st app.HubStatus, j *hubjoin.Joined) string {
	parts := []string{st.Place}
	if st.HaveTimer {
		sp := st.Timer.Speaker
		if sp.Active {
			speaker := sp.Name + " " + sp.Digits
			if sp.Words != "" {
				speaker += " " + sp.Words
			}
			parts = append(parts, "speaker "+speaker)
		}
		if se := st.Timer.Session; se.Started {
			parts = append(parts, "session "+sessionWords(se))
		}
	}
	if !st.Link.Up() || st.Link.Down > 0 {
		parts = append(parts, st.Link.Words())
	} else if st.Stale {
		parts = append(parts, "STALE: no word from the room")
	}
	parts = append(parts, fmt.Sprintf("clock %+d ms (rtt %d ms)", st.Offset.Milliseconds(), st.RTT.Milliseconds()))
	if j.Source != nil {
		parts = append(parts, fmt.Sprintf("sending %d kbps", j.Source.Stats.Kbps.Load()))
	}
	if level, ok := j.RoomSound(); ok {
		parts = append(parts, fmt.Sprintf("hearing the room (level %.0f %%)", 100*level))
	} else {
		parts = append(parts, "the room's sound is not arriving")
	}
	return strings.Join(parts, " · ")
}

// sessionWords is the session clock in a few words: "41:12 left", "ended".
func sessionWords(s timer.SessionReading) string {
	switch {
	case s.Ended:
		return "ended"
	case s.Overrun > 0:
		return "OVER TIME +" + timer.Clock(s.Overrun, false)
	case !s.Running:
		return timer.Clock(s.Remaining, true) + " left, paused"
	}
	return timer.Clock(s.Remaining, true) + " left"
}
