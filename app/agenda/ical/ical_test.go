package ical

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func fixture(t testing.TB) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "giggity-kielux_2020.ics"))
	if err != nil {
		t.Fatal(err)
	}
	if shared, err := os.ReadFile("../../../../shared/fixtures/giggity-kielux_2020.ics"); err == nil && !bytes.Equal(shared, data) {
		t.Fatal("testdata differs from ../shared/fixtures")
	}
	return data
}

func TestKielux2020(t *testing.T) {
	data := fixture(t)
	if !Looks(data) {
		t.Fatal("not recognised")
	}
	sched, rep, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(sched.Sessions) != 24 || sched.Event.ID != "18-kieler-open-source-und-linux-tage" || !sched.Complete {
		t.Fatalf("%d sessions, event %+v", len(sched.Sessions), sched.Event)
	}
	s := sched.Sessions[0]
	if s.GUID != "460@KOLT20" || s.Room != "Ravensberg" || !s.Start.Equal(time.Date(2020, 9, 18, 11, 0, 0, 0, time.UTC)) ||
		s.Duration() != time.Hour || len(s.People) != 1 || s.People[0].Name != "Jakob Semere" {
		t.Errorf("first session %+v", s)
	}
	if !strings.Contains(s.Description, "OpenCelium") || len(s.Links) != 1 {
		t.Errorf("description or links: %q %+v", s.Description[:40], s.Links)
	}
	for _, w := range rep.Warnings {
		t.Logf("note: %s", w.Text)
	}
}

func TestRFC7986AndBadInput(t *testing.T) {
	cal := func(body string) []byte {
		return []byte("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//x//EN\r\nX-WR-CALNAME:Hub day\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n" + body + "END:VCALENDAR\r\n")
	}
	ev := "BEGIN:VEVENT\r\nUID:1@x\r\nDTSTAMP:20240601T000000Z\r\nDTSTART:20240601T100000Z\r\nDTEND:20240601T110000Z\r\nSUMMARY:Opening\r\n" +
		"CONFERENCE;VALUE=URI;FEATURE=VIDEO;LABEL=Join the room:https://example.org/room\r\nEND:VEVENT\r\n"
	sched, info, _, err := ParseCalendar(cal(ev))
	if err != nil {
		t.Fatal(err)
	}
	if info.Refresh != time.Hour || len(sched.Sessions[0].Links) != 1 || sched.Sessions[0].Links[0].Label != "Join the room" {
		t.Errorf("refresh %v links %+v", info.Refresh, sched.Sessions[0].Links)
	}
	for name, tc := range map[string]struct{ in, want string }{
		"end before start": {string(cal(strings.Replace(ev, "DTEND:20240601T110000Z", "DTEND:20240601T090000Z", 1))), "ends"},
		"year 9999":        {string(cal(strings.ReplaceAll(ev, "20240601", "99990601"))), "year 9999"},
		"no events":        {string(cal("")), "no events"},
		"truncated":        {string(cal(ev))[:120], "not a valid iCalendar"},
		"unknown zone":     {strings.Replace(string(cal(ev)), "VERSION:2.0", "VERSION:2.0\r\nX-WR-TIMEZONE:Mars/Olympus", 1), "unknown time zone"},
		"html error page":  {"BEGIN:VCALENDAR\r\n<html><body>502</body></html>", "not a valid iCalendar"},
	} {
		if _, _, err := Parse([]byte(tc.in)); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want %q", name, err, tc.want)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add(fixture(f)[:3000])
	f.Add(testdata(f, "joyous-events-calendar-utc-offset.ics")) // an offset as TZID
	f.Add(testdata(f, "joyous-google-recurring.ics"))           // HTML DESCRIPTION, overrides
	f.Add([]byte("BEGIN:VCALENDAR\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:1\r\nDTSTART:20240601T100000Z\r\nSUMMARY:S\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"))
	// Windows zone, VTIMEZONE rules, floating and all-day times, RRULE/EXDATE/RECURRENCE-ID.
	f.Add(vcal(westEurope+strings.ReplaceAll(westEurope, "W. Europe Standard Time", "Custom"),
		"DTSTART;TZID=W. Europe Standard Time:20240325T100000\r\nDURATION:PT1H\r\nRRULE:FREQ=WEEKLY;COUNT=4\r\nEXDATE;TZID=Custom:20240408T100000\r\n",
		"DTSTART;VALUE=DATE:20240601\r\nRRULE:FREQ=DAILY;UNTIL=20240605T000000Z\r\n", "DTSTART:20240601T100000\r\nDTEND;TZID=Custom:20240601T120000\r\n",
		"RECURRENCE-ID;TZID=W. Europe Standard Time:20240401T100000\r\nDTSTART:20240401T120000Z\r\nDURATION:PT1H\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		sched, _, err := Parse(data)
		if err != nil {
			return
		}
		seen := map[string]bool{}
		for _, s := range sched.Sessions {
			if s.GUID == "" || s.Title == "" || seen[s.GUID] || s.End.Before(s.Start) {
				t.Fatalf("accepted %+v", s)
			}
			seen[s.GUID] = true
		}
	})
}
