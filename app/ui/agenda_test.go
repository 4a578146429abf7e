package ui

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// newDebConfView is newView with DebConf 23 (117 sessions over eight days,
// in Asia/Kolkata) imported as well, in a 1280×800 window.
func newDebConfView(t *testing.T) (*ParticipantView, fyne.Window) {
	t.Helper()
	v, w := newView(t)
	f, err := os.Open("../agenda/frab/testdata/giggity-debconf23.xml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	v.importFrom("giggity-debconf23.xml", f)
	if v.p.SessionCount() != 119 {
		t.Fatalf("%d sessions after the import: %s", v.p.SessionCount(), v.Status.Text)
	}
	w.Resize(fyne.NewSize(1280, 800))
	return v, w
}

// rowOf is the list index of the session titled title, or -1.
func rowOf(v *ParticipantView, title string) int {
	for i, r := range v.rows {
		if !r.IsDay() && r.Session.Title == title {
			return i
		}
	}
	return -1
}

// shownTexts are the texts drawn inside o, in layout order.
func shownTexts(o fyne.CanvasObject) []*canvas.Text {
	var out []*canvas.Text
	for _, x := range test.LaidOutObjects(o) {
		if t, ok := x.(*canvas.Text); ok && t.Visible() && t.Text != "" {
			out = append(out, t)
		}
	}
	return out
}

func joinTexts(ts []*canvas.Text) string {
	var b strings.Builder
	for _, t := range ts {
		b.WriteString(t.Text)
	}
	return b.String()
}

// After a search and its clearing, every row is as tall as its two lines:
// a session that takes the place of a day heading does not keep the
// heading's height and draw its time over the next title.
func TestAgendaRowsKeepTheirHeightAfterARefilter(t *testing.T) {
	v, w := newDebConfView(t)
	test.Type(v.Search, "secure")
	v.Search.SetText("")
	w.Resize(fyne.NewSize(1280, 801)) // lay out again
	checked := 0
	for _, o := range test.LaidOutObjects(v.List) {
		r, ok := o.(*agendaRow)
		if !ok || !r.Visible() || !r.body.Visible() {
			continue
		}
		checked++
		if r.Size().Height < r.MinSize().Height {
			t.Errorf("row %q is %.0f high, its lines need %.0f", r.title.Text, r.Size().Height, r.MinSize().Height)
		}
	}
	if checked < 5 {
		t.Fatalf("only %d session rows drawn", checked)
	}
}

// The detail pane wraps words, never letters, at every width of the pane.
func TestDetailWrapsWordsNotLetters(t *testing.T) {
	v, _ := newView(t)
	v.List.Select(1) // WS #234, with a long Issues section
	rt := widget.NewRichText(v.Detail.Segments...)
	rt.Wrapping = fyne.TextWrapWord
	w := test.NewWindow(rt)
	defer w.Close()
	for width := float32(420); width <= 1300; width += 9 {
		rt.Resize(fyne.NewSize(width, 4000))
		lone := 0
		for _, tx := range shownTexts(rt) {
			if len([]rune(strings.TrimSpace(tx.Text))) == 1 {
				lone++
			} else {
				lone = 0
			}
			if lone == 3 {
				t.Fatalf("at %.0f px the pane wraps letter by letter near %q", width, tx.Text)
			}
		}
	}
}

// "Tentative policy questions:" is a line of its own above "1. How is …",
// at the same margin.
func TestDetailPolicyIntroEndsItsLine(t *testing.T) {
	v, _ := newView(t)
	v.List.Select(1) // WS #234
	texts := shownTexts(v.Detail)
	for i, tx := range texts {
		if tx.Text != "Tentative policy questions:" {
			continue
		}
		if next := texts[i+1]; next.Position().Y <= tx.Position().Y {
			t.Errorf("%q runs into %q on the same line", tx.Text, next.Text)
		} else if next.Position().X != tx.Position().X {
			t.Errorf("%q starts at x=%.0f, %q at x=%.0f", tx.Text, tx.Position().X, next.Text, next.Position().X)
		}
		return
	}
	t.Fatalf("no policy intro drawn in %q", joinTexts(texts))
}

// A search that no longer lists the session shown empties the pane.
func TestDetailEmptiesWhenTheSearchHidesTheSession(t *testing.T) {
	v, _ := newView(t)
	v.List.Select(2) // OF #12
	test.Type(v.Search, "otieno")
	if strings.Contains(richText(v), "Trust in the Digital Economy") || v.Favourite.Visible() {
		t.Errorf("the pane still shows OF #12, which the list does not:\n%.200s", richText(v))
	}
	if !strings.Contains(richText(v), "Choose a session") {
		t.Errorf("the pane does not ask to choose a session:\n%.200s", richText(v))
	}
}

// A search that still lists the session shown keeps it, highlighted.
func TestDetailKeepsTheSessionTheSearchStillLists(t *testing.T) {
	v, _ := newView(t)
	v.List.Select(2) // OF #12
	test.Type(v.Search, "trust")
	i := rowOf(v, "Trust in the Digital Economy")
	if !strings.Contains(richText(v), "Trust in the Digital Economy") || i < 0 || v.selected != v.rows[i].Session.ID {
		t.Errorf("the search lost OF #12: row %d, pane %.100q", i, richText(v))
	}
}

// The day tabs offer days in words, in the chosen zone.
func TestDayFilterOffersDaysInWords(t *testing.T) {
	v, _ := newDebConfView(t)
	v.Zone.SetSelected("America/New_York")
	opts := strings.Join(v.filters.Days.Labels(), ", ")
	// The list spans 2020 (IGF) and 2023 (DebConf): the days say their year.
	if !strings.Contains(opts, "Sat 16 Sep 2023") || strings.Contains(opts, "2023-") {
		t.Errorf("Day offers %s", opts)
	}
	// 07:00 on Sunday 10 September in Kolkata is Saturday evening in New York.
	if !strings.Contains(opts, "Sat 9 Sep 2023") {
		t.Errorf("Day lacks New York's Saturday 9 September: %s", opts)
	}
}

// The chosen day is shown whole on its tab, not "2023-09…".
func TestDayFilterShowsTheDayWhole(t *testing.T) {
	v, w := newDebConfView(t)
	tab := v.filters.Days.Tab("Sat 16 Sep 2023")
	test.Tap(tab)
	w.Resize(fyne.NewSize(1280, 801))
	if got := joinTexts(shownTexts(tab)); got != "Sat 16 Sep 2023" {
		t.Errorf("the day tab shows %q", got)
	}
}

// The chosen zone is shown whole in the Times choice, not "America/N…".
func TestZoneChoiceShowsTheZoneWhole(t *testing.T) {
	v, w := newDebConfView(t)
	v.Zone.SetSelected("America/Mexico_City")
	w.Resize(fyne.NewSize(1280, 801))
	if got := joinTexts(shownTexts(v.Zone)); got != "America/Mexico_City" {
		t.Errorf("the Times choice shows %q", got)
	}
}

// A Day filter keeps the sessions under that day's heading, in the chosen
// zone: no "Friday" heading under a Saturday filter.
func TestDayFilterAgreesWithTheHeadings(t *testing.T) {
	v, _ := newDebConfView(t)
	v.Zone.SetSelected("America/New_York")
	test.Tap(v.filters.Days.Tab("Sat 16 Sep 2023"))
	ny, _ := time.LoadLocation("America/New_York")
	sessions := 0
	for _, r := range v.rows {
		if r.IsDay() {
			if r.Day != "Saturday 16 September 2023" {
				t.Errorf("heading %q under Sat 16 Sep", r.Day)
			}
			continue
		}
		sessions++
		if d := r.Session.Start.In(ny); d.Day() != 16 {
			t.Errorf("%q starts %s in New York", r.Session.Title, d.Format("Mon 2 Jan 15:04"))
		}
	}
	if sessions == 0 || v.Status.Text != tr("{{.N}} sessions", "N", sessions) {
		t.Errorf("%d sessions listed, status %q", sessions, v.Status.Text)
	}
}

// "Moderate this session" is offered on a session with a moderator.
func TestModerateOfferedOnAModeratedSession(t *testing.T) {
	v, _ := newDebConfView(t)
	v.EnableModerate(func(context.Context, int64) error { return nil })
	v.List.Select(rowOf(v, "Security of digital products: Industry and enhancing trust"))
	if !v.Moderate.Visible() {
		t.Error("Moderate is not offered on WS #234, which has a moderator and an online moderator")
	}
}

// It is not offered on a talk with speakers only, nor on a meal.
func TestModerateNotOfferedOnATalk(t *testing.T) {
	v, _ := newDebConfView(t)
	v.EnableModerate(func(context.Context, int64) error { return nil })
	for _, title := range []string{"Bits from the DPL", "Lunch"} {
		v.List.Select(rowOf(v, title))
		if !strings.Contains(richText(v), title) {
			t.Fatalf("%q is not shown", title)
		}
		if v.Moderate.Visible() {
			t.Errorf("Moderate is offered on %q", title)
		}
	}
}
