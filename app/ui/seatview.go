package ui

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/control"
	"github.com/igf-floor/floor/app/seatlink"
	"github.com/igf-floor/floor/app/timer"
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
	PrevQ    *widget.Button // the policy question before
	Up, Down *widget.Button // the selected request one place earlier or later
	Minus30  *widget.Button // the speaker's time (co-moderator)
	Plus30   *widget.Button
	Notes    *widget.Label
	Question *widget.Label // the policy question on the table
	Poll     *widget.Label // the open poll, or the last
	Balance  *widget.Label // speaking time by stakeholder group and place
	Tabs     *container.AppTabs

	Requests *seatRequests
	Messages *seatMessages
	Hubs     *seatHubs
	Polls    *seatPolls
	Audience *seatQuestions // the room's phones' questions (seatquestions.go)
	Fair     *seatFair      // budgets and the fair order

	face     *timerFace
	tabsFor  string // the role the tabs were chosen for
	queue    []control.RequestWire
	selected int // request id; 0: none
	sending  sync.WaitGroup
	content  fyne.CanvasObject
}

// NewSeatView is a seat's console over link.
func NewSeatView(ctx context.Context, link SeatLink) *SeatView {
	v := &SeatView{link: link, ctx: ctx, face: newTimerFace()}
	v.Who, v.Link, v.Session, v.OnFloor = widget.NewLabel(tr("Connecting to the room…")), widget.NewLabel(""), widget.NewLabel(""), widget.NewLabel("")
	v.Result, v.Notes = widget.NewLabel(""), widget.NewLabel("")
	v.Question, v.Poll, v.Balance = widget.NewLabel(""), widget.NewLabel(""), widget.NewLabel("")
	for _, l := range []*widget.Label{v.Who, v.Result, v.Notes, v.OnFloor, v.Question, v.Poll, v.Balance} {
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
			o.(*widget.Label).SetText(fmt.Sprintf("%d. %s%s", i+1, q.Speaker.Name, seatPlace(q)+seatGroup(q.Speaker)))
		})
	v.Requests, v.Messages, v.Hubs, v.Polls = newSeatRequests(v), newSeatMessages(v), newSeatHubs(v), newSeatPolls(v)
	v.Audience, v.Fair = newSeatQuestions(v), newSeatFair()
	v.Queue.OnSelected = func(i widget.ListItemID) {
		if i >= 0 && i < len(v.queue) {
			v.selected = v.queue[i].ID
			v.Requests.fill(v.queue[i])
			v.Tick()
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
	v.PrevQ = widget.NewButton(tr("◀ Question"), func() {
		v.send(control.SeatCommandWire{Verb: verbQuestion, Pos: max(0, v.link.Status().State.Question-1)})
	})
	move := func(by int) func() {
		return func() {
			if i := slices.IndexFunc(v.queue, func(q control.RequestWire) bool { return q.ID == v.selected }); i >= 0 {
				v.send(control.SeatCommandWire{Verb: verbMove, ID: v.selected, Pos: max(0, i+by)})
			}
		}
	}
	v.Up, v.Down = widget.NewButton("▲", move(-1)), widget.NewButton("▼", move(1))
	addTime := func(d time.Duration) func() {
		return func() { v.send(control.SeatCommandWire{Verb: verbAddTime, AllottedNs: int64(d)}) }
	}
	v.Minus30, v.Plus30 = widget.NewButton("−30 s", addTime(-30*time.Second)), widget.NewButton("+30 s", addTime(30*time.Second))
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
			v.send(c, func() { v.Note.SetText("") })
		}
	}
	v.Takeaway, v.Call, v.KeyPoint = widget.NewButton(tr("Add takeaway"), note(verbTakeaway)), widget.NewButton(tr("Add call to action"), note(verbCall)),
		widget.NewButton(tr("Key point on this turn"), note(verbKey))
	left := container.NewBorder(container.NewVBox(v.Who, v.Link, v.face.container, v.Session, v.Question, v.OnFloor,
		widget.NewLabelWithStyle(tr("Queue"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})),
		container.NewVBox(container.NewHBox(v.Give, v.Withdraw, v.Up, v.Down, v.End),
			container.NewHBox(v.Clock, v.Minus30, v.Plus30, v.PrevQ, v.NextQ), v.Result), nil, nil, v.Queue)
	notes := container.NewBorder(container.NewVBox(v.Note, container.NewHBox(v.Takeaway, v.Call, v.KeyPoint)), nil, nil, nil,
		container.NewVScroll(v.Notes))
	balance := container.NewVScroll(container.NewVBox(v.Poll, v.Balance, v.Fair.Budgets, v.Fair.Order))
	v.Tabs = container.NewAppTabs(
		container.NewTabItem(tr("Request"), container.NewVScroll(v.Requests.content)),
		container.NewTabItem(tr("Messages"), container.NewVScroll(v.Messages.content)),
		container.NewTabItem(tr("Report notes"), notes),
		container.NewTabItem(tr("Hubs"), v.Hubs.content),
		container.NewTabItem(tr("Polls"), v.Polls.content),
		container.NewTabItem(tr("Questions"), container.NewVScroll(v.Audience.content)),
		container.NewTabItem(tr("Balance"), balance))
	split := container.NewHSplit(left, v.Tabs)
	split.Offset = 0.5
	v.content = split
	v.Tick()
	return v
}

