// Package floor is the queue of requests for the floor and the record of
// who spoke, from where and for how long, from which the speaking-time
// balance follows. It is pure Go over commands, like package timer, so the
// same log rebuilds it.
package floor

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Speaker is someone who asks for the floor. Group and Region hold the
// canonical names of package agenda's types (the app layer checks them);
// empty means not said.
type Speaker struct {
	Name        string `json:"name"`
	Affiliation string `json:"affiliation,omitempty"`
	Group       string `json:"group,omitempty"`
	Region      string `json:"region,omitempty"`
	Youth       bool   `json:"youth,omitempty"`
	Remote      bool   `json:"remote,omitempty"` // false: in the room
	Hub         string `json:"hub,omitempty"`    // the remote hub's name, when known
	// HubID is the invited hub the request belongs to: it, not a
	// connection, holds the place, so a restart or a reconnect gives the
	// hub back its requests and its turn. Logs older than it have none.
	HubID string `json:"hub_id,omitempty"`
	// Type is what the request asks for; regular is the zero value and is
	// not written (see RequestType), so older logs read the same.
	Type RequestType `json:"type,omitzero"`
	// Source is how the request came: console, hub or phone; unknown in
	// logs older than it, and not written then.
	Source Source `json:"source,omitzero"`
	// Device is the phone that asked (a hash of its cookie, never the
	// cookie), so its page finds its requests again after a restart.
	Device string `json:"device,omitempty"`
}

// Place is where the speaker is, in words.
func (s Speaker) Place() string {
	switch {
	case !s.Remote && s.Source == FromPhone:
		return "room (phone)"
	case !s.Remote:
		return "in the room"
	case s.Hub != "":
		return "remote: " + s.Hub
	}
	return "remote"
}

// Request is a Speaker waiting in the queue.
type Request struct {
	ID      int       `json:"id"`
	Speaker Speaker   `json:"speaker"`
	At      time.Time `json:"at"`
}

// Intervention is one turn at the floor.
type Intervention struct {
	Speaker  Speaker       `json:"speaker"`
	Start    time.Time     `json:"start"`
	End      time.Time     `json:"end"`
	Allotted time.Duration `json:"allotted"`           // 0 for an open turn
	Spoke    time.Duration `json:"spoke"`              // time on the floor, pauses excluded
	Request  int           `json:"request,omitempty"`  // the request it answered; 0 when the moderator called the speaker
	Question int           `json:"question,omitempty"` // the policy question on the table when it began (1-based); 0: none
}

// Overtime is how far the turn ran past its allotted time.
func (iv Intervention) Overtime() time.Duration {
	if iv.Allotted > 0 && iv.Spoke > iv.Allotted {
		return iv.Spoke - iv.Allotted
	}
	return 0
}

// State is the queue, the speaker on the floor and the record.
type State struct {
	Queue         []Request      `json:"queue"`
	Current       *Intervention  `json:"current,omitempty"`
	With          []Intervention `json:"with,omitempty"` // speakers who joined the turn on the floor: a dialogue
	Interventions []Intervention `json:"interventions"`
	NextID        int            `json:"next_id"`
	Question      int            `json:"question,omitempty"`      // the policy question on the table (1-based); 0: none
	QuestionText  string         `json:"question_text,omitempty"` // its wording
	Questions     []QuestionTurn `json:"questions,omitempty"`     // every question taken up, in order
	Applied       int            `json:"applied"`                 // how many commands made this state
	Times         TypeTimes      `json:"times,omitzero"`          // typed requests' times; zero: the defaults
	Plan          *Plan          `json:"plan,omitempty"`          // the speaking-time budgets; nil: none
	Message       string         `json:"message,omitempty"`       // for the speaker on the floor, until the turn changes
	// before is the state the last command changed, when Undo can take it
	// back (a give, an end, a withdrawal or a move); nil otherwise. Replay
	// rebuilds it, so an undo after a restart takes back the same action.
	before *State
}

// Errors for commands that do not fit; the state is unchanged.
var (
	ErrNoRequest   = errors.New("no request to give the floor to")
	ErrNobody      = errors.New("nobody has the floor")
	ErrBadSpeaker  = errors.New("the request is incomplete")
	ErrBadQuestion = errors.New("no such policy question")
)

// Ask puts s in the queue and returns its request id: a regular request
// at the end, a point of order or a direct reply where its type puts it
// (see RequestType).
func (st State) Ask(s Speaker, at time.Time) (State, int, error) {
	s.Name = strings.TrimSpace(s.Name)
	if s.Name == "" {
		return st, 0, fmt.Errorf("%w: a request needs a name", ErrBadSpeaker)
	}
	if len([]rune(s.Name)) > 200 || len([]rune(s.Affiliation)) > 300 {
		return st, 0, fmt.Errorf("%w: the name or affiliation is too long", ErrBadSpeaker)
	}
	if !s.Source.Known() {
		return st, 0, fmt.Errorf("%w: %v", ErrBadSource, int(s.Source))
	}
	s.Type = s.Type.stored()
	pos, err := st.place(s.Type, at)
	if err != nil {
		return st, 0, fmt.Errorf("%s: %w", s.Type.Words(), err)
	}
	st.NextID++
	st.Queue = slices.Insert(slices.Clone(st.Queue), pos, Request{ID: st.NextID, Speaker: s, At: at})
	return st, st.NextID, nil
}

