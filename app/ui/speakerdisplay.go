package ui

import (
	"fmt"
	"image"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/timer"
)

// SpeakerDisplay is the second window's content: the speaker timer, the
// speaker's name and the moderator's message, for the speaker and the room,
// and a remote speaker's video above them while a hub has the floor.
type SpeakerDisplay struct {
	face     *timerFace
	stage    *fyne.Container
	video    *fyne.Container // the hubs' pictures, side by side in a dialogue
	tiles    []*canvas.Image
	showing  bool
	Question *widget.Label   // the policy question on the table; hidden when none
	poll     *fyne.Container // a poll's results, when the moderator shows them
	pollKey  string
	root     *fyne.Container
}

// NewSpeakerDisplay returns an empty display.
func NewSpeakerDisplay() *SpeakerDisplay {
	d := &SpeakerDisplay{face: newTimerFace(), video: container.NewGridWithColumns(1)}
	d.stage = container.NewStack(d.face.container)
	d.Question = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	d.Question.Wrapping = fyne.TextWrapWord
	d.Question.Hide()
	d.poll = container.NewVBox()
	d.poll.Hide()
	d.root = container.NewBorder(d.Question, d.poll, nil, nil, d.stage)
	return d
}

// Content is the display's root object.
func (d *SpeakerDisplay) Content() fyne.CanvasObject { return d.root }

// ShowRoom puts the policy question on the table (0: none) above the timer
// and a poll's results (nil: none) below it.
func (d *SpeakerDisplay) ShowRoom(question int, wording string, poll *floor.Tally, address string) {
	before := [2]bool{d.Question.Visible(), d.poll.Visible()}
	d.showRoom(question, wording, poll, address)
	if before != [2]bool{d.Question.Visible(), d.poll.Visible()} {
		d.root.Refresh() // a Border sizes its edges only when it lays out
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
	d.poll.Objects = append([]fyne.CanvasObject{title, widget.NewLabel(pollInfo(*poll, address))}, pollBars(*poll)...)
	d.poll.Refresh()
	showIf(d.poll, true)
}

// Show puts a reading and the moderator's message on the display.
func (d *SpeakerDisplay) Show(r timer.SpeakerReading, message string) { d.face.show(r, message) }

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
