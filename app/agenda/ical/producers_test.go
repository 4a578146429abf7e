package ical

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// A Google Calendar export (testdata/SOURCES): a weekly RRULE with a UTC
// UNTIL, an EXDATE, two RECURRENCE-ID overrides (one moved to the next
// day, one retitled), an all-day event over three days, UTC times, and a
// DESCRIPTION written as HTML.
func TestGoogleRecurringCalendar(t *testing.T) {
	sched, rep, err := Parse(testdata(t, "joyous-google-recurring.ics"))
	if err != nil {
		t.Fatal(err)
	}
	if len(sched.Sessions) != 12 || sched.Event.Title != "Test Data" || sched.Event.Zone != "Pacific/Auckland" {
		t.Fatalf("%d sessions, event %+v", len(sched.Sessions), sched.Event)
	}
	nz, _ := time.LoadLocation("Pacific/Auckland")
	var tuesdays []string
	for _, s := range sched.Sessions {
		if strings.HasPrefix(s.Title, "Tuesday Morning") {
			tuesdays = append(tuesdays, s.Start.In(nz).Format("01-02 15:04 ")+s.Title)
			if s.Duration() != 2*time.Hour || s.Room != "Coast Rd, Barrytown, New Zealand" {
				t.Errorf("%q: %v in %q", s.Title, s.Duration(), s.Room)
			}
		}
	}
	// UNTIL 20180828T115959Z is 23:59:59 on the 28th in Auckland; the 14th
	// is excluded; the 24th moved to the 25th; the 31st is retitled.
	want := []string{"07-03 09:30 Tuesday Mornings", "07-10 09:30 Tuesday Mornings", "07-17 09:30 Tuesday Mornings",
		"07-25 09:30 Tuesday Mornings Postponed", "07-31 09:30 Tuesday Morning Extra Info", "08-07 09:30 Tuesday Mornings",
		"08-21 09:30 Tuesday Mornings", "08-28 09:30 Tuesday Mornings"}
	slices.Sort(tuesdays)
	if !slices.Equal(tuesdays, want) {
		t.Errorf("Tuesday Mornings:\n%s\nwant\n%s", strings.Join(tuesdays, "\n"), strings.Join(want, "\n"))
	}
	byTitle := map[string]int{}
	for i, s := range sched.Sessions {
		byTitle[s.Title] = i
	}
	big := sched.Sessions[byTitle["Big Thursday"]]
	if !big.Start.Equal(time.Date(2018, 7, 25, 21, 0, 0, 0, time.UTC)) || big.Duration() != 11*time.Hour+30*time.Minute ||
		big.Description != "Hounit catlike at ethatial to thin a usistiques onshiend alits mily tente duse prommuniss ind sedships itommunte of perpollood." {
		t.Errorf("Big Thursday %v for %v: %q", big.Start, big.Duration(), big.Description)
	}
	off := sched.Sessions[byTitle["Three days off"]]
	if !off.Start.Equal(time.Date(2018, 7, 13, 0, 0, 0, 0, nz)) || !off.End.Equal(time.Date(2018, 7, 16, 0, 0, 0, 0, nz)) || off.Room != "Home" {
		t.Errorf("Three days off %v to %v in %q", off.Start, off.End, off.Room)
	}
	text := notes(rep)
	for _, note := range []string{"repeats: 8 session(s), 2018-07-03 to 2018-08-28, 1 excluded (EXDATE)",
		"1 all-day event(s) (VALUE=DATE)", "the DESCRIPTION of 1 event(s) is HTML"} {
		if !strings.Contains(text, note) {
			t.Errorf("no note %q in:\n%s", note, text)
		}
	}
}

