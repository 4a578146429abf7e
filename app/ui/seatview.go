package ui

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/control"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/seatlink"
	"github.com/igf-floor/floor/app/timer"
)

// The wire's names of the seat's commands.
const (
	verbGive, verbWithdraw, verbEnd  = "give", "withdraw", "end"
	verbTakeaway, verbCall, verbKey  = "takeaway", "call", "key"
	verbStart, verbPause, verbResume = "start", "pause", "resume"
	verbQuestion                     = "question"
)

// SeatLink is the seat's link to the room; *seatlink.Client is one.
type SeatLink interface {
	Status() seatlink.Status
	RoomNow() time.Time
	Do(ctx context.Context, c control.SeatCommandWire) error
}

var _ SeatLink = (*seatlink.Client)(nil)

// SeatView is a seat's console: the room's queue, turn and timers as the
// room has them, and the commands this seat's role allows. It holds
// nothing of its own: every line is the room's last word.
type SeatView struct {
	link SeatLink
	ctx  context.Context

	Who      *widget.Label // the seat, its role, the session
	Link     *widget.Label // connected, reconnecting, STALE
	Session  *widget.Label
	OnFloor  *widget.Label
	Queue    *widget.List
	Give     *widget.Button // the selected request (or the next)
	Withdraw *widget.Button
	End      *widget.Button
	Note     *widget.Entry
	Takeaway *widget.Button
	Call     *widget.Button
	KeyPoint *widget.Button // marks the last turn
	Result   *widget.Label  // the room's answer to the last command
	Clock    *widget.Button // start, pause or resume the session clock (co-moderator)
	NextQ    *widget.Button // the next policy question (co-moderator)
	Hubs     *widget.Label
	Notes    *widget.Label
	Question *widget.Label // the policy question on the table
	Poll     *widget.Label // the open poll, or the last
	Balance  *widget.Label // speaking time by stakeholder group and place

	face     *timerFace
	queue    []control.RequestWire
	selected int // request id; 0: none
	content  fyne.CanvasObject
}