// Content is the view's root.
func (v *SeatView) Content() fyne.CanvasObject { return v.content }

// send gives the room a command and says its answer; true once applied.
//
// It sends from a goroutine: a command is an HTTPS round trip, up to 10 s
// on a bad link, and then waits for this seat's own screen to show it, so
// sent from the button's callback it froze the window. done, when the room
// applied the command, and the room's answer come back through fyne.Do.
func (v *SeatView) send(c control.SeatCommandWire, done ...func()) {
	setLabel(v.Result, tr("Sending…"))
	v.sending.Add(1)
	go func() {
		defer v.sending.Done()
		err := v.link.Do(v.ctx, c)
		fyne.Do(func() {
			if err != nil {
				setLabel(v.Result, tr("Not done: {{.Why}}", "Why", refusalWords(err)))
				return
			}
			setLabel(v.Result, "")
			for _, f := range done {
				f()
			}
			v.Tick()
		})
	}()
}

// settle waits for the commands sent to have their answers (tests).
func (v *SeatView) settle() { v.sending.Wait() }

// Tick renders the room's last word at the room's time now.
func (v *SeatView) Tick() {
	st := v.link.Status()
	s := st.State
	switch {
	case st.Link.Revoked:
		setLabel(v.Link, tr("The room refused this seat's invite: ask the moderator for a new one."))
	case st.Stale && st.Have:
		// Said whether or not the link is mending: the timer, the queue and
		// the hubs below are the room's last word, not its state now.
		setLabel(v.Link, tr("STALE — no word from the room; the timer and the hubs are its last word, and nothing can be sent"))
	case st.Link.Mending:
		setLabel(v.Link, tr("Reconnecting to the room (attempt {{.Attempt}})…", "Attempt", max(1, st.Link.Attempt)))
	default:
		setLabel(v.Link, "")
	}
	showIf(v.Link, v.Link.Text != "") // no empty line between the title and the timer while all is well
	if !st.Have {
		v.face.show(timer.SpeakerReading{}, "")
		v.enable(nil, false)
		return
	}
	setLabel(v.Who, tr("{{.Name}} — {{.Role}} · {{.Session}}", "Name", s.Seat.Name, "Role", roleWords(s.Seat.Role), "Session", s.Session))
	reading := s.TimerState().Read(v.link.RoomNow(), s.Thresholds()) // the session's, as the room sends them
	v.face.show(reading.Speaker, s.Message)
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
	now := v.link.RoomNow()
	v.Hubs.show(s, now, st.Stale)
	v.Messages.show(s)
	v.Polls.show(s)
	v.Audience.show(s, !st.Stale && slices.Contains(s.Seat.Rights, "audience"))
	v.Fair.show(s)
	v.chooseTab(s.Seat.Role)
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
	showIf(v.Question, v.Question.Text != "") // no empty lines above the floor
	showIf(v.Poll, v.Poll.Text != "")
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
	may := func(r string) bool { return slices.Contains(rights, r) }
	has := func(r string) bool { return live && may(r) }
	offer := func(right string, needsSelection bool, bs ...*widget.Button) {
		for _, b := range bs {
			showIf(b, may(right))
			setEnabled(b, has(right) && (!needsSelection || v.selected != 0))
		}
	}
	// An online moderator may give the floor to a remote request only:
	// Give is offered for the selected request, or the next, when this
	// seat may give it, not offered and then refused.
	showIf(v.Give, may("give-remote") || may("floor"))
	setEnabled(v.Give, has("floor") || has("give-remote") && v.giveTargetRemote())
	offer("queue", true, v.Withdraw, v.Up, v.Down, v.Requests.Save)
	offer("queue", false, v.Requests.Add)
	offer("floor", false, v.End)
	offer("notes", false, v.Takeaway, v.Call, v.KeyPoint)
	showIf(v.Note, may("notes"))
	offer("timer", false, v.Clock, v.Minus30, v.Plus30)
	offer("question", false, v.PrevQ, v.NextQ)
	offer("message", false, v.Messages.Speaker, v.Messages.Clear, v.Messages.AllHubs, v.Messages.ToHub)
	offer("polls", false, v.Polls.Open, v.Polls.Close)
	for _, o := range []fyne.CanvasObject{v.Requests.Name, v.Requests.Affiliation, v.Requests.Group, v.Requests.Region, v.Requests.Youth, v.Requests.Remote} {
		showIf(o, may("queue"))
	}
	showIf(v.Messages.Text, may("message"))
	showIf(v.Messages.Hub, may("message"))
	mediaOnly := len(v.Hubs.Pick.Options) > 0 // a hub that cannot ask for itself is connected
	showIf(v.Hubs.Pick, may("queue") && mediaOnly)
	showIf(v.Hubs.Queue, may("queue") && mediaOnly)
	setEnabled(v.Hubs.Queue, has("queue"))
	showIf(v.Polls.Pick, may("polls"))
}

