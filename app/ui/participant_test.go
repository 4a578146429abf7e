package ui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/assets"
	"github.com/igf-floor/floor/storage"
)

type fixedClock struct{}

func (fixedClock) Now() time.Time { return time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC) }

// seededDB opens a real database in a temporary directory, with the test
// app running and the built-in agenda imported.
func seededDB(t *testing.T) (*storage.DB, app.Importer) {
	t.Helper()
	test.NewTempApp(t)
	db, err := storage.Open(context.Background(), filepath.Join(t.TempDir(), "floor.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	im := app.Importer{Store: db, Clock: fixedClock{}}
	if _, err := im.ImportBytes(context.Background(), "seed", assets.BuiltInAgenda()); err != nil {
		t.Fatal(err)
	}
	return db, im
}

// newView opens a real database with the built-in agenda and a second IGF
// page, and shows the participant view in a 1000×700 test window.
func newView(t *testing.T) (*ParticipantView, fyne.Window) {
	t.Helper()
	ctx := context.Background()
	db, im := seededDB(t)
	if _, err := im.ImportFile(ctx, "../agenda/igf/testdata/igf-2020-of-variant.txt"); err != nil {
		t.Fatal(err)
	}
	tokyo, _ := time.LoadLocation("Asia/Tokyo")
	p := app.NewParticipant(db, fixedClock{}, tokyo)
	if err := p.Load(ctx); err != nil {
		t.Fatal(err)
	}
	w := test.NewWindow(nil)
	t.Cleanup(w.Close)
	v := NewParticipantView(ctx, p, w, "Asia/Tokyo")
	v.EnableImport(im, w)
	w.SetContent(v.Content())
	w.Resize(fyne.NewSize(1000, 700))
	return v, w
}

func TestParticipantInitialShowsTheReferenceSession(t *testing.T) {
	v, w := newView(t)
	if v.Status.Text != "2 sessions" {
		t.Errorf("status %q", v.Status.Text)
	}
	text := richText(v)
	for _, want := range []string{"Security of digital products", "Barrack Otieno — Technical Community, African Group",
		"How is trust in cyberspace", "Goal 16: Peace, Justice and Strong Institutions",
		"Room 3 · Round Table – Circle; online: Round Table · 60 min online (planned 90 min)"} {
		if !strings.Contains(text, want) {
			t.Errorf("detail lacks %q", want)
		}
	}
	test.AssertRendersToMarkup(t, "participant/initial.xml", w.Canvas())
}

func TestParticipantLiveSearch(t *testing.T) {
	v, w := newView(t)
	test.Type(v.Search, "otieno")
	if v.Status.Text != "1 session" || v.List.Length() != 2 {
		t.Errorf("search otieno: status %q, %d rows", v.Status.Text, v.List.Length())
	}
	v.Search.SetText("")
	test.Type(v.Search, "blockchain")
	if v.Status.Text != "No session matches “blockchain”" || v.List.Length() != 0 {
		t.Errorf("search blockchain: status %q, %d rows", v.Status.Text, v.List.Length())
	}
	test.AssertRendersToMarkup(t, "participant/search-no-match.xml", w.Canvas())
}

func TestParticipantFavouritesAndMyAgenda(t *testing.T) {
	v, w := newView(t)
	test.Tap(v.MyAgenda)
	if !strings.HasPrefix(v.Status.Text, "My agenda is empty") {
		t.Errorf("empty my agenda: %q", v.Status.Text)
	}
	test.Tap(v.MyAgenda)
	v.List.Select(1) // WS #234
	test.Tap(v.Favourite)
	if v.Favourite.Text != "In My agenda (Ctrl+D to remove)" {
		t.Errorf("button says %q", v.Favourite.Text)
	}
	test.Tap(v.MyAgenda)
	if v.Status.Text != "1 session" {
		t.Errorf("my agenda: %q", v.Status.Text)
	}
	test.AssertRendersToMarkup(t, "participant/my-agenda.xml", w.Canvas())
}

func TestParticipantTimeZones(t *testing.T) {
	v, w := newView(t)
	v.Zone.SetSelected("My time (Asia/Tokyo)")
	if !strings.Contains(richText(v), "Wednesday 11 November 2020, 20:20–21:20 JST") ||
		!strings.Contains(richText(v), "Event time: Wednesday 11 November 2020, 11:20–12:20 UTC") {
		t.Errorf("detail in Tokyo time:\n%s", richText(v)[:300])
	}
	test.AssertRendersToMarkup(t, "participant/my-time.xml", w.Canvas())
	v.Zone.SetSelected("Pacific/Auckland")
	if row := v.p.Rows()[0]; row.Day != "Thursday 12 November 2020" {
		t.Errorf("Auckland day heading %q", row.Day)
	}
}

func TestParticipantKeyboard(t *testing.T) {
	v, w := newView(t)
	c := w.Canvas()
	ctrl := func(k fyne.KeyName) {
		c.(interface{ TypedShortcut(fyne.Shortcut) }).TypedShortcut(
			&desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault})
	}
	ctrl(fyne.KeyF)
	if c.Focused() != v.Search {
		t.Fatalf("Ctrl+F focused %v", c.Focused())
	}
	test.Type(v.Search, "trust")
	v.Search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if c.Focused() != v.List {
		t.Fatalf("Enter in search did not move to the list: %v", c.Focused())
	}
	// Down to the second session (row 2; row 0 is the day), Space opens it.
	v.List.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	v.List.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	v.List.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	if !strings.Contains(richText(v), "Trust in the Digital Economy") {
		t.Errorf("keyboard selection did not open OF #12")
	}
	ctrl(fyne.KeyD)
	if !v.p.IsFavourite(v.selected) {
		t.Error("Ctrl+D did not mark the session")
	}
	ctrl(fyne.KeyM)
	if !v.MyAgenda.Checked || v.Status.Text != "1 session" {
		t.Errorf("Ctrl+M: checked %v status %q", v.MyAgenda.Checked, v.Status.Text)
	}
}

// richText is the detail pane's text, list items included.
func richText(v *ParticipantView) string {
	var b strings.Builder
	var walk func([]widget.RichTextSegment)
	walk = func(segs []widget.RichTextSegment) {
		for _, s := range segs {
			switch s := s.(type) {
			case *widget.ListSegment:
				walk(s.Items)
			case *widget.ParagraphSegment: // a person: the name's link, then the rest, on one line
				for _, t := range s.Texts {
					if h, ok := t.(*widget.HyperlinkSegment); ok {
						b.WriteString(h.Text)
					} else {
						b.WriteString(t.Textual())
					}
				}
				b.WriteString("\n")
			case *widget.HyperlinkSegment:
				b.WriteString(s.Text + "\n")
			default:
				b.WriteString(s.Textual())
				if !s.Inline() {
					b.WriteString("\n")
				}
			}
		}
	}
	walk(v.Detail.Segments)
	return b.String()
}

func TestParticipantImportFromTheWindow(t *testing.T) {
	v, w := newView(t)
	page := "IGF 2021 WS #1 Youth and trust\nTuesday, 7th December, 2021 (09:00 UTC) - Tuesday, 7th December, 2021 (10:00 UTC)\nHall A\n"
	v.importFrom("youth.txt", strings.NewReader(page))
	if v.Status.Text != "Imported youth.txt: 1 added, 0 updated" || v.p.SessionCount() != 3 {
		t.Errorf("status %q, %d sessions", v.Status.Text, v.p.SessionCount())
	}
	if v.p.Rows()[0].Day != "Wednesday 11 November 2020" || v.p.Rows()[3].Day != "Tuesday 7 December 2021" {
		t.Errorf("days: %q, %q", v.p.Rows()[0].Day, v.p.Rows()[3].Day)
	}
	v.importFrom("bad.txt", strings.NewReader("IGF 2021 WS #2 Bad\nSpeaker 1: \x1b[31mred\n"))
	if w.Canvas().Overlays().Top() == nil {
		t.Fatal("a refused import showed no dialog")
	}
	if v.p.SessionCount() != 3 {
		t.Errorf("a refused import changed the list: %d sessions", v.p.SessionCount())
	}
	test.AssertRendersToMarkup(t, "participant/import-refused.xml", w.Canvas())
}

func TestParticipantOpensTheConsoleForTheShownSession(t *testing.T) {
	v, _ := newView(t)
	if v.Moderate.Visible() {
		t.Error("Moderate is offered before the window can open a console")
	}
	var opened int64
	v.EnableModerate(func(_ context.Context, id int64) error { opened = id; return nil })
	v.List.Select(1) // WS #234, which has a moderator
	test.Tap(v.Moderate)
	if opened == 0 || opened != v.p.Rows()[1].Session.ID {
		t.Errorf("opened session %d, shown %d", opened, v.p.Rows()[1].Session.ID)
	}
}
