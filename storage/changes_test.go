package storage

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/igf-floor/floor/app/agenda"
	"github.com/igf-floor/floor/app/agenda/frab"
)

// A re-import records exactly what changed, field by field, flags changes
// to favourites, and records nothing when nothing changed.
func TestChangesBetweenTwoVersions(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	data, err := os.ReadFile("../app/agenda/frab/testdata/giggity-debconf23.xml")
	if err != nil {
		t.Fatal(err)
	}
	v1, _, err := frab.ParseXML(data)
	if err != nil {
		t.Fatal(err)
	}
	res, err := db.SaveSchedule(ctx, v1, agenda.ImportRecord{File: "v1", At: t0})
	if err != nil || res.Changes != 0 {
		t.Fatalf("first import: %+v %v", res, err)
	}
	if res, _ := db.SaveSchedule(ctx, v1, agenda.ImportRecord{File: "v1 again", At: t0}); res.Changes != 0 {
		t.Errorf("an unchanged schedule recorded %d changes", res.Changes)
	}
	first, _ := db.FindSession(ctx, "1")
	db.SetFavourite(ctx, first.ID, true, t0)

	v2, _, _ := frab.ParseXML(data)
	v2.Sessions[0].Room = "Kuthiran"
	v2.Sessions[0].Start = v2.Sessions[0].Start.Add(30 * time.Minute)
	v2.Sessions[0].End = v2.Sessions[0].End.Add(30 * time.Minute)
	v2.Sessions[1].Title = "A new title"
	removed := v2.Sessions[2].Title
	v2.Sessions = append(v2.Sessions[:2], v2.Sessions[3:]...)
	added := v2.Sessions[0]
	added.GUID, added.Title = "brand-new", "Late addition"
	v2.Sessions = append(v2.Sessions, added)
	later := t0.Add(time.Hour)
	res, err = db.SaveSchedule(ctx, v2, agenda.ImportRecord{File: "v2", At: later})
	if err != nil || res.Changes != 5 || res.Removed != 1 || res.Added != 1 {
		t.Fatalf("second import: %+v %v", res, err)
	}
	changes, err := db.Changes(ctx, later, 0)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range changes {
		star := ""
		if c.Favourite {
			star = "★"
		}
		got = append(got, star+c.Change.Field+": "+c.Change.Old+" → "+c.Change.New)
	}
	want := []string{
		"★time: 2023-09-10 05:00 UTC → 2023-09-10 05:30 UTC", "★room: Anamudi → Kuthiran",
		"title: " + v1.Sessions[1].Title + " → A new title", "new:  → Late addition", "removed: " + removed + " → ",
	}
	if len(got) != len(want) {
		t.Fatalf("changes:\n%q\nwant\n%q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("change %d = %q, want %q", i, got[i], want[i])
		}
	}
	if old, _ := db.Changes(ctx, later.Add(time.Minute), 0); len(old) != 0 {
		t.Errorf("--since after the import still lists %d", len(old))
	}
}
