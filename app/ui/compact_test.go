package ui

import (
	"fmt"
	"os"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"github.com/igf-floor/floor/assets"
)

// wholeSessionRows counts the session rows drawn whole inside the list,
// scrolled to the top: each list item's place is its row's.
func wholeSessionRows(v *ParticipantView) int {
	v.List.ScrollToTop()
	height := v.List.Size().Height
	n := 0
	var itemY float32
	for _, o := range test.LaidOutObjects(v.List) {
		if fmt.Sprintf("%T", o) == "*widget.listItem" {
			itemY = o.Position().Y
			continue
		}
		r, ok := o.(*agendaRow)
		if ok && r.Visible() && r.body.Visible() && itemY+r.Size().Height <= height {
			n++
		}
	}
	return n
}

// At 1280×800 the list shows more than six sessions whole.
func TestMoreThanSixSessionsFitAt1280x800(t *testing.T) {
	v, w := newDebConfView(t)
	w.Resize(fyne.NewSize(1280, 800))
	if n := wholeSessionRows(v); n <= 6 {
		t.Errorf("%d sessions fit in the list at 1280×800 (list %.0f px high)", n, v.List.Size().Height)
	} else {
		t.Logf("%d sessions fit at 1280×800", n)
	}
}

// A row names the session's event, room and track.
func TestRowNamesEventRoomAndTrack(t *testing.T) {
	v, _ := newDebConfView(t)
	r := newAgendaRow()
	r.show(v.rows[rowOf(v, "Bits from the DPL")])
	if got := r.when.Text; got != "15:30–16:15 IST · Anamudi · DebConf 23" {
		t.Errorf("row says %q", got)
	}
}

// In French a row says the event's own time in French too.
func TestRowSaysTheEventsTimeInFrench(t *testing.T) {
	fs, dir := assets.Translations()
	t.Setenv("LANGUAGE", "fr")
	if err := UseLanguage(fyne.CurrentApp(), fs, dir); err != nil {
		t.Fatal(err)
	}
	defer func() {
		os.Setenv("LANGUAGE", "en")
		lang.AddTranslationsFS(fs, dir) // back to English for the other tests
	}()
	v, _ := newDebConfView(t)
	v.Zone.SetSelected("America/New_York")
	r := newAgendaRow()
	r.show(v.rows[rowOf(v, "Bits from the DPL")])
	if got := r.when.Text; got != "06:00–06:45 EDT · événement 15:30–16:15 IST · Anamudi · DebConf 23" {
		t.Errorf("row says %q", got)
	}
}
