package room

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/timer"
)

// A refused command reads in the seat's words, without the log's names
// for its commands ("floor.withdraw: no request to give the floor to: 9",
// "session.start: …" before), and is still its cause.
func TestARefusedCommandReadsInTheSeatsWords(t *testing.T) {
	r := openTeamRig(t)
	ctx := context.Background()
	co := r.seat[floor.CoModerator]
	for _, c := range []struct {
		cmd   SeatCommand
		words string
		cause error
	}{
		{SeatCommand{Verb: Withdraw, ID: 9}, "request 9 is not waiting in the queue (given the floor, withdrawn, or never made)", floor.ErrNoRequest},
		{SeatCommand{Verb: Move, ID: 9, Pos: 1}, "request 9 is not waiting in the queue (given the floor, withdrawn, or never made)", floor.ErrNoRequest},
		{SeatCommand{Verb: Give}, "nobody is waiting for the floor", floor.ErrNoRequest},
		{SeatCommand{Verb: Pause}, "the session has not started", timer.ErrNotStarted},
		{SeatCommand{Verb: Start, Allotted: time.Hour}, "", nil},
		{SeatCommand{Verb: Start, Allotted: time.Hour}, "the session has already started", timer.ErrAlreadyStarted},
		{SeatCommand{Verb: End}, "no speaker has the floor", timer.ErrNoSpeaker},
	} {
		c.cmd.Base = r.mod.Base()
		err := r.room.Do(ctx, co, c.cmd)
		if c.cause == nil {
			if err != nil {
				t.Fatalf("%s: %v", c.cmd.Verb, err)
			}
			continue
		}
		if err == nil || err.Error() != c.words || !errors.Is(err, c.cause) {
			t.Errorf("%s: %v, want %q", c.cmd.Verb, err, c.words)
		}
	}
}
