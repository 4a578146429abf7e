package ui

import (
	"fyne.io/fyne/v2"

	"github.com/igf-floor/floor/app/timer"
)

// SpeakerDisplay is the second window's content: only the speaker timer, the
// speaker's name and the moderator's message, for the speaker and the room.
type SpeakerDisplay struct {
	face *timerFace
}

// NewSpeakerDisplay returns an empty display.
func NewSpeakerDisplay() *SpeakerDisplay { return &SpeakerDisplay{face: newTimerFace()} }

// Content is the display's root object.
func (d *SpeakerDisplay) Content() fyne.CanvasObject { return d.face.container }

// Show puts a reading and the moderator's message on the display.
func (d *SpeakerDisplay) Show(r timer.SpeakerReading, message string) { d.face.show(r, message) }
