package app_test

import (
	"testing"
	"time"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/agenda"
)

// Camp A's day as a grid: two halls, the hours from 10:00 to 16:00 in the
// event's zone, each talk as long as it lasts.
func TestGridOfADay(t *testing.T) {
	p := twoCamps(t)
	g := p.GridOf(p.Rows(), "Saturday 1 August 2026")
	if len(g.Rooms) != 2 || g.Rooms[0] != "Hall 1" || g.Rooms[1] != "Hall 2" {
		t.Fatalf("rooms %q", g.Rooms)
	}
	if g.Start.Format("15:04 MST") != "10:00 CEST" || g.End.Format("15:04") != "16:00" || len(g.Blocks) != 3 {
		t.Fatalf("grid %s to %s, %d blocks", g.Start, g.End, len(g.Blocks))
	}
	for _, b := range g.Blocks {
		if b.Session.Title == "Security by design, a panel" && (b.Column != 1 || b.From != 30*time.Minute || b.To != 90*time.Minute || b.Lanes != 1) {
			t.Errorf("the panel's block %+v", b)
		}
	}
	if g := p.GridOf(p.Rows(), "Sunday 2 August 2026"); len(g.Blocks) != 0 {
		t.Errorf("a day with no sessions has %d blocks", len(g.Blocks))
	}
}

// Sessions that overlap in one room share its column side by side; one
// after them has the column whole again. Rooms go in natural order.
func TestGridSharesAColumnBetweenOverlappingSessions(t *testing.T) {
	p := twoCamps(t)
	at := time.Date(2026, 8, 1, 8, 0, 0, 0, time.UTC)
	s := func(id int64, room string, from, minutes int) app.Row {
		start := at.Add(time.Duration(from) * time.Minute)
		return app.Row{Session: &agenda.Session{ID: id, Room: room, Start: start, End: start.Add(time.Duration(minutes) * time.Minute), Zone: "UTC"}}
	}
	rows := []app.Row{{Day: "d"}, s(1, "Room 10", 0, 60), s(2, "Room 10", 30, 60), s(3, "Room 10", 45, 10), s(4, "Room 10", 120, 30), s(5, "Room 2", 0, 0), s(6, "", 0, 30)}
	g := p.GridOf(rows, "d")
	if len(g.Rooms) != 3 || g.Rooms[0] != "Room 2" || g.Rooms[1] != "Room 10" || g.Rooms[2] != "" {
		t.Fatalf("rooms %q", g.Rooms)
	}
	lanes := map[int64][2]int{}
	for _, b := range g.Blocks {
		lanes[b.Session.ID] = [2]int{b.Lane, b.Lanes}
		if b.Session.ID == 5 && b.To-b.From != app.MinGridBlock {
			t.Errorf("a session of no length is %v long", b.To-b.From)
		}
	}
	want := map[int64][2]int{1: {0, 3}, 2: {1, 3}, 3: {2, 3}, 4: {0, 1}, 5: {0, 1}, 6: {0, 1}}
	for id, w := range want {
		if lanes[id] != w {
			t.Errorf("session %d in lane %v, want %v", id, lanes[id], w)
		}
	}
}
