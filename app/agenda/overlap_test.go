package agenda

import (
	"testing"
	"time"
)

func TestConflictsAndNowNext(t *testing.T) {
	at := func(h, m int) time.Time { return time.Date(2024, 6, 1, h, m, 0, 0, time.UTC) }
	s := func(title string, h, m, minutes int) Session {
		return Session{Title: title, Start: at(h, m), End: at(h, m).Add(time.Duration(minutes) * time.Minute)}
	}
	sessions := []Session{s("A", 10, 0, 60), s("B", 10, 30, 60), s("C", 11, 0, 30), s("D", 12, 0, 30), {Title: "TBA"}}
	cs := Conflicts(sessions)
	got := ""
	for _, c := range cs {
		got += c.A.Title + c.B.Title + ":" + c.Overlap.String() + " "
	}
	if got != "AB:30m0s BC:30m0s " {
		t.Errorf("conflicts %q", got)
	}
	running, next := NowAndNext(sessions, at(10, 45), time.Hour)
	if len(running) != 2 || running[0].Title != "A" || len(next) != 1 || next[0].Title != "C" {
		t.Errorf("now %v next %v", running, next)
	}
}

func BenchmarkConflicts10k(b *testing.B) {
	start := time.Date(2025, 6, 23, 8, 0, 0, 0, time.UTC)
	var ss []Session
	for i := 0; i < 10_000; i++ {
		st := start.Add(time.Duration(i) * 20 * time.Minute)
		ss = append(ss, Session{Start: st, End: st.Add(time.Hour)})
	}
	for b.Loop() {
		Conflicts(ss)
	}
}
