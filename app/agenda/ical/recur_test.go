package ical

import (
	"strings"
	"testing"
	"time"
)

// RRULE is expanded in the event's zone (the wall time stays 10:00 across
// the DST change), EXDATE honoured, each occurrence a session id'd by UID
// and start, and a RECURRENCE-ID VEVENT replaces its occurrence.
func TestRecurrence(t *testing.T) {
	data := vcal("X-WR-TIMEZONE:Europe/Berlin\r\n",
		"DTSTART;TZID=Europe/Berlin:20240325T100000\r\nDURATION:PT1H\r\nRRULE:FREQ=WEEKLY;COUNT=4\r\nEXDATE;TZID=Europe/Berlin:20240408T100000\r\n",
		"DTSTART:20240420T090000Z\r\nDURATION:PT1H\r\n")
	data = []byte(strings.Replace(string(data), "END:VCALENDAR", "BEGIN:VEVENT\r\nUID:a@x\r\nRECURRENCE-ID;TZID=Europe/Berlin:20240415T100000\r\n"+
		"DTSTART;TZID=Europe/Berlin:20240415T140000\r\nDURATION:PT2H\r\nSUMMARY:S1 moved\r\nEND:VEVENT\r\nEND:VCALENDAR", 1))
	sched, rep, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, s := range sched.Sessions {
		got[s.GUID] = s.Title + " " + s.Start.Format(time.RFC3339) + " " + s.Duration().String()
	}
	want := map[string]string{
		"b@x":                  "S2 2024-04-20T09:00:00Z 1h0m0s",
		"a@x/20240325T090000Z": "S1 2024-03-25T09:00:00Z 1h0m0s",
		"a@x/20240401T080000Z": "S1 2024-04-01T08:00:00Z 1h0m0s",
		"a@x/20240415T080000Z": "S1 moved 2024-04-15T12:00:00Z 2h0m0s",
	}
	if len(got) != len(want) {
		t.Errorf("sessions %v", got)
	}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("%s: %q, want %q", id, got[id], w)
		}
	}
	if n := notes(rep); !strings.Contains(n, `"S1" repeats: 3 session(s), 2024-03-25 to 2024-04-15, 1 excluded (EXDATE)`) {
		t.Errorf("notes:\n%s", n)
	}
}

// A rule without end stops at the calendar's last one-off session (or a
// year on), more than MaxOccurrences are cut, and a rule Floor does not
// expand keeps its first occurrence: each said, none silent.
func TestRecurrenceBounds(t *testing.T) {
	sched, rep, err := Parse(vcal("",
		"DTSTART:20240301T100000Z\r\nDURATION:PT1H\r\nRRULE:FREQ=WEEKLY\r\n",
		"DTSTART:20240322T100000Z\r\nDURATION:PT1H\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(sched.Sessions) != 5 || !strings.Contains(notes(rep), `"S1" repeats: 4 session(s), 2024-03-01 to 2024-03-22; its rule has no end, so Floor lists it only up to 2024-03-22`) {
		t.Errorf("%d sessions, notes:\n%s", len(sched.Sessions), notes(rep))
	}
	sched, rep, err = Parse(vcal("", "DTSTART:20240301T100000Z\r\nDURATION:PT1H\r\nRRULE:FREQ=DAILY;COUNT=2000\r\n"))
	if err != nil || len(sched.Sessions) != MaxOccurrences || !strings.Contains(notes(rep), `"S1" repeats more than 500 times; Floor lists the first 500`) {
		t.Errorf("%v %d sessions, notes:\n%s", err, len(sched.Sessions), notes(rep))
	}
	sched, rep, err = Parse(vcal("", "DTSTART:20240301T100000Z\r\nDURATION:PT1H\r\nRRULE:FREQ=MINUTELY;COUNT=50\r\n"))
	if err != nil || len(sched.Sessions) != 1 || sched.Sessions[0].GUID != "a@x/20240301T100000Z" ||
		!strings.Contains(notes(rep), `"S1": its RRULE "FREQ=MINUTELY;COUNT=50" is not one Floor expands (FREQ=MINUTELY repeats faster than sessions do); only its first occurrence is listed`) {
		t.Errorf("%v %+v, notes:\n%s", err, sched.Sessions, notes(rep))
	}
}
