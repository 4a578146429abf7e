package ui

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/igf-floor/floor/app/control"
	"github.com/igf-floor/floor/app/floor"
)

// The wire's names of the seat's commands.
const (
	verbGive, verbWithdraw, verbEnd  = "give", "withdraw", "end"
	verbTakeaway, verbCall, verbKey  = "takeaway", "call", "key"
	verbStart, verbPause, verbResume = "start", "pause", "resume"
	verbQuestion, verbAddTime        = "question", "add-time"
	verbAsk, verbEdit, verbMove      = "ask", "edit", "move"
	verbTell, verbSay, verbQueueHub  = "tell", "say", "queue-hub"
	verbOpenPoll, verbClosePoll      = "open-poll", "close-poll"
)

// seatRequests is the seat's request form: a new request for the room's
// queue, or the selected one corrected (a name misheard, a group not said).
type seatRequests struct {
	Name, Affiliation *widget.Entry
	Group, Region     *widget.Select
	Youth, Remote     *widget.Check
	Type              *widget.Select // regular, point of order, direct reply
	Add, Save         *widget.Button
	content           fyne.CanvasObject
}

func newSeatRequests(v *SeatView) *seatRequests {
	f := &seatRequests{Name: widget.NewEntry(), Affiliation: widget.NewEntry(), Group: widget.NewSelect(groupNames(), nil),
		Region: widget.NewSelect(regionNames(), nil), Youth: widget.NewCheck(tr("Youth"), nil), Remote: widget.NewCheck(tr("Remote"), nil)}
	f.Group.PlaceHolder, f.Region.PlaceHolder = tr("(not said)"), tr("(not said)")
	f.Type = newTypeSelect()
	f.Add = widget.NewButton(tr("Add to queue"), func() {
		v.send(control.SeatCommandWire{Verb: verbAsk, Speaker: f.speaker(), Remote: f.Remote.Checked}, f.clear)
	})
	f.Save = widget.NewButton(tr("Save changes to the selected request"), func() {
		v.send(control.SeatCommandWire{Verb: verbEdit, ID: v.selected, Speaker: f.speaker()})
	})
	form := widget.NewForm(widget.NewFormItem(tr("Name"), f.Name), widget.NewFormItem(tr("Affiliation"), f.Affiliation),
		widget.NewFormItem(tr("Stakeholder group"), f.Group), widget.NewFormItem(tr("Region"), f.Region),
		widget.NewFormItem(tr("Type"), f.Type))
	f.content = container.NewVBox(form, container.NewHBox(f.Youth, f.Remote), container.NewHBox(f.Add, f.Save))
	return f
}

func (f *seatRequests) speaker() *control.SpeakerWire {
	w := &control.SpeakerWire{Name: strings.TrimSpace(f.Name.Text), Affiliation: strings.TrimSpace(f.Affiliation.Text),
		Group: f.Group.Selected, Region: f.Region.Selected, Youth: f.Youth.Checked}
	if t := selectedType(f.Type); !t.IsZero() {
		w.Type = t.String()
	}
	return w
}

// fill puts request q in the form, to be corrected.
func (f *seatRequests) fill(q control.RequestWire) {
	f.Name.SetText(q.Speaker.Name)
	f.Affiliation.SetText(q.Speaker.Affiliation)
	f.Group.SetSelected(q.Speaker.Group)
	f.Region.SetSelected(q.Speaker.Region)
	f.Youth.SetChecked(q.Speaker.Youth)
	t, _ := floor.ParseRequestType(q.Speaker.Type)
	f.Type.SetSelected(typeWords(t))
	f.Remote.SetChecked(q.Remote)
}

func (f *seatRequests) clear() {
	f.fill(control.RequestWire{})
	f.Group.ClearSelected()
	f.Region.ClearSelected()
}