// A Meetup export: CRLF, folded lines (one inside X-ORIGINAL-URL, one
// inside an escaped "\n"), a VTIMEZONE and no X-WR-TIMEZONE.
func TestMeetupCalendar(t *testing.T) {
	sched, rep, err := Parse(testdata(t, "joyous-meetup.ics"))
	if err != nil {
		t.Fatal(err)
	}
	if len(sched.Sessions) != 1 || sched.Event.Title != "Events - Weekly Hack Night.ics" || sched.Event.Zone != "America/New_York" {
		t.Fatalf("%d sessions, event %+v", len(sched.Sessions), sched.Event)
	}
	s := sched.Sessions[0]
	if s.Title != "Weekly Hack Night" || s.GUID != "event_xwqmnpyxkbgc@meetup.com" ||
		!s.Start.Equal(time.Date(2018, 7, 24, 23, 0, 0, 0, time.UTC)) || s.Duration() != 150*time.Minute ||
		s.Room != "Cambridge Innovation Center, 4th Floor Cafe (1 Broadway, Cambridge, MA)" ||
		s.Description != "Code for Boston\nTuesday, July 24 at 7:00 PM\n\nOur weekly work session will be at the Cambridge Innovation Center in Kendall Square"+
			", on the FOURTH FLOOR, in the CAFE. These Hack Nights are our time...\n\nhttps://www.meetup.com/Code-for-Boston/events/249894034/" ||
		len(s.Links) != 1 || s.Links[0].URL != "https://www.meetup.com/Code-for-Boston/events/249894034/" {
		t.Errorf("session %+v", s)
	}
	if len(rep.Warnings) != 1 || !strings.Contains(rep.Warnings[0].Text, "every time in it with a zone is in America/New_York") {
		t.Errorf("notes:\n%s", notes(rep))
	}
}

// The Events Calendar (WordPress) names an offset as its TZID, "UTC+0",
// with no VTIMEZONE: read as that offset, said once, not refused.
func TestEventsCalendarOffsetZone(t *testing.T) {
	sched, rep, err := Parse(testdata(t, "joyous-events-calendar-utc-offset.ics"))
	if err != nil {
		t.Fatal(err)
	}
	if len(sched.Sessions) != 1 || sched.Event.Zone != "UTC" {
		t.Fatalf("%d sessions, event %+v", len(sched.Sessions), sched.Event)
	}
	s := sched.Sessions[0]
	if s.Title != "Mini-Fair & Garage Sale" || !s.Start.Equal(time.Date(2018, 4, 7, 9, 30, 0, 0, time.UTC)) || s.Duration() != 2*time.Hour ||
		s.Zone != "UTC" || len(s.Links) != 1 || s.Links[0].URL != "http://bloorneighbours.ca/event/mini-fair-garage-sale/" {
		t.Errorf("session %+v", s)
	}
	if text := notes(rep); !strings.Contains(text, `the time zone "UTC+0" names an offset, not a zone: its times are read at +00:00`) {
		t.Errorf("notes:\n%s", text)
	}
}

// Offsets as TZIDs: ISO signs, whole hours as Etc/GMT (POSIX signs),
// other offsets exact and shown in UTC; what is no offset stays unknown.
func TestOffsetZoneNames(t *testing.T) {
	at := time.Date(2024, 6, 1, 12, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		id, name string
		offset   int // seconds east of UTC
	}{
		{"UTC+0", "UTC", 0}, {"UTC+10", "Etc/GMT-10", 36000}, {"GMT-3", "Etc/GMT+3", -10800},
		{"UTC+5.5", "UTC", 19800}, {"UTC+5:45", "UTC", 20700}, {"UTC-9.5", "UTC", -34200},
	} {
		z, _, ok := offsetZone(c.id)
		if !ok || z.name != c.name || z.loc == nil {
			t.Errorf("%q: %v %+v", c.id, ok, z)
			continue
		}
		if _, off := at.In(z.loc).Zone(); off != c.offset {
			t.Errorf("%q: offset %d, want %d", c.id, off, c.offset)
		}
	}
	for _, id := range []string{"UTC+15", "UTC+5:60", "Mars+1", "UTC+", "EST+5"} {
		if _, _, ok := offsetZone(id); ok {
			t.Errorf("%q read as an offset", id)
		}
	}
}
