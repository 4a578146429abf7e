package agenda

import (
	"testing"
	"time"
)

func at(t *testing.T, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatal(err)
	}
	return v.UTC()
}

// Every span is said in one zone at both ends, with that zone's weekdays:
// across midnight, across a clock change, and when the end in UTC falls on
// another weekday than in the event's zone.
func TestSpansKeepOneZoneAndItsWeekdays(t *testing.T) {
	for _, c := range []struct {
		zone, start, end string
		full, clock      string
	}{
		{"UTC", "2020-11-11T11:20:00Z", "2020-11-11T12:20:00Z",
			"2020-11-11 11:20 to 12:20 UTC (Wednesday)", "11:20–12:20 UTC"},
		// 23:30–00:30 CET, Sunday into Monday.
		{"Europe/Berlin", "2019-12-29T22:30:00Z", "2019-12-29T23:30:00Z",
			"2019-12-29 23:30 (Sunday) to 2019-12-30 00:30 CET (Monday)", "23:30–00:30+1 CET"},
		// 00:30–01:30 CET on Sunday: in UTC it starts on Saturday.
		{"Europe/Berlin", "2019-12-28T23:30:00Z", "2019-12-29T00:30:00Z",
			"2019-12-29 00:30 to 01:30 CET (Sunday)", "00:30–01:30 CET"},
		// 16:00–17:30 in Los Angeles ends after midnight UTC, on another weekday.
		{"America/Los_Angeles", "2023-11-15T00:00:00Z", "2023-11-15T01:30:00Z",
			"2023-11-14 16:00 to 17:30 PST (Tuesday)", "16:00–17:30 PST"},
		// The clocks go back at 03:00 CEST inside the session.
		{"Europe/Berlin", "2023-10-29T00:00:00Z", "2023-10-29T03:00:00Z",
			"2023-10-29 02:00 CEST to 04:00 CET (Sunday)", "02:00 CEST–04:00 CET"},
		{"Europe/London", "2024-06-30T23:00:00Z", "2024-07-07T23:00:00Z",
			"2024-07-01 00:00 (Monday) to 2024-07-08 00:00 BST (Monday)", "00:00–00:00+7 BST"},
		// A zone without an abbreviation is named; no end is a start alone.
		{"Asia/Riyadh", "2024-12-15T06:00:00Z", "2024-12-15T06:00:00Z",
			"2024-12-15 09:00 Asia/Riyadh (Sunday)", "09:00 Asia/Riyadh"},
		// "Local" is not the machine's zone: it reads as unknown, UTC.
		{"Local", "2020-11-11T11:20:00Z", "2020-11-11T12:20:00Z",
			"2020-11-11 11:20 to 12:20 UTC (Wednesday)", "11:20–12:20 UTC"},
	} {
		s := Session{Start: at(t, c.start), End: at(t, c.end), Zone: c.zone}
		if got := FormatSpan(s); got != c.full {
			t.Errorf("%s %s–%s: FormatSpan %q, want %q", c.zone, c.start, c.end, got, c.full)
		}
		if got := ClockSpan(s, s.Location()); got != c.clock {
			t.Errorf("%s %s–%s: ClockSpan %q, want %q", c.zone, c.start, c.end, got, c.clock)
		}
	}
	if got := FormatSpan(Session{Zone: "UTC"}); got != ToBeAnnounced {
		t.Errorf("unscheduled: %q", got)
	}
}

// A viewer's zone moves both ends, and the weekdays with them.
func TestSpanInTheViewersZone(t *testing.T) {
	s := Session{Start: at(t, "2019-12-29T22:30:00Z"), End: at(t, "2019-12-29T23:30:00Z"), Zone: "Europe/Berlin"}
	tokyo, err := time.LoadLocation("Asia/Tokyo")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := FormatSpanIn(s, tokyo), "2019-12-30 07:30 to 08:30 JST (Monday)"; got != want {
		t.Errorf("%q, want %q", got, want)
	}
}
