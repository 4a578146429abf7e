package ui

import (
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/igf-floor/floor/app"
)

// The grid's scale: a column per room, an hour this tall.
const (
	gridColumn  = float32(190)
	gridHour    = float32(110)
	gridHeading = float32(34) // the rooms' names
	gridTop     = float32(14) // room above the first hour's label
)

// gridGutter is the hours' column: 56, or wider when the text is larger
// ("11:00" at 150 % ran over the first room's blocks).
func gridGutter() float32 {
	return max(56, fyne.MeasureText("00:00", theme.TextSize(), fyne.TextStyle{}).Width+2*theme.Padding())
}

// agendaGrid is one day as a timetable: rooms as columns under a heading
// that stays in view, the hours down the side, each session a block as
// long as it lasts (a tap or Space opens it), and a line at the time now.
type agendaGrid struct {
	v       *ParticipantView
	grid    app.Grid
	Blocks  []*gridBlock
	Note    *widget.Label // why the grid is empty, or which day it shows
	body    *fyne.Container
	heads   *fyne.Container
	scroll  *container.Scroll // both ways
	headRow *container.Scroll // the rooms' names, scrolled with the body
	hours   *fyne.Container   // the hours, at the body's vertical offset (gridhours.go)
	marks   []hourMark
	gutterW float32 // the hours' column's width, as of the last show
	nowLine *canvas.Rectangle
	content fyne.CanvasObject
	fixed   []fyne.CanvasObject // the body's hour rules and times, and the line of now
	covered region              // the part of the body whose blocks are in the tree
	focus   int                 // the index of the block with the keyboard focus; -1 for none
}

func newAgendaGrid(v *ParticipantView) *agendaGrid {
	g := &agendaGrid{v: v, Note: widget.NewLabel(""), body: container.NewWithoutLayout(), heads: container.NewWithoutLayout()}
	g.Note.Truncation = fyne.TextTruncateEllipsis // a wrapped note ran over the rooms' heading in a narrow pane
	g.scroll = container.NewScroll(g.body)
	g.headRow = container.NewHScroll(g.heads)
	g.hours = container.NewWithoutLayout()
	g.scroll.OnScrolled = func(at fyne.Position) { // the heading and the hours follow the body
		g.follow(at)
		g.cull(false)
	}
	g.nowLine = canvas.NewRectangle(theme.Color(theme.ColorNameError))
	g.content = container.NewBorder(container.NewVBox(g.Note, g.headRow), nil, nil, nil, container.New(cullLayout{g}, g.scroll, g.hours))
	return g
}

// show lays out day from the list's rows.
func (g *agendaGrid) show(rows []app.Row, day string) {
	g.grid = g.v.p.GridOf(rows, day)
	g.heads.Objects, g.Blocks, g.focus = nil, nil, -1
	var objs []fyne.CanvasObject // set at once: a container's Add lays it out again each time
	var labels []*canvas.Text
	widths := wordWidths{}
	switch {
	case day == "":
		g.Note.SetText(tr("The grid shows one day: choose a day's tab."))
	case len(g.grid.Blocks) == 0:
		g.Note.SetText(tr("No scheduled session on this day passes the filters."))
	default:
		g.Note.SetText(tr("{{.Day}}: {{.N}} sessions in {{.Rooms}} rooms, times in {{.Zone}}", "Day", localDate(day),
			"N", len(g.grid.Blocks), "Rooms", len(g.grid.Rooms), "Zone", g.grid.Loc.String()))
	}
	g.gutterW = gridGutter()
	hours := int(g.grid.End.Sub(g.grid.Start) / time.Hour)
	width := g.gutterW + gridColumn*float32(len(g.grid.Rooms))
	height := gridHour * float32(hours)
	for h := 0; h <= hours && len(g.grid.Blocks) > 0; h++ {
		y := gridTop + gridHour*float32(h)
		rule := canvas.NewRectangle(theme.Color(theme.ColorNameSeparator))
		rule.Move(fyne.NewPos(g.gutterW, y))
		rule.Resize(fyne.NewSize(width-g.gutterW, 1))
		label := canvas.NewText(g.grid.Start.Add(time.Duration(h)*time.Hour).Format("15:04"), theme.Color(theme.ColorNameForeground))
		label.Move(fyne.NewPos(theme.Padding(), y-label.MinSize().Height/2))
		label.Resize(label.MinSize())
		objs = append(objs, rule)
		if h < hours {
			labels = append(labels, label)
		}
	}
	for i, room := range g.grid.Rooms {
		name := room
		if name == "" {
			name = tr("(no room)")
		}
		l := canvas.NewText(cutRunes(name, gridColumn-8, widths), theme.Color(theme.ColorNameForeground))
		l.TextStyle = fyne.TextStyle{Bold: true}
		x := g.gutterW + gridColumn*float32(i) + (gridColumn-l.MinSize().Width)/2
		l.Move(fyne.NewPos(x, (gridHeading-l.MinSize().Height)/2))
		g.heads.Add(l)
	}
	spacer := canvas.NewRectangle(color.Transparent) // the heading as wide as the body, so both scroll alike
	spacer.SetMinSize(fyne.NewSize(width, gridHeading))
	g.heads.Add(spacer)
	for i, b := range g.grid.Blocks {
		blk := newGridBlock(b, g.grid.Loc, widths, func() { g.v.openFromGrid(b.Session.ID) }, func() { g.focused(i) })
		laneW := gridColumn / float32(max(b.Lanes, 1))
		x := g.gutterW + gridColumn*float32(b.Column) + laneW*float32(b.Lane)
		y := gridTop + gridHour*float32(b.From.Minutes()/60)
		blk.Move(fyne.NewPos(x+1, y+1))
		blk.Resize(fyne.NewSize(laneW-2, max(gridHour*float32((b.To-b.From).Minutes()/60)-2, 1)))
		g.Blocks = append(g.Blocks, blk)
	}
	if g.markNow() {
		objs = append(objs, g.nowLine)
	}
	size := fyne.NewSize(width, gridTop+height+gridHour/4)
	// A container without a layout is as small as its largest child: the
	// spacer gives the body its whole size, or the scroll would shrink it
	// to the viewport at the next layout (a window resized, a test frame).
	body := canvas.NewRectangle(color.Transparent)
	body.SetMinSize(size)
	g.fixed = append([]fyne.CanvasObject{body}, objs...)
	g.setHours(labels)
	g.body.Resize(size)
	g.heads.Resize(fyne.NewSize(width, gridHeading))
	g.scroll.Content.Resize(size)
	g.cull(true)
	g.heads.Refresh()
	g.scroll.Refresh()
	g.headRow.Refresh()
}

