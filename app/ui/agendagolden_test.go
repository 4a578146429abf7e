package ui

import (
	"fmt"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// The agenda window as pictures, compared with golden PNGs in
// testdata/agenda (a change shows as a failed test with the new picture
// in testdata/failed): the list and the grid, each with the detail pane,
// at 1280×800 and 1920×1080, in English and French, with text at 100 %
// and 150 %. A name cut short, a label over a button, a button pushed off
// the window all change the picture.
func TestAgendaWindowPictures(t *testing.T) {
	if testing.Short() || raceDetector {
		t.Skip("renders sixteen windows: without -short and -race (.ci/run's own step)")
	}
	sizes := []fyne.Size{{Width: 1280, Height: 800}, {Width: 1920, Height: 1080}}
	for _, code := range []string{"en", "fr"} {
		for _, scale := range []float32{1, 1.5} {
			for _, size := range sizes {
				for _, view := range []string{"list", "grid"} {
					name := fmt.Sprintf("agenda/%s-%.0fx%.0f-%s-%.0f.png", view, size.Width, size.Height, code, scale*100)
					t.Run(name, func(t *testing.T) {
						if code != "en" {
							inLanguage(t, code)
						}
						v, w := newDebConfViewAt(t, time.Date(2023, 9, 12, 11, 0, 0, 0, time.UTC)) // a new test app
						fyne.CurrentApp().Settings().SetTheme(Appearance{TextScale: scale}.Theme())
						w.Resize(size)
						test.Tap(v.filters.Days.Tab(localDate("Tue 12 Sep 2023")))
						if view == "grid" {
							v.setGrid(true)
						}
						v.Reveal(v.rows[2].Session.ID)
						test.AssertImageMatches(t, name, w.Canvas().Capture())
					})
				}
			}
		}
	}
}
