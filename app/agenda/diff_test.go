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
}