// markNow places the line at the time now, and says whether now is on the
// day shown.
func (g *agendaGrid) markNow() bool {
	now := g.v.p.Now()
	if len(g.grid.Blocks) == 0 || now.Before(g.grid.Start) || !now.Before(g.grid.End) {
		g.nowLine.Hide()
		return false
	}
	y := gridTop + gridHour*float32(now.Sub(g.grid.Start).Minutes()/60)
	g.nowLine.Move(fyne.NewPos(g.gutterW, y))
	g.nowLine.Resize(fyne.NewSize(gridColumn*float32(len(g.grid.Rooms)), 2))
	g.nowLine.Show()
	return true
}

// scrollTo brings the block of session id into view.
func (g *agendaGrid) scrollTo(id int64) {
	for _, b := range g.Blocks {
		if b.block.Session.ID == id {
			p := b.Position()
			g.scroll.Offset = fyne.NewPos(max(0, p.X-g.gutterW), max(0, p.Y-gridHour/2))
			g.scroll.Refresh()
			g.scroll.OnScrolled(g.scroll.Offset)
			return
		}
	}
}

// mark outlines the block of the session shown.
func (g *agendaGrid) mark(id int64) {
	for _, b := range g.Blocks {
		b.choose(b.block.Session.ID == id)
	}
}

// setGrid shows the grid (on) or the list in the left pane. The grid
// shows one day: with All days chosen it takes the day of the session
// shown, else the first.
func (v *ParticipantView) setGrid(on bool) {
	if v.gridOn == on {
		return
	}
	v.gridOn = on
	want := tr("List")
	if on {
		want = tr("Grid")
	}
	if v.View.Selected != want {
		v.View.SetSelected(want)
	}
	if !on {
		v.grid.content.Hide()
		v.List.Show()
		v.split.SetOffset(0.4)
		v.refresh()
		return
	}
	v.List.Hide()
	v.grid.content.Show()
	v.split.SetOffset(0.62) // a timetable needs the width
	if v.filters.day == "" {
		if day := v.dayOf(v.selected); day != "" {
			v.filters.day = day
		} else if len(v.filters.days) > 0 {
			v.filters.day = v.filters.days[0].day
		}
	}
	v.refresh()
	v.grid.mark(v.selected)
	v.grid.scrollTo(v.selected)
}

// dayOf is the heading of the day session id is listed under; "" when not listed.
func (v *ParticipantView) dayOf(id int64) string {
	day := ""
	for _, r := range v.rows {
		if r.IsDay() {
			day = r.Day
		} else if r.Session.ID == id && id != 0 {
			return day
		}
	}
	return ""
}

// openFromGrid shows session id, as selecting it in the list does.
func (v *ParticipantView) openFromGrid(id int64) {
	v.selected = id
	v.showDetail(id)
	v.grid.mark(id)
}
