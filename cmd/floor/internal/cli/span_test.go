package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Two talks in Anchorage across its midnight (08:30–09:30 and 09:00–10:00
// UTC on Friday 27 November 2026; the test clock is 09:00 UTC).
const anchorageNight = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nX-WR-CALNAME:Night in Anchorage\r\n" +
	"BEGIN:VEVENT\r\nUID:late@night.example\r\nDTSTAMP:20261101T000000Z\r\n" +
	"DTSTART;TZID=America/Anchorage:20261126T233000\r\nDTEND;TZID=America/Anchorage:20261127T003000\r\n" +
	"SUMMARY:Late talk\r\nLOCATION:Hall A\r\nEND:VEVENT\r\n" +
	"BEGIN:VEVENT\r\nUID:later@night.example\r\nDTSTAMP:20261101T000000Z\r\n" +
	"DTSTART;TZID=America/Anchorage:20261127T000000\r\nDTEND;TZID=America/Anchorage:20261127T010000\r\n" +
	"SUMMARY:Later talk\r\nLOCATION:Hall B\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"

// Every command that lists sessions says each span as 'floor show' does:
// start and end in the event's zone, with that zone's weekdays.
func TestListingsSaySpansInTheEventsZone(t *testing.T) {
	dir := t.TempDir()
	db, ics := filepath.Join(dir, "x.db"), filepath.Join(dir, "night.ics")
	if err := os.WriteFile(ics, []byte(anchorageNight), 0o600); err != nil {
		t.Fatal(err)
	}
	const late = "2026-11-26 23:30 (Thursday) to 2026-11-27 00:30 AKST (Friday)"
	const later = "2026-11-27 00:00 to 01:00 AKST (Friday)"
	for _, c := range []struct {
		args []string
		want []string
	}{
		{[]string{"import", ics}, []string{"  " + late + "  Late talk\n", "  " + later + "  Later talk\n"}},
		{[]string{"agenda", "--search", "talk"}, []string{"1    " + late + "  Late talk\n", "2    " + later + "      "}},
		{[]string{"now", "--within", "30m"}, []string{"Now\n  " + late + "  Late talk  Hall A\n  " + later + "  Later talk  Hall B\n"}},
		{[]string{"conflicts", "--all"}, []string{late + "  Late talk\n  overlaps " + later + " by 30 min: Later talk  Hall B\n"}},
		{[]string{"show", "1"}, []string{"When:      " + late + "\n"}},
	} {
		r := run(t, nil, append([]string{"--db", db}, c.args...)...)
		if r.code != 0 {
			t.Fatalf("%v: %+v", c.args, r)
		}
		for _, want := range c.want {
			if !strings.Contains(r.stdout, want) {
				t.Errorf("%v: no %q in\n%s", c.args, want, r.stdout)
			}
		}
	}
}
