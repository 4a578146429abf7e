package room

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/agenda"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/timer"
)

// SeatCommand is one command from a seat, as the room applies it.
type SeatCommand struct {
	Verb     Verb
	Base     app.Base      // the state the seat saw when it gave the command
	ID       int           // a request (withdraw, move, give, join, edit), a poll (open, close) or an audience question
	Pos      int           // move: the new position (0 is next); question: its number (0: none)
	Speaker  floor.Speaker // ask: who; where they are is Remote (a hub's speakers come from the hub); edit: the correction
	Text     string        // say, tell, takeaway, call, key, answer
	Hub      string        // say: the hub's id ("" every hub); queue-hub: the hub's id
	Turn     int           // key: the intervention (1-based, in the session's record of turns)
	Allotted time.Duration // give: the turn's time (0: the request type's, 3 minutes for a regular one); add-time: how much
}

// DefaultTurn is a turn's time when a seat's Give does not say.
const DefaultTurn = 3 * time.Minute

// Do applies seat s's command c: checked against the seat's rights, then
// against the state the seat saw (a command that no longer fits is
// refused with app.ErrStale and nothing changes), then written to the log
// with the seat's name, and audited.
func (r *Room) Do(ctx context.Context, s floor.Seat, c SeatCommand) error {
	remote, known := r.giveTarget(c)
	if c.Verb == Give && !known {
		// No such request: the room says that (or that the seat's
		// screen is out of date) below, not that a right is missing.
		remote = true
	}
	if err := Allowed(s, c.Verb, remote); err != nil {
		// Whether a Give needs more than the right to give remote requests
		// depends on the queue: a seat whose queue is out of date is told
		// that, not that it lacks a right it has for what it saw.
		if c.Verb == Give && Allowed(s, Give, true) == nil && c.Base.Floor != r.mod.Base().Floor {
			err = fmt.Errorf("%w (the floor is at %d, the seat saw %d)", app.ErrStale, r.mod.Base().Floor, c.Base.Floor)
		}
		r.audit(s, "seat-refused", c.Verb.String()+": "+err.Error())
		return err
	}
	err := inSeatWords(c, r.do(app.AsSeat(ctx, app.SeatAct{Base: c.Base, By: s.Name}), s, c))
	detail := c.Verb.String()
	if c.ID != 0 {
		detail += fmt.Sprintf(" %d", c.ID)
	}
	if err != nil {
		r.audit(s, "seat-refused", detail+": "+err.Error())
		return err
	}
	r.audit(s, "seat-command", detail)
	r.wake()
	r.changed()
	return nil
}

// giveTarget says whether c gives the floor to a remote request, and
// whether the request it names is waiting at all.
func (r *Room) giveTarget(c SeatCommand) (remote, known bool) {
	if c.Verb != Give {
		return false, true
	}
	q := r.mod.Floor().Queue
	for i, req := range q {
		if req.ID == c.ID || c.ID == 0 && i == 0 {
			return req.Speaker.Remote, true
		}
	}
	return false, false
}

