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
	"fyne.io/fyne/v2/theme"
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
	checks     *fyne.Container // the pre-flight check's place
	form       *widget.Form    // the join's fields; the device pickers join them
	// OnDevices hears the camera and microphone picked (IDs, "" for none)
	// as Join is pressed, for the join to open.
	OnDevices func(camera, mic string)
	preflight *hubPreflight // nil until EnablePreflight

	Invite      *widget.Entry
	Name        *widget.Entry
	Affiliation *widget.Entry
	Group       *widget.Select
	Region      *widget.Select
	Youth       *widget.Check
	Type        *widget.Select // regular, point of order, direct reply
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
	// Problem is what the host must know first, large at the top of the
	// window: a join that failed, the link being mended, a refused
	// invite. Detail is its technical side, smaller, beneath.
	Problem    *widget.Label
	Detail     *widget.Label
	RoomLevel  *levelMeter    // the room's sound as it arrives
	RoomPeak   *widget.Label  // the level in words: "room level 25 %"
	RoomVolume *widget.Slider // how loud the hub hears the room
	RoomSound  *widget.Label  // whether it arrives, in words

	banner  *fyne.Container // Problem and Detail, hidden when all is well
	failure [2]string       // the last join's failure, until the next join: headline, detail
	invited [2]string       // the group and region the room last said, once applied

	face    *timerFace
	onFloor *onFloorBanner
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
	v.Group = widget.NewSelect(append([]string{notSaidWords()}, groupNames()...), nil)
	v.Region = widget.NewSelect(append([]string{notSaidWords()}, regionNames()...), nil)
	v.Group.SetSelected(notSaidWords())
	v.Region.SetSelected(notSaidWords())
	v.Youth = widget.NewCheck(lang.L("Youth"), nil)
	v.Type = newTypeSelect()
	v.AudioOnly = widget.NewCheck(lang.L("Audio only (thin link)"), nil)
	v.Join = widget.NewButton(lang.L("Join"), v.connect)
	v.Join.Importance = widget.HighImportance
	v.Request = widget.NewButton(tr("Request the floor"), v.toggleRequest)
	v.Leave = widget.NewButton(lang.L("Leave"), v.leave)
	v.Place, v.Session, v.Link, v.Stale, v.Notice, v.Status = widget.NewLabel(tr("Not connected")), widget.NewLabel(""),
		widget.NewLabel(""), widget.NewLabel(""), widget.NewLabel(""), widget.NewLabel("")
	v.Place.TextStyle = fyne.TextStyle{Bold: true}
	v.Stale.TextStyle = fyne.TextStyle{Bold: true}
	v.Problem, v.Detail = widget.NewLabel(""), widget.NewLabel("")
	v.Problem.SizeName, v.Problem.TextStyle = theme.SizeNameHeadingText, fyne.TextStyle{Bold: true}
	v.Detail.SizeName = theme.SizeNameCaptionText
	// The place and link lines wrap too: unwrapped, "You have the floor ·
	// <the session's title>" at 150 % was wider than the window's right
	// side and pushed the form under it.
	for _, l := range []*widget.Label{v.Notice, v.Status, v.Problem, v.Detail, v.Place, v.Link} {
		l.Wrapping = fyne.TextWrapWord
	}
	v.banner = container.NewVBox(v.Problem, v.Detail, widget.NewSeparator())
	v.banner.Hide()
	v.self = canvas.NewImageFromImage(image.NewRGBA(image.Rect(0, 0, 16, 9)))
	v.self.FillMode = canvas.ImageFillContain
	v.self.ScaleMode = canvas.ImageScaleFastest // a reused picture, scaled cheaply (DESIGN.md)
	v.self.SetMinSize(fyne.NewSize(320, 180))

	form := widget.NewForm(
		widget.NewFormItem(lang.L("Invite"), v.Invite), widget.NewFormItem(lang.L("Speaker"), v.Name),
		widget.NewFormItem(lang.L("Affiliation"), v.Affiliation), widget.NewFormItem(lang.L("Stakeholder group"), v.Group),
		widget.NewFormItem(lang.L("Region"), v.Region), widget.NewFormItem("", container.NewHBox(v.Youth, v.AudioOnly)),
		widget.NewFormItem(lang.L("Type"), v.Type), widget.NewFormItem(lang.L("People here"), v.People))
	v.RoomLevel = newLevelMeter()
	v.RoomPeak = widget.NewLabel(roomLevelWords(0))
	v.RoomVolume = widget.NewSlider(0, 100)
	v.RoomVolume.SetValue(100)
	v.RoomVolume.OnChanged = func(x float64) {
		if v.conn != nil {
			v.conn.SetRoomVolume(x / 100)
		}
	}
	v.RoomSound = widget.NewLabel("")
	room := container.NewVBox(v.RoomSound, container.NewBorder(nil, nil, widget.NewLabel(lang.L("Volume")), nil, v.RoomVolume),
		container.NewBorder(nil, nil, v.RoomPeak, nil, v.RoomLevel))
	v.form = form
	v.checks = container.NewVBox() // the pre-flight check, once enabled (hubpreflight.go)
	v.checks.Hide()
	left := container.NewVBox(form, v.checks, container.NewHBox(v.Join, v.Request, v.Leave), v.self, v.Link, room, v.Status)
	v.news = newHubRoomNews(v)
	v.onFloor = newOnFloorBanner()
	right := container.NewBorder(container.NewVBox(v.onFloor.content, v.Place, v.Session, v.Stale), container.NewVBox(v.news.content, v.Notice), nil, nil, v.face.container)
	v.news.relayout = right.Refresh
	split := container.NewHSplit(container.NewVScroll(left), right)
	split.Offset = 0.42
	v.content = container.NewBorder(v.banner, nil, nil, nil, split)
	v.Tick()
	return v
}

