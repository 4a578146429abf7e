package ui

import (
	"context"
	"fmt"
	"image"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/control"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/timer"
)

// HubView is the remote hub's window: the invite, who would speak, the
// self-view, the room's timers and the hub's place in the queue.
type HubView struct {
	ctx  context.Context
	join app.HubJoin
	conn app.HubConnection
	// Background runs slow work (joining) off Fyne's goroutine; tests
	// run it in place.
	Background func(func())

	Invite      *widget.Entry
	Name        *widget.Entry
	Affiliation *widget.Entry
	Group       *widget.Select
	Region      *widget.Select
	Youth       *widget.Check
	People      *widget.Entry
	AudioOnly   *widget.Check
	Join        *widget.Button
	Request     *widget.Button
	Leave       *widget.Button
	Place       *widget.Label // "2nd of 3 in the queue", "You have the floor"
	Session     *widget.Label // the session clock in words
	Link        *widget.Label // connection, sending rate, clock offset
	Stale       *widget.Label // shown when the room has gone quiet
	Notice      *widget.Label
	Status      *widget.Label
	RoomLevel   *widget.ProgressBar // the room's sound as it arrives
	RoomVolume  *widget.Slider      // how loud the hub hears the room
	RoomSound   *widget.Label       // whether it arrives, in words

	face    *timerFace
	news    *hubRoomNews // the policy question and the open poll
	self    *canvas.Image
	preview *image.RGBA
	content fyne.CanvasObject
}

// NewHubView makes the window's content; join connects with an invite.
func NewHubView(ctx context.Context, join app.HubJoin) *HubView {
	v := &HubView{ctx: ctx, join: join, face: newTimerFace(), Background: func(f func()) { go f() }}
	v.Invite = widget.NewEntry()
	v.Invite.SetPlaceHolder(tr("floor://… invite from the moderator"))
	v.Name, v.Affiliation, v.People = widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	v.Name.SetPlaceHolder(lang.L("Who asks for the floor"))
	v.Affiliation.SetPlaceHolder(lang.L("Organisation"))
	v.People.SetPlaceHolder(lang.L("People here"))
	v.Group = widget.NewSelect(append([]string{notSaid}, groupNames()...), nil)
	v.Region = widget.NewSelect(append([]string{notSaid}, regionNames()...), nil)
	v.Group.SetSelected(notSaid)
	v.Region.SetSelected(notSaid)
	v.Youth = widget.NewCheck(lang.L("Youth"), nil)
	v.AudioOnly = widget.NewCheck(lang.L("Audio only (thin link)"), nil)
	v.Join = widget.NewButton(lang.L("Join"), v.connect)
	v.Join.Importance = widget.HighImportance
	v.Request = widget.NewButton(tr("Request the floor"), v.toggleRequest)
	v.Leave = widget.NewButton(lang.L("Leave"), v.leave)
	v.Place, v.Session, v.Link, v.Stale, v.Notice, v.Status = widget.NewLabel(tr("Not connected")), widget.NewLabel(""),
		widget.NewLabel(""), widget.NewLabel(""), widget.NewLabel(""), widget.NewLabel("")
	v.Place.TextStyle = fyne.TextStyle{Bold: true}
	v.Stale.TextStyle = fyne.TextStyle{Bold: true}
	for _, l := range []*widget.Label{v.Notice, v.Status} {
		l.Wrapping = fyne.TextWrapWord
	}
	v.self = canvas.NewImageFromImage(image.NewRGBA(image.Rect(0, 0, 16, 9)))
	v.self.FillMode = canvas.ImageFillContain
	v.self.ScaleMode = canvas.ImageScaleFastest // a reused picture, scaled cheaply (DESIGN.md)
	v.self.SetMinSize(fyne.NewSize(320, 180))

	form := widget.NewForm(
		widget.NewFormItem(lang.L("Invite"), v.Invite), widget.NewFormItem(lang.L("Speaker"), v.Name),
		widget.NewFormItem(lang.L("Affiliation"), v.Affiliation), widget.NewFormItem(lang.L("Stakeholder group"), v.Group),
		widget.NewFormItem(lang.L("Region"), v.Region), widget.NewFormItem("", container.NewHBox(v.Youth, v.AudioOnly)),
		widget.NewFormItem(lang.L("People here"), v.People))
	v.RoomLevel = widget.NewProgressBar()
	v.RoomLevel.TextFormatter = func() string {
		return tr("room level {{.Percent}} %", "Percent", fmt.Sprintf("%.0f", 100*v.RoomLevel.Value))
	}
	v.RoomVolume = widget.NewSlider(0, 100)
	v.RoomVolume.SetValue(100)
	v.RoomVolume.OnChanged = func(x float64) {
		if v.conn != nil {
			v.conn.SetRoomVolume(x / 100)
		}
	}
	v.RoomSound = widget.NewLabel("")
	room := container.NewVBox(v.RoomSound, container.NewBorder(nil, nil, widget.NewLabel(lang.L("Volume")), nil, v.RoomVolume), v.RoomLevel)
	left := container.NewVBox(form, container.NewHBox(v.Join, v.Request, v.Leave), v.self, v.Link, room, v.Status)
	v.news = newHubRoomNews(v)
	right := container.NewBorder(container.NewVBox(v.Place, v.Session, v.Stale), container.NewVBox(v.news.content, v.Notice), nil, nil, v.face.container)
	v.news.relayout = right.Refresh
	split := container.NewHSplit(container.NewVScroll(left), right)
	split.Offset = 0.42
	v.content = split
	v.Tick()
	return v
}

