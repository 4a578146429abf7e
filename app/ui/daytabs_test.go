package ui

import (
	"context"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"github.com/igf-floor/floor/app"
)

// clockAt is a clock stopped at one instant.
type clockAt struct{ t time.Time }

func (c clockAt) Now() time.Time { return c.t }

// newDebConfViewAt is newDebConfView with the participant's clock at now.
func newDebConfViewAt(t *testing.T, now time.Time) (*ParticipantView, fyne.Window) {
	t.Helper()
	ctx := context.Background()
	db, im := seededDB(t)
	if _, err := im.ImportFile(ctx, "../agenda/frab/testdata/giggity-debconf23.xml"); err != nil {
		t.Fatal(err)
	}
	p := app.NewParticipant(db, clockAt{now}, time.UTC)
	if err := p.Load(ctx); err != nil {
		t.Fatal(err)
	}
	w := test.NewWindow(nil)
	t.Cleanup(w.Close)
	v := NewParticipantView(ctx, p, w, "UTC")
	w.SetContent(v.Content())
	w.Resize(fyne.NewSize(1280, 800))
	return v, w
}

func ctrlKey(c fyne.Canvas, k fyne.KeyName) {
	c.(interface{ TypedShortcut(fyne.Shortcut) }).TypedShortcut(
		&desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault})
}

// Tapping a day tab, named by weekday in the chosen zone, lists that day.
func TestDayTabListsItsDay(t *testing.T) {
	v, _ := newDebConfView(t)
	v.Zone.SetSelected("America/New_York")
	tab := v.filters.Days.Tab("Sat 9 Sep 2023")
	if tab == nil {
		t.Fatalf("no tab for New York's Saturday 9 September: %v", v.filters.Days.Labels())
	}
	test.Tap(tab)
	if v.rows[0].Day != "Saturday 9 September 2023" || rowOf(v, "Bits from the DPL") >= 0 {
		t.Errorf("the Sat 9 Sep tab lists %q first (%d rows)", v.rows[0].Day, len(v.rows))
	}
}

// The chosen tab says so in words as well as colour: it carries a tick.
func TestDayTabMarksTheChosenDay(t *testing.T) {
	v, _ := newDebConfView(t)
	tab := v.filters.Days.Tab("Mon 11 Sep 2023")
	test.Tap(tab)
	if tab.Icon == nil || v.filters.Days.All.Icon != nil {
		t.Errorf("chosen tab icon %v, All days icon %v", tab.Icon, v.filters.Days.All.Icon)
	}
}

// The day tabs are reached with Tab and chosen with Space.
func TestDayTabFromTheKeyboard(t *testing.T) {
	v, w := newDebConfView(t)
	c := w.Canvas()
	tab := v.filters.Days.Tab("Tue 12 Sep 2023")
	tabTo(t, c, tab)
	press(c, fyne.KeySpace)
	if v.rows[0].Day != "Tuesday 12 September 2023" {
		t.Errorf("Space on the tab lists %q", v.rows[0].Day)
	}
}

// Ctrl+Page Down chooses the next day's tab.
func TestNextDayShortcut(t *testing.T) {
	v, w := newDebConfView(t)
	test.Tap(v.filters.Days.Tab("Tue 12 Sep 2023"))
	ctrlKey(w.Canvas(), fyne.KeyPageDown)
	if v.rows[0].Day != "Wednesday 13 September 2023" {
		t.Errorf("Ctrl+Page Down lists %q", v.rows[0].Day)
	}
}

// Jump to now selects the session on now. Bits from the DPL runs
// 10:00-10:45 UTC on Monday 11 September 2023, alone in its slot.
func TestJumpToNowSelectsTheSessionOnNow(t *testing.T) {
	v, _ := newDebConfViewAt(t, time.Date(2023, 9, 11, 10, 10, 0, 0, time.UTC))
	test.Tap(v.JumpNow)
	if got := shownTitle(v); got != "Bits from the DPL" {
		t.Errorf("Jump to now shows %q", got)
	}
}

// Ctrl+J jumps too, to the session's day when another day is chosen.
func TestJumpToNowShortcutGoesToTheSessionsDay(t *testing.T) {
	v, w := newDebConfViewAt(t, time.Date(2023, 9, 11, 10, 10, 0, 0, time.UTC))
	test.Tap(v.filters.Days.Tab("Sun 10 Sep 2023"))
	ctrlKey(w.Canvas(), fyne.KeyJ)
	if got := shownTitle(v); got != "Bits from the DPL" || v.rows[0].Day != "Monday 11 September 2023" {
		t.Errorf("Ctrl+J shows %q under %q", got, v.rows[0].Day)
	}
}

// shownTitle is the title of the session in the detail pane, or "".
func shownTitle(v *ParticipantView) string {
	if v.selected == 0 {
		return ""
	}
	d, err := v.p.Detail(context.Background(), v.selected)
	if err != nil {
		return ""
	}
	return d.Session.Title
}

// Before anything is on, Jump to now selects the first session to start.
func TestJumpToNowSelectsTheNextSession(t *testing.T) {
	now := time.Date(2023, 9, 1, 0, 0, 0, 0, time.UTC)
	v, _ := newDebConfViewAt(t, now)
	test.Tap(v.JumpNow)
	first := ""
	var start time.Time
	for _, r := range v.p.Rows() {
		if !r.IsDay() && r.Session.Start.After(now) && (first == "" || r.Session.Start.Before(start)) {
			first, start = r.Session.Title, r.Session.Start
		}
	}
	if got := shownTitle(v); got == "" || got != first {
		t.Errorf("Jump to now shows %q, the first to start is %q", got, first)
	}
}

// The chosen day's tab is scrolled into view, the last one too.
func TestChosenDayTabIsInView(t *testing.T) {
	v, _ := newDebConfView(t)
	d := v.filters.Days
	last := d.Labels()[len(d.Labels())-1]
	test.Tap(d.Tab(last))
	tab := d.Tab(last)
	x := tab.Position().X
	if x < d.scroll.Offset.X || x+tab.Size().Width > d.scroll.Offset.X+d.scroll.Size().Width+1 {
		t.Errorf("tab %q at %.0f-%.0f, the tabs show %.0f-%.0f", last, x, x+tab.Size().Width,
			d.scroll.Offset.X, d.scroll.Offset.X+d.scroll.Size().Width)
	}
}
