package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"github.com/igf-floor/floor/app/timer"
)

// Colours of the speaker timer from the Okabe–Ito palette, which stays
// distinct with every common form of colour blindness. The state is always
// written in words as well.
func zoneColours(z timer.Zone) (background, foreground color.Color) {
	white, black := color.NRGBA{255, 255, 255, 255}, color.NRGBA{0, 0, 0, 255}
	switch z {
	case timer.ZoneNormal:
		return color.NRGBA{0x00, 0x72, 0xB2, 255}, white // blue
	case timer.ZoneWarning:
		return color.NRGBA{0xE6, 0x9F, 0x00, 255}, black // orange
	case timer.ZoneDanger:
		return color.NRGBA{0xF0, 0xE4, 0x42, 255}, black // yellow
	case timer.ZoneOvertime:
		return color.NRGBA{0xD5, 0x5E, 0x00, 255}, white // vermilion
	}
	return color.NRGBA{0x44, 0x44, 0x44, 255}, white // nobody speaking
}

// timerFace is the big speaker timer: digits, the state in words and the
// speaker's name on a coloured ground. Its text scales with its size, so the
// same face serves the console and a full-screen display read from five
// metres away.
type timerFace struct {
	background *canvas.Rectangle
	digits     *canvas.Text
	words      *canvas.Text
	name       *canvas.Text
	message    *canvas.Text
	container  *fyne.Container
	shown      faceState // what is on screen, so an unchanged tick costs nothing
}

// faceState is everything the face draws.
type faceState struct {
	digits, words, name, message string
	zone                         timer.Zone
}

func newTimerFace() *timerFace {
	f := &timerFace{
		background: canvas.NewRectangle(color.Black),
		digits:     canvas.NewText("", color.White),
		words:      canvas.NewText("", color.White),
		name:       canvas.NewText("", color.White),
		message:    canvas.NewText("", color.White),
	}
	f.digits.TextStyle = fyne.TextStyle{Bold: true} // Noto Sans digits are tabular: they do not jump as they change
	f.words.TextStyle = fyne.TextStyle{Bold: true}
	for _, t := range []*canvas.Text{f.digits, f.words, f.name, f.message} {
		t.Alignment = fyne.TextAlignCenter
	}
	f.container = withLayout(faceLayout{f}, f.background, f.name, f.digits, f.words, f.message)
	return f
}

func withLayout(l fyne.Layout, objs ...fyne.CanvasObject) *fyne.Container {
	return &fyne.Container{Layout: l, Objects: objs}
}

// show puts a reading on the face. The digits change once a second while
// the console ticks ten times a second: an unchanged reading redraws nothing.
func (f *timerFace) show(r timer.SpeakerReading, message string) {
	digits := r.Digits
	if !r.Active {
		digits = "0:00"
	}
	st := faceState{digits: digits, words: timerWords(r.Words), name: r.Name, message: message, zone: r.Zone}
	if st == f.shown && f.digits.Text != "" {
		return
	}
	onlyDigits := f.digits.Text != "" && st.words == f.shown.words && st.name == f.shown.name &&
		st.message == f.shown.message && st.zone == f.shown.zone
	f.shown = st
	if onlyDigits { // the common case, once a second: redraw one text, lay out nothing
		f.digits.Text = digits
		f.digits.Refresh()
		return
	}
	bg, fg := zoneColours(r.Zone)
	f.background.FillColor = bg
	f.digits.Text, f.words.Text, f.name.Text, f.message.Text = digits, timerWords(r.Words), r.Name, message
	for _, t := range []*canvas.Text{f.digits, f.words, f.name, f.message} {
		t.Color = fg
	}
	f.container.Refresh()
}

// faceLayout stacks name, digits, words and message, sizing the text from
// the space it has: the digits take about half the height.
type faceLayout struct{ f *timerFace }

func (l faceLayout) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	f := l.f
	f.background.Resize(size)
	f.background.Move(fyne.NewPos(0, 0))
	unit := max(1, min(size.Height/12, size.Width/14))
	f.digits.TextSize = unit * 4.2
	f.name.TextSize = unit * 0.9
	f.words.TextSize = unit * 1.1
	f.message.TextSize = unit * 0.8
	y := size.Height * 0.06
	for _, t := range []*canvas.Text{f.name, f.digits, f.words, f.message} {
		h := t.MinSize().Height
		t.Resize(fyne.NewSize(size.Width, h))
		t.Move(fyne.NewPos(0, y))
		y += h + unit*0.3
	}
}

func (l faceLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(280, 180) }
