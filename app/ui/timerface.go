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

// pausedGround is a paused timer's ground: dark, inside a thick frame of
// the zone's colour, so a pause reads from the back of the room without
// its words.
func pausedGround() color.Color { return color.NRGBA{0x1A, 0x1A, 0x1A, 255} }

// timerFace is the big speaker timer: digits, the state in words and the
// speaker's name on a coloured ground. Its text scales with its size, so the
// same face serves the console and a full-screen display read from five
// metres away. The speaker display's face (full) also shows the time of
// day, the next speaker and a progress bar of the turn.
type timerFace struct {
	full       bool
	background *canvas.Rectangle
	frame      *canvas.Rectangle // a paused turn's frame
	digits     *glyphText        // one text per character, whose textures are reused
	words      *canvas.Text
	name       *canvas.Text
	message    *canvas.Text
	band       *canvas.Rectangle // behind the message
	clock      *canvas.Text      // time of day (full only)
	next       *canvas.Text      // the next speaker (full only)
	track      *canvas.Rectangle // the progress bar's track (full only)
	fill       *canvas.Rectangle // how much of the turn is spoken
	container  *fyne.Container
	shown      faceState // what is on screen, so an unchanged tick costs nothing
}

// faceState is everything the face draws.
type faceState struct {
	digits, words, name, message string
	zone                         timer.Zone
	paused                       bool
	clock, next                  string
	progress                     float32 // 0 to 1 of the allotted time; -1 without one
	inverted                     bool    // overtime's flash: colours swapped
	quiet                        bool    // a new message's flash: its band off
	blank                        bool
}

func newTimerFace() *timerFace {
	f := &timerFace{
		background: canvas.NewRectangle(color.Black),
		frame:      canvas.NewRectangle(color.Transparent),
		digits:     newGlyphText(color.White),
		words:      canvas.NewText("", color.White),
		name:       canvas.NewText("", color.White),
		message:    canvas.NewText("", color.White),
		band:       canvas.NewRectangle(color.Transparent),
		clock:      canvas.NewText("", color.White),
		next:       canvas.NewText("", color.White),
		track:      canvas.NewRectangle(color.NRGBA{0, 0, 0, 0x55}),
		fill:       canvas.NewRectangle(color.White),
	}
	f.digits.TextStyle = fyne.TextStyle{Bold: true} // Noto Sans digits are tabular: they do not jump as they change
	f.words.TextStyle = fyne.TextStyle{Bold: true}
	f.message.TextStyle = fyne.TextStyle{Bold: true}
	for _, t := range []*canvas.Text{f.words, f.name, f.message} {
		t.Alignment = fyne.TextAlignCenter
	}
	f.digits.Alignment = fyne.TextAlignCenter
	f.next.Alignment = fyne.TextAlignTrailing
	f.frame.Hide()
	f.band.Hide()
	for _, o := range []fyne.CanvasObject{f.clock, f.next, f.track, f.fill} {
		o.Hide()
	}
	f.container = withLayout(faceLayout{f}, f.background, f.frame, f.clock, f.next, f.name, f.digits, f.words,
		f.track, f.fill, f.band, f.message)
	return f
}

func withLayout(l fyne.Layout, objs ...fyne.CanvasObject) *fyne.Container {
	return &fyne.Container{Layout: l, Objects: objs}
}

// show puts a reading on the face. The digits change once a second while
// the console ticks ten times a second: an unchanged reading redraws nothing.
func (f *timerFace) show(r timer.SpeakerReading, message string) {
	f.draw(faceFor(r, message))
}

// faceFor is what a reading and a message put on a face.
func faceFor(r timer.SpeakerReading, message string) faceState {
	digits := r.Digits
	if !r.Active {
		digits = "0:00"
	}
	st := faceState{digits: digits, words: timerWords(r.Words), name: r.Name, message: message, zone: r.Zone,
		paused: r.Active && !r.Running, progress: -1}
	if r.Allotted > 0 {
		st.progress = min(1, float32(r.Elapsed)/float32(r.Allotted))
		st.progress = float32(int(st.progress*400)) / 400 // a step the bar can show, so the same tick redraws nothing
	}
	return st
}