func (r *Room) do(ctx context.Context, s floor.Seat, c SeatCommand) error {
	switch c.Verb {
	case Ask:
		sp, err := seatSpeaker(c.Speaker)
		if err != nil {
			return err
		}
		_, err = r.mod.Request(ctx, sp)
		return err
	case Withdraw:
		return r.mod.Withdraw(ctx, c.ID)
	case Move:
		return r.mod.Move(ctx, c.ID, c.Pos)
	case Edit:
		return r.mod.Edit(ctx, c.ID, c.Speaker)
	case Tell:
		if err := noteText("a message to the speaker", c.Text); err != nil && c.Text != "" {
			return err
		}
		return r.mod.TellSpeaker(ctx, c.Text)
	case Give:
		allotted := c.Allotted
		if allotted <= 0 { // the request's type says how long: a point of order is short
			return r.mod.GiveTyped(ctx, c.ID, timer.CountDown, DefaultTurn)
		}
		if allotted > timer.MaxSpeaker {
			return fmt.Errorf("a turn of %v is longer than %v", allotted, timer.MaxSpeaker)
		}
		return r.mod.Give(ctx, c.ID, timer.CountDown, allotted)
	case End:
		return r.mod.EndTurn(ctx)
	case JoinTurn:
		return r.mod.Join(ctx, c.ID)
	case Say:
		if err := noteText("a message", c.Text); err != nil {
			return err
		}
		if c.Hub != "" && !r.knows(c.Hub) {
			return fmt.Errorf("no hub %q in the room", c.Hub)
		}
		r.Say(c.Hub, c.Text)
		return nil
	case QueueHub:
		p, ok := r.presence(c.Hub)
		if !ok && r.connected != nil {
			p, ok = r.connected(c.Hub)
		}
		if !ok {
			return fmt.Errorf("no hub %q in the room", c.Hub)
		}
		_, err := r.QueueHub(ctx, p, "")
		return err
	case Question:
		if c.Pos < 0 || c.Pos > len(r.questions) {
			return fmt.Errorf("%w: this session has %d policy questions", floor.ErrBadQuestion, len(r.questions))
		}
		text := ""
		if c.Pos > 0 {
			text = r.questions[c.Pos-1]
		}
		return r.mod.TakeUpQuestion(ctx, c.Pos, text)
	case Start:
		return r.mod.Timer(ctx, timer.Command{Kind: timer.StartSession, Duration: c.Allotted})
	case Pause:
		return r.mod.Timer(ctx, timer.Command{Kind: timer.PauseSession})
	case Resume:
		return r.mod.Timer(ctx, timer.Command{Kind: timer.ResumeSession})
	case AddTime:
		return r.mod.Timer(ctx, timer.Command{Kind: timer.AddTime, Duration: c.Allotted})
	case Takeaway, Call, KeyPoint:
		return r.note(ctx, s, c)
	case OpenPoll, ClosePoll:
		r.mu.Lock()
		hp := r.polls
		r.mu.Unlock()
		if hp == nil {
			return errors.New("this room runs no polls")
		}
		if c.Verb == OpenPoll {
			return hp.polls.Open(ctx, c.ID)
		}
		return hp.polls.Close(ctx, c.ID)
	case Publish, QueueQuestion, Answer, Dismiss:
		return r.moderateQuestion(ctx, c)
	}
	return fmt.Errorf("unknown seat command %v", c.Verb)
}

// note writes a line of the team's record: append-only, so it needs no
// base; a key point must name a turn that happened (or is on the floor).
func (r *Room) note(ctx context.Context, s floor.Seat, c SeatCommand) error {
	if r.record == nil {
		return errors.New("this room keeps no team record")
	}
	if err := noteText("a note", c.Text); err != nil {
		return err
	}
	n := floor.TeamNote{Text: strings.TrimSpace(c.Text), By: s.Name, Role: s.Role, At: r.clock.Now().UTC()}
	switch c.Verb {
	case Takeaway:
		n.Kind = floor.Takeaway
	case Call:
		n.Kind = floor.CallToAction
	case KeyPoint:
		n.Kind, n.Turn = floor.KeyPoint, c.Turn
		fs := r.mod.Floor()
		turns := len(fs.Interventions)
		if fs.Current != nil {
			turns++
		}
		if c.Turn < 1 || c.Turn > turns {
			return fmt.Errorf("there is no turn %d: the session has had %d", c.Turn, turns)
		}
	}
	return r.record.AddTeamNote(ctx, r.key, n)
}

func noteText(what, s string) error {
	switch t := strings.TrimSpace(s); {
	case t == "":
		return fmt.Errorf("%s with no text", what)
	case utf8.RuneCountInString(t) > floor.MaxNoteRunes:
		return fmt.Errorf("%s longer than %d characters", what, floor.MaxNoteRunes)
	case agenda.CheckText([]byte(t)) != nil:
		return fmt.Errorf("control or direction characters in %s", what)
	}
	return nil
}

// seatSpeaker is a speaker a seat adds: checked as the console's are, and
// never a hub's (a seat cannot speak for a hub).
func seatSpeaker(sp floor.Speaker) (floor.Speaker, error) {
	sp.Hub, sp.HubID = "", ""
	return app.CheckSpeaker(sp)
}

func (r *Room) knows(hubID string) bool {
	_, ok := r.presence(hubID)
	return ok
}

func (r *Room) presence(hubID string) (floor.Hub, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if h := r.hubs[hubID]; h != nil {
		return h.hub, true
	}
	return floor.Hub{}, false
}
