package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"
)

// glyphText draws a line as one canvas text per character, for the big
// timer digits that change every second.
//
// Fyne caches a text's texture by its whole string, so "29:34" at 172 px
// is shaped and rasterised anew each second (and at 216 px on the speaker
// display): in Mesa's software renderer that was the largest part of the
// console's CPU after the repaint itself. One text per character reuses the
// eleven textures "0"–"9" and ":" at that size and colour. Noto Sans digits
// are tabular, so placing each at its own advance looks as shaping would.
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
	r := &glyphRenderer{g: g}
	r.Refresh()
	return r
}

type glyphRenderer struct {
	g     *glyphText
	texts []*canvas.Text
	objs  []fyne.CanvasObject
}

// Refresh puts the widget's text, size, style and colour on the characters.
func (r *glyphRenderer) Refresh() {
	runes := []rune(r.g.Text)
	for len(r.texts) < len(runes) {
		t := canvas.NewText("", r.g.Color)
		r.texts, r.objs = append(r.texts, t), append(r.objs, t)
	}
	for i, t := range r.texts {
		if i >= len(runes) {
			t.Hide()
			continue
		}
		t.Text, t.TextSize, t.TextStyle, t.Color = string(runes[i]), r.g.TextSize, r.g.TextStyle, r.g.Color
		t.Show()
		t.Refresh()
	}
	r.Layout(r.g.Size())
}

// widths are the characters' advances, their sum and the line's height.
func (r *glyphRenderer) widths() (ws []float32, total, height float32) {
	height = fyne.MeasureText("0", r.g.TextSize, r.g.TextStyle).Height
	for _, c := range r.g.Text {
		w := fyne.MeasureText(string(c), r.g.TextSize, r.g.TextStyle).Width
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
		if t.TextSize != r.g.TextSize { // the face sized its text as it laid out
			t.TextSize = r.g.TextSize
			t.Refresh()
		}
		t.Resize(fyne.NewSize(w, height))
		t.Move(fyne.NewPos(x, (size.Height-height)/2))
		x += w
	}
}

func (r *glyphRenderer) MinSize() fyne.Size {
	_, total, height := r.widths()
	return fyne.NewSize(total, height)
}

func (r *glyphRenderer) Objects() []fyne.CanvasObject { return r.objs }
func (r *glyphRenderer) Destroy()                     {}
