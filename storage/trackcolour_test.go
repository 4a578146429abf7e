package storage

import (
	"context"
	"os"
	"testing"

	"github.com/igf-floor/floor/app/agenda"
	"github.com/igf-floor/floor/app/agenda/frab"
)

// A track's colour from 38C3's schedule.xml is stored with each session
// and comes back in the whole session and in the agenda's listing; a
// re-import that changes only the colour updates it.
func TestTrackColourIsStoredAndListed(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	data, err := os.ReadFile("../app/agenda/frab/testdata/eventfahrplan-38c3-trimmed.xml")
	if err != nil {
		t.Fatal(err)
	}
	sched, _, err := frab.ParseXML(data)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.SaveSchedule(ctx, sched, agenda.ImportRecord{File: "38c3.xml", Format: "frab", At: t0}); err != nil {
		t.Fatal(err)
	}
	const opening = "270fa44c-821a-577f-8ca3-33e8d4a8c2a7" // track CCC, #F2F006
	listing, err := db.ListSessions(ctx, agenda.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	var id int64
	for _, s := range listing.Sessions {
		if s.GUID == opening {
			id = s.ID
			if s.Track != "CCC" || s.TrackColour != "#f2f006" {
				t.Errorf("listed with track %q colour %q", s.Track, s.TrackColour)
			}
		}
	}
	whole, err := db.Session(ctx, id)
	if err != nil || whole.TrackColour != "#f2f006" {
		t.Fatalf("session colour %q, %v", whole.TrackColour, err)
	}
	for i := range sched.Sessions {
		if sched.Sessions[i].GUID == opening {
			sched.Sessions[i].TrackColour = "#000000"
		}
	}
	if _, err := db.SaveSchedule(ctx, sched, agenda.ImportRecord{File: "38c3.xml", Format: "frab", At: t0.Add(1)}); err != nil {
		t.Fatal(err)
	}
	if again, err := db.Session(ctx, id); err != nil || again.TrackColour != "#000000" {
		t.Errorf("after re-import: colour %q, %v", again.TrackColour, err)
	}
}
