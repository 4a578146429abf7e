package ui

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/agenda"
)

// filterBar narrows the list by event, day, track, room and type, and
// opens the conflicts and now-and-next views.
type filterBar struct {
	v                              *ParticipantView
	Event, Track, Room, Type       *widget.Select
	ConflictsButton, NowNextButton *widget.Button
	Days                           *dayTabs
	content                        fyne.CanvasObject

	// The Day filter is the view's: it keeps one of the list's day
	// headings, which are days in the chosen zone (the controller's
	// Narrow.Day is a day in the event's zone).
	day  string      // the heading kept, as app.Row.Day; "" for all
	days []dayChoice // the days offered now
}

// dayLayout is how the controller writes a day heading (app.Row.Day).
const dayLayout = "Monday 2 January 2006"

// dayChoice is a Day filter entry: a heading's day and how it is offered.
type dayChoice struct{ day, label string }

// anyChoice is the filter choice that filters nothing.
func anyChoice() string { return tr("All") }

func newFilterBar(v *ParticipantView) *filterBar {
	f := &filterBar{v: v}
	mk := func(what string) *widget.Select {
		s := widget.NewSelect([]string{anyChoice()}, func(string) { f.apply() })
		s.PlaceHolder = what
		s.Selected = anyChoice()
		return s
	}
	f.Event, f.Track, f.Room, f.Type = mk(lang.L("Event")), mk(lang.L("Track")), mk(lang.L("Room")), mk(lang.L("Type"))
	f.Days = newDayTabs(v.JumpNow, f.pickDay)
	f.ConflictsButton = widget.NewButtonWithIcon(lang.L("Conflicts"), theme.WarningIcon(), v.ShowConflicts)
	f.NowNextButton = widget.NewButtonWithIcon(lang.L("Now & next"), theme.MediaPlayIcon(), v.ShowNowNext)
	labelled := func(l string, s fyne.CanvasObject) fyne.CanvasObject {
		return container.NewBorder(nil, nil, widget.NewLabel(l), nil, s)
	}
	f.content = container.New(&wrapPair{},
		container.New(shareLayout{}, labelled(lang.L("Event"), f.Event),
			labelled(lang.L("Track"), f.Track), labelled(lang.L("Room"), f.Room), labelled(lang.L("Type"), f.Type)),
		container.NewHBox(f.ConflictsButton, f.NowNextButton, v.remindHolder()))
	return f
}

// shareLayout gives each object its minimum width and shares what is left
// equally, so a long day does not make every filter as wide as it.
type shareLayout struct{}

func (shareLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objects {
		m := o.MinSize()
		s.Width += m.Width
		s.Height = max(s.Height, m.Height)
	}
	return s.AddWidthHeight(theme.Padding()*float32(max(len(objects)-1, 0)), 0)
}

func (l shareLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	extra := (size.Width - l.MinSize(objects).Width) / float32(max(len(objects), 1))
	x := float32(0)
	for _, o := range objects {
		w := o.MinSize().Width + max(extra, 0)
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w + theme.Padding()
	}
}

func (f *filterBar) apply() {
	f.v.p.SetNarrow(app.Narrow{Event: picked(f.Event), Track: picked(f.Track), Room: picked(f.Room), Type: picked(f.Type)})
	f.v.refresh()
}

// onDay keeps the chosen day's heading and its sessions.
func (f *filterBar) onDay(rows []app.Row) []app.Row {
	if f.day == "" {
		return rows
	}
	var out []app.Row
	in := false
	for _, r := range rows {
		if r.IsDay() {
			in = r.Day == f.day
		}
		if in {
			out = append(out, r)
		}
	}
	return out
}

