package ui

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/floor"
)

// pollKinds are the kinds the console offers, in the order of pollKindNames.
var pollKinds = []floor.PollKind{floor.Single, floor.Multiple, floor.TextPoll}

// pollKindNames are the kinds in words.
func pollKindNames() []string {
	return []string{tr("One choice"), tr("Several choices"), tr("Short text")}
}

// pollPanel is where the moderator writes a poll, opens and closes it and
// watches the votes come in from the room's phones and the hubs.
type pollPanel struct {
	v     *ConsoleView
	polls *app.Polls

	Question  *widget.Entry
	Kind      *widget.RadioGroup
	Options   *widget.Entry // one option a line
	Write     *widget.Button
	Open      *widget.Button
	Close     *widget.Button
	OnDisplay *widget.Check // results on the speaker display
	Title     *widget.Label
	Info      *widget.Label // state, code, voters by place
	results   *fyne.Container
	content   fyne.CanvasObject
	shown     string // what results show, to redraw only on change
}

// EnablePolls adds the Polls tab: polls are written, opened and closed
// here, and their results drawn live.
func (v *ConsoleView) EnablePolls(polls *app.Polls) {
	p := &pollPanel{v: v, polls: polls}
	p.Question = widget.NewEntry()
	p.Question.SetPlaceHolder(lang.L("Question, e.g. Who should certify connected products?"))
	p.Kind = widget.NewRadioGroup(pollKindNames(), nil)
	p.Kind.Horizontal = false // across, the three kinds made the right column 419 px at least, and the queue too narrow for its names
	p.Kind.SetSelected(p.Kind.Options[0])
	p.Options = widget.NewMultiLineEntry()
	p.Options.SetPlaceHolder(lang.L("Options, one a line"))
	p.Options.SetMinRowsVisible(3)
	p.Write = widget.NewButton(lang.L("Write poll"), p.write)
	p.Open = widget.NewButton(lang.L("Open poll"), func() { p.act(p.polls.Open) })
	p.Open.Importance = widget.HighImportance
	p.Close = widget.NewButton(lang.L("Close poll"), func() { p.act(p.polls.Close) })
	p.OnDisplay = widget.NewCheck(lang.L("Results on the speaker display"), func(bool) { p.v.Tick() })
	p.Title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.Title.Wrapping = fyne.TextWrapWord
	p.Info = widget.NewLabel(tr("No poll yet."))
	p.Info.Wrapping = fyne.TextWrapWord
	p.results = container.NewVBox()
	p.content = container.NewVScroll(container.NewVBox(
		widget.NewLabelWithStyle(lang.L("New poll"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		p.Question, p.Kind, p.Options, p.Write, widget.NewSeparator(),
		// Open and Close one under the other: side by side, in French,
		// Close ended past the tab's edge at 1280 wide.
		p.Title, p.Info, p.Open, p.Close, p.OnDisplay, p.results))
	polls.Watch(v.wake)
	v.pollPanel = p
	v.rebuildRight()
	p.tick()
}

func (p *pollPanel) write() {
	kind := floor.Single
	if i := slices.Index(p.Kind.Options, p.Kind.Selected); i >= 0 {
		kind = pollKinds[i]
	}
	var options []string
	if kind != floor.TextPoll {
		options = strings.Split(p.Options.Text, "\n")
	}
	_, err := p.polls.Create(p.v.ctx, p.Question.Text, kind, options)
	if err == nil {
		p.Question.SetText("")
		p.Options.SetText("")
	}
	p.v.do(err)
}

func (p *pollPanel) act(f func(ctx context.Context, id int) error) {
	cur, ok := p.polls.Current()
	if !ok {
		return
	}
	p.v.do(f(p.v.ctx, cur.ID))
}

// tick redraws the current poll when its votes or state changed.
func (p *pollPanel) tick() {
	cur, ok := p.polls.Current()
	if !ok {
		setEnabled(p.Open, false)
		setEnabled(p.Close, false)
		return
	}
	t, _ := p.polls.Tally(cur.ID)
	key := fmt.Sprint(cur.ID, cur.Open(), cur.Closed.IsZero(), t.Voters, p.v.pollAddress())
	setEnabled(p.Open, !cur.Open() && cur.Closed.IsZero())
	setEnabled(p.Close, cur.Open())
	if key == p.shown {
		return
	}
	p.shown = key
	setLabel(p.Title, tr("Poll {{.N}}: {{.Question}}", "N", cur.ID, "Question", cur.Question))
	setLabel(p.Info, pollInfo(t, p.v.pollAddress()))
	p.results.Objects = pollBars(t)
	p.results.Refresh()
}

// displayed is what the speaker display shows, nil when it shows no poll.
func (p *pollPanel) displayed(fs floor.State) *floor.Tally {
	if !p.OnDisplay.Checked {
		return nil
	}
	cur, ok := p.polls.Current()
	if !ok {
		return nil
	}
	// A closed poll's results stay up until the next speaker takes the
	// floor; that turn's room is the speaker's, not the poll's.
	if !cur.Open() && fs.Current != nil && fs.Current.Start.After(cur.Closed) {
		return nil
	}
	t, _ := p.polls.Tally(cur.ID)
	return &t
}

// pollAddress is where phones reach the poll page, "" while closed to hubs.
func (v *ConsoleView) pollAddress() string {
	if v.hubs == nil || v.hubs.addr == "" {
		return ""
	}
	return "https://" + v.hubs.addr + "/poll"
}

// pollInfo is a poll's state in words: open or not, where phones vote and
// with which code, its voters.
func pollInfo(t floor.Tally, address string) string {
	state := tr("Written, not open yet.")
	switch {
	case t.Poll.Open() && address != "":
		state = tr("OPEN — phones in the room vote at {{.Address}} with code {{.Code}}.", "Address", address, "Code", t.Poll.Code)
	case t.Poll.Open():
		state = tr("OPEN — hubs vote now; phones can vote once Floor is open to hubs (code {{.Code}}).", "Code", t.Poll.Code)
	case !t.Poll.Closed.IsZero():
		state = tr("Closed.")
	}
	var places []string
	for _, place := range slices.Sorted(maps.Keys(t.ByPlace)) {
		places = append(places, fmt.Sprintf("%d %s", t.ByPlace[place], tr(place)))
	}
	votes := tr("{{.N}} votes", "N", t.Voters)
	if t.Voters == 1 {
		votes = tr("1 vote")
	}
	if len(places) > 0 {
		votes += " (" + strings.Join(places, ", ") + ")"
	}
	return state + " " + votes + "."
}

// pollBars draws a choice poll's counts as labelled bars, or a text poll's
// answers as lines; labels carry the numbers, so nothing is told by length
// alone.
func pollBars(t floor.Tally) []fyne.CanvasObject {
	var objs []fyne.CanvasObject
	for i, o := range t.Poll.Options {
		frac := float32(0)
		if t.Voters > 0 {
			frac = float32(t.Counts[i]) / float32(t.Voters)
		}
		bar := canvas.NewRectangle(translucent(theme.Color(theme.ColorNamePrimary)))
		label := widget.NewLabel(tr("{{.Option}}  {{.Count}} ({{.Share}}%)", "Option", o, "Count", t.Counts[i], "Share", fmt.Sprintf("%.0f", 100*frac)))
		label.Truncation = fyne.TextTruncateEllipsis
		objs = append(objs, withLayout(barLayout{frac: frac}, bar, label))
	}
	for _, a := range t.Answers {
		l := widget.NewLabel("“" + a + "”") // a Label shows text, never markup
		l.Wrapping = fyne.TextWrapWord
		objs = append(objs, l)
	}
	return objs
}