func (f *timerFace) draw(st faceState) {
	if st == f.shown && f.digits.Text != "" {
		return
	}
	old := f.shown
	old.digits, old.progress, old.clock = st.digits, st.progress, st.clock
	onlyDigits := f.digits.Text != "" && old == st
	f.shown = st
	if onlyDigits { // the common case, once a second: redraw the digits, move the bar, lay out nothing
		f.digits.Text = st.digits
		f.digits.Refresh()
		setCanvasText(f.clock, st.clock) // the time of day: once a minute
		f.placeFill()
		return
	}
	bg, fg := zoneColours(st.zone)
	if st.inverted {
		bg, fg = fg, bg
	}
	f.frame.StrokeColor = bg
	showIf(f.frame, st.paused && !st.blank)
	if st.paused {
		bg, fg = pausedGround(), color.NRGBA{255, 255, 255, 255}
	}
	f.background.FillColor = bg
	if st.blank {
		f.background.FillColor = color.Black
	}
	f.digits.Text, f.words.Text, f.name.Text, f.message.Text = st.digits, st.words, st.name, st.message
	f.clock.Text, f.next.Text = st.clock, st.next
	for _, t := range []*canvas.Text{f.words, f.name, f.clock, f.next} {
		t.Color = fg
		showIf(t, !st.blank && (f.full || (t != f.clock && t != f.next)))
	}
	f.digits.Color = fg
	showIf(f.digits, !st.blank)
	f.digits.Refresh()
	f.fill.FillColor = fg
	showIf(f.track, f.full && !st.blank && st.progress >= 0)
	showIf(f.fill, f.track.Visible())
	// The message sits on a band of its own, black on white, read first;
	// a new message's flash takes the band away and back.
	f.band.FillColor = fg
	f.message.Color = bg
	if st.quiet {
		f.message.Color = fg
	}
	showIf(f.message, !st.blank)
	showIf(f.band, !st.blank && !st.quiet && st.message != "")
	f.container.Refresh()
}

// faceLayout stacks name, digits, words and message (and on the speaker
// display the time of day and the next speaker above them, the progress bar
// below), sizing the text from the space it has: the digits take about a
// third of the height (a fifth of a full-HD screen with the question and
// the poll beside), or all the width "+10:00" needs.
type faceLayout struct{ f *timerFace }

// Text sizes in units, top to bottom; gap is the space between lines.
// The lines around the digits are kept small (the time of day, the name
// and the message a little under a digit's fifth): with the question above
// and the budget below, larger ones took the digits under a fifth of a
// full-HD screen's height (19.4 % in ink).
const (
	faceTop, faceName, faceDigits, faceWords, faceMessage = 0.5, 0.7, 4.6, 0.9, 0.6
	faceBar, faceGap                                      = 0.35, 0.2
)

// unit is the face's text unit for size: every line fits the height, and
// the digits the width.
func (l faceLayout) unit(size fyne.Size) float32 {
	line := fyne.MeasureText("0", 100, fyne.TextStyle{Bold: true}).Height / 100 // a line's height per point
	units := line*(faceName+faceDigits+faceWords+faceMessage) + 4*faceGap + 1
	if l.f.full {
		units += line*faceTop + faceBar + 2*faceGap
	}
	wide := fyne.MeasureText("+10:00", 100, fyne.TextStyle{Bold: true}).Width / 100 * faceDigits // the widest digits a turn shows
	return max(1, min(size.Height/units, 0.95*size.Width/wide))
}

func (l faceLayout) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	f := l.f
	for _, r := range []*canvas.Rectangle{f.background, f.frame} {
		r.Resize(size)
		r.Move(fyne.NewPos(0, 0))
	}
	unit := l.unit(size)
	f.frame.StrokeWidth = unit * 0.35
	f.digits.TextSize = unit * faceDigits
	f.name.TextSize = unit * faceName
	f.words.TextSize = unit * faceWords
	f.message.TextSize = unit * faceMessage
	y := unit * 0.5
	if f.full {
		f.clock.TextSize, f.next.TextSize = unit*faceTop, unit*faceTop
		h := f.clock.MinSize().Height
		for _, t := range []*canvas.Text{f.clock, f.next} {
			t.Resize(fyne.NewSize(size.Width-unit, h))
			t.Move(fyne.NewPos(unit/2, y))
		}
		y += h + unit*faceGap
	}
	for _, t := range []fyne.CanvasObject{f.name, f.digits, f.words} {
		h := t.MinSize().Height
		t.Resize(fyne.NewSize(size.Width, h))
		t.Move(fyne.NewPos(0, y))
		y += h + unit*faceGap
	}
	if f.full {
		f.track.Resize(fyne.NewSize(size.Width*0.8, unit*faceBar))
		f.track.Move(fyne.NewPos(size.Width*0.1, y))
		f.placeFill()
		y += unit * (faceBar + faceGap)
	}
	h := f.message.MinSize().Height
	f.message.Resize(fyne.NewSize(size.Width, h))
	f.message.Move(fyne.NewPos(0, y))
	w := min(size.Width, f.message.MinSize().Width+unit)
	f.band.Resize(fyne.NewSize(w, h))
	f.band.Move(fyne.NewPos((size.Width-w)/2, y))
}

// placeFill sizes the progress bar's fill to the part of the turn spoken.
func (f *timerFace) placeFill() {
	p := max(0, f.shown.progress)
	f.fill.Resize(fyne.NewSize(f.track.Size().Width*p, f.track.Size().Height))
	f.fill.Move(f.track.Position())
}

func (l faceLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(280, 180) }
