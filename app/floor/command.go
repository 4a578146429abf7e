package floor

import (
	"fmt"
	"time"
)

// Kind names a floor command; the names are what the log stores.
type Kind string

// Floor commands.
const (
	Ask      Kind = "floor.ask"      // Speaker
	Withdraw Kind = "floor.withdraw" // ID
	Move     Kind = "floor.move"     // ID, Pos
	Give     Kind = "floor.give"     // ID (0: first), Allotted, Spoke (of the turn it ends)
	Take     Kind = "floor.take"     // Speaker, Allotted, Spoke
	End      Kind = "floor.end"      // Spoke
	Question Kind = "floor.question" // Pos (1-based; 0: none), Text
	Join     Kind = "floor.join"     // ID joins the turn on the floor (a dialogue); Spoke is the turn's time so far
	Times    Kind = "floor.times"    // Times: the default times of typed requests
	Budgets  Kind = "floor.budgets"  // Plan: the speaking-time budgets (nil: none)
	Edit     Kind = "floor.edit"     // ID, Speaker: a request corrected
	Message  Kind = "floor.message"  // Text: to the speaker on the floor ("" clears it)
	Undo     Kind = "floor.undo"     // takes back the last give, end, withdraw or move (see State.Undo)
)

// Known reports whether k is a command this version understands.
func (k Kind) Known() bool {
	switch k {
	case Ask, Withdraw, Move, Give, Take, End, Question, Join, Times, Budgets, Edit, Message, Undo:
		return true
	}
	return false
}

// Command is one change to the floor, as the log keeps it. Spoke and Granted
// describe the turn the command ends, read from the speaker timer when it
// was given, so replaying the floor needs no timer.
type Command struct {
	Kind     Kind          `json:"kind"`
	At       time.Time     `json:"at"`
	ID       int           `json:"id,omitempty"`
	Pos      int           `json:"pos,omitempty"`
	Speaker  Speaker       `json:"speaker,omitzero"`
	Allotted time.Duration `json:"allotted,omitempty"`
	Spoke    time.Duration `json:"spoke,omitempty"`
	// Granted is the allotted time of the turn the command ends, with every
	// adjustment the moderator made; 0 keeps the time given at its start.
	Granted time.Duration `json:"granted,omitempty"`
	Text    string        `json:"text,omitempty"` // a policy question's wording
	Times   TypeTimes     `json:"times,omitzero"` // floor.times
	Plan    *Plan         `json:"plan,omitempty"` // floor.budgets
	// By is the seat of the session team that gave the command; empty for
	// the moderator at the room's own console.
	By string `json:"by,omitempty"`
}

// Version is the oldest floor log version that reads c right: 3 for an
// edited request and a message to the speaker, 2 for a typed request and
// the times and budgets commands (a version 1 reader would put a point of
// order at the end of the queue), 1 for the rest.
func (c Command) Version() int {
	if c.Kind == Edit || c.Kind == Message || c.Kind == Undo {
		return 3
	}
	if c.Kind == Times || c.Kind == Budgets || !c.Speaker.Type.IsZero() {
		return 2
	}
	return 1
}

// Apply returns the state after c, or an error and st unchanged.
func Apply(st State, c Command) (State, error) {
	prev := st
	var err error
	switch c.Kind {
	case Ask:
		st, _, err = st.Ask(c.Speaker, c.At)
	case Withdraw:
		st, err = st.Withdraw(c.ID)
	case Move:
		st, err = st.Move(c.ID, c.Pos)
	case Give:
		st, err = st.Give(c.ID, c.At, c.Allotted, Ending{Spoke: c.Spoke, Granted: c.Granted})
	case Take:
		st, err = st.Take(c.Speaker, c.At, c.Allotted, Ending{Spoke: c.Spoke, Granted: c.Granted})
	case End:
		st, err = st.End(c.At, Ending{Spoke: c.Spoke, Granted: c.Granted})
	case Question:
		st, err = st.TakeUpQuestion(c.Pos, c.Text, c.At)
	case Join:
		st, err = st.JoinTurn(c.ID, c.At, c.Spoke)
	case Times:
		st, err = st.SetTypeTimes(c.Times)
	case Budgets:
		st, err = st.SetPlan(c.Plan)
	case Edit:
		st, err = st.Edit(c.ID, c.Speaker)
	case Message:
		st, err = st.TellSpeaker(c.Text)
	case Undo:
		st, err = st.Undo()
	default:
		err = fmt.Errorf("unknown floor command %q", c.Kind)
	}
	if err != nil {
		return prev, fmt.Errorf("%s: %w", c.Kind, err)
	}
	switch c.Kind {
	case Give, Take, End: // a message is for the turn it was written in
		st.Message = ""
	}
	st.before = nil
	if undoable(c.Kind) {
		before := prev
		before.before = nil
		st.before = &before
	}
	st.Applied++
	return st, nil
}

// Replay folds a log of commands into the floor's state.
func Replay(log []Command) (State, error) {
	var st State
	for i, c := range log {
		next, err := Apply(st, c)
		if err != nil {
			return st, fmt.Errorf("floor log entry %d: %w", i+1, err)
		}
		st = next
	}
	return st, nil
}
