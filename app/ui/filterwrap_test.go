package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
)

// In French at text 150 % the filters and the Conflicts, Now & next and
// Remind buttons do not fit one line of a 1280-wide window: the buttons
// go under the filters rather than over them, and the window stays as
// wide as it was.
func TestFilterRowWrapsRatherThanOverlaps(t *testing.T) {
	inLanguage(t, "fr")
	v, w := newDebConfViewAt(t, time.Date(2023, 9, 12, 11, 0, 0, 0, time.UTC))
	fyne.CurrentApp().Settings().SetTheme(Appearance{TextScale: 1.5}.Theme())
	w.Resize(fyne.NewSize(1280, 800))
	w.Canvas().Capture() // lays out, then again with the lines it found
	typeSel, conflicts := v.filters.Type, v.filters.ConflictsButton
	tEnd := fyne.CurrentApp().Driver().AbsolutePositionForObject(typeSel).X + typeSel.Size().Width
	c := fyne.CurrentApp().Driver().AbsolutePositionForObject(conflicts)
	tTop := fyne.CurrentApp().Driver().AbsolutePositionForObject(typeSel).Y
	if c.X < tEnd && c.Y < tTop+typeSel.Size().Height {
		t.Fatalf("Conflicts at %v lies over the Type filter, which ends at x=%g", c, tEnd)
	}
	if got := w.Canvas().Size().Width; got > 1280 {
		t.Fatalf("the window grew to %g wide", got)
	}
	if v.filters.Type.Size().Width < v.filters.Type.MinSize().Width {
		t.Fatalf("the Type filter is cut: %g of %g", v.filters.Type.Size().Width, v.filters.Type.MinSize().Width)
	}
}

// With Import, Subscribe and What changed shown, the row beside the search
// takes a line of its own in French at 150 % rather than making the window
// wider than a 1280-wide screen (it pushed Import and the rest off it), and
// back at 100 % the window needs no more than it did.
func TestTopRowWrapsRatherThanWidensTheWindow(t *testing.T) {
	inLanguage(t, "fr")
	v, w := newDebConfViewAt(t, time.Date(2023, 9, 12, 11, 0, 0, 0, time.UTC))
	v.ImportButton.Show()
	v.SubscribeButton.Show()
	v.ChangesButton.Show()
	normal := w.Content().MinSize().Width
	fyne.CurrentApp().Settings().SetTheme(Appearance{TextScale: 1.5}.Theme())
	w.Resize(fyne.NewSize(1280, 800))
	w.Canvas().Capture()
	if got := w.Content().MinSize().Width; got > 1280 {
		t.Fatalf("at 150 %% the window needs %g px, wider than the screen", got)
	}
	changes := fyne.CurrentApp().Driver().AbsolutePositionForObject(v.ChangesButton)
	if right := changes.X + v.ChangesButton.Size().Width; right > 1280 {
		t.Errorf("What changed ends at x=%g, off a 1280-wide window", right)
	}
	fyne.CurrentApp().Settings().SetTheme(Appearance{TextScale: 1}.Theme())
	if got := w.Content().MinSize().Width; got > normal {
		t.Errorf("back at 100 %% the window needs %g px, more than the %g it needed", got, normal)
	}
}
