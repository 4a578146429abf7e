package app_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/agenda"
	"github.com/igf-floor/floor/assets"
	"github.com/igf-floor/floor/storage"
)

type fixedClock struct{ t time.Time }

func (c fixedClock) Now() time.Time { return c.t }

var now = fixedClock{time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)}

func newImporter(t *testing.T) (app.Importer, *storage.DB) {
	t.Helper()
	db, err := storage.Open(context.Background(), filepath.Join(t.TempDir(), "floor.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return app.Importer{Store: db, Clock: now}, db
}

const fixture = "agenda/igf/testdata/igf-2020-ws234.txt"

func TestImportFixtureThenBuiltInUpdatesTheSameSession(t *testing.T) {
	ctx := context.Background()
	im, db := newImporter(t)
	res, err := im.ImportFile(ctx, fixture)
	if err != nil {
		t.Fatal(err)
	}
	if res.Format != "igf" || res.Saved.Added != 1 || len(res.Sessions) != 1 {
		t.Fatalf("result = %+v", res)
	}
	imported, err := app.EnsureBuiltInAgenda(ctx, im, assets.BuiltInAgendaName, assets.BuiltInAgenda())
	if err != nil || imported {
		t.Fatalf("built-in agenda imported into a non-empty database: %v, %v", imported, err)
	}
	// The built-in page of the same session adds the date and room.
	res, err = im.ImportBytes(ctx, "built-in", assets.BuiltInAgenda())
	if err != nil || res.Saved.Updated != 1 || res.Saved.Added != 0 {
		t.Fatalf("second page: %+v, %v", res.Saved, err)
	}
	if n, _ := db.CountSessions(ctx); n != 1 {
		t.Fatalf("%d sessions after two pages of one session", n)
	}
	s, _ := db.FindSession(ctx, "WS #234")
	if app.FormatStart(s) != "2020-11-11 11:20 UTC" || s.Room != "Room 3" {
		t.Errorf("start %q room %q", app.FormatStart(s), s.Room)
	}
	// Importing the undated page again keeps the date, and says so.
	res, err = im.ImportFile(ctx, fixture)
	if err != nil {
		t.Fatal(err)
	}
	last := res.Report.Warnings[len(res.Report.Warnings)-1].Text
	if !strings.Contains(last, "kept time, room") {
		t.Errorf("report does not say what was kept: %q", last)
	}
}

func TestEnsureBuiltInAgendaOnEmptyDatabase(t *testing.T) {
	ctx := context.Background()
	im, db := newImporter(t)
	imported, err := app.EnsureBuiltInAgenda(ctx, im, assets.BuiltInAgendaName, assets.BuiltInAgenda())
	if err != nil || !imported {
		t.Fatalf("imported %v, %v", imported, err)
	}
	if n, _ := db.CountSessions(ctx); n != 1 {
		t.Errorf("%d sessions", n)
	}
}

// Every bad file gets an error that names it (and the line), and the
// database is exactly as it was.
func TestBadFilesLeaveTheDatabaseUnchanged(t *testing.T) {
	ctx := context.Background()
	im, db := newImporter(t)
	if _, err := im.ImportBytes(ctx, "seed", assets.BuiltInAgenda()); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	big := filepath.Join(dir, "big.txt")
	f, _ := os.Create(big)
	f.WriteString("IGF 2020 WS #234 Huge\n")
	f.Truncate(50 << 20)
	f.Close()
	title := "IGF 2020 WS #234 Security of digital products\n"
	cases := map[string]string{
		write("empty.txt", ""):                              "empty.txt: the file is empty",
		write("notigf.txt", "Dear all,\nsee you there\n"):   "notigf.txt: not an agenda Floor can read",
		write("utf8.txt", title+"Description:\n\xc3\x28\n"): "utf8.txt: line 3: invalid UTF-8",
		write("ctrl.txt", title+"Speaker 1: A\x1bB\n"):      "ctrl.txt: line 2: control character U+001B",
		write("bidi.txt", title+"Speaker 1: A\u202eB\n"):    "bidi.txt: line 2: bidirectional override",
		write("date.txt", title+"Sunday, 30th February, 2020 (11:20 UTC) - Sunday, 30th February, 2020 (12:20 UTC)\n"): "date.txt: line 2: 30 February 2020 does not exist",
		big: "big.txt: the file is larger than 16 MiB",
		write("long.txt", title+strings.Repeat("x", 2<<20)): "long.txt: 2097198 bytes is more than an IGF session page can be",
		dir:                             "not a regular file",
		filepath.Join(dir, "missing"):   "no such file",
		write("binary.txt", "\x00\x01"): "binary.txt: line 1: control character U+0000",
	}
	before, _ := db.Fingerprint(ctx)
	for path, want := range cases {
		_, err := im.ImportFile(ctx, path)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("import %s: err = %v, want %q", filepath.Base(path), err, want)
		}
	}
	if after, _ := db.Fingerprint(ctx); after != before {
		t.Error("a refused import changed the database")
	}
}

// A conference schedule imports whole, and importing it again updates the
// same sessions instead of adding copies.
func TestImportConferenceSchedules(t *testing.T) {
	ctx := context.Background()
	im, db := newImporter(t)
	res, err := im.ImportFile(ctx, "agenda/frab/testdata/giggity-debconf23.xml")
	if err != nil || res.Format != "frab schedule.xml" || res.Saved.Added != 117 {
		t.Fatalf("debconf: %+v %v", res.Saved, err)
	}
	res, err = im.ImportFile(ctx, "agenda/frab/testdata/voc-pretalx-democon.json")
	if err != nil || res.Format != "c3voc schedule.json" || res.Saved.Added != 36 || len(res.Report.Warnings) == 0 {
		t.Fatalf("democon: %+v %v", res, err)
	}
	res, err = im.ImportFile(ctx, "agenda/ical/testdata/giggity-kielux_2020.ics")
	if err != nil || res.Format != "iCalendar" || res.Saved.Added != 24 {
		t.Fatalf("kielux: %+v %v", res.Saved, err)
	}
	res, err = im.ImportFile(ctx, "agenda/frab/testdata/giggity-debconf23.xml")
	if err != nil || res.Saved.Added != 0 || res.Saved.Updated != 0 || res.Saved.Unchanged != 117 || res.Saved.Removed != 0 {
		t.Fatalf("debconf again: %+v %v", res.Saved, err)
	}
	if n, _ := db.CountSessions(ctx); n != 117+36+24 {
		t.Errorf("%d sessions", n)
	}
	hits, _ := db.ListSessions(ctx, agenda.Filter{Search: "Sruthi Chandran"})
	if len(hits.Sessions) == 0 {
		t.Error("a DebConf speaker is not found by search")
	}
}
