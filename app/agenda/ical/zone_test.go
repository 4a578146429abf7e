package ical

import (
	"strings"
	"testing"
	"time"
)

// vcal wraps calendar properties and VEVENT bodies (each without
// BEGIN/END) in a calendar.
func vcal(head string, events ...string) []byte {
	var b strings.Builder
	b.WriteString("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//x//EN\r\nX-WR-CALNAME:Zones\r\n" + head)
	for i, ev := range events {
		b.WriteString("BEGIN:VEVENT\r\nUID:" + string(rune('a'+i)) + "@x\r\nSUMMARY:S" + string(rune('1'+i)) + "\r\n" + ev + "END:VEVENT\r\n")
	}
	b.WriteString("END:VCALENDAR\r\n")
	return []byte(b.String())
}

const westEurope = "BEGIN:VTIMEZONE\r\nTZID:W. Europe Standard Time\r\nBEGIN:STANDARD\r\nDTSTART:16010101T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\n" +
	"RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10\r\nEND:STANDARD\r\nBEGIN:DAYLIGHT\r\nDTSTART:16010101T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n" +
	"RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n"

func utc(s string) time.Time {
	t, _ := time.Parse(time.RFC3339, s) // a bad literal is the zero time, and fails its test
	return t
}

// Outlook writes Windows zone names; CLDR's mapping makes them IANA zones.
func TestWindowsZoneNames(t *testing.T) {
	data := vcal(westEurope,
		"DTSTART;TZID=W. Europe Standard Time:20240601T100000\r\nDTEND;TZID=W. Europe Standard Time:20240601T113000\r\n",
		"DTSTART;TZID=\"Pacific Standard Time\":20241201T090000\r\nDTEND;TZID=\"Pacific Standard Time\":20241201T100000\r\n")
	sched, rep, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	a, b := sched.Sessions[0], sched.Sessions[1]
	if !a.Start.Equal(utc("2024-06-01T08:00:00Z")) || a.Duration() != 90*time.Minute || a.Zone != "Europe/Berlin" {
		t.Errorf("W. Europe: %v %v %s", a.Start, a.Duration(), a.Zone)
	}
	if !b.Start.Equal(utc("2024-12-01T17:00:00Z")) || b.Zone != "America/Los_Angeles" {
		t.Errorf("Pacific: %v %s", b.Start, b.Zone)
	}
	n := notes(rep)
	if !strings.Contains(n, `"W. Europe Standard Time" is Windows' name for Europe/Berlin (CLDR windowsZones)`) || strings.Count(n, "W. Europe") != 1 {
		t.Errorf("notes:\n%s", n)
	}
	if sched.Event.Zone != "Europe/Berlin" || !strings.Contains(n, "the event's zone is taken to be Europe/Berlin") {
		t.Errorf("event zone %q, notes:\n%s", sched.Event.Zone, n)
	}
}