// Content is the window's root object.
func (v *HubView) Content() fyne.CanvasObject { return v.content }

func (v *HubView) connect() {
	inv, err := app.ParseInvite(v.Invite.Text)
	if err != nil {
		v.failure = [2]string{tr("That is not a Floor invite: paste the floor://… link the moderator sent."), err.Error()}
		v.Tick()
		return
	}
	v.failure = [2]string{}
	v.Status.SetText(tr("Connecting…"))
	v.Join.Disable()
	audioOnly := v.AudioOnly.Checked
	if v.preflight != nil && v.OnDevices != nil {
		v.OnDevices(v.preflight.Chosen()) // read here, on Fyne's goroutine, before the join
	}
	people, _ := strconv.Atoi(strings.TrimSpace(v.People.Text))
	v.Background(func() {
		conn, err := v.join(v.ctx, inv, audioOnly)
		if err == nil {
			err = conn.Client().Hello(max(people, 0))
		}
		fyne.Do(func() { v.joined(inv, conn, err) })
	})
}

func (v *HubView) joined(inv app.Invite, conn app.HubConnection, err error) {
	if conn == nil {
		v.Join.Enable()
		v.Status.SetText("")
		v.failure = [2]string{joinProblem(inv.Host, err), err.Error()}
		v.Tick()
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
	if st.Floor == control.Live {
		return // the moderator ends a turn on the floor
	}
	var err error
	if st.Place == notAsking {
		name := strings.TrimSpace(v.Name.Text)
		if name == "" {
			name = st.HubName
		}
		err = c.RequestFloor(floor.Speaker{Name: name, Affiliation: strings.TrimSpace(v.Affiliation.Text),
			Group: fromSelect(v.Group.Selected), Region: fromSelect(v.Region.Selected), Youth: v.Youth.Checked,
			Type: selectedType(v.Type)})
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
	if v.conn != nil && v.conn.Client().Status().Link.Revoked {
		v.refused()
	}
	connected := v.conn != nil
	setEnabled(v.Join, !connected)
	setEnabled(v.Leave, connected)
	if connected != v.Invite.Disabled() {
		if connected {
			v.Invite.Disable()
		} else {
			v.Invite.Enable()
		}
	}
	if !connected {
		setEnabled(v.Request, false)
		v.showProblem(v.failure[0], v.failure[1], widget.DangerImportance)
		setLabel(v.Place, tr("Not connected"))
		setLabel(v.Session, "")
		setLabel(v.Link, "")
		setLabel(v.Stale, "")
		setLabel(v.RoomSound, "")
		v.face.show(timer.SpeakerReading{}, "")
		v.onFloor.show(false)
		v.news.show(app.HubStatus{})
		return
	}
	st := v.conn.Client().Status()
	place := hubPlace(st)
	if st.Session != "" {
		place += " · " + st.Session
	}
	setLabel(v.Place, place)
	v.showInvited(st)
	switch {
	case st.Floor == control.Live: // as the browser page: the moderator ends the turn
		setButtonText(v.Request, tr("On the floor"))
	case st.Place == notAsking:
		setButtonText(v.Request, tr("Request the floor"))
	default:
		setButtonText(v.Request, tr("Withdraw"))
	}
	setEnabled(v.Request, st.Floor != control.Live)
	setLabel(v.Session, hubSessionWords(st))
	setLabel(v.Link, tr("{{.State}} · sending {{.Kbps}} kbps · room clock {{.Offset}} ms (rtt {{.RTT}} ms)", "State", tr(v.conn.State()),
		"Kbps", v.conn.SendingKbps(), "Offset", fmt.Sprintf("%+d", st.Offset.Milliseconds()), "RTT", st.RTT.Milliseconds()))
	if l := st.Link; l.Mending {
		v.showProblem(tr("Reconnecting to the room…"), mendingWords(l), widget.WarningImportance)
	} else if l.Down > 0 {
		v.showProblem(tr("Back with the room"), backWords(l), widget.SuccessImportance)
	} else {
		v.showProblem("", "", widget.MediumImportance)
	}
	if st.Stale {
		setLabel(v.Stale, tr("STALE — no word from the room; the timer may be wrong"))
	} else {
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
		setLabel(v.RoomPeak, roomLevelWords(level))
	}
	v.face.show(st.Timer.Speaker, st.ToSpeaker)
	v.onFloor.show(st.Floor == control.Live)
	if v.conn.Preview(&v.preview) {
		v.self.Image = v.preview
		v.self.Refresh()
	}
}

// refused drops a connection whose invite the room refused: the link has
// stopped mending, and only a new invite (and Join) brings the hub back.
func (v *HubView) refused() {
	conn := v.conn
	v.conn = nil
	v.failure = [2]string{tr("The room refused this invite (revoked or not valid): ask the moderator for a new one"),
		tr("This hub has left the room. Paste the new invite above and join again.")}
	if err := conn.Client().Status().Link.Err; err != nil {
		v.failure[1] += "\n" + err.Error()
	}
	v.Background(func() { _ = conn.Leave() }) // says goodbye, which may take seconds
}

// showProblem shows headline and detail at the top of the window, or
// nothing when headline is empty; the window lays out again only when
// they change.
func (v *HubView) showProblem(headline, detail string, how widget.Importance) {
	if headline == v.Problem.Text && detail == v.Detail.Text && v.banner.Visible() == (headline != "") {
		return
	}
	v.Problem.Importance = how
	setLabel(v.Problem, headline)
	v.Problem.Refresh()
	setLabel(v.Detail, detail)
	showIf(v.banner, headline != "")
	v.content.Refresh() // a Border sizes its edges only when it lays out
}

// showInvited selects the group and region the room says the hub was
// invited with, once each time they change, and only over "(not said)":
// a choice the host made stays.
func (v *HubView) showInvited(st app.HubStatus) {
	said := [2]string{st.Group, st.Region}
	if said == v.invited {
		return
	}
	v.invited = said
	for i, s := range []*widget.Select{v.Group, v.Region} {
		if said[i] != "" && s.Selected == notSaidWords() {
			s.SetSelected(said[i])
		}
	}
}

// Animate ticks ten times a second until ctx ends, so the room's timer,
// rendered from its anchors, moves smoothly between messages.
func (v *HubView) Animate(ctx context.Context) { animate(ctx, v.Tick) }

// animate calls tick on the UI goroutine ten times a second until ctx ends.
func animate(ctx context.Context, tick func()) {
	go func() {
		t := time.NewTicker(100 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				fyne.Do(tick)
			}
		}
	}()
}
