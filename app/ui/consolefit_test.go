package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// In English, French and Spanish, the console at 1280×780 (as floor
// moderate opens it, with the speaker display attached) keeps every turn
// button inside the timer's column, and so the queue its width for names.
func TestConsoleButtonsFitAt1280InEveryLanguage(t *testing.T) {
	for _, code := range []string{"en", "fr", "es"} {
		t.Run(code, func(t *testing.T) {
			if code != "en" {
				inLanguage(t, code)
			}
			pc := newPollConsole(t)
			v, w := pc.v, pc.w
			v.EnableFairFloor()
			v.EnableDisplayPrefs(pc.db, w)
			v.AttachDisplay(pc.display, func() {})
			w.Resize(fyne.NewSize(1280, 780))
			d := fyne.CurrentApp().Driver()
			centre := d.AbsolutePositionForObject(v.centre).X + v.centre.Size().Width
			for _, b := range []*widget.Button{v.Next, v.PauseSpeaker, v.EndTurn, v.Undo, v.DisplayFullScreen, v.BlankDisplay,
				v.DisplaySettings, v.Presets, v.ClearMessage} {
				if end := d.AbsolutePositionForObject(b).X + b.Size().Width; end > centre+1 {
					t.Errorf("%q ends at %.0f, past the timer's column (%.0f)", b.Text, end, centre)
				}
			}
			if got := v.queue.List.Size().Width; got < 370 {
				t.Errorf("the queue is %.0f wide", got)
			}
		})
	}
}
