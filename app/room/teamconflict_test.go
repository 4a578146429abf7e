package room

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/floor"
)

// Two seats add a request at the same moment, and a hub asks meanwhile:
// a new request fits any state, so all three are in the queue (seen on a
// real room: the second seat was told "someone else acted first" and its
// participant was lost). A move on a state that changed is still refused.
func TestSeatsAddingRequestsAtOnceAreBothQueued(t *testing.T) {
	r := openTeamRig(t)
	ctx := context.Background()
	seen := r.mod.Base()
	if _, err := r.mod.Request(ctx, floor.Speaker{Name: "Barrack Otieno", Remote: true, Hub: "Nairobi", HubID: "h-nbo"}); err != nil {
		t.Fatal(err)
	}
	seats := []floor.Seat{r.seat[floor.OnlineModerator], r.seat[floor.CoModerator]}
	names := []string{"Zoom participant", "Room participant"}
	errs := make([]error, len(seats))
	var wg sync.WaitGroup
	for i, s := range seats {
		wg.Go(func() {
			errs[i] = r.room.Do(ctx, s, SeatCommand{Verb: Ask, Base: seen, Speaker: floor.Speaker{Name: names[i]}})
		})
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("%s's request: %v", names[i], err)
		}
	}
	q := r.mod.Floor().Queue
	if len(q) != 3 {
		t.Fatalf("the queue has %d requests, want 3: %+v", len(q), q)
	}
	flog, err := r.db.FloorLog(ctx, "igf/ws234")
	if err != nil {
		t.Fatal(err)
	}
	if last := flog[len(flog)-1]; last.Kind != floor.Ask || last.By == "" {
		t.Errorf("a seat's request is logged as %+v, with no seat's name", last)
	}
	err = r.room.Do(ctx, seats[0], SeatCommand{Verb: Move, Base: seen, ID: q[2].ID, Pos: 0})
	if !errors.Is(err, app.ErrStale) {
		t.Errorf("a move on a state that changed since: %v, want the room changed", err)
	}
}

// Every verb says what it does in a refusal, in words rather than its
// wire name ("tell" is the message to the speaker, "say" the hubs').
func TestEveryVerbHasWords(t *testing.T) {
	seen := map[string]Verb{}
	for _, v := range Verbs() {
		w := v.Words()
		if w == UnknownVerb.Words() {
			t.Errorf("%s has no words", v)
		}
		if o, ok := seen[w]; ok {
			t.Errorf("%s and %s both read %q", v, o, w)
		}
		seen[w] = v
	}
	err := Allowed(floor.Seat{Name: "Vladimir", Role: floor.RapporteurSeat}, Tell, false)
	if err == nil || !strings.Contains(err.Error(), "a message to the speaker on the floor needs the right to message") {
		t.Errorf("a rapporteur's message to the speaker: %v", err)
	}
}
