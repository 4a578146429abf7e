package ui

import (
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
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

// The session's line is cut where its figures are: each figure alone, the
// words between them whole, so a new second draws no new word.
func TestGlyphPiecesKeepWordsWholeAndFiguresAlone(t *testing.T) {
	got := glyphPieces("53:13 left of 1:00:00")
	want := []string{"5", "3", ":", "1", "3", " left of ", "1", ":", "0", "0", ":", "0", "0"}
	if len(got) != len(want) {
		t.Fatalf("pieces %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("pieces %q, want %q", got, want)
		}
	}
	if p := glyphPieces("DÉPASSEMENT +1:05 · EN PAUSE"); p[0] != "DÉPASSEMENT " || p[len(p)-1] != " · EN PAUSE" {
		t.Errorf("French overrun line cut as %q", p)
	}
}

// A line of prose drawn in pieces is as wide as the label that showed it,
// at the theme's text size when the widget names none.
func TestGlyphTextProseIsAsWideAsTheShapedLine(t *testing.T) {
	test.NewTempApp(t)
	for _, s := range []string{"53:13 left of 1:00:00", "OVER TIME +1:05 · PAUSED", "53:13 restantes sur 1:00:00"} {
		g := newGlyphText(nil)
		g.Text, g.TextSize = s, 0
		g.Refresh()
		got, want := g.MinSize().Width, fyne.MeasureText(s, theme.TextSize(), fyne.TextStyle{}).Width
		if math.Abs(float64(got-want)) > 2 {
			t.Errorf("%q: %.1f px wide, shaped %.1f px", s, got, want)
		}
	}
}

// A new second refreshes the pieces that changed and leaves the others,
// whose textures stand: "53:13" to "53:12" redraws one figure of the line.
func TestGlyphTextRefreshesOnlyThePiecesThatChanged(t *testing.T) {
	test.NewTempApp(t)
	g := newGlyphText(nil)
	w := test.NewWindow(g)
	t.Cleanup(w.Close)
	g.Text = "53:13 left of 1:00:00"
	g.Refresh()
	r := test.TempWidgetRenderer(t, g).(*glyphRenderer)
	var refreshed []string
	r.refresh = func(t *canvas.Text) { refreshed = append(refreshed, t.Text) }
	g.Text = "53:12 left of 1:00:00"
	g.Refresh()
	if len(refreshed) != 1 || refreshed[0] != "2" {
		t.Errorf("a new second refreshed %q, want only the new figure", refreshed)
	}
	refreshed = nil
	g.Refresh() // nothing changed: a new theme's refresh redraws them all
	if len(refreshed) != 13 {
		t.Errorf("a refresh changing nothing refreshed %d pieces of 13", len(refreshed))
	}
}
