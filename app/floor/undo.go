package floor

import (
	"errors"
	"fmt"
)

// ErrNothingToUndo is an undo with no action to take back: none yet, one
// already undone, or the floor changed since (a request came, a question
// was taken up).
var ErrNothingToUndo = errors.New("nothing to undo")

// undoable are the actions a moderator takes back when pressed by mistake.
func undoable(k Kind) bool {
	switch k {
	case Give, Take, End, Withdraw, Move:
		return true
	}
	return false
}

// CanUndo says whether Undo has an action to take back.
func (st State) CanUndo() bool { return st.before != nil }

// Undo takes back the last command when it was a give, an end, a
// withdrawal or a move, and only then: the state is the one before it,
// the turn it ended on the floor again with the time it had spoken (the
// turn's end adds it), the request it gave back in the queue. An undo is
// not undone.
func (st State) Undo() (State, error) {
	if st.before == nil {
		return st, fmt.Errorf("%w: only the last give, end of a turn, withdrawal or move can be taken back, and nothing came after it", ErrNothingToUndo)
	}
	back := *st.before
	if back.Current != nil && len(st.Interventions) > len(back.Interventions) {
		cur := *back.Current
		cur.Spoke = st.Interventions[len(back.Interventions)].Spoke // what it had spoken when it was ended
		back.Current = &cur
	}
	back.Applied = st.Applied
	return back, nil
}
