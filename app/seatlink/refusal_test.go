package seatlink

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/control"
	"github.com/igf-floor/floor/app/floor"
)

// An online moderator's Give to a request in the room is refused naming
// the right it lacks, floor, in words and in the reply's field (the field
// said give-remote, a right the seat has); a Give to a request no longer
// waiting says that, not that a right is missing.
func TestAnOnlineModeratorsRefusedGiveNamesTheRightItLacks(t *testing.T) {
	r := newRig(t)
	ctx := context.Background()
	c, _ := r.seat(t, app.NewSeat{Name: "Ginger Paque", Role: floor.OnlineModerator, GiveRemote: true})
	id, err := r.mod.Request(ctx, floor.Speaker{Name: "Anastasiya Kazakova"})
	if err != nil {
		t.Fatal(err)
	}
	eventually(t, "the request on the seat's screen", func() bool { return len(c.Status().State.Queue) == 1 })
	err = c.Do(ctx, control.SeatCommandWire{Verb: "give", ID: id})
	var refused *Refusal
	if !errors.As(err, &refused) || refused.Reply.Right != "floor" || !strings.Contains(err.Error(), "giving the floor needs the right to give and end turns") {
		t.Fatalf("a give to a request in the room: %v (right %q)", err, refusedRight(refused))
	}
	err = c.Do(ctx, control.SeatCommandWire{Verb: "give", ID: id + 7})
	if !errors.As(err, &refused) || refused.Reply.Right != "" || !strings.Contains(err.Error(), "is not waiting in the queue") {
		t.Fatalf("a give to a request that is not waiting: %v (right %q)", err, refusedRight(refused))
	}
	if r.mod.Floor().Current != nil {
		t.Fatal("the floor was given")
	}
}

func refusedRight(r *Refusal) string {
	if r == nil {
		return ""
	}
	return r.Reply.Right
}

// A seat's command returns once its own screen shows the effect, so a
// script's next command is based on it: "give" then "speaker" at once was
// refused as stale (seen in TestTheSessionTeamRunsARoomFromTheirSeats
// under load: "the floor is at 4, the seat saw 3").
func TestASeatsNextCommandIsBasedOnItsLast(t *testing.T) {
	r := newRig(t)
	ctx := context.Background()
	co, _ := r.seat(t, app.NewSeat{Name: "Jonas Grätz-Hoffmann", Role: floor.CoModerator})
	eventually(t, "the seat following", func() bool { return !co.Status().Stale })
	for i := range 5 { // 15 commands: within the room's burst of 20
		if err := co.Do(ctx, control.SeatCommandWire{Verb: "ask", Speaker: &control.SpeakerWire{Name: "Speaker"}}); err != nil {
			t.Fatal(err)
		}
		if err := co.Do(ctx, control.SeatCommandWire{Verb: "give"}); err != nil {
			t.Fatalf("give %d: %v", i, err)
		}
		if err := co.Do(ctx, control.SeatCommandWire{Verb: "tell", Text: "Please wrap up"}); err != nil {
			t.Fatalf("the message after give %d: %v", i, err)
		}
	}
	if got := r.mod.Floor().Message; got != "Please wrap up" {
		t.Errorf("the speaker reads %q", got)
	}
}
