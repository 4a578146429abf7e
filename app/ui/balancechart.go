package ui

import (
	"fmt"
	"image/color"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/igf-floor/floor/app/agenda"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/timer"
)

// balanceChart shows speaking time per category of one dimension as bars,
// each labelled with its time and share, so it reads without the bars.
type balanceChart struct {
	dimension string
	box       *fyne.Container
	shown     []floor.Share // what is drawn; the chart is rebuilt only when it changes
}

func newBalanceChart(dimension string) *balanceChart {
	return &balanceChart{dimension: dimension, box: container.NewVBox()}
}

func (c *balanceChart) show(shares []floor.Share) {
	if c.box.Objects != nil && slices.Equal(shares, c.shown) {
		return
	}
	c.shown = shares
	var total time.Duration
	var rows []floor.Share
	for _, s := range shares {
		if s.Dimension == c.dimension {
			rows = append(rows, s)
			total += s.Time
		}
	}
	// The groups and regions that have not spoken are the imbalance a
	// moderator looks for: they are listed at 0:00, after those that have.
	for _, cat := range categories(c.dimension) {
		if total > 0 && !slices.ContainsFunc(rows, func(s floor.Share) bool { return s.Category == cat }) {
			rows = append(rows, floor.Share{Dimension: c.dimension, Category: cat})
		}
	}
	title := "Speaking time by " + c.dimension // each a key: translatedAtRunTime
	objs := []fyne.CanvasObject{widget.NewLabelWithStyle(tr(title), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})}
	if total == 0 {
		objs = append(objs, widget.NewLabel(tr("No interventions yet")))
	}
	for _, s := range rows {
		frac := float32(s.Time) / float32(total)
		bar := canvas.NewRectangle(translucent(theme.Color(theme.ColorNamePrimary)))
		label := widget.NewLabel(tr("{{.Category}}  {{.Time}} ({{.Share}}%, {{.Turns}})", "Category", s.Category, "Time", timer.Clock(s.Time.Round(time.Second), false), "Share", fmt.Sprintf("%.0f", 100*frac), "Turns", s.Turns))
		label.Truncation = fyne.TextTruncateEllipsis
		objs = append(objs, withLayout(barLayout{frac: frac}, bar, label))
	}
	c.box.Objects = objs
	c.box.Refresh()
}

// barLayout draws a bar as wide as frac of the row behind its label.
type barLayout struct{ frac float32 }

func (l barLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	bar, label := objs[0], objs[1]
	bar.Resize(fyne.NewSize(size.Width*l.frac, size.Height-4))
	bar.Move(fyne.NewPos(0, 2))
	label.Resize(size)
	label.Move(fyne.NewPos(0, 0))
}

func (l barLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	return objs[1].MinSize()
}

// translucent lets the label read over the bar in light and dark themes.
func translucent(c color.Color) color.Color {
	r, g, b, _ := c.RGBA()
	return color.NRGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), 0x70}
}

// balanceDimensions are the charts the console shows, in order.
func balanceDimensions() []string { return []string{"stakeholder group", "region", "place", "youth"} }

// categories are every category of a dimension, spoken or not.
func categories(dimension string) []string {
	var out []string
	switch dimension {
	case "stakeholder group":
		for _, g := range agenda.AllGroups() {
			out = append(out, g.String())
		}
	case "region":
		for _, r := range agenda.AllRegions() {
			out = append(out, r.String())
		}
	case "place":
		out = []string{"in the room", "remote"}
	case "youth":
		out = []string{"youth", "not youth"}
	}
	return out
}