// Content is the window's root object.
func (v *HubView) Content() fyne.CanvasObject { return v.content }

func (v *HubView) connect() {
	inv, err := app.ParseInvite(v.Invite.Text)
	if err != nil {
		v.Status.SetText(err.Error())
		return
	}
	v.Status.SetText(tr("Connecting…"))
	v.Join.Disable()
	audioOnly := v.AudioOnly.Checked
	people, _ := strconv.Atoi(strings.TrimSpace(v.People.Text))
	v.Background(func() {
		conn, err := v.join(v.ctx, inv, audioOnly)
		if err == nil {
			err = conn.Client().Hello(max(people, 0))
		}
		fyne.Do(func() { v.joined(conn, err) })
	})
}

func (v *HubView) joined(conn app.HubConnection, err error) {
	if conn == nil {
		v.Join.Enable()
		v.Status.SetText(tr("Could not join: {{.Why}}", "Why", err.Error()))
		return
	}
	v.conn = conn
	conn.SetRoomVolume(v.RoomVolume.Value / 100)
	v.Status.SetText("")
	if err != nil {
		v.Status.SetText(err.Error())
	}
	v.Tick()
}

func (v *HubView) toggleRequest() {
	if v.conn == nil {
		return
	}
	c := v.conn.Client()
	st := c.Status()
	var err error
	if st.Place == notAsking {
		name := strings.TrimSpace(v.Name.Text)
		if name == "" {
			name = st.HubName
		}
		err = c.RequestFloor(floor.Speaker{Name: name, Affiliation: strings.TrimSpace(v.Affiliation.Text),
			Group: fromSelect(v.Group.Selected), Region: fromSelect(v.Region.Selected), Youth: v.Youth.Checked})
	} else {
		err = c.Withdraw()
	}
	if err != nil {
		v.Status.SetText(err.Error())
	}
}

// Close leaves the room, if joined; the window calls it when it closes.
func (v *HubView) Close() {
	if v.conn != nil {
		_ = v.conn.Leave()
		v.conn = nil
	}
}

func (v *HubView) leave() {
	if v.conn == nil {
		return
	}
	err := v.conn.Leave()
	v.conn = nil
	v.Status.SetText(tr("Left the room."))
	if err != nil {
		v.Status.SetText(tr("Left the room: {{.Why}}", "Why", err.Error()))
	}
	v.Tick()
}

