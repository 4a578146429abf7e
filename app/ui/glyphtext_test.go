package ui

import (
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// The digits drawn one character at a time take the width the whole
// string takes when shaped, so the timer looks as it did.
func TestGlyphTextIsAsWideAsTheShapedString(t *testing.T) {
	test.NewTempApp(t)
	bold := fyne.TextStyle{Bold: true}
	for _, s := range []string{"29:34", "+10:00", "0:05", "1:00:00"} {
		g := newGlyphText(color.White)
		g.Text, g.TextSize, g.TextStyle = s, 172, bold
		g.Refresh()
		got, want := g.MinSize().Width, fyne.MeasureText(s, 172, bold).Width
		if math.Abs(float64(got-want)) > 2 {
			t.Errorf("%q: %.1f px wide, shaped %.1f px", s, got, want)
		}
	}
}

// A new second changes the characters' texts, not the objects drawn: each
// character's texture is then one Fyne has already made.
func TestGlyphTextKeepsItsCharactersAsTheSecondsChange(t *testing.T) {
	test.NewTempApp(t)
	g := newGlyphText(color.White)
	w := test.NewWindow(g)
	t.Cleanup(w.Close)
	w.Resize(fyne.NewSize(600, 200))
	g.Text = "29:34"
	g.Refresh()
	r := test.TempWidgetRenderer(t, g).(*glyphRenderer)
	before := append([]fyne.CanvasObject(nil), r.Objects()...)
	g.Text = "29:33"
	g.Refresh()
	if len(r.Objects()) != len(before) {
		t.Fatalf("%d objects after a second, %d before", len(r.Objects()), len(before))
	}
	var shown string
	for i, o := range r.Objects() {
		if o != before[i] {
			t.Errorf("character %d is a new object", i)
		}
		shown += r.texts[i].Text
	}
	if shown != "29:33" {
		t.Errorf("shows %q", shown)
	}
	g.Text = "0:05"
	g.Refresh()
	if r.texts[4].Visible() || r.texts[3].Text != "5" {
		t.Errorf("a shorter time: fifth character visible %v, fourth %q", r.texts[4].Visible(), r.texts[3].Text)
	}
}
