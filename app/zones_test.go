package app

import (
	"testing"
	"time"

	"github.com/igf-floor/floor/app/agenda"
)

// A session's span is said in its event's zone at both ends, with the
// weekdays of that zone (issue 17: "09:00 CET to 08:25", "(Saturday)").
func TestFormatSpanKeepsOneZoneAndItsWeekdays(t *testing.T) {
	at := func(s string) time.Time {
		v, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return v.UTC()
	}
	for _, c := range []struct {
		zone       string
		start, end string
		want       string
	}{
		{"UTC", "2020-11-11T11:20:00Z", "2020-11-11T12:20:00Z", "2020-11-11 11:20 to 12:20 UTC (Wednesday)"},
		{"Europe/Berlin", "2019-12-28T08:00:00Z", "2019-12-28T09:25:00Z", "2019-12-28 09:00 to 10:25 CET (Saturday)"},
		{"Europe/Berlin", "2019-12-28T23:30:00Z", "2019-12-29T00:30:00Z", "2019-12-29 00:30 to 01:30 CET (Sunday)"},
		{"Europe/London", "2024-06-30T23:00:00Z", "2024-07-07T23:00:00Z", "2024-07-01 00:00 (Monday) to 2024-07-08 00:00 BST (Monday)"},
	} {
		s := agenda.Session{Start: at(c.start), End: at(c.end), Zone: c.zone}
		if got := FormatSpan(s); got != c.want {
			t.Errorf("%s %s–%s: %q, want %q", c.zone, c.start, c.end, got, c.want)
		}
	}
}

// The list's times under a day's heading: an end on a later day says how
// many days later, and a clock put back during a session names the zone
// at both ends.
func TestClockSpanSaysALaterDayAndAZoneChange(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	at := func(s string) time.Time {
		v, err := time.ParseInLocation("2006-01-02 15:04", s, berlin)
		if err != nil {
			t.Fatal(err)
		}
		return v.UTC()
	}
	for _, c := range []struct{ start, end, want string }{
		{"2019-12-28 09:00", "2019-12-28 10:25", "09:00–10:25 CET"},
		{"2019-12-28 23:30", "2019-12-29 00:30", "23:30–00:30+1 CET"},
		{"2019-12-28 22:00", "2019-12-30 02:00", "22:00–02:00+2 CET"},
		{"2024-10-27 01:30", "2024-10-27 03:30", "01:30 CEST–03:30 CET"}, // three hours: 02:00–03:00 twice
	} {
		s := agenda.Session{Start: at(c.start), End: at(c.end), Zone: "Europe/Berlin"}
		if got := span(s, berlin); got != c.want {
			t.Errorf("%s to %s: %q, want %q", c.start, c.end, got, c.want)
		}
	}
}
