package ical

import (
	"fmt"
	"regexp"
	"strconv"
	"time"
)

// offsetName is a TZID that is an offset from UTC rather than a zone's
// name: "UTC+0", "UTC+10", "GMT-3", "UTC+5.5", "UTC+5:30". The Events
// Calendar (WordPress) writes these, without a VTIMEZONE, when the site's
// time zone is set as an offset; the sign is ISO 8601's (UTC+10 is ten
// hours ahead), as WordPress shows it, not POSIX's.
var offsetName = regexp.MustCompile(`^(?:UTC|GMT)([+-])(\d{1,2})(?:([.:])(\d{1,2}))?$`)

// offsetZone reads such a TZID as the fixed offset it names; ok is false
// when id is none. RFC 5545 3.2.19 wants a VTIMEZONE for every TZID; a name
// that is an offset says all a VTIMEZONE would.
func offsetZone(id string) (z zone, note string, ok bool) {
	m := offsetName.FindStringSubmatch(id)
	if m == nil {
		return zone{}, "", false
	}
	hours, _ := strconv.Atoi(m[2])
	minutes := 0
	switch m[3] {
	case ":":
		minutes, _ = strconv.Atoi(m[4])
	case ".": // decimal hours: WordPress writes UTC+5.5 for +05:30
		frac, _ := strconv.ParseFloat("0."+m[4], 64)
		minutes = int(frac*60 + 0.5)
	}
	if hours > 14 || minutes >= 60 {
		return zone{}, "", false
	}
	off := hours*3600 + minutes*60
	if m[1] == "-" {
		off = -off
	}
	offset := time.Unix(0, 0).In(time.FixedZone("", off)).Format("-07:00")
	if minutes == 0 {
		// Etc/GMT-10 is UTC+10: POSIX signs.
		name := "UTC"
		if off != 0 {
			name = fmt.Sprintf("Etc/GMT%+d", -off/3600)
		}
		if loc, err := time.LoadLocation(name); err == nil {
			return zone{name: name, loc: loc}, fmt.Sprintf("the time zone %q names an offset, not a zone: its times are read at %s and shown as %s", id, offset, name), true
		}
	}
	return zone{name: "UTC", loc: time.FixedZone(id, off)}, fmt.Sprintf("the time zone %q names an offset, not a zone: its times are read at %s and shown in UTC", id, offset), true
}
