package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// glyphText draws a line whose figures change every second: the timer's
// digits, the session's clock and its "53:13 left of 1:00:00".
//
// Fyne caches a text's texture by its whole string, so "29:34" at 172 px
// is shaped and rasterised anew each second (and at 216 px on the speaker
// display): in Mesa's software renderer that was the largest part of the
// console's CPU after the repaint itself. Each figure and clock sign is drawn
// as a text of its own, reusing the textures of "0"–"9" and ":" at that size
// and colour, and the words between them are drawn whole, as they stay. Noto
// Sans digits are tabular, so placing each at its own advance looks as
// shaping would. A TextSize of 0 is the theme's text size and a nil Color
// the theme's foreground, as for a label.
type glyphText struct {
	widget.BaseWidget
	Text      string
	TextSize  float32
	TextStyle fyne.TextStyle
	Color     color.Color
	Alignment fyne.TextAlign
}

func newGlyphText(c color.Color) *glyphText {
	g := &glyphText{Color: c, TextSize: 14}
	g.ExtendBaseWidget(g)
	return g
}

func (g *glyphText) CreateRenderer() fyne.WidgetRenderer {
	r := &glyphRenderer{g: g, refresh: (*canvas.Text).Refresh}
	r.Refresh()
	return r
}

type glyphRenderer struct {
	g       *glyphText
	shown   glyphLook
	refresh func(*canvas.Text) // (*canvas.Text).Refresh; a test counts them
	texts   []*canvas.Text
	objs    []fyne.CanvasObject
}

// drawnAlone are the characters that change from one second to the next.
func drawnAlone(c rune) bool {
	return c >= '0' && c <= '9' || c == ':' || c == '+' || c == '-' || c == '−'
}

// glyphPieces cuts s into what is drawn as one text: each character that
// changes with the seconds alone, and every run of others (words, spaces)
// whole.
func glyphPieces(s string) []string {
	var out []string
	start := -1
	for i, c := range s {
		if !drawnAlone(c) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out, start = append(out, s[start:i]), -1
		}
		out = append(out, string(c))
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

// Refresh puts the widget's text, size, style and colour on the pieces.
// A new second refreshes only the pieces that changed (each refresh has
// Fyne check its thread and queue the object); a refresh that changes
// nothing, as a new theme's, refreshes them all.
func (r *glyphRenderer) Refresh() {
	pieces := glyphPieces(r.g.Text)
	for len(r.texts) < len(pieces) {
		t := canvas.NewText("", r.g.Color)
		r.texts, r.objs = append(r.texts, t), append(r.objs, t)
	}
	now := glyphLook{r.g.Text, r.size(), r.g.TextStyle, r.g.Color}
	all := now == r.shown
	r.shown = now
	for i, t := range r.texts {
		if i >= len(pieces) {
			if t.Visible() {
				t.Hide()
			}
			continue
		}
		if !all && t.Visible() && t.Text == pieces[i] && t.TextSize == now.size && t.TextStyle == now.style && t.Color == now.color {
			continue
		}
		t.Text, t.TextSize, t.TextStyle, t.Color = pieces[i], now.size, now.style, now.color
		t.Show()
		r.refresh(t)
	}
	r.Layout(r.g.Size())
}

// glyphLook is what the widget showed at its last refresh.
type glyphLook struct {
	text  string
	size  float32
	style fyne.TextStyle
	color color.Color
}

// widths are the pieces' advances, their sum and the line's height.
func (r *glyphRenderer) widths() (ws []float32, total, height float32) {
	height = fyne.MeasureText("0", r.size(), r.g.TextStyle).Height
	for _, p := range glyphPieces(r.g.Text) {
		w := fyne.MeasureText(p, r.size(), r.g.TextStyle).Width
		ws = append(ws, w)
		total += w
	}
	return ws, total, height
}

func (r *glyphRenderer) Layout(size fyne.Size) {
	ws, total, height := r.widths()
	x := float32(0)
	switch r.g.Alignment {
	case fyne.TextAlignCenter:
		x = (size.Width - total) / 2
	case fyne.TextAlignTrailing:
		x = size.Width - total
	}
	for i, w := range ws {
		if i >= len(r.texts) {
			break
		}
		t := r.texts[i]
		if t.TextSize != r.size() { // the face sized its text as it laid out
			t.TextSize = r.size()
			t.Refresh()
		}
		t.Resize(fyne.NewSize(w, height))
		t.Move(fyne.NewPos(x, (size.Height-height)/2))
		x += w
	}
}

// size is the text's size: the theme's when the widget names none, so a
// line of prose follows the text size the user chose.
func (r *glyphRenderer) size() float32 {
	if r.g.TextSize > 0 {
		return r.g.TextSize
	}
	return theme.TextSize()
}

func (r *glyphRenderer) MinSize() fyne.Size {
	_, total, height := r.widths()
	return fyne.NewSize(total, height)
}

// labelInset places o as a label places its text, inside the theme's
// inner padding, so a glyphText lines up with the labels beside it.
func labelInset(o fyne.CanvasObject) fyne.CanvasObject {
	p := theme.InnerPadding()
	return container.New(layout.NewCustomPaddedLayout(p, p, p, p), o)
}

// setGlyphText shows s, refreshing only when it changed.
func setGlyphText(g *glyphText, s string) {
	if g.Text != s {
		g.Text = s
		g.Refresh()
	}
}

func (r *glyphRenderer) Objects() []fyne.CanvasObject { return r.objs }
func (r *glyphRenderer) Destroy()                     {}