// Tick redraws from the connection; the window calls it ten times a second.
func (v *HubView) Tick() {
	connected := v.conn != nil
	setEnabled(v.Join, !connected)
	setEnabled(v.Request, connected)
	setEnabled(v.Leave, connected)
	if connected != v.Invite.Disabled() {
		if connected {
			v.Invite.Disable()
		} else {
			v.Invite.Enable()
		}
	}
	if !connected {
		setLabel(v.Place, tr("Not connected"))
		setLabel(v.Session, "")
		setLabel(v.Link, "")
		setLabel(v.Stale, "")
		setLabel(v.RoomSound, "")
		v.face.show(timer.SpeakerReading{}, "")
		v.news.show(app.HubStatus{})
		return
	}
	st := v.conn.Client().Status()
	place := hubPlace(st)
	if st.Session != "" {
		place += " · " + st.Session
	}
	setLabel(v.Place, place)
	if st.Place == notAsking {
		setButtonText(v.Request, tr("Request the floor"))
	} else {
		setButtonText(v.Request, tr("Withdraw"))
	}
	setLabel(v.Session, hubSessionWords(st))
	setLabel(v.Link, tr("{{.State}} · sending {{.Kbps}} kbps · room clock {{.Offset}} ms (rtt {{.RTT}} ms)", "State", tr(v.conn.State()),
		"Kbps", v.conn.SendingKbps(), "Offset", fmt.Sprintf("%+d", st.Offset.Milliseconds()), "RTT", st.RTT.Milliseconds()))
	switch l := st.Link; {
	case l.Revoked:
		setLabel(v.Stale, tr("The room refused this invite (revoked or not valid): ask the moderator for a new one"))
	case l.Mending && l.Next > 0:
		setLabel(v.Stale, tr("Reconnecting to the room (attempt {{.Attempt}}, next in {{.Next}} s)", "Attempt", l.Attempt+1,
			"Next", fmt.Sprintf("%.1f", l.Next.Seconds())))
	case l.Mending:
		setLabel(v.Stale, tr("Reconnecting to the room (attempt {{.Attempt}})", "Attempt", max(1, l.Attempt)))
	case st.Stale:
		setLabel(v.Stale, tr("STALE — no word from the room; the timer may be wrong"))
	default:
		setLabel(v.Stale, "")
	}
	setLabel(v.Notice, st.Notice)
	v.news.show(st)
	level, arriving := v.conn.RoomSound()
	if arriving {
		setLabel(v.RoomSound, lang.L("Hearing the room"))
	} else {
		setLabel(v.RoomSound, lang.L("The room's sound is not arriving"))
		level = 0
	}
	if v.RoomLevel.Value != level {
		v.RoomLevel.SetValue(level)
	}
	v.face.show(st.Timer.Speaker, "")
	if v.conn.Preview(&v.preview) {
		v.self.Image = v.preview
		v.self.Refresh()
	}
}

// notAsking is the hub's place (app.HubStatus.Place, in English) before it
// asks for the floor.
const notAsking = "Not asking for the floor"

// hubPlace is the hub's place in the room's words, translated.
func hubPlace(st app.HubStatus) string {
	switch {
	case st.Floor == control.Live:
		return tr("You have the floor")
	case st.Place == notAsking:
		return tr("Not asking for the floor")
	case st.Floor == control.Next || st.Position == 0:
		return tr("Next of {{.Length}} in the queue", "Length", max(st.Length, 1))
	}
	// The English ordinal ("2nd") is the room's; the languages write theirs.
	return lang.X("queue-place", st.Place, map[string]any{"Position": st.Position + 1, "Length": st.Length})
}

func hubSessionWords(st app.HubStatus) string {
	s := st.Timer.Session
	switch {
	case !st.HaveTimer || !s.Started:
		return tr("Session not started")
	case s.Ended:
		return tr("Session ended")
	case s.Overrun > 0:
		return tr("Session OVER TIME +{{.Over}}", "Over", timer.Clock(s.Overrun, false))
	case !s.Running:
		return tr("Session paused · {{.Left}} left", "Left", timer.Clock(s.Remaining, true))
	}
	return tr("Session · {{.Left}} left", "Left", timer.Clock(s.Remaining, true))
}

// Animate ticks ten times a second until ctx ends, so the room's timer,
// rendered from its anchors, moves smoothly between messages.
func (v *HubView) Animate(ctx context.Context) {
	go func() {
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
				fyne.Do(v.Tick)
			}
		}
	}()
}
