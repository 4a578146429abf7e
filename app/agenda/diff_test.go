package agenda

import (
	"reflect"
	"testing"
	"time"
)

func TestDiff(t *testing.T) {
	start := time.Date(2020, 11, 11, 11, 20, 0, 0, time.UTC)
	a := Session{Title: "A", Start: start, End: start.Add(time.Hour), Room: "Room 3", People: []Person{{Name: "Ann"}}}
	b := a
	if d := Diff(a, b); len(d) != 0 {
		t.Errorf("no change gave %+v", d)
	}
	b.Title, b.Start, b.End, b.Room = "B", start.Add(time.Hour), start.Add(150*time.Minute), "Room 4"
	b.People = []Person{{Name: "Ann"}, {Name: "Bo"}}
	want := []Change{
		{"title", "A", "B"}, {"time", "2020-11-11 11:20 UTC", "2020-11-11 12:20 UTC"}, {"duration", "1h0m0s", "1h30m0s"},
		{"room", "Room 3", "Room 4"}, {"people", "Ann", "Ann, Bo"},
	}
	if d := Diff(a, b); !reflect.DeepEqual(d, want) {
		t.Errorf("diff = %+v", d)
	}
	for c, text := range map[Change]string{want[3]: "room: Room 3 → Room 4", {Field: "track", New: "T"}: "track: — → T",
		{Field: "new", New: "A"}: "new session", {Field: "removed", Old: "A"}: "removed"} {
		if c.String() != text {
			t.Errorf("%+v reads %q, want %q", c, c.String(), text)
		}
	}
}

// BenchmarkDiff10kSessionPairs compares two versions of a 10 000-session
// schedule, session by session, as a re-import does before it writes.
func BenchmarkDiff10kSessionPairs(b *testing.B) {
	start := time.Date(2025, 6, 23, 8, 0, 0, 0, time.UTC)
	old := make([]Session, 10_000)
	next := make([]Session, 10_000)
	for i := range old {
		st := start.Add(time.Duration(i) * 30 * time.Minute)
		old[i] = Session{Title: "Session", Start: st, End: st.Add(time.Hour), Room: "Room 1",
			People: []Person{{Name: "Ann"}, {Name: "Bo"}}, Track: "T"}
		next[i] = old[i]
		if i%10 == 0 {
			next[i].Room = "Room 2"
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for i := range old {
			n += len(Diff(old[i], next[i]))
		}
		if n != 1000 {
			b.Fatal(n)
		}
	}
}
