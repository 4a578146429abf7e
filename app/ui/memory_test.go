package ui

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/assets"
	"github.com/igf-floor/floor/storage"
)

// agendaStart is one start of the agenda window over the database file at
// path, as Floor starts: open, load, build the view, bring back what was
// kept. Its end closes the window, then the database.
type agendaStart struct {
	v  *ParticipantView
	w  fyne.Window
	db *storage.DB
}

func startAgenda(t *testing.T, path string) agendaStart {
	t.Helper()
	ctx := context.Background()
	db, err := storage.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	p := app.NewParticipant(db, fixedClock{}, time.UTC)
	if err := p.Load(ctx); err != nil {
		t.Fatal(err)
	}
	w := test.NewWindow(nil)
	v := NewParticipantView(ctx, p, w, "UTC")
	w.SetContent(v.Content())
	w.Resize(fyne.NewSize(1280, 800))
	v.EnableMemory(db, w)
	return agendaStart{v, w, db}
}

func (s agendaStart) end() {
	s.w.Close()
	s.db.Close()
}

// debConfFile is a database file with the built-in agenda and DebConf 23.
func debConfFile(t *testing.T) string {
	t.Helper()
	test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), "floor.db")
	db, err := storage.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	im := app.Importer{Store: db, Clock: fixedClock{}}
	if _, err := im.ImportBytes(context.Background(), "seed", assets.BuiltInAgenda()); err != nil {
		t.Fatal(err)
	}
	if _, err := im.ImportFile(context.Background(), "../agenda/frab/testdata/giggity-debconf23.xml"); err != nil {
		t.Fatal(err)
	}
	return path
}

// The day tab chosen is chosen again at the next start.
func TestAgendaRemembersTheDay(t *testing.T) {
	path := debConfFile(t)
	first := startAgenda(t, path)
	test.Tap(first.v.filters.Days.Tab("Tue 12 Sep 2023"))
	first.end()
	again := startAgenda(t, path)
	defer again.end()
	if tab := again.v.filters.Days.Tab("Tue 12 Sep 2023"); tab == nil || tab.Icon == nil || again.v.rows[0].Day != "Tuesday 12 September 2023" {
		t.Errorf("the next start lists %q first", again.v.rows[0].Day)
	}
}

// The zone chosen is chosen again, and the list is in it.
func TestAgendaRemembersTheZone(t *testing.T) {
	path := debConfFile(t)
	first := startAgenda(t, path)
	first.v.Zone.SetSelected("America/New_York")
	first.end()
	again := startAgenda(t, path)
	defer again.end()
	if again.v.Zone.Selected != "America/New_York" || again.v.p.Zone().Mode != app.ZoneNamed {
		t.Errorf("the next start shows times in %q", again.v.Zone.Selected)
	}
}

// The filters (a track, My agenda) are set again and narrow the list.
func TestAgendaRemembersTheFilters(t *testing.T) {
	path := debConfFile(t)
	first := startAgenda(t, path)
	first.v.filters.Track.SetSelected("Security")
	first.end()
	again := startAgenda(t, path)
	defer again.end()
	if again.v.filters.Track.Selected != "Security" || again.v.Status.Text != "2 sessions" {
		t.Errorf("the next start: track %q, %q", again.v.filters.Track.Selected, again.v.Status.Text)
	}
}

// My agenda, switched on, is on at the next start.
func TestAgendaRemembersMyAgenda(t *testing.T) {
	path := debConfFile(t)
	first := startAgenda(t, path)
	test.Tap(first.v.MyAgenda)
	first.end()
	again := startAgenda(t, path)
	defer again.end()
	if !again.v.MyAgenda.Checked || !again.v.p.FavouritesOnly() {
		t.Error("My agenda is off at the next start")
	}
}

// The window opens at the size it had when it closed.
func TestAgendaRemembersTheWindowSize(t *testing.T) {
	path := debConfFile(t)
	first := startAgenda(t, path)
	first.w.Resize(fyne.NewSize(1500, 900))
	first.end()
	again := startAgenda(t, path)
	defer again.end()
	if s := again.w.Canvas().Size(); s != fyne.NewSize(1500, 900) {
		t.Errorf("the next start is %v", s)
	}
}

// Another database keeps its own choices.
func TestAgendaMemoryIsPerDatabase(t *testing.T) {
	path := debConfFile(t)
	first := startAgenda(t, path)
	first.v.Zone.SetSelected("America/New_York")
	first.end()
	other := startAgenda(t, filepath.Join(t.TempDir(), "other.db"))
	defer other.end()
	if other.v.Zone.Selected != eventZoneLabel() {
		t.Errorf("a new database shows times in %q", other.v.Zone.Selected)
	}
}

// Brought back on a day, the list shows that day's heading and its first
// session, not an empty pane.
func TestAgendaRestoredOnADayShowsItsFirstSession(t *testing.T) {
	path := debConfFile(t)
	first := startAgenda(t, path)
	test.Tap(first.v.filters.Days.Tab("Tue 12 Sep 2023"))
	first.end()
	again := startAgenda(t, path)
	defer again.end()
	if again.v.selected == 0 || again.v.selected != again.v.rows[1].Session.ID {
		t.Errorf("the pane shows %d, the day's first session is %q", again.v.selected, again.v.rows[1].Session.Title)
	}
}
