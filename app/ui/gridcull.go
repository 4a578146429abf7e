package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
)

// Fyne paints every object in a window's tree each frame, clipped or not:
// a FOSDEM day's 900 blocks are 3 600 draw calls. The grid's body holds
// only the blocks near the viewport (a column and an hour around it), and the
// focused block's neighbours in Tab order, so that Tab walks every block.

// cull puts in the body the blocks near what the scroll shows; it does
// nothing while the viewport stays inside the region last covered, unless
// forced (a new day, a block focused).
func (g *agendaGrid) cull(force bool) {
	view := fyne.NewSize(max(g.scroll.Size().Width, 1), max(g.scroll.Size().Height, 1))
	at := g.scroll.Offset
	inside := at.X >= g.covered.at.X && at.Y >= g.covered.at.Y &&
		at.X+view.Width <= g.covered.at.X+g.covered.size.Width && at.Y+view.Height <= g.covered.at.Y+g.covered.size.Height
	if inside && !force {
		return
	}
	margin := fyne.NewSize(gridColumn, gridHour)
	g.covered.at = fyne.NewPos(at.X-margin.Width, at.Y-margin.Height)
	g.covered.size = view.Add(margin).Add(margin)
	objs := append(make([]fyne.CanvasObject, 0, len(g.fixed)+200), g.fixed...)
	for i, b := range g.Blocks {
		near := g.focus >= 0 && i >= g.focus-1 && i <= g.focus+1
		if near || g.covered.overlaps(b.Position(), b.Size()) {
			objs = append(objs, b)
		}
	}
	g.body.Objects = objs
	canvas.Refresh(g.body) // the blocks themselves have not changed: refreshing each would fit its title again
}

// region is a rectangle of the grid's body.
type region struct {
	at   fyne.Position
	size fyne.Size
}

func (r region) overlaps(at fyne.Position, size fyne.Size) bool {
	return at.X < r.at.X+r.size.Width && at.X+size.Width > r.at.X &&
		at.Y < r.at.Y+r.size.Height && at.Y+size.Height > r.at.Y
}

// focused brings block i into view, its neighbours into the tree.
func (g *agendaGrid) focused(i int) {
	g.focus = i
	b := g.Blocks[i]
	view, at, p := g.scroll.Size(), g.scroll.Offset, b.Position()
	if p.X < at.X || p.Y < at.Y || p.X+b.Size().Width > at.X+view.Width || p.Y+b.Size().Height > at.Y+view.Height {
		g.scroll.Offset = fyne.NewPos(max(0, p.X-g.gutterW), max(0, p.Y-gridHour/2))
		g.scroll.Refresh()
		g.follow(g.scroll.Offset)
	}
	g.cull(true)
}

// cullLayout gives the grid's scroll all its space and culls again when
// that space grows past the region covered (a window made larger).
type cullLayout struct{ g *agendaGrid }

func (l cullLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
	l.g.placeHours() // the hours, over the body's gutter, as tall as the view
	l.g.cull(false)
}

func (l cullLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	return objs[0].MinSize() // the body's scroll; the hours asks the body's whole height
}

// ScrollGrid moves the grid's view by dx, dy, kept inside the day, as
// Alt and the arrow keys do (a row of hours or three columns at a time).
func (v *ParticipantView) ScrollGrid(dx, dy float32) {
	g := v.grid
	if !v.gridOn {
		return
	}
	limit := g.scroll.Content.Size().Subtract(g.scroll.Size())
	at := g.scroll.Offset.Add(fyne.NewPos(dx, dy))
	g.scroll.Offset = fyne.NewPos(min(max(at.X, 0), max(limit.Width, 0)), min(max(at.Y, 0), max(limit.Height, 0)))
	g.scroll.Refresh()
	g.scroll.OnScrolled(g.scroll.Offset)
}

// installGridKeys lets a keyboard user scroll the grid: Alt+Up/Down by
// two hours, Alt+Left/Right by three rooms.
func (v *ParticipantView) installGridKeys() {
	keys := map[fyne.KeyName]fyne.Position{
		fyne.KeyDown: {Y: 2 * gridHour}, fyne.KeyUp: {Y: -2 * gridHour},
		fyne.KeyRight: {X: 3 * gridColumn}, fyne.KeyLeft: {X: -3 * gridColumn},
	}
	for key, by := range keys {
		v.canvas.AddShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierAlt},
			func(fyne.Shortcut) { v.ScrollGrid(by.X, by.Y) })
	}
}
