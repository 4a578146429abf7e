package ui

import (
	"testing"

	"fyne.io/fyne/v2"
)

// shownHours are the hours' labels shown, with their height in the view.
func shownHours(g *agendaGrid, d fyne.Driver) map[string]float32 {
	at := d.AbsolutePositionForObject(g.scroll)
	shown := map[string]float32{}
	for _, m := range g.marks {
		if m.label.Visible() {
			p := d.AbsolutePositionForObject(m.label)
			if x := p.X - at.X; x >= 0 && x < g.gutterW {
				shown[m.label.Text] = p.Y - at.Y
			}
		}
	}
	return shown
}

// Scrolled sideways past the first rooms, the grid still shows its hours
// at the view's left, where the body scrolled down puts them.
func TestGridHoursStayInViewScrolledSideways(t *testing.T) {
	v, _ := fosdemGrid(t)
	g := v.grid
	d := fyne.CurrentApp().Driver()
	before := shownHours(g, d)
	if len(before) < 3 {
		t.Fatalf("hours shown at the start: %v", before)
	}
	v.ScrollGrid(10*gridColumn, 2*gridHour)
	after := shownHours(g, d)
	if len(after) < 3 {
		t.Fatalf("scrolled ten rooms right and two hours down, hours shown: %v", after)
	}
	for text, y := range after {
		if was, ok := before[text]; ok && was-y != 2*gridHour {
			t.Errorf("%s moved %v up, want %v (the body's two hours)", text, was-y, 2*gridHour)
		}
		if y < 0 || y > g.scroll.Size().Height {
			t.Errorf("%s drawn at %v, outside the view", text, y)
		}
	}
}
