package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// The grid's hours stay at the left of the view when it scrolls sideways,
// as the rooms' names stay at its top: a session in the sixth room was
// otherwise read without its time. The hours are a column of their own
// over the body's gutter, on the window's background, placed at the
// body's vertical offset. It is not a scroll, so the wheel over it still
// reaches the body, and it shows only the hours whole in the view, so
// none is drawn over the rooms' heading.

// hourMark is an hour's label and where it sits in the body.
type hourMark struct {
	label *canvas.Text
	y     float32
}

// setHours makes the gutter's labels, y being where each sits in the body.
func (g *agendaGrid) setHours(labels []*canvas.Text) {
	g.marks = g.marks[:0]
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameBackground))
	objs := []fyne.CanvasObject{bg}
	for _, l := range labels {
		g.marks = append(g.marks, hourMark{label: l, y: l.Position().Y})
		objs = append(objs, l)
	}
	g.hours.Objects = objs
	g.placeHours()
}

// placeHours puts the hours at the body's offset, in a column as tall as
// the view.
func (g *agendaGrid) placeHours() {
	if len(g.hours.Objects) == 0 {
		return
	}
	view, at := g.scroll.Size(), g.scroll.Offset
	g.hours.Resize(fyne.NewSize(g.gutterW, view.Height))
	g.hours.Objects[0].Resize(fyne.NewSize(g.gutterW, view.Height))
	for _, m := range g.marks {
		y := m.y - at.Y
		m.label.Move(fyne.NewPos(m.label.Position().X, y))
		if y >= 0 && y+m.label.Size().Height <= view.Height {
			m.label.Show()
		} else {
			m.label.Hide()
		}
	}
	g.hours.Refresh()
}

// follow moves the rooms' heading and the hours with the body's offset.
func (g *agendaGrid) follow(at fyne.Position) {
	g.headRow.Offset = fyne.NewPos(at.X, 0)
	g.headRow.Refresh()
	g.placeHours()
}
