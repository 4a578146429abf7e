package app_test

import (
	"context"
	"testing"
	"time"

	"github.com/igf-floor/floor/app"
)

// lateNight is a talk from 23:30 to 00:30 CET, Sunday into Monday.
const lateNight = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nX-WR-CALNAME:Night\r\n" +
	"BEGIN:VEVENT\r\nUID:late@night.example\r\nDTSTAMP:20191201T000000Z\r\n" +
	"DTSTART;TZID=Europe/Berlin:20191229T233000\r\nDTEND;TZID=Europe/Berlin:20191230T003000\r\n" +
	"SUMMARY:Late talk\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"

// The window's rows and the session view say a span that crosses midnight
// with the end's day, in the viewer's zone and in the event's.
func TestRowsAndDetailNameTheEndsDayAcrossMidnight(t *testing.T) {
	ctx := context.Background()
	im, _ := newImporter(t)
	if _, err := im.ImportBytes(ctx, "night.ics", []byte(lateNight)); err != nil {
		t.Fatal(err)
	}
	p := app.NewParticipant(im.Store, now, time.UTC)
	if err := p.Load(ctx); err != nil {
		t.Fatal(err)
	}
	want := "# Sunday 29 December 2019\n  23:30–00:30+1 CET |  | \n"
	if got := rowsText(p); got != want {
		t.Errorf("event time:\n%s\nwant\n%s", got, want)
	}
	var id int64
	for _, r := range p.Rows() {
		if !r.IsDay() {
			id = r.Session.ID
		}
	}
	d, err := p.Detail(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if want := "Sunday 29 December 2019, 23:30–00:30+1 CET"; d.When != want {
		t.Errorf("detail %q, want %q", d.When, want)
	}
	p.SetZone(app.ZoneChoice{Mode: app.ZoneLocal}) // UTC: the same hour, one day
	want = "# Sunday 29 December 2019\n  22:30–23:30 UTC | 23:30–00:30+1 CET | \n"
	if got := rowsText(p); got != want {
		t.Errorf("viewer's time:\n%s\nwant\n%s", got, want)
	}
}
