package frab

import (
	"fmt"
	"strings"
	"time"
)

// inferZone gives the zone of a schedule that names none, and the one note
// that says how it was chosen. When every time written with an offset has
// the same one, the schedule's clock is that fixed offset: IANA names whole
// hours as Etc/GMT-N (the sign is POSIX's, inverted). Anything else is read
// as UTC; the instants are right either way, only the clock shown differs.
func inferZone(events []event) (zone, note string) {
	seen := map[string]bool{}
	var offset int
	for _, ev := range events {
		t, err := time.Parse(time.RFC3339, strings.TrimSpace(ev.Date))
		if err != nil {
			continue
		}
		_, offset = t.Zone()
		seen[formatOffset(offset)] = true
	}
	switch {
	case len(seen) == 0:
		return "UTC", "the schedule names no time zone; times without an offset are read as UTC"
	case len(seen) > 1:
		return "UTC", fmt.Sprintf("the schedule names no time zone and gives times at %s; they are kept as written and shown in UTC",
			strings.Join(sortedKeys(seen), ", "))
	case offset == 0:
		return "UTC", "the schedule names no time zone; every time it gives is at +00:00, so it is read as UTC"
	case offset%3600 == 0 && offset >= -12*3600 && offset <= 14*3600:
		zone = fmt.Sprintf("Etc/GMT%+d", -offset/3600)
		return zone, fmt.Sprintf("the schedule names no time zone; every time it gives is at %s, so Floor uses that fixed offset (%s, without daylight saving)",
			formatOffset(offset), zone)
	}
	return "UTC", fmt.Sprintf("the schedule names no time zone; every time it gives is at %s, which no fixed IANA zone holds, so they are shown in UTC",
		formatOffset(offset))
}

func formatOffset(seconds int) string {
	sign := '+'
	if seconds < 0 {
		sign = '-'
	}
	return fmt.Sprintf("%c%02d:%02d", sign, abs(seconds)/3600, abs(seconds)%3600/60)
}