// seatMessages writes to the speaker on the floor or to the hubs.
type seatMessages struct {
	Text    *widget.Entry
	Speaker *widget.Button // to the speaker on the floor (the speaker display, a hub on the floor)
	Clear   *widget.Button // the speaker's message off
	AllHubs *widget.Button
	Hub     *widget.Select // one hub, by name
	ToHub   *widget.Button
	Shown   *widget.Label // what the speaker reads now
	hubs    []control.HubPresenceWire
	content fyne.CanvasObject
}

func newSeatMessages(v *SeatView) *seatMessages {
	m := &seatMessages{Text: widget.NewEntry(), Hub: widget.NewSelect(nil, nil), Shown: widget.NewLabel("")}
	m.Text.SetPlaceHolder(tr("A message to the speaker or to the hubs"))
	m.Shown.Wrapping = fyne.TextWrapWord
	sent := func() { m.Text.SetText("") }
	m.Speaker = widget.NewButton(tr("Show to the speaker"), func() { v.send(control.SeatCommandWire{Verb: verbTell, Text: m.Text.Text}, sent) })
	m.Clear = widget.NewButton(tr("Clear message"), func() { v.send(control.SeatCommandWire{Verb: verbTell}) })
	m.AllHubs = widget.NewButton(tr("Send to every hub"), func() { v.send(control.SeatCommandWire{Verb: verbSay, Text: m.Text.Text}, sent) })
	m.ToHub = widget.NewButton(tr("Send to this hub"), func() {
		if id := m.hubID(); id != "" {
			v.send(control.SeatCommandWire{Verb: verbSay, Hub: id, Text: m.Text.Text}, sent)
		}
	})
	m.Hub.PlaceHolder = tr("(choose a hub)")
	m.content = container.NewVBox(m.Text, container.NewHBox(m.Speaker, m.Clear), m.Shown,
		container.NewHBox(m.AllHubs), container.NewBorder(nil, nil, nil, m.ToHub, m.Hub))
	return m
}

func (m *seatMessages) hubID() string {
	i := m.Hub.SelectedIndex()
	if i < 0 || i >= len(m.hubs) {
		return ""
	}
	return m.hubs[i].ID
}

// show is the room's message to the speaker and the hubs one can write to.
func (m *seatMessages) show(s control.TeamStateWire) {
	if s.Message != "" {
		setLabel(m.Shown, tr("The speaker reads: {{.Message}}", "Message", s.Message))
	} else {
		setLabel(m.Shown, "")
	}
	setSelectOptions(m.Hub, hubNames(s.Hubs, func(control.HubPresenceWire) bool { return true }), &m.hubs, s.Hubs)
}

// seatHubs lists the hubs with their links, and queues a media-only one
// (a WHIP client without the control channel cannot ask for itself).
type seatHubs struct {
	Lines   *widget.Label
	Pick    *widget.Select
	Queue   *widget.Button
	hubs    []control.HubPresenceWire
	content fyne.CanvasObject
}

func newSeatHubs(v *SeatView) *seatHubs {
	h := &seatHubs{Lines: widget.NewLabel(""), Pick: widget.NewSelect(nil, nil)}
	h.Lines.Wrapping = fyne.TextWrapWord
	h.Pick.PlaceHolder = tr("(a media-only hub)")
	h.Queue = widget.NewButton(tr("Put in the queue"), func() {
		if i := h.Pick.SelectedIndex(); i >= 0 && i < len(h.hubs) {
			v.send(control.SeatCommandWire{Verb: verbQueueHub, Hub: h.hubs[i].ID})
		}
	})
	h.content = container.NewBorder(nil, container.NewBorder(nil, nil, nil, h.Queue, h.Pick), nil, nil, container.NewVScroll(h.Lines))
	return h
}

func (h *seatHubs) show(s control.TeamStateWire, now time.Time, stale bool) {
	var lines []string
	if stale && len(s.Hubs) > 0 { // the room's last word: a hub said connected may have gone
		lines = append(lines, tr("STALE — as the room last said:"))
	}
	for _, hub := range s.Hubs {
		lines = append(lines, seatHubText(hub, now))
	}
	if len(lines) == 0 {
		lines = append(lines, tr("No hub is connected."))
	}
	setLabel(h.Lines, strings.Join(lines, "\n"))
	mediaOnly := func(hub control.HubPresenceWire) bool { return hub.Link != nil && hub.Link.MediaOnly }
	setSelectOptions(h.Pick, hubNames(s.Hubs, mediaOnly), &h.hubs, slices.DeleteFunc(slices.Clone(s.Hubs), func(hub control.HubPresenceWire) bool { return !mediaOnly(hub) }))
}

