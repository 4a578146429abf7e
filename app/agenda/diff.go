package agenda

import (
	"strings"
	"time"
)

// Change is one field of a session that differs between two versions.
type Change struct {
	Field    string // "title", "time", "duration", "room", "people", "track", "new", "removed"
	Old, New string
}

// String describes the change for a person: "room: Room 3 → Room 5",
// "new session", "removed".
func (c Change) String() string {
	switch c.Field {
	case "new":
		return "new session"
	case "removed":
		return "removed"
	}
	return c.Field + ": " + orDash(c.Old) + " → " + orDash(c.New)
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// Diff lists what a participant would notice between two versions of a
// session: title, time, duration, room, people and track, in that order.
func Diff(old, next Session) []Change {
	var out []Change
	add := func(field, a, b string) {
		if a != b {
			out = append(out, Change{Field: field, Old: a, New: b})
		}
	}
	add("title", old.Title, next.Title)
	add("time", instant(old.Start), instant(next.Start))
	add("duration", minutes(old.Duration()), minutes(next.Duration()))
	add("room", old.Room, next.Room)
	add("people", names(old.People), names(next.People))
	add("track", old.Track, next.Track)
	return out
}

func instant(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02 15:04 UTC")
}

func minutes(d time.Duration) string {
	if d == 0 {
		return ""
	}
	return d.Round(time.Minute).String()
}

func names(ps []Person) string {
	var ns []string
	for _, p := range ps {
		ns = append(ns, p.DisplayName())
	}
	return strings.Join(ns, ", ")
}
