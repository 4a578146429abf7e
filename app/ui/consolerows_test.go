package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// rowLineOffsets notes, for every list row under o drawn with tightLines,
// how far down its second line sits.
func rowLineOffsets(o fyne.CanvasObject, out map[string]float32) {
	switch x := o.(type) {
	case *fyne.Container:
		if len(x.Objects) == 3 {
			if top, ok := x.Objects[0].(*fyne.Container); ok && len(top.Objects) == 2 {
				if l, ok := top.Objects[0].(*widget.Label); ok && l.Text != "" {
					out[l.Text] = x.Objects[1].Position().Y
				}
			}
		}
		for _, c := range x.Objects {
			rowLineOffsets(c, out)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			rowLineOffsets(c, out)
		}
	}
}

// The queue's and the hub list's rows that the lists make when the window
// grows (1280×800 to 1920×1080) are laid out as the first ones: their
// second line sat 6 px lower, and the third was cut by the next row.
func TestListRowsMadeWhenTheWindowGrowsMatchTheOthers(t *testing.T) {
	pc := showConsole(t, "en", 1)
	pc.w.Resize(fyne.NewSize(1280, 800))
	pc.w.Resize(fyne.NewSize(1920, 1080))
	for name, list := range map[string]fyne.CanvasObject{"queue": pc.v.queue.List, "hubs": pc.v.hubs.List} {
		offsets := map[string]float32{}
		rowLineOffsets(list, offsets)
		if len(offsets) < 5 {
			t.Fatalf("%s: %d rows drawn", name, len(offsets))
		}
		var first float32 = -1
		for row, y := range offsets {
			if first < 0 {
				first = y
			}
			if y != first {
				t.Errorf("%s: %q has its second line at %.0f, another row at %.0f", name, row, y, first)
			}
		}
	}
}
