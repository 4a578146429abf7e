package ui

import (
	"fmt"
	"image"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/timer"
)

// SpeakerDisplay is the second window's content: the speaker timer, the
// speaker's name and the moderator's message, for the speaker and the room,
// and a remote speaker's video above them while a hub has the floor. Like a
// show caller's stage timer it also shows the time of day, the next speaker
// and a progress bar of the turn; overtime and a new message flash for a
// few seconds, then stay steady.
type SpeakerDisplay struct {
	face     *timerFace
	stage    *fyne.Container
	video    *fyne.Container // the hubs' pictures, side by side in a dialogue
	tiles    []*canvas.Image
	showing  bool
	Question *widget.Label   // the policy question on the table; hidden when none
	Budget   *widget.Label   // the speaker's group budget, used and left; hidden when none
	poll     *fyne.Container // a poll's results, when the moderator shows them
	pollKey  string
	phones   *phoneCode // the room's phone page, between turns
	room     *roomTheme // the question's and budget's text size, read from the back of the room
	pollText *roomTheme // the poll's, smaller when its options need it
	pollBox  *container.ThemeOverride
	body     *fyne.Container
	root     *container.ThemeOverride
	zone     *time.Location // the time of day's
	prefs    app.DisplayPrefs
	blank    bool
	flash    displayFlash
}

// NewSpeakerDisplay returns an empty display, showing the time of day in
// the machine's zone (the room's).
func NewSpeakerDisplay() *SpeakerDisplay {
	d := &SpeakerDisplay{face: newTimerFace(), video: container.NewGridWithColumns(1), zone: time.Local,
		prefs: app.DefaultDisplayPrefs(), room: &roomTheme{}, pollText: &roomTheme{}}
	d.face.full = true
	d.stage = container.NewStack(d.face.container)
	d.Question = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	d.Question.Wrapping = fyne.TextWrapWord
	d.Question.Hide()
	d.poll = container.NewVBox()
	d.poll.Hide()
	d.Budget = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{})
	d.Budget.Wrapping = fyne.TextWrapWord
	d.Budget.Hide()
	d.pollBox = container.NewThemeOverride(d.poll, d.pollText)
	d.phones = newPhoneCode()
	d.body = withLayout(displayLayout{d}, d.Question, d.pollBox, d.Budget, d.stage, d.phones.box)
	d.root = container.NewThemeOverride(d.body, d.room)
	return d
}

// Content is the display's root object.
func (d *SpeakerDisplay) Content() fyne.CanvasObject { return d.root }

// SetZone makes the time of day read in loc.
func (d *SpeakerDisplay) SetZone(loc *time.Location) { d.zone = loc }

// SetPrefs applies the session's display settings: no question or poll
// with HideRoom, no flashing with ReduceMotion.
func (d *SpeakerDisplay) SetPrefs(p app.DisplayPrefs) {
	d.prefs = p
	if p.HideRoom {
		showIf(d.Question, false)
		showIf(d.poll, false)
		d.pollKey = ""
		d.body.Refresh()
	}
}

// SetBlank blacks the display out (true) or brings it back.
func (d *SpeakerDisplay) SetBlank(on bool) {
	d.blank = on
	showIf(d.body, true)
	for _, o := range []fyne.CanvasObject{d.Question, d.Budget, d.poll} {
		if on {
			o.Hide()
		}
	}
	d.face.draw(d.flashed(d.face.shown, d.flash.at))
	if !on {
		d.body.Refresh()
	}
}

// Blank says whether the display is blacked out.
func (d *SpeakerDisplay) Blank() bool { return d.blank }

// ShowRoom puts the policy question on the table (0: none) above the timer
// and a poll's results (nil: none) beside it, unless the session's settings
// keep them off the display.
func (d *SpeakerDisplay) ShowRoom(question int, wording string, poll *floor.Tally, address string) {
	if d.prefs.HideRoom || d.blank {
		question, poll = 0, nil
	}
	before := [2]bool{d.Question.Visible(), d.poll.Visible()}
	d.showRoom(question, wording, poll, address)
	if before != [2]bool{d.Question.Visible(), d.poll.Visible()} {
		d.body.Refresh()
	}
}

