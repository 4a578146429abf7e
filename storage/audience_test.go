package storage

import (
	"context"
	"errors"
	"testing"

	"github.com/igf-floor/floor/app/floor"
)

func TestAudienceQuestionsUpvotesBlocksAndTheRoomCodeAreKept(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	q, err := db.AddQuestion(ctx, floor.AudienceQuestion{Session: "igf/WS234", Device: "d1", Name: "Amina",
		Text: "<b>Who</b> certifies?", State: floor.Pending, Asked: t0})
	if err != nil || q.ID == 0 {
		t.Fatalf("add: %+v, %v", q, err)
	}
	if _, err := db.AddQuestion(ctx, floor.AudienceQuestion{Session: "igf/other", Device: "d1", Text: "elsewhere", State: floor.Pending, Asked: t0}); err != nil {
		t.Fatal(err)
	}
	if err := db.AddUpvotes(ctx, []floor.Upvote{{Question: q.ID, Device: "d2", At: t0}, {Question: q.ID, Device: "d3", At: t0}}); err != nil {
		t.Fatal(err)
	}
	// A batch holding a second upvote of the same phone is refused whole.
	if err := db.AddUpvotes(ctx, []floor.Upvote{{Question: q.ID, Device: "d4", At: t0}, {Question: q.ID, Device: "d2", At: t0}}); !errors.Is(err, floor.ErrUpvoted) {
		t.Fatalf("second upvote: %v", err)
	}
	q.State, q.Request, q.Decided = floor.Queued, 7, t0.Add(60e9)
	if err := db.DecideQuestion(ctx, q); err != nil {
		t.Fatal(err)
	}
	qs, err := db.Questions(ctx, "igf/WS234")
	if err != nil || len(qs) != 1 {
		t.Fatalf("questions: %+v, %v", qs, err)
	}
	got := qs[0]
	if got.Text != "<b>Who</b> certifies?" || got.State != floor.Queued || got.Request != 7 || got.Upvotes != 2 || !got.Decided.Equal(q.Decided) || !got.Asked.Equal(t0) {
		t.Errorf("read back %+v", got)
	}
	ups, err := db.Upvoters(ctx, "igf/WS234")
	if err != nil || len(ups[q.ID]) != 2 {
		t.Errorf("upvoters %v, %v", ups, err)
	}
	if err := db.DecideQuestion(ctx, floor.AudienceQuestion{ID: 999, State: floor.Dismissed}); !errors.Is(err, ErrNotFound) {
		t.Errorf("deciding a missing question: %v", err)
	}
	for range 2 {
		if err := db.BlockDevice(ctx, "igf/WS234", "d9", t0); err != nil {
			t.Fatal(err)
		}
	}
	if bl, err := db.BlockedDevices(ctx, "igf/WS234"); err != nil || len(bl) != 1 || bl[0] != "d9" {
		t.Errorf("blocked %v, %v", bl, err)
	}
	n := 0
	fresh := func() string { n++; return "ROOM" + string(rune('A'+n)) }
	c1, err1 := db.RoomCode(ctx, "igf/WS234", fresh)
	c2, err2 := db.RoomCode(ctx, "igf/WS234", fresh)
	if err1 != nil || err2 != nil || c1 != c2 || n != 1 {
		t.Errorf("room code %q then %q (%d made), %v %v", c1, c2, n, err1, err2)
	}
}
