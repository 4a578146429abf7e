package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/igf-floor/floor/app"
)

// agendaRow is one list item: a day heading, or a session with its time
// (viewer's and event's), number and title, and a star when in My agenda.
type agendaRow struct {
	widget.BaseWidget
	day    *widget.Label
	when   *widget.Label
	title  *widget.Label
	track  *widget.Label     // the track's name, beside its swatch
	swatch *canvas.Rectangle // the track's colour; hidden without a track
	star   *widget.Label
	second *fyne.Container // the time and room, then the track
	head   *fyne.Container // the day heading, at the foot of its row
	body   *fyne.Container
}

func newAgendaRow() *agendaRow {
	r := &agendaRow{
		day:    widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		when:   widget.NewLabel(""),
		title:  widget.NewLabel(""),
		track:  widget.NewLabel(""),
		swatch: newSwatch(),
		star:   widget.NewLabel(""),
	}
	r.day.SizeName = theme.SizeNameSubHeadingText
	r.day.Truncation = fyne.TextTruncateEllipsis
	r.title.Truncation = fyne.TextTruncateEllipsis
	r.track.Truncation = fyne.TextTruncateEllipsis
	// The time and room whole, then the track in what is left.
	r.second = container.New(whenFirst{r.when}, r.when,
		container.New(layout.NewCustomPaddedLayout(0, 0, theme.Padding(), 0), // apart from the room
			container.NewBorder(nil, nil, container.NewCenter(r.swatch), nil, r.track)))
	r.body = container.NewBorder(nil, nil, nil, r.star, container.NewVBox(r.title, r.second))
	// Every row has the height of a session's two lines: the list never
	// sets an item's height, so a row that stops being a heading after a
	// re-filter cannot keep a heading's height and overlap the next one.
	r.head = container.NewBorder(nil, r.day, nil, nil)
	r.ExtendBaseWidget(r)
	return r
}

func (r *agendaRow) CreateRenderer() fyne.WidgetRenderer {
	inset := theme.InnerPadding() // the text's usual margin, kept at the sides only
	return widget.NewSimpleRenderer(container.NewThemeOverride(
		container.New(layout.NewCustomPaddedLayout(0, 0, inset, inset), container.NewStack(r.head, r.body)),
		compactTheme{}))
}

// compactTheme is the app's theme with its labels' padding cut to a
// quarter, so a row's two lines sit close and more rows fit: more than six
// at 1280×800 (the test measures it).
type compactTheme struct{}

func (compactTheme) base() fyne.Theme { return fyne.CurrentApp().Settings().Theme() }

func (t compactTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return t.base().Color(n, v)
}

func (t compactTheme) Font(s fyne.TextStyle) fyne.Resource { return t.base().Font(s) }

func (t compactTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.base().Icon(n) }

func (t compactTheme) Size(n fyne.ThemeSizeName) float32 {
	switch n {
	case theme.SizeNameInnerPadding, theme.SizeNamePadding:
		return t.base().Size(n) / 4
	}
	return t.base().Size(n)
}

func (r *agendaRow) show(row app.Row) {
	if row.IsDay() {
		r.day.SetText(localDate(row.Day))
		r.head.Show()
		r.body.Hide()
		return
	}
	r.head.Hide()
	r.body.Show()
	s := row.Session
	r.title.SetText(joinNonEmpty("  ", s.Number, s.Title))
	when := row.When
	if when == "" {
		when = tr("Time to be announced")
	}
	eventWhen := ""
	if row.EventWhen != "" {
		eventWhen = tr("event {{.When}}", "When", row.EventWhen)
	}
	r.when.SetText(joinNonEmpty(" · ", when, eventWhen, s.Room, row.Event))
	r.track.SetText(s.Track)
	if s.Track == "" {
		r.swatch.Hide()
	} else {
		r.swatch.FillColor = trackColour(s.Track)
		r.swatch.Show()
		r.swatch.Refresh()
	}
	r.second.Refresh() // lay the line out again for the new time's width
	if row.Favourite {
		r.star.SetText("★ " + tr("My agenda")) // said in words too, not by the star alone
	} else {
		r.star.SetText("")
	}
}

// whenFirst lays out a row's second line: the time and room (the first
// object) as wide as its text, up to the whole line less the track's
// least width, then the track (the second object) in what is left.
type whenFirst struct{ when *widget.Label }

func (l whenFirst) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objects {
		m := o.MinSize()
		s.Width += m.Width
		s.Height = max(s.Height, m.Height)
	}
	return s
}

func (l whenFirst) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	name := l.when.SizeName
	if name == "" {
		name = theme.SizeNameText
	}
	text := fyne.MeasureText(l.when.Text, theme.SizeForWidget(name, l.when), l.when.TextStyle).Width
	natural := text + 2*theme.SizeForWidget(theme.SizeNameInnerPadding, l.when)
	w := max(min(natural, size.Width-objects[1].MinSize().Width), 0)
	objects[0].Move(fyne.NewPos(0, 0))
	objects[0].Resize(fyne.NewSize(w, size.Height))
	objects[1].Move(fyne.NewPos(w, 0))
	objects[1].Resize(fyne.NewSize(size.Width-w, size.Height))
}

func (v *ParticipantView) length() int { return len(v.rows) }

func (v *ParticipantView) createRow() fyne.CanvasObject { return newAgendaRow() }

func (v *ParticipantView) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id < 0 || id >= len(v.rows) {
		return
	}
	o.(*agendaRow).show(v.rows[id])
}

// zoneOptions are the entries of the time-zone chooser.
type zoneOptions struct {
	local string // the computer's zone name, e.g. "Europe/Oslo"
	names []string
}

func newZoneOptions(local string) zoneOptions {
	return zoneOptions{local: local, names: app.SuggestedZones()}
}

// eventZoneLabel is the time zone choice "the event's own".
func eventZoneLabel() string { return tr("Event time") }

func (z zoneOptions) localLabel() string { return tr("My time ({{.Zone}})", "Zone", z.local) }

func (z zoneOptions) labels() []string {
	return append([]string{eventZoneLabel(), z.localLabel()}, z.names...)
}

func (z zoneOptions) choice(label string) (app.ZoneChoice, error) {
	switch label {
	case eventZoneLabel():
		return app.ZoneChoice{Mode: app.ZoneEvent}, nil
	case z.localLabel():
		return app.ZoneChoice{Mode: app.ZoneLocal}, nil
	}
	return app.NamedZone(label)
}
