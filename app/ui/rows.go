package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/igf-floor/floor/app"
)

// agendaRow is one list item: a day heading, or a session with its time
// (viewer's and event's), number and title, and a star when in My agenda.
type agendaRow struct {
	widget.BaseWidget
	day   *widget.Label
	when  *widget.Label
	title *widget.Label
	star  *widget.Label
	body  *fyne.Container
}

func newAgendaRow() *agendaRow {
	r := &agendaRow{
		day:   widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		when:  widget.NewLabel(""),
		title: widget.NewLabel(""),
		star:  widget.NewLabel(""),
	}
	r.title.Truncation = fyne.TextTruncateEllipsis
	r.when.Truncation = fyne.TextTruncateEllipsis
	r.body = container.NewBorder(nil, nil, nil, r.star, container.NewVBox(r.title, r.when))
	r.ExtendBaseWidget(r)
	return r
}

func (r *agendaRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(r.day, r.body))
}

func (r *agendaRow) show(row app.Row) {
	if row.IsDay() {
		r.day.SetText(localDate(row.Day))
		r.day.Show()
		r.body.Hide()
		return
	}
	r.day.Hide()
	r.body.Show()
	s := row.Session
	r.title.SetText(joinNonEmpty("  ", s.Number, s.Title))
	when := row.When
	if when == "" {
		when = tr("Time to be announced")
	}
	r.when.SetText(joinNonEmpty(" · ", when, row.EventWhen, s.Room))
	if row.Favourite {
		r.star.SetText("★ " + tr("My agenda")) // said in words too, not by the star alone
	} else {
		r.star.SetText("")
	}
}

func (v *ParticipantView) length() int { return len(v.p.Rows()) }

func (v *ParticipantView) createRow() fyne.CanvasObject { return newAgendaRow() }

func (v *ParticipantView) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	rows := v.p.Rows()
	if id < 0 || id >= len(rows) {
		return
	}
	o.(*agendaRow).show(rows[id])
}

func dayRowHeight() float32 {
	return widget.NewLabel("Day").MinSize().Height + theme.Padding()
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