// A zone CLDR does not map is read from the file's own VTIMEZONE rules,
// across its DST change; one without a VTIMEZONE is refused by name.
func TestZoneFromVTimezoneOrRefused(t *testing.T) {
	custom := strings.ReplaceAll(westEurope, "W. Europe Standard Time", "(UTC+01:00) Amsterdam, Berlin")
	sched, rep, err := Parse(vcal(custom,
		"DTSTART;TZID=\"(UTC+01:00) Amsterdam, Berlin\":20240601T100000\r\nDURATION:PT1H\r\n",
		"DTSTART;TZID=\"(UTC+01:00) Amsterdam, Berlin\":20241201T100000\r\nDURATION:PT1H\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	if s := sched.Sessions; !s[0].Start.Equal(utc("2024-06-01T08:00:00Z")) || !s[1].Start.Equal(utc("2024-12-01T09:00:00Z")) || s[0].Zone != "UTC" {
		t.Errorf("summer %v winter %v zone %q", s[0].Start, s[1].Start, s[0].Zone)
	}
	if !strings.Contains(notes(rep), `"(UTC+01:00) Amsterdam, Berlin" is not one Floor knows by name; its times are computed from the calendar's own VTIMEZONE rules and shown in UTC`) {
		t.Errorf("notes:\n%s", notes(rep))
	}
	// A fixed-offset VTIMEZONE (Yukon, newer than the mapping) gets its Etc/ name.
	yukon := "BEGIN:VTIMEZONE\r\nTZID:Yukon Standard Time\r\nBEGIN:STANDARD\r\nDTSTART:16010101T000000\r\nTZOFFSETFROM:-0700\r\nTZOFFSETTO:-0700\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
	sched, _, err = Parse(vcal(yukon, "DTSTART;TZID=Yukon Standard Time:20240601T100000\r\nDURATION:PT1H\r\n"))
	if err != nil || !sched.Sessions[0].Start.Equal(utc("2024-06-01T17:00:00Z")) || sched.Sessions[0].Zone != "Etc/GMT+7" {
		t.Errorf("Yukon: %v %+v", err, sched.Sessions)
	}
	// A VTIMEZONE Floor cannot read is refused only when a time uses it.
	broken := "BEGIN:VTIMEZONE\r\nTZID:Broken Standard Time\r\nBEGIN:STANDARD\r\nDTSTART:16010101T000000\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n" +
		"BEGIN:VTIMEZONE\r\nBEGIN:STANDARD\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
	if _, _, err := Parse(vcal(broken, "DTSTART:20240601T100000Z\r\nDURATION:PT1H\r\n")); err != nil {
		t.Errorf("unused broken VTIMEZONE: %v", err)
	}
	_, _, err = Parse(vcal(broken, "DTSTART;TZID=Broken Standard Time:20240601T100000\r\nDURATION:PT1H\r\n"))
	if err == nil || !strings.Contains(err.Error(), `unknown time zone "Broken Standard Time": its VTIMEZONE cannot be read: STANDARD TZOFFSETFROM: missing`) {
		t.Errorf("used broken VTIMEZONE: %v", err)
	}
	_, _, err = Parse(vcal("", "DTSTART;TZID=Romulus Standard Time:20240601T100000\r\nDURATION:PT1H\r\n"))
	if err == nil || !strings.Contains(err.Error(), `unknown time zone "Romulus Standard Time": not an IANA zone, not a Windows zone CLDR maps, and the calendar has no VTIMEZONE for it`) {
		t.Errorf("unknown zone: %v", err)
	}
}

// "Local" is the importing machine's zone: refused, and nothing Floor
// stores depends on $TZ or time.Local.
func TestLocalRefusedAndNoMachineZone(t *testing.T) {
	good := vcal("X-WR-TIMEZONE:Europe/Berlin\r\n", "DTSTART:20240601T100000\r\nDURATION:PT1H\r\n",
		"DTSTART;VALUE=DATE:20240602\r\n", "DTSTART;TZID=America/New_York:20240601T100000\r\nDURATION:PT1H\r\n")
	var first []time.Time
	for _, tz := range []string{"Asia/Tokyo", "America/Los_Angeles"} {
		t.Setenv("TZ", tz)
		loc, err := time.LoadLocation(tz)
		if err != nil {
			t.Fatal(err)
		}
		old := time.Local // Go reads $TZ once; set what it would have read
		time.Local = loc
		t.Cleanup(func() { time.Local = old })
		sched, _, err := Parse(good)
		if err != nil {
			t.Fatal(err)
		}
		var got []time.Time
		for _, s := range sched.Sessions {
			got = append(got, s.Start, s.End)
		}
		want := []time.Time{utc("2024-06-01T08:00:00Z"), utc("2024-06-01T09:00:00Z"), utc("2024-06-01T22:00:00Z"), utc("2024-06-02T22:00:00Z"),
			utc("2024-06-01T14:00:00Z"), utc("2024-06-01T15:00:00Z")}
		if len(got) != len(want) {
			t.Fatalf("TZ=%s: %v", tz, got)
		}
		for i := range want {
			if !got[i].Equal(want[i]) {
				t.Errorf("TZ=%s: time %d is %v, want %v", tz, i, got[i], want[i])
			}
		}
		if first == nil {
			first = got
		}
		for name, in := range map[string][]byte{
			"TZID=Local":          vcal("", "DTSTART;TZID=Local:20240601T100000\r\nDURATION:PT1H\r\n"),
			"X-WR-TIMEZONE:Local": vcal("X-WR-TIMEZONE:Local\r\n", "DTSTART:20240601T100000Z\r\nDURATION:PT1H\r\n"),
		} {
			if _, _, err := Parse(in); err == nil || !strings.Contains(err.Error(), `the time zone "Local" is the importing computer's own zone`) {
				t.Errorf("TZ=%s, %s: %v", tz, name, err)
			}
		}
	}
}

// Floating times take the calendar's zone (named, or the one TZID used
// throughout), said once; with no zone to take they are refused.
func TestFloatingTimes(t *testing.T) {
	sched, rep, err := Parse(vcal("X-WR-TIMEZONE:Europe/Berlin\r\n",
		"DTSTART:20240601T100000\r\nDTEND:20240601T110000\r\n", "DTSTART:20241201T100000\r\nDTEND:20241201T110000\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	if s := sched.Sessions; !s[0].Start.Equal(utc("2024-06-01T08:00:00Z")) || !s[1].Start.Equal(utc("2024-12-01T09:00:00Z")) || s[0].Zone != "Europe/Berlin" {
		t.Errorf("floating: %v %v %s", s[0].Start, s[1].Start, s[0].Zone)
	}
	if n := notes(rep); n != "2 event(s) are written in floating time (no TZID, no Z): as RFC 5545 says, they are read in the calendar's zone, Europe/Berlin\n" {
		t.Errorf("notes:\n%s", n)
	}
	sched, rep, err = Parse(vcal("", "DTSTART;TZID=Asia/Kolkata:20240601T100000\r\nDURATION:PT1H\r\n", "DTSTART:20240602T100000\r\nDURATION:PT1H\r\n"))
	if err != nil || !sched.Sessions[1].Start.Equal(utc("2024-06-02T04:30:00Z")) || sched.Event.Zone != "Asia/Kolkata" {
		t.Errorf("inferred: %v %+v\n%s", err, sched, notes(rep))
	}
	_, _, err = Parse(vcal("", "DTSTART:20240601T100000\r\nDURATION:PT1H\r\n"))
	if err == nil || !strings.Contains(err.Error(), `event 1 ("S1"): DTSTART: 20240601T100000 is a floating time (no TZID, no Z) and the calendar names no zone`) ||
		!strings.Contains(err.Error(), "refuses to guess UTC") {
		t.Errorf("no zone: %v", err)
	}
}

// All-day events keep their dates, midnight to midnight in the event's
// zone, said once for all of them.
func TestAllDayEvents(t *testing.T) {
	sched, rep, err := Parse(vcal("X-WR-TIMEZONE:Europe/Berlin\r\n",
		"DTSTART;VALUE=DATE:20240601\r\nDTEND;VALUE=DATE:20240603\r\n", "DTSTART;VALUE=DATE:20241027\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	a, b := sched.Sessions[0], sched.Sessions[1]
	if !a.Start.Equal(utc("2024-05-31T22:00:00Z")) || !a.End.Equal(utc("2024-06-02T22:00:00Z")) || a.Duration() != 48*time.Hour || a.Zone != "Europe/Berlin" {
		t.Errorf("two days: %v to %v (%v) %s", a.Start, a.End, a.Duration(), a.Zone)
	}
	// The day summer time ends has 25 hours.
	if !b.Start.Equal(utc("2024-10-26T22:00:00Z")) || b.Duration() != 25*time.Hour {
		t.Errorf("one day: %v %v", b.Start, b.Duration())
	}
	if n := notes(rep); n != "2 all-day event(s) (VALUE=DATE) keep their dates: each is listed from midnight to midnight in Europe/Berlin\n" {
		t.Errorf("notes:\n%s", n)
	}
	_, rep, err = Parse(vcal("", "DTSTART;VALUE=DATE:20240601\r\n"))
	if err != nil || !strings.Contains(notes(rep), "midnight to midnight in UTC (the calendar names no zone, so these are UTC days)") {
		t.Errorf("no zone: %v\n%s", err, notes(rep))
	}
}