func hubNames(hubs []control.HubPresenceWire, keep func(control.HubPresenceWire) bool) []string {
	var out []string
	for _, h := range hubs {
		if keep(h) {
			out = append(out, h.Name)
		}
	}
	return out
}

// setSelectOptions changes a drop-down's options only when they changed,
// keeping the choice while its hub is still there.
func setSelectOptions(sel *widget.Select, names []string, kept *[]control.HubPresenceWire, hubs []control.HubPresenceWire) {
	*kept = hubs
	if slices.Equal(sel.Options, names) {
		return
	}
	chosen := sel.Selected
	sel.SetOptions(names)
	if slices.Contains(names, chosen) {
		sel.SetSelected(chosen)
	} else {
		sel.ClearSelected()
	}
}

// seatPolls lists the session's polls with their counts; a co-moderator
// opens the chosen one or closes the open one.
type seatPolls struct {
	Lines   *widget.Label
	Pick    *widget.Select
	Open    *widget.Button
	Close   *widget.Button
	polls   []control.PollResultWire
	content fyne.CanvasObject
}

func newSeatPolls(v *SeatView) *seatPolls {
	p := &seatPolls{Lines: widget.NewLabel(""), Pick: widget.NewSelect(nil, nil)}
	p.Lines.Wrapping = fyne.TextWrapWord
	p.Pick.PlaceHolder = tr("(choose a poll)")
	p.Open = widget.NewButton(tr("Open poll"), func() {
		if i := p.Pick.SelectedIndex(); i >= 0 && i < len(p.polls) {
			v.send(control.SeatCommandWire{Verb: verbOpenPoll, ID: p.polls[i].Poll.ID})
		}
	})
	p.Close = widget.NewButton(tr("Close poll"), func() {
		for _, r := range p.polls {
			if !r.Poll.Opened.IsZero() && r.Poll.Closed.IsZero() {
				v.send(control.SeatCommandWire{Verb: verbClosePoll, ID: r.Poll.ID})
			}
		}
	})
	p.content = container.NewBorder(nil, container.NewVBox(p.Pick, container.NewHBox(p.Open, p.Close)), nil, nil, container.NewVScroll(p.Lines))
	return p
}

func (p *seatPolls) show(s control.TeamStateWire) {
	p.polls = s.Polls
	var lines, names []string
	for i, r := range s.Polls {
		names = append(names, fmt.Sprintf("%d. %s", i+1, r.Poll.Question))
		lines = append(lines, fmt.Sprintf("%d. %s — %s", i+1, r.Poll.Question, pollResultWords(r)))
	}
	if len(lines) == 0 {
		lines = append(lines, tr("No polls for this session."))
	}
	setLabel(p.Lines, strings.Join(lines, "\n"))
	if !slices.Equal(p.Pick.Options, names) {
		p.Pick.SetOptions(names)
	}
}

// pollResultWords is a poll's state and count: "open · 9 voted: Makers 7, Sellers 2".
func pollResultWords(r control.PollResultWire) string {
	state := tr("not opened yet")
	switch {
	case !r.Poll.Closed.IsZero():
		state = tr("closed")
	case !r.Poll.Opened.IsZero():
		state = tr("open")
	}
	words := state + " · " + tr("{{.N}} voted", "N", r.Voters)
	var counts []string
	for i, o := range r.Poll.Options {
		if i < len(r.Counts) {
			counts = append(counts, fmt.Sprintf("%s %d", o, r.Counts[i]))
		}
	}
	if len(counts) > 0 {
		words += ": " + strings.Join(counts, ", ")
	}
	return words
}
