package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/igf-floor/floor/app/floor"
)

// At 1280 wide every queue row says the name, the group, the region, the
// place and youth whole, for the longest group and region and a typed
// request from a hub, in the console as floor moderate opens it (polls,
// report, budgets and fair order in the tabs: the Polls tab's kinds, laid
// across, once made the queue too narrow for a name).
func TestQueueRowsAreWholeAt1280(t *testing.T) {
	for _, code := range []string{"en", "fr", "es"} {
		t.Run(code, func(t *testing.T) { queueRowsWhole(t, code) })
	}
}

func queueRowsWhole(t *testing.T, code string) {
	if code != "en" {
		inLanguage(t, code)
	}
	pc := newPollConsole(t)
	v, w := pc.v, pc.w
	v.EnableFairFloor()
	for _, s := range []floor.Speaker{
		{Name: "Anastasiya Kazakova", Group: "Private Sector", Region: "Eastern European Group"},
		{Name: "Youth hub São Paulo", Group: "Intergovernmental Organization", Region: "Latin American and Caribbean Group (GRULAC)",
			Remote: true, Hub: "São Paulo", Youth: true, Type: floor.PointOfOrder},
		{Name: "Barrack Otieno", Group: "Technical Community", Region: "Western European and Others Group (WEOG)", Youth: true},
	} {
		if err := v.m.Ask(v.ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	v.queue.refresh()
	w.Resize(fyne.NewSize(1280, 780)) // the console window floor moderate opens
	width := v.queue.List.Size().Width - theme.ScrollBarSize()
	for i := range v.m.Floor().Queue {
		row := v.queue.create()
		v.queue.update(i, row)
		row.Resize(fyne.NewSize(width, row.MinSize().Height))
		lines := row.(*fyne.Container).Objects
		labels := []*widget.Label{lines[0].(*fyne.Container).Objects[0].(*widget.Label), lines[1].(*widget.Label), lines[2].(*widget.Label)}
		for _, l := range labels {
			need := fyne.MeasureText(l.Text, theme.TextSize(), l.TextStyle).Width + 2*theme.InnerPadding()
			if need > l.Size().Width {
				t.Errorf("row %d: %q needs %.0f, has %.0f", i+1, l.Text, need, l.Size().Width)
			}
		}
	}
	if code != "en" {
		return
	}
	name, who := queueRow(v, 0) // a point of order heads the queue
	if name != "1. Youth hub São Paulo" || who != "Intergovernmental Organization · GRULAC / POINT OF ORDER (1:00) · hub São Paulo · youth" {
		t.Errorf("row 1: %q, %q", name, who)
	}
}

// In French the queue says where a speaker is in French.
func TestQueueRowsSayThePlaceInTheConsolesLanguage(t *testing.T) {
	inLanguage(t, "fr")
	v, _, _ := newConsole(t)
	if err := v.m.Ask(v.ctx, floor.Speaker{Name: "Youth hub São Paulo", Group: "Civil Society", Remote: true, Hub: "São Paulo", Youth: true}); err != nil {
		t.Fatal(err)
	}
	if _, who := queueRow(v, 0); who != "Civil Society · (non précisé) / hub São Paulo · jeune" {
		t.Errorf("row %q", who)
	}
}