func (d *SpeakerDisplay) showRoom(question int, wording string, poll *floor.Tally, address string) {
	setLabel(d.Question, tr("Policy question {{.N}}: {{.Question}}", "N", question, "Question", wording))
	showIf(d.Question, question > 0)
	key := ""
	if poll != nil {
		key = fmt.Sprint(poll.Poll.ID, poll.Poll.Open(), poll.Voters, address)
	}
	if key == d.pollKey {
		return
	}
	d.pollKey = key
	if poll == nil {
		showIf(d.poll, false)
		return
	}
	title := widget.NewLabelWithStyle(poll.Poll.Question, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	info := widget.NewLabel(pollInfo(*poll, address))
	info.Wrapping = fyne.TextWrapWord
	d.poll.Objects = append([]fyne.CanvasObject{title, info}, pollBars(*poll)...)
	showIf(d.poll, true)
	d.pollText.text = 0 // the layout sizes the new labels' text
	d.body.Refresh()
}

// ShowBudget says how far the speaker's budget is spent ("" hides it):
// "Civil Society: 4:10 of 12:00 spoken, 7:50 left".
func (d *SpeakerDisplay) ShowBudget(words string) {
	was := d.Budget.Visible()
	setLabel(d.Budget, words)
	showIf(d.Budget, words != "" && !d.blank)
	if was != d.Budget.Visible() {
		d.body.Refresh()
	}
}

// Show puts a reading and the moderator's message on the display.
func (d *SpeakerDisplay) Show(r timer.SpeakerReading, message string) {
	d.ShowFrame(DisplayFrame{Reading: r, Message: message, Sent: message})
}

// DisplayFrame is what the console puts on the display at each tick.
type DisplayFrame struct {
	Reading timer.SpeakerReading
	Message string    // the moderator's message to the speaker, as the display shows it (a preview while typed)
	Sent    string    // the message the log holds: a new one flashes, a preview being typed does not
	Next    string    // who has the floor next: "" when nobody is waiting
	Now     time.Time // the room's clock, for the time of day and the flashes; zero: neither
}

// ShowFrame puts a frame on the display.
func (d *SpeakerDisplay) ShowFrame(fr DisplayFrame) {
	st := faceFor(fr.Reading, fr.Message)
	if !fr.Now.IsZero() {
		st.clock = fr.Now.In(d.zone).Format("15:04")
	}
	if fr.Next != "" {
		st.next = tr("Next: {{.Name}}", "Name", fr.Next)
	}
	d.flash.see(fr.Now, st, fr.Reading.Overtime, fr.Sent)
	d.face.draw(d.flashed(st, fr.Now))
}

// flashed is st as the flashes and a blackout change it at now.
func (d *SpeakerDisplay) flashed(st faceState, now time.Time) faceState {
	st.blank = d.blank
	st.inverted, st.quiet = false, false
	if !d.prefs.ReduceMotion && !d.blank {
		st.inverted = d.flash.off(d.flash.overtime, now)
		st.quiet = d.flash.off(d.flash.message, now)
	}
	return st
}

// NextFlash is how long after now the display next changes by itself (a
// flash's half beat), 0 when nothing flashes.
func (d *SpeakerDisplay) NextFlash(now time.Time) time.Duration {
	if d.prefs.ReduceMotion || d.blank {
		return 0
	}
	return d.flash.next(now)
}

// ShowVideo puts the hubs' pictures above the timer, side by side (none
// takes the video away); fresh[i] says picture i changed since the last call.
func (d *SpeakerDisplay) ShowVideo(pictures []*image.RGBA, fresh []bool) {
	if len(pictures) != len(d.tiles) {
		for len(d.tiles) < len(pictures) {
			t := canvas.NewImageFromImage(image.NewRGBA(image.Rect(0, 0, 16, 9)))
			t.FillMode = canvas.ImageFillContain
			t.ScaleMode = canvas.ImageScaleFastest
			d.tiles = append(d.tiles, t)
		}
		d.tiles = d.tiles[:len(pictures)]
		objects := make([]fyne.CanvasObject, len(pictures))
		for i, t := range d.tiles {
			objects[i] = t
		}
		d.video.Objects = objects
		d.video.Layout = layout.NewGridLayoutWithColumns(max(1, min(len(pictures), 2)))
		d.video.Refresh()
	}
	setStage(d.stage, &d.showing, len(pictures) > 0, d.video, d.face.container)
	for i, p := range pictures {
		if fresh[i] || d.tiles[i].Image != p {
			d.tiles[i].Image = p
			d.tiles[i].Refresh()
		}
	}
}
