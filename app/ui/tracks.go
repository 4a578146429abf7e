package ui

import (
	"fmt"
	"hash/fnv"
	"image/color"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/igf-floor/floor/app"
)

// trackPalette are the track colours: Okabe and Ito's colour-blind safe
// set and Tol's muted one, each readable on a light and a dark background.
// A track is always named beside its colour; the colour only helps the eye.
func trackPalette() []color.NRGBA {
	return []color.NRGBA{
		{0xE6, 0x9F, 0x00, 0xff}, {0x56, 0xB4, 0xE9, 0xff}, {0x00, 0x9E, 0x73, 0xff}, {0xF0, 0xE4, 0x42, 0xff},
		{0x00, 0x72, 0xB2, 0xff}, {0xD5, 0x5E, 0x00, 0xff}, {0xCC, 0x79, 0xA7, 0xff}, {0x99, 0x99, 0x99, 0xff},
		{0x88, 0x22, 0x55, 0xff}, {0x44, 0xAA, 0x99, 0xff}, {0x11, 0x77, 0x33, 0xff}, {0xAA, 0x44, 0x99, 0xff},
	}
}

// trackColour is the track's colour: the schedule's own when it gives one
// ("#rrggbb", as pretalx and the c3voc schedule.json do), else one from the
// palette by a hash of the track's name: the same at every start, on every
// machine.
func trackColour(name, given string) color.NRGBA {
	var r, g, b uint8
	if len(given) == 7 && given[0] == '#' {
		if _, err := fmt.Sscanf(given, "#%02x%02x%02x", &r, &g, &b); err == nil {
			return color.NRGBA{r, g, b, 0xff}
		}
	}
	h := fnv.New32a()
	h.Write([]byte(name))
	p := trackPalette()
	return p[h.Sum32()%uint32(len(p))]
}

// newSwatch is a small square of a track's colour. Its size is read from
// the theme at each layout (swatchSize), never fixed when it is made: a row
// made before the text grew would keep a smaller square than its neighbours.
func newSwatch() *canvas.Rectangle {
	r := canvas.NewRectangle(color.Transparent)
	r.CornerRadius = 2
	return r
}

// swatchSize is a swatch's square in the theme now.
func swatchSize() fyne.Size { return fyne.NewSquareSize(theme.IconInlineSize() * 0.6) }

// swatchLayout centres a swatch at swatchSize.
type swatchLayout struct{}

func (swatchLayout) MinSize([]fyne.CanvasObject) fyne.Size { return swatchSize() }

func (swatchLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	s := swatchSize()
	for _, o := range objects {
		o.Resize(s)
		o.Move(fyne.NewPos((size.Width-s.Width)/2, (size.Height-s.Height)/2))
	}
}

// trackLegend names the tracks of the list shown, each after its swatch.
type trackLegend struct {
	names    []string
	swatches map[string]*canvas.Rectangle
	row      *fyne.Container
	content  fyne.CanvasObject
}

func newTrackLegend() *trackLegend {
	l := &trackLegend{swatches: map[string]*canvas.Rectangle{}, row: container.NewHBox()}
	l.content = container.NewHScroll(l.row)
	l.content.Hide()
	return l
}

// update shows the tracks of rows; no legend when no row has a track.
func (l *trackLegend) update(rows []app.Row) {
	var names []string
	given := map[string]string{} // each track's colour as the schedule gives it
	for _, r := range rows {
		if t := r.Session.Track; !r.IsDay() && t != "" && !slices.Contains(names, t) {
			names = append(names, t)
			given[t] = r.Session.TrackColour
		}
	}
	slices.Sort(names)
	if slices.Equal(names, l.names) {
		return
	}
	l.names = names
	clear(l.swatches)
	l.row.Objects = l.row.Objects[:0]
	if len(names) > 0 {
		l.row.Add(widget.NewLabel(tr("Tracks:")))
	}
	for _, n := range names {
		s := newSwatch()
		s.FillColor = trackColour(n, given[n])
		l.swatches[n] = s
		name := widget.NewLabel(n)
		l.row.Add(container.NewHBox(container.New(swatchLayout{}, s), name))
	}
	l.row.Refresh()
	if len(names) == 0 {
		l.content.Hide()
	} else {
		l.content.Show()
	}
}

// Names are the tracks in the legend, sorted.
func (l *trackLegend) Names() []string { return l.names }

// Swatch is the legend's swatch of track name, or nil.
func (l *trackLegend) Swatch(name string) *canvas.Rectangle { return l.swatches[name] }