// chooseTab opens, once per role, the tab the role works in: the notes for
// a rapporteur, the hubs for an online moderator, the requests otherwise.
// The tabs a role only reads stay; a tab of commands it has none of goes.
func (v *SeatView) chooseTab(role string) {
	if v.tabsFor == role {
		return
	}
	v.tabsFor = role
	byName := map[string]*container.TabItem{}
	for _, it := range v.Tabs.Items {
		byName[it.Text] = it
	}
	switch role {
	case "rapporteur":
		v.Tabs.Remove(byName[tr("Request")])
		v.Tabs.Remove(byName[tr("Messages")])
		v.Tabs.Remove(byName[tr("Questions")])
		v.Tabs.Select(byName[tr("Report notes")])
	case "online-moderator":
		v.Tabs.Select(byName[tr("Hubs")])
	default:
		v.Tabs.Select(byName[tr("Request")])
	}
}

// Animate ticks ten times a second until ctx ends.
func (v *SeatView) Animate(ctx context.Context) { animate(ctx, v.Tick) }

// giveTargetRemote says whether Give would go to a remote request: the
// selected one, or the first waiting.
func (v *SeatView) giveTargetRemote() bool {
	for _, q := range v.queue {
		if v.selected == 0 || q.ID == v.selected {
			return q.Remote
		}
	}
	return false
}
