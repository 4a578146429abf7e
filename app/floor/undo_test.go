package floor

import (
	"errors"
	"reflect"
	"testing"
	"time"
)

func mustApply(t *testing.T, st State, cs ...Command) State {
	t.Helper()
	for _, c := range cs {
		next, err := Apply(st, c)
		if err != nil {
			t.Fatalf("%s: %v", c.Kind, err)
		}
		st = next
	}
	return st
}

// An End turn pressed by mistake is taken back: the turn is on the floor
// again with the time it had spoken, and its end later counts all of it;
// a replay of the log gives the same state.
func TestUndoGivesBackAnEndedTurn(t *testing.T) {
	log := []Command{
		{Kind: Ask, At: t0, Speaker: Speaker{Name: "Barrack Otieno"}},
		{Kind: Ask, At: t0, Speaker: Speaker{Name: "Anastasiya Kazakova"}},
		{Kind: Give, At: t0.Add(time.Minute), Allotted: 3 * time.Minute},
		{Kind: End, At: t0.Add(2 * time.Minute), Spoke: time.Minute},
		{Kind: Undo, At: t0.Add(2*time.Minute + 5*time.Second)},
	}
	st := mustApply(t, State{}, log...)
	if st.Current == nil || st.Current.Speaker.Name != "Barrack Otieno" || st.Current.Spoke != time.Minute || len(st.Interventions) != 0 {
		t.Fatalf("after the undo: current %+v, interventions %d", st.Current, len(st.Interventions))
	}
	if st.Applied != 5 || len(st.Queue) != 1 {
		t.Errorf("applied %d, queue %d", st.Applied, len(st.Queue))
	}
	if _, err := Apply(st, Command{Kind: Undo, At: t0.Add(3 * time.Minute)}); !errors.Is(err, ErrNothingToUndo) {
		t.Errorf("a second undo: %v", err)
	}
	replayed, err := Replay(log)
	if err != nil || !reflect.DeepEqual(replayed, st) {
		t.Errorf("replay differs: %v\n%+v\n%+v", err, replayed, st)
	}
	st = mustApply(t, st, Command{Kind: End, At: t0.Add(3 * time.Minute), Spoke: 50 * time.Second})
	if iv := st.Interventions; len(iv) != 1 || iv[0].Spoke != 110*time.Second || !iv[0].Start.Equal(t0.Add(time.Minute)) {
		t.Errorf("the turn's end: %+v", iv)
	}
}

// A wrong Give is taken back: the request is back at its place in the
// queue and the turn it ended is on the floor again.
func TestUndoTakesBackAWrongGive(t *testing.T) {
	st := mustApply(t, State{},
		Command{Kind: Ask, At: t0, Speaker: Speaker{Name: "Barrack Otieno"}},
		Command{Kind: Ask, At: t0, Speaker: Speaker{Name: "Anastasiya Kazakova"}},
		Command{Kind: Ask, At: t0, Speaker: Speaker{Name: "David Koh"}},
		Command{Kind: Give, At: t0.Add(time.Minute), Allotted: 3 * time.Minute},
		Command{Kind: Give, ID: 3, At: t0.Add(2 * time.Minute), Allotted: 3 * time.Minute, Spoke: time.Minute},
		Command{Kind: Undo, At: t0.Add(2*time.Minute + time.Second)})
	if st.Current == nil || st.Current.Speaker.Name != "Barrack Otieno" || st.Current.Spoke != time.Minute {
		t.Fatalf("current %+v", st.Current)
	}
	if got := ids(st); !reflect.DeepEqual(got, []int{2, 3}) {
		t.Errorf("queue %v, want [2 3]", got)
	}
}

// Only the last action can be taken back: a request that came since, or a
// message, leaves nothing to undo, and neither is undone itself.
func TestUndoOnlyTheLastAction(t *testing.T) {
	st := mustApply(t, State{},
		Command{Kind: Ask, At: t0, Speaker: Speaker{Name: "Barrack Otieno"}},
		Command{Kind: Give, At: t0, Allotted: time.Minute},
		Command{Kind: End, At: t0.Add(time.Minute), Spoke: time.Minute},
		Command{Kind: Ask, At: t0.Add(time.Minute), Speaker: Speaker{Name: "Kwame", Remote: true}})
	if st.CanUndo() {
		t.Error("an end followed by a request can be undone")
	}
	if _, err := Apply(st, Command{Kind: Undo, At: t0.Add(2 * time.Minute)}); !errors.Is(err, ErrNothingToUndo) {
		t.Errorf("undo after a request: %v", err)
	}
	st = mustApply(t, st, Command{Kind: Withdraw, ID: 2, At: t0.Add(2 * time.Minute)})
	if !st.CanUndo() {
		t.Fatal("a withdrawal cannot be undone")
	}
	st = mustApply(t, st, Command{Kind: Undo, At: t0.Add(2 * time.Minute)})
	if len(st.Queue) != 1 || st.Queue[0].Speaker.Name != "Kwame" {
		t.Errorf("withdrawal undone: %+v", st.Queue)
	}
}
