package ical

import (
	"fmt"
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

// A rule nothing matches costs milliseconds, not a search to the year
// 9999; HOURLY is not expanded; past MaxRecurring repeating events the
// rest keep their first occurrence, said once.
func TestRecurrenceCost(t *testing.T) {
	calendar := func(n int, rule string) []byte {
		var b strings.Builder
		b.WriteString("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nX-WR-CALNAME:C\r\n")
		for i := 0; i < n; i++ {
			fmt.Fprintf(&b, "BEGIN:VEVENT\r\nUID:%d@x\r\nSUMMARY:S\r\nDTSTART:20240301T100000Z\r\nDURATION:PT1H\r\nRRULE:%s\r\nEND:VEVENT\r\n", i, rule)
		}
		return []byte(b.String() + "END:VCALENDAR\r\n")
	}
	start := time.Now()
	sched, _, err := Parse(calendar(10, "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30"))
	if d := time.Since(start); err != nil || len(sched.Sessions) != 10 || d > 10*time.Second {
		t.Errorf("10 never-matching rules: %v, %d sessions, %v", err, len(sched.Sessions), d)
	}
	sched, rep, err := Parse(calendar(MaxRecurring+2, "FREQ=DAILY;COUNT=2"))
	if err != nil || len(sched.Sessions) != 2*MaxRecurring+2 ||
		!strings.Contains(notes(rep), "the calendar has 202 repeating events; Floor expands the first 200, and lists the other 2 with their first occurrence only") {
		t.Errorf("%v, %d sessions", err, len(sched.Sessions))
	}
	sched, rep, err = Parse(vcal("", "DTSTART:20240301T100000Z\r\nDURATION:PT1H\r\nRRULE:FREQ=HOURLY;COUNT=3\r\n"))
	if err != nil || len(sched.Sessions) != 1 || !strings.Contains(notes(rep), "FREQ=HOURLY repeats faster than sessions do") {
		t.Errorf("hourly: %v %d\n%s", err, len(sched.Sessions), notes(rep))
	}
}