// updateDays offers the days of the list's headings as tabs, in the chosen zone:
// "Sat 16 Sep", with the year when the list spans more than one.
func (f *filterBar) updateDays(rows []app.Row) {
	var dates []time.Time
	for _, r := range rows {
		if t, err := time.Parse(dayLayout, r.Day); err == nil && !slices.Contains(dates, t) {
			dates = append(dates, t)
		}
	}
	layout := "Mon 2 Jan"
	if len(dates) > 0 && dates[0].Year() != dates[len(dates)-1].Year() {
		layout = "Mon 2 Jan 2006"
	}
	f.days = f.days[:0]
	for _, t := range dates {
		f.days = append(f.days, dayChoice{day: t.Format(dayLayout), label: localDate(t.Format(layout))})
	}
	if t, err := time.Parse(dayLayout, f.day); err == nil && !slices.ContainsFunc(f.days, func(c dayChoice) bool { return c.day == f.day }) {
		// a day kept that the list no longer has (a search, a zone change)
		f.days = append(f.days, dayChoice{day: f.day, label: localDate(t.Format(layout))})
	}
	f.Days.set(f.days, f.day)
}

// choicesWide lays out a Select as wide as its longest choice at the text
// size of the moment (a View → Text size change included).
type choicesWide struct{ s *widget.Select }

func (l choicesWide) MinSize([]fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(selectWidth(l.s.Options), l.s.MinSize().Height)
}

func (l choicesWide) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// selectWidth is how wide a Select must be to show each option whole (a
// Select is only as wide as its place holder).
func selectWidth(opts []string) float32 {
	widest := float32(0)
	for _, o := range opts {
		widest = max(widest, fyne.MeasureText(o, theme.TextSize(), fyne.TextStyle{}).Width)
	}
	return widest + 6*theme.InnerPadding() + theme.IconInlineSize()
}

// update offers the values the list can be narrowed to now.
func (f *filterBar) update() {
	c := f.v.p.Choices()
	for _, x := range []struct {
		s    *widget.Select
		opts []string
	}{{f.Event, c.Events}, {f.Track, c.Tracks}, {f.Room, c.Rooms}, {f.Type, c.Types}} {
		x.s.Options = append([]string{anyChoice()}, x.opts...)
		if len(x.opts) == 0 {
			x.s.Disable()
		} else {
			x.s.Enable()
		}
	}
}

// ShowNowNext lists what is on now and what starts in the next two hours.
func (v *ParticipantView) ShowNowNext() {
	running, next, err := v.p.NowAndNext(v.ctx, 2*time.Hour)
	if err != nil {
		v.Status.SetText(err.Error())
		return
	}
	var b strings.Builder
	b.WriteString(lang.L("On now:") + "\n")
	if len(running) == 0 {
		b.WriteString("  " + tr("nothing") + "\n")
	}
	for _, s := range running {
		b.WriteString("  " + v.sessionLine(s) + "\n")
	}
	b.WriteString("\n" + tr("In the next two hours:") + "\n")
	if len(next) == 0 {
		b.WriteString("  " + tr("nothing") + "\n")
	}
	for _, s := range next {
		b.WriteString("  " + v.sessionLine(s) + "\n")
	}
	v.showText(tr("Now & next")+", "+v.p.Now().In(time.Local).Format("15:04"), b.String())
}

func overlapWords(d time.Duration) string {
	if d >= time.Hour {
		return tr("{{.H}} h {{.M}} min", "H", int(d.Hours()), "M", fmt.Sprintf("%02d", int(d.Minutes())%60))
	}
	return tr("{{.M}} min", "M", int(d.Minutes()))
}

// sessionLine is "Wed 11 Nov 11:20 · WS #234 · Security of digital products".
func (v *ParticipantView) sessionLine(s agenda.Session) string {
	when := tr("time to be announced")
	if s.Scheduled() {
		when = localDate(s.Start.In(v.p.Zone().Location(s, time.Local)).Format("Mon 2 Jan 15:04"))
	}
	return strings.Join(nonEmpty(when, s.Number, s.Title, s.EventID), " · ")
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// showText shows a read-only text in a dialog, or in the status line when
// the view has no window (tests).
func (v *ParticipantView) showText(title, text string) {
	v.lastText = text
	if v.window == nil {
		return
	}
	body := widget.NewLabel(text)
	body.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(title, tr("Close"), container.NewVScroll(body), v.window)
	d.Resize(fyne.NewSize(640, 420))
	d.Show()
}

// remindHolder is a place for the reminder choice, which is made after the
// filter bar.
func (v *ParticipantView) remindHolder() fyne.CanvasObject {
	v.remindBox = container.NewStack()
	return v.remindBox
}