// NewSeatView is a seat's console over link.
func NewSeatView(ctx context.Context, link SeatLink) *SeatView {
	v := &SeatView{link: link, ctx: ctx, face: newTimerFace()}
	v.Who, v.Link, v.Session, v.OnFloor = widget.NewLabel(tr("Connecting to the room…")), widget.NewLabel(""), widget.NewLabel(""), widget.NewLabel("")
	v.Result, v.Hubs, v.Notes = widget.NewLabel(""), widget.NewLabel(""), widget.NewLabel("")
	v.Question, v.Poll, v.Balance = widget.NewLabel(""), widget.NewLabel(""), widget.NewLabel("")
	for _, l := range []*widget.Label{v.Who, v.Result, v.Hubs, v.Notes, v.OnFloor, v.Question, v.Poll, v.Balance} {
		l.Wrapping = fyne.TextWrapWord
	}
	v.Who.TextStyle = fyne.TextStyle{Bold: true}
	v.Queue = widget.NewList(func() int { return len(v.queue) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			q := v.queue[i]
			if q.Hub == q.Speaker.Name { // a hub that asked in its own name: say it once
				q.Hub = ""
			}
			o.(*widget.Label).SetText(fmt.Sprintf("%d. %s%s", i+1, q.Speaker.Name, seatPlace(q)))
		})
	v.Queue.OnSelected = func(i widget.ListItemID) {
		if i >= 0 && i < len(v.queue) {
			v.selected = v.queue[i].ID
		}
	}
	v.Give = widget.NewButton(tr("Give the floor"), func() { v.send(control.SeatCommandWire{Verb: verbGive, ID: v.selected}) })
	v.Withdraw = widget.NewButton(tr("Withdraw"), func() { v.send(control.SeatCommandWire{Verb: verbWithdraw, ID: v.selected}) })
	v.End = widget.NewButton(tr("End turn"), func() { v.send(control.SeatCommandWire{Verb: verbEnd}) })
	v.Clock = widget.NewButton(tr("Start session"), func() {
		t := v.link.Status().State.TimerState()
		switch {
		case !t.Started:
			v.send(control.SeatCommandWire{Verb: verbStart, AllottedNs: int64(time.Hour)})
		case t.Session.Running:
			v.send(control.SeatCommandWire{Verb: verbPause})
		default:
			v.send(control.SeatCommandWire{Verb: verbResume})
		}
	})
	v.NextQ = widget.NewButton(tr("Question ▶"), func() {
		v.send(control.SeatCommandWire{Verb: verbQuestion, Pos: v.link.Status().State.Question + 1})
	})
	v.Note = widget.NewMultiLineEntry()
	v.Note.SetPlaceHolder(tr("A takeaway, a call to action or a key point"))
	note := func(verb string) func() {
		return func() {
			c := control.SeatCommandWire{Verb: verb, Text: strings.TrimSpace(v.Note.Text)}
			if verb == verbKey {
				st := v.link.Status().State
				c.Turn = len(st.Turns)
				if st.Floor != nil {
					c.Turn++
				}
			}
			if v.send(c) {
				v.Note.SetText("")
			}
		}
	}
	v.Takeaway, v.Call, v.KeyPoint = widget.NewButton(tr("Add takeaway"), note(verbTakeaway)), widget.NewButton(tr("Add call to action"), note(verbCall)),
		widget.NewButton(tr("Key point on this turn"), note(verbKey))
	left := container.NewBorder(container.NewVBox(v.Who, v.Link, v.face.container, v.Session, v.Question, v.OnFloor,
		widget.NewLabelWithStyle(tr("Queue"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})),
		container.NewVBox(container.NewHBox(v.Give, v.Withdraw, v.End, v.Clock, v.NextQ), v.Result), nil, nil, v.Queue)
	right := container.NewVBox(widget.NewLabelWithStyle(tr("Report notes"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		v.Note, container.NewHBox(v.Takeaway, v.Call, v.KeyPoint), v.Notes,
		widget.NewLabelWithStyle(tr("Hubs"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), v.Hubs, v.Poll,
		widget.NewLabelWithStyle(tr("Balance"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), v.Balance)
	split := container.NewHSplit(left, container.NewVScroll(right))
	split.Offset = 0.55
	v.content = split
	v.Tick()
	return v
}

// Content is the view's root.
func (v *SeatView) Content() fyne.CanvasObject { return v.content }

// send gives the room a command and says its answer; true once applied.
func (v *SeatView) send(c control.SeatCommandWire) bool {
	err := v.link.Do(v.ctx, c)
	if err != nil {
		setLabel(v.Result, tr("Not done: {{.Why}}", "Why", err.Error()))
		return false
	}
	setLabel(v.Result, "")
	return true
}

// Tick renders the room's last word at the room's time now.
func (v *SeatView) Tick() {
	st := v.link.Status()
	s := st.State
	switch {
	case st.Link.Revoked:
		setLabel(v.Link, tr("The room refused this seat's invite: ask the moderator for a new one."))
	case st.Link.Mending:
		setLabel(v.Link, tr("Reconnecting to the room (attempt {{.Attempt}})…", "Attempt", max(1, st.Link.Attempt)))
	case st.Stale && st.Have:
		setLabel(v.Link, tr("STALE — no word from the room; nothing can be sent"))
	default:
		setLabel(v.Link, "")
	}
	if !st.Have {
		v.face.show(timer.SpeakerReading{}, "")
		v.enable(nil, false)
		return
	}
	setLabel(v.Who, tr("{{.Name}} — {{.Role}} · {{.Session}}", "Name", s.Seat.Name, "Role", roleWords(s.Seat.Role), "Session", s.Session))
	reading := s.TimerState().Read(v.link.RoomNow(), timer.DefaultThresholds())
	v.face.show(reading.Speaker, "")
	setLabel(v.Session, hubSessionWords(app.HubStatus{Timer: reading, HaveTimer: true}))
	if f := s.Floor; f != nil {
		hub := f.Hub
		if hub == f.Speaker.Name {
			hub = ""
		}
		setLabel(v.OnFloor, tr("On the floor: {{.Name}}", "Name", f.Speaker.Name+seatPlace(control.RequestWire{Remote: f.Remote, Hub: hub})))
	} else {
		setLabel(v.OnFloor, tr("Nobody has the floor"))
	}
	if !slices.EqualFunc(v.queue, s.Queue, func(a, b control.RequestWire) bool { return a.ID == b.ID && a.Speaker == b.Speaker }) {
		v.queue = slices.Clone(s.Queue)
		if !slices.ContainsFunc(v.queue, func(q control.RequestWire) bool { return q.ID == v.selected }) {
			v.selected = 0
			v.Queue.UnselectAll()
		}
		v.Queue.Refresh()
	}
	var hubs []string
	for _, h := range s.Hubs {
		line := h.Name
		if !h.Away.IsZero() {
			line = tr("{{.Hub}} — away", "Hub", h.Name)
		}
		hubs = append(hubs, line)
	}
	setLabel(v.Hubs, strings.Join(hubs, "\n"))
	var notes []string
	for _, n := range s.Notes {
		notes = append(notes, tr("{{.Kind}} by {{.By}}: {{.Text}}", "Kind", noteWords(n.Kind, n.Turn), "By", n.By, "Text", n.Text))
	}
	setLabel(v.Notes, strings.Join(notes, "\n"))
	if s.Question > 0 {
		setLabel(v.Question, tr("Policy question {{.N}}: {{.Text}}", "N", s.Question, "Text", s.QuestionText))
	} else {
		setLabel(v.Question, "")
	}
	switch p := s.Poll; {
	case p == nil:
		setLabel(v.Poll, "")
	case p.Closed.IsZero() && !p.Opened.IsZero():
		setLabel(v.Poll, tr("Poll open: {{.Question}}", "Question", p.Question))
	default:
		setLabel(v.Poll, tr("Last poll: {{.Question}}", "Question", p.Question))
	}
	setLabel(v.Balance, seatBalance(s.Turns))
	v.enable(s.Seat.Rights, !st.Stale)
	switch t := s.TimerState(); {
	case !t.Started:
		setButtonText(v.Clock, tr("Start session"))
	case t.Session.Running:
		setButtonText(v.Clock, tr("Pause session"))
	default:
		setButtonText(v.Clock, tr("Resume session"))
	}
}

// enable offers only what the seat's role allows, and nothing while the
// room is out of reach.
func (v *SeatView) enable(rights []string, live bool) {
	has := func(r string) bool { return live && slices.Contains(rights, r) }
	showIf(v.Give, slices.Contains(rights, "give-remote") || slices.Contains(rights, "floor"))
	showIf(v.Withdraw, slices.Contains(rights, "queue"))
	showIf(v.End, slices.Contains(rights, "floor"))
	for _, b := range []*widget.Button{v.Takeaway, v.Call, v.KeyPoint} {
		showIf(b, slices.Contains(rights, "notes"))
		setEnabled(b, has("notes"))
	}
	showIf(v.Note, slices.Contains(rights, "notes"))
	setEnabled(v.Give, has("give-remote") || has("floor"))
	setEnabled(v.Withdraw, has("queue") && v.selected != 0)
	setEnabled(v.End, has("floor"))
	showIf(v.Clock, slices.Contains(rights, "timer"))
	setEnabled(v.Clock, has("timer"))
	showIf(v.NextQ, slices.Contains(rights, "question"))
	setEnabled(v.NextQ, has("question"))
}

// Animate ticks ten times a second until ctx ends.
func (v *SeatView) Animate(ctx context.Context) { animate(ctx, v.Tick) }

func seatPlace(q control.RequestWire) string {
	switch {
	case q.Remote && q.Hub != "":
		return " — " + tr("remote: {{.Hub}}", "Hub", q.Hub)
	case q.Remote:
		return " — " + tr("remote")
	}
	return " — " + tr("in the room")
}

func roleWords(role string) string {
	switch role {
	case "online-moderator":
		return tr("Online moderator")
	case "rapporteur":
		return tr("Rapporteur")
	case "co-moderator":
		return tr("Co-moderator")
	}
	return role
}

func noteWords(kind string, turn int) string {
	switch kind {
	case "takeaway":
		return tr("Takeaway")
	case "call":
		return tr("Call to action")
	case "key":
		return tr("Key point (turn {{.Turn}})", "Turn", turn)
	}
	return kind
}

// seatBalance is the speaking time of the turns over by stakeholder group
// and by place, as the console's Balance tab counts it.
func seatBalance(turns []control.TurnRecordWire) string {
	var ivs []floor.Intervention
	for _, t := range turns {
		sp := t.Speaker.Speaker()
		sp.Remote = t.Remote
		ivs = append(ivs, floor.Intervention{Speaker: sp, Spoke: time.Duration(t.SpokeNs)})
	}
	var lines []string
	for _, sh := range floor.Balance(ivs) {
		if sh.Dimension == "stakeholder group" || sh.Dimension == "place" {
			lines = append(lines, sh.Category+" · "+timer.Clock(sh.Time, false))
		}
	}
	if len(lines) == 0 {
		return tr("No speaking time yet")
	}
	return strings.Join(lines, "\n")
}
