package ui

import (
	"image"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"

	"github.com/igf-floor/floor/app/timer"
)

// SpeakerDisplay is the second window's content: the speaker timer, the
// speaker's name and the moderator's message, for the speaker and the room,
// and a remote speaker's video above them while a hub has the floor.
type SpeakerDisplay struct {
	face    *timerFace
	stage   *fyne.Container
	video   *canvas.Image
	showing bool
}

// NewSpeakerDisplay returns an empty display.
func NewSpeakerDisplay() *SpeakerDisplay {
	d := &SpeakerDisplay{face: newTimerFace(), video: canvas.NewImageFromImage(image.NewRGBA(image.Rect(0, 0, 16, 9)))}
	d.video.FillMode = canvas.ImageFillContain
	d.video.ScaleMode = canvas.ImageScaleFastest
	d.stage = container.NewStack(d.face.container)
	return d
}

// Content is the display's root object.
func (d *SpeakerDisplay) Content() fyne.CanvasObject { return d.stage }

// Show puts a reading and the moderator's message on the display.
func (d *SpeakerDisplay) Show(r timer.SpeakerReading, message string) { d.face.show(r, message) }

// ShowVideo puts picture above the timer (nil takes it away); fresh says
// the picture changed since the last call.
func (d *SpeakerDisplay) ShowVideo(picture *image.RGBA, fresh bool) {
	on := picture != nil
	setStage(d.stage, &d.showing, on, d.video, d.face.container)
	if on && (fresh || d.video.Image != picture) {
		d.video.Image = picture
		d.video.Refresh()
	}
}