// Withdraw takes request id out of the queue.
func (st State) Withdraw(id int) (State, error) {
	i := st.find(id)
	if i < 0 {
		return st, fmt.Errorf("%w: %d", ErrNoRequest, id)
	}
	st.Queue = slices.Delete(slices.Clone(st.Queue), i, i+1)
	return st, nil
}

// Move puts request id at position pos (0 is next), clamped to the queue.
func (st State) Move(id, pos int) (State, error) {
	i := st.find(id)
	if i < 0 {
		return st, fmt.Errorf("%w: %d", ErrNoRequest, id)
	}
	q := slices.Clone(st.Queue)
	r := q[i]
	q = slices.Delete(q, i, i+1)
	pos = max(0, min(pos, len(q)))
	st.Queue = slices.Insert(q, pos, r)
	return st, nil
}

// Ending is how the current turn ended: its speaking time, and its allotted
// time with adjustments (0 keeps the time given at its start).
type Ending struct {
	Spoke, Granted time.Duration
}

// Give hands the floor to request id (0: the first in the queue), ending
// the current turn.
func (st State) Give(id int, at time.Time, allotted time.Duration, end Ending) (State, error) {
	if len(st.Queue) == 0 {
		return st, fmt.Errorf("%w: nobody is waiting for the floor", ErrNoRequest)
	}
	i := 0
	if id != 0 {
		if i = st.find(id); i < 0 {
			return st, fmt.Errorf("%w: %d", ErrNoRequest, id)
		}
	}
	r := st.Queue[i]
	st = st.endCurrent(at, end)
	st.Queue = slices.Delete(slices.Clone(st.Queue), i, i+1)
	st.Current = &Intervention{Speaker: r.Speaker, Start: at, Allotted: allotted, Request: r.ID, Question: st.Question}
	return st, nil
}

// Take gives the floor to someone not in the queue (the moderator's own
// call), ending the current turn.
func (st State) Take(s Speaker, at time.Time, allotted time.Duration, end Ending) (State, error) {
	if strings.TrimSpace(s.Name) == "" {
		return st, fmt.Errorf("%w: a speaker needs a name", ErrBadSpeaker)
	}
	if !s.Type.Known() {
		return st, fmt.Errorf("%w: %d", ErrBadType, int(s.Type))
	}
	s.Type = s.Type.stored()
	st = st.endCurrent(at, end)
	st.Current = &Intervention{Speaker: s, Start: at, Allotted: allotted, Question: st.Question}
	return st, nil
}

// End closes the current turn.
func (st State) End(at time.Time, end Ending) (State, error) {
	if st.Current == nil {
		return st, ErrNobody
	}
	return st.endCurrent(at, end), nil
}

func (st State) endCurrent(at time.Time, end Ending) State {
	if st.Current == nil {
		return st
	}
	iv := *st.Current
	iv.End, iv.Spoke = at, iv.Spoke+end.Spoke // a turn an undo gave back had spoken iv.Spoke before
	if end.Granted > 0 {
		iv.Allotted = end.Granted
	}
	st.Interventions = append(slices.Clone(st.Interventions), iv)
	// Each speaker who joined spoke from joining to the end: the turn's
	// time less what had passed when they joined (kept in their Spoke).
	for _, w := range st.With {
		w.End, w.Spoke = at, max(0, end.Spoke-w.Spoke)
		st.Interventions = append(st.Interventions, w)
	}
	st.Current, st.With = nil, nil
	return st
}

// JoinTurn brings request id into the turn on the floor, a dialogue:
// both are live until the turn ends. spoke is the turn's speaking time
// when it joined, so its own time can be told at the end.
func (st State) JoinTurn(id int, at time.Time, spoke time.Duration) (State, error) {
	if st.Current == nil {
		return st, fmt.Errorf("%w: give the floor first, then others can join the turn", ErrNobody)
	}
	i := st.find(id)
	if i < 0 {
		return st, fmt.Errorf("%w: %d", ErrNoRequest, id)
	}
	if len(st.With) >= MaxWith {
		return st, fmt.Errorf("%w: at most %d speakers join one turn", ErrBadSpeaker, MaxWith)
	}
	r := st.Queue[i]
	st.Queue = slices.Delete(slices.Clone(st.Queue), i, i+1)
	st.With = append(slices.Clone(st.With), Intervention{Speaker: r.Speaker, Start: at, Request: r.ID, Question: st.Question, Spoke: spoke})
	return st, nil
}

// MaxWith is how many may join one turn: a dialogue, or a small panel.
const MaxWith = 3

// Live is every request on the floor now: the turn's and those who joined.
func (st State) Live() []int {
	var ids []int
	if st.Current != nil {
		ids = append(ids, st.Current.Request)
		for _, w := range st.With {
			ids = append(ids, w.Request)
		}
	}
	return ids
}

func (st State) find(id int) int {
	return slices.IndexFunc(st.Queue, func(r Request) bool { return r.ID == id })
}
