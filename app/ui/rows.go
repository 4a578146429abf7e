package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/igf-floor/floor/app"
)

// agendaRow is one list item: a day heading, or a session with its time
// (viewer's and event's), number and title, and a star when in My agenda.
// It draws canvas texts set close, cut with "…" to the row's width: labels
// would need a compact theme, and Fyne 2.7 parses every font again (the
// 10 MB emoji font included) for each theme override drawn.
type agendaRow struct {
	widget.BaseWidget
	day    *canvas.Text
	when   *canvas.Text
	title  *canvas.Text
	track  *canvas.Text      // the track's name, beside its swatch
	swatch *canvas.Rectangle // the track's colour; hidden without a track
	star   *canvas.Text
	head   *fyne.Container // the day heading, at the foot of its row
	body   *fyne.Container

	full struct{ day, when, title, track string } // the texts whole, cut to the width at each layout
}

func newAgendaRow() *agendaRow {
	fg := theme.Color(theme.ColorNameForeground)
	r := &agendaRow{day: canvas.NewText("", fg), when: canvas.NewText("", fg), title: canvas.NewText("", fg),
		track: canvas.NewText("", fg), swatch: newSwatch(), star: canvas.NewText("", fg)}
	r.day.TextStyle = fyne.TextStyle{Bold: true}
	r.head = container.NewWithoutLayout(r.day)
	r.body = container.NewWithoutLayout(r.title, r.when, r.swatch, r.track, r.star)
	r.ExtendBaseWidget(r)
	return r
}

func (r *agendaRow) CreateRenderer() fyne.WidgetRenderer { return &agendaRowRenderer{r: r} }

type agendaRowRenderer struct{ r *agendaRow }

// gap is the room between a row's two lines and around them.
func rowGap() float32 { return theme.Padding() / 2 }

func (rr *agendaRowRenderer) MinSize() fyne.Size {
	line := fyne.MeasureText("Mg", theme.TextSize(), fyne.TextStyle{}).Height
	return fyne.NewSize(60, 2*line+3*rowGap())
}

func (rr *agendaRowRenderer) Layout(size fyne.Size) {
	r := rr.r
	if size.Width < 1 { // not placed yet: nothing to cut to
		return
	}
	inset, gap := theme.InnerPadding(), rowGap()
	width := size.Width - 2*inset
	r.head.Resize(size)
	r.body.Resize(size)
	r.day.TextSize = theme.Size(theme.SizeNameSubHeadingText)
	r.day.Text = fitText(r.full.day, width, r.day.TextSize, r.day.TextStyle)
	ds := r.day.MinSize()
	r.day.Move(fyne.NewPos(inset, size.Height-ds.Height-gap))
	r.day.Resize(ds)

	starW := float32(0)
	if r.star.Text != "" {
		starW = r.star.MinSize().Width + inset
	}
	for _, t := range []*canvas.Text{r.title, r.when, r.track, r.star} {
		t.TextSize = theme.TextSize()
		t.Color = theme.Color(theme.ColorNameForeground)
	}
	r.day.Color = theme.Color(theme.ColorNameForeground)
	r.title.Text = fitText(r.full.title, width-starW, r.title.TextSize, r.title.TextStyle)
	ts := r.title.MinSize()
	r.title.Move(fyne.NewPos(inset, gap))
	r.title.Resize(ts)
	ss := r.star.MinSize()
	r.star.Move(fyne.NewPos(size.Width-inset-ss.Width, (size.Height-ss.Height)/2))
	r.star.Resize(ss)
	// The time and room whole when they fit, the track in what is left.
	y := gap + ts.Height + gap
	swatch := swatchSize()
	trackLeast := swatch.Width + inset + fyne.MeasureText("Track…", r.track.TextSize, r.track.TextStyle).Width
	if r.full.track == "" {
		trackLeast = 0
	}
	r.when.Text = fitText(r.full.when, max(width-starW-trackLeast, 20), r.when.TextSize, r.when.TextStyle)
	ws := r.when.MinSize()
	r.when.Move(fyne.NewPos(inset, y))
	r.when.Resize(ws)
	x := inset + ws.Width + inset
	r.swatch.Move(fyne.NewPos(x, y+(ws.Height-swatch.Height)/2))
	r.swatch.Resize(swatch)
	x += swatch.Width + theme.Padding()
	r.track.Text = fitText(r.full.track, max(inset+width-starW-x, 0), r.track.TextSize, r.track.TextStyle)
	r.track.Move(fyne.NewPos(x, y))
	r.track.Resize(r.track.MinSize())
}

func (rr *agendaRowRenderer) Refresh() {
	rr.Layout(rr.r.Size())
	for _, o := range rr.Objects() {
		o.Refresh()
	}
}

func (rr *agendaRowRenderer) Destroy() {}

func (rr *agendaRowRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{rr.r.head, rr.r.body}
}

// fitText is s cut with "…" to width.
func fitText(s string, width, size float32, style fyne.TextStyle) string {
	if s == "" || fyne.MeasureText(s, size, style).Width <= width {
		return s
	}
	r := []rune(s)
	for len(r) > 1 && fyne.MeasureText(string(r)+"…", size, style).Width > width {
		r = r[:len(r)-max(1, len(r)/10)]
	}
	return string(r) + "…"
}

func (r *agendaRow) show(row app.Row) {
	if row.IsDay() {
		r.full.day = localDate(row.Day)
		r.day.Text = r.full.day
		r.head.Show()
		r.body.Hide()
		r.Refresh()
		return
	}
	r.head.Hide()
	r.body.Show()
	s := row.Session
	r.full.title = joinNonEmpty("  ", s.Number, s.Title)
	when := row.When
	if when == "" {
		when = tr("Time to be announced")
	}
	eventWhen := ""
	if row.EventWhen != "" {
		eventWhen = tr("event {{.When}}", "When", row.EventWhen)
	}
	r.full.when = joinNonEmpty(" · ", when, eventWhen, s.Room, row.Event)
	r.full.track = s.Track
	r.title.Text, r.when.Text, r.track.Text = r.full.title, r.full.when, r.full.track
	if s.Track == "" {
		r.swatch.Hide()
	} else {
		r.swatch.FillColor = trackColour(s.Track, s.TrackColour)
		r.swatch.Show()
	}
	switch {
	case row.Clash:
		r.star.Text = "★ " + tr("My agenda") + " · ⚠ " + tr("overlaps") // said in words too, not by the signs alone
	case row.Favourite:
		r.star.Text = "★ " + tr("My agenda")
	default:
		r.star.Text = ""
	}
	r.Refresh()
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
