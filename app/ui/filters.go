package ui

import (
	"fmt"
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
	Event, Day, Track, Room, Type  *widget.Select
	ConflictsButton, NowNextButton *widget.Button
	content                        fyne.CanvasObject
}

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
	f.Event, f.Day, f.Track, f.Room, f.Type = mk(lang.L("Event")), mk(lang.L("Day")), mk(lang.L("Track")), mk(lang.L("Room")), mk(lang.L("Type"))
	f.ConflictsButton = widget.NewButtonWithIcon(lang.L("Conflicts"), theme.WarningIcon(), v.ShowConflicts)
	f.NowNextButton = widget.NewButtonWithIcon(lang.L("Now & next"), theme.MediaPlayIcon(), v.ShowNowNext)
	labelled := func(l string, s *widget.Select) fyne.CanvasObject {
		return container.NewBorder(nil, nil, widget.NewLabel(l), nil, s)
	}
	f.content = container.NewBorder(nil, nil, nil, container.NewHBox(f.ConflictsButton, f.NowNextButton, v.remindHolder()),
		container.NewGridWithColumns(5, labelled(lang.L("Event"), f.Event), labelled(lang.L("Day"), f.Day),
			labelled(lang.L("Track"), f.Track), labelled(lang.L("Room"), f.Room), labelled(lang.L("Type"), f.Type)))
	return f
}

func (f *filterBar) apply() {
	pick := func(s *widget.Select) string {
		if s.Selected == anyChoice() {
			return ""
		}
		return s.Selected
	}
	f.v.p.SetNarrow(app.Narrow{Event: pick(f.Event), Day: pick(f.Day), Track: pick(f.Track), Room: pick(f.Room), Type: pick(f.Type)})
	f.v.refresh()
}

// update offers the values the list can be narrowed to now.
func (f *filterBar) update() {
	c := f.v.p.Choices()
	for _, x := range []struct {
		s    *widget.Select
		opts []string
	}{{f.Event, c.Events}, {f.Day, c.Days}, {f.Track, c.Tracks}, {f.Room, c.Rooms}, {f.Type, c.Types}} {
		x.s.Options = append([]string{anyChoice()}, x.opts...)
		if len(x.opts) == 0 {
			x.s.Disable()
		} else {
			x.s.Enable()
		}
	}
}

// ShowConflicts lists every overlapping pair in My agenda.
func (v *ParticipantView) ShowConflicts() {
	conflicts, err := v.p.Conflicts(v.ctx)
	if err != nil {
		v.Status.SetText(err.Error())
		return
	}
	var b strings.Builder
	if len(conflicts) == 0 {
		b.WriteString(lang.L("No two sessions in My agenda overlap."))
	}
	for _, c := range conflicts {
		b.WriteString(tr("{{.Overlap}} overlap:", "Overlap", overlapWords(c.Overlap)) + "\n  " + v.sessionLine(c.A) + "\n  " + v.sessionLine(c.B) + "\n\n")
	}
	v.showText(lang.L("Conflicts in My agenda"), b.String())
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
