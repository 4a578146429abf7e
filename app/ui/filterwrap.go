package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
)

// wrapPair lays out two objects on one line, the first taking what the
// second leaves, or, when the line is too short for both (French at text
// 150 % on a 1280-wide screen), the second on a line of its own under the
// first, at the right. The window is then never pushed wider than the
// screen, and nothing is drawn over anything.
//
// A layout's MinSize is asked before it is given a width, so the choice
// is made from the window's width less the margin the pair was last laid
// out with: MinSize and Layout then agree.
type wrapPair struct {
	inset float32 // the window's width less the pair's, as last laid out
}

func (l *wrapPair) twoLines(objs []fyne.CanvasObject, width float32) bool {
	return objs[0].MinSize().Width+theme.Padding()+objs[1].MinSize().Width > width
}

func (l *wrapPair) MinSize(objs []fyne.CanvasObject) fyne.Size {
	a, b := objs[0].MinSize(), objs[1].MinSize()
	width := float32(1 << 20)
	if c := fyne.CurrentApp().Driver().CanvasForObject(objs[0]); c != nil && c.Size().Width > 0 {
		inset := l.inset
		if inset == 0 {
			inset = 2 * theme.Padding()
		}
		width = c.Size().Width - inset
	}
	if l.twoLines(objs, width) {
		return fyne.NewSize(max(a.Width, b.Width), a.Height+theme.Padding()+b.Height)
	}
	return fyne.NewSize(max(a.Width, b.Width), max(a.Height, b.Height))
}

func (l *wrapPair) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(objs[0]); c != nil && c.Size().Width > 0 {
		l.inset = c.Size().Width - size.Width
	}
	a, b := objs[0].MinSize(), objs[1].MinSize()
	if !l.twoLines(objs, size.Width) {
		h := max(a.Height, b.Height)
		objs[1].Resize(fyne.NewSize(b.Width, h))
		objs[1].Move(fyne.NewPos(size.Width-b.Width, 0))
		objs[0].Resize(fyne.NewSize(size.Width-b.Width-theme.Padding(), h))
		objs[0].Move(fyne.NewPos(0, 0))
		return
	}
	objs[0].Resize(fyne.NewSize(size.Width, a.Height))
	objs[0].Move(fyne.NewPos(0, 0))
	objs[1].Resize(b)
	objs[1].Move(fyne.NewPos(max(size.Width-b.Width, 0), a.Height+theme.Padding()))
}

// wrapRow lays out buttons in rows as wide as it is given (Fyne's
// RowWrapLayout), and lays out what holds it again when that changes how
// many rows it needs: a layout's MinSize is asked before its width is
// known, so the first layout at a new width may give it the old height.
type wrapRow struct {
	rows     fyne.Layout
	relayout func()
}

func newWrapRow(relayout func()) *wrapRow {
	return &wrapRow{rows: layout.NewRowWrapLayout(), relayout: relayout}
}

func (l *wrapRow) MinSize(objs []fyne.CanvasObject) fyne.Size { return l.rows.MinSize(objs) }

func (l *wrapRow) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	before := l.rows.MinSize(objs)
	l.rows.Layout(objs, size)
	if after := l.rows.MinSize(objs); after.Height != before.Height && l.relayout != nil {
		fyne.Do(l.relayout)
	}
}
