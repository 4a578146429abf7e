package app

import (
	"context"
	"errors"
	"fmt"

	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/timer"
)

// Base is the state a command was based on: how many timer and floor
// commands had made the state its sender saw.
type Base struct {
	Timer int `json:"timer"`
	Floor int `json:"floor"`
}

// SeatAct is a command from a seat of the session team: who gave it, and
// the state they saw when they did.
type SeatAct struct {
	Base Base
	By   string // the seat's name, kept with every floor command it gives
}

type seatActKey struct{}

// AsSeat marks ctx as carrying a seat's command: the moderator applies it
// only if the floor (or, for a timer command, the timers) is still the
// state the seat saw, and records the seat's name with it.
func AsSeat(ctx context.Context, act SeatAct) context.Context {
	return context.WithValue(ctx, seatActKey{}, act)
}

func seatActFrom(ctx context.Context) (SeatAct, bool) {
	act, ok := ctx.Value(seatActKey{}).(SeatAct)
	return act, ok
}

// ErrStale is a seat's command based on a state that has changed since:
// someone else acted first. Nothing was done.
var ErrStale = errors.New("the room changed since this screen last saw it (someone else acted first); nothing was done: look again and retry")

// checkSeat refuses a seat's command that no longer fits the state, and
// signs the timer and floor commands with the seat's name. A new request
// fits any state: two seats adding one each at the same moment, or a seat
// adding one as a hub asks, both go into the queue.
func (m *Moderator) checkSeat(ctx context.Context, timerOnly bool, tcs []timer.Command, fcs []floor.Command) error {
	act, ok := seatActFrom(ctx)
	if !ok {
		return nil
	}
	switch {
	case !timerOnly && onlyAsks(fcs):
	case !timerOnly && act.Base.Floor != m.floor.Applied:
		return fmt.Errorf("%w (the floor is at %d, the seat saw %d)", ErrStale, m.floor.Applied, act.Base.Floor)
	case timerOnly && act.Base.Timer != m.timer.Applied:
		return fmt.Errorf("%w (the timers are at %d, the seat saw %d)", ErrStale, m.timer.Applied, act.Base.Timer)
	}
	for i := range fcs {
		fcs[i].By = act.By
	}
	for i := range tcs {
		tcs[i].By = act.By
	}
	return nil
}

// onlyAsks says whether fcs add requests and do nothing else.
func onlyAsks(fcs []floor.Command) bool {
	for _, c := range fcs {
		if c.Kind != floor.Ask {
			return false
		}
	}
	return len(fcs) > 0
}

// Base is the state the moderator's log has reached.
func (m *Moderator) Base() Base {
	m.mu.Lock()
	defer m.mu.Unlock()
	return Base{Timer: m.timer.Applied, Floor: m.floor.Applied}
}
