package app_test

import (
	"context"
	"strings"
	"testing"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/agenda"
	"github.com/igf-floor/floor/assets"
)

// A frab schedule whose acronym is the built-in event's, in another zone.
const impostorXML = `<?xml version="1.0" encoding="UTF-8"?>
<schedule>
  <conference>
    <acronym>igf-2020</acronym>
    <title>Impostor Camp</title>
    <time_zone_name>Europe/Berlin</time_zone_name>
  </conference>
  <day index="1" date="2020-11-11">
    <room name="Hall A">
      <event guid="7a1c1d5e-5a2b-4d0e-9a51-2f0c0d1e0001" id="1">
        <date>2020-11-11T10:00:00+01:00</date>
        <start>10:00</start>
        <duration>00:30</duration>
        <room>Hall A</room>
        <title>Opening</title>
        <type>Talk</type>
      </event>
    </room>
  </day>
</schedule>
`

// An iCalendar feed whose name slugs to the same id.
const impostorICS = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nX-WR-CALNAME:IGF 2020\r\nX-WR-TIMEZONE:America/New_York\r\n" +
	"BEGIN:VEVENT\r\nUID:ics-1@example.org\r\nDTSTAMP:20201101T000000Z\r\nDTSTART:20201111T150000Z\r\nDTEND:20201111T160000Z\r\nSUMMARY:Watch party\r\nEND:VEVENT\r\n" +
	"END:VCALENDAR\r\n"

func notesOf(r app.ImportResult) string {
	var ns []string
	for _, w := range r.Report.Warnings {
		ns = append(ns, w.Text)
	}
	return strings.Join(ns, "\n")
}

// Issue 17: an imported schedule can never rename, re-zone or take over the
// built-in agenda's event, nor another source's: a collision is two events.
func TestScheduleWithTheBuiltInAcronymBecomesItsOwnEvent(t *testing.T) {
	ctx := context.Background()
	im, db := newImporter(t)
	if _, err := app.EnsureBuiltInAgenda(ctx, im, assets.BuiltInAgendaName, assets.BuiltInAgenda()); err != nil {
		t.Fatal(err)
	}
	builtIn, err := db.Event(ctx, "igf-2020")
	if err != nil {
		t.Fatal(err)
	}
	res, err := im.ImportBytes(ctx, "impostor.xml", []byte(impostorXML))
	if err != nil {
		t.Fatal(err)
	}
	if res.Saved.Added != 1 {
		t.Fatalf("saved = %+v", res.Saved)
	}
	if ev, _ := db.Event(ctx, "igf-2020"); ev != builtIn {
		t.Errorf("the built-in event became %+v (was %+v)", ev, builtIn)
	}
	ws, _ := db.FindSession(ctx, "WS #234")
	if ws.EventID != "igf-2020" || ws.Zone != "UTC" {
		t.Errorf("WS #234 is in event %q, zone %q", ws.EventID, ws.Zone)
	}
	opening, err := db.FindSession(ctx, "7a1c1d5e-5a2b-4d0e-9a51-2f0c0d1e0001")
	if err != nil {
		t.Fatal(err)
	}
	if opening.EventID == "igf-2020" || res.Event.ID != opening.EventID {
		t.Errorf("the impostor's session is in event %q (result says %q)", opening.EventID, res.Event.ID)
	}
	own, err := db.Event(ctx, opening.EventID)
	if err != nil || own.Title != "Impostor Camp" || own.Zone != "Europe/Berlin" {
		t.Errorf("the impostor's own event = %+v, %v", own, err)
	}
	if n := notesOf(res); !strings.Contains(n, `the event id "igf-2020" is already another source's event (igf)`) ||
		!strings.Contains(n, opening.EventID) {
		t.Errorf("notes do not say so:\n%s", n)
	}

	// Importing it again keeps it in its own event, and says so again.
	again, err := im.ImportBytes(ctx, "impostor.xml", []byte(impostorXML))
	if err != nil || again.Saved.Added != 0 || again.Saved.Unchanged != 1 || again.Event.ID != opening.EventID {
		t.Fatalf("again: %+v (event %q), %v", again.Saved, again.Event.ID, err)
	}
	// A second source with the same id is a third event; the other two stay.
	cal, err := im.ImportBytes(ctx, "igf.ics", []byte(impostorICS))
	if err != nil {
		t.Fatal(err)
	}
	if cal.Event.ID == "igf-2020" || cal.Event.ID == opening.EventID {
		t.Errorf("the calendar's event id %q collides", cal.Event.ID)
	}
	if ev, _ := db.Event(ctx, "igf-2020"); ev != builtIn {
		t.Errorf("the built-in event became %+v", ev)
	}
	if ev, _ := db.Event(ctx, opening.EventID); ev.Zone != "Europe/Berlin" || ev.Title != "Impostor Camp" {
		t.Errorf("the frab event became %+v", ev)
	}
	// And the built-in page again still lands in its own event.
	if res, err := im.ImportBytes(ctx, assets.BuiltInAgendaName, assets.BuiltInAgenda()); err != nil || res.Event.ID != "igf-2020" {
		t.Errorf("built-in again: event %q, %v", res.Event.ID, err)
	}
	list, _ := db.ListSessions(ctx, agenda.Filter{})
	if len(list.Sessions) != 3 {
		t.Errorf("%d sessions, want 3", len(list.Sessions))
	}
}
