package ui

import (
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/igf-floor/floor/app/timer"
)

// How long overtime and a new message flash, and the beat: on and off
// twice a second for five seconds, then steady (WCAG 2.3.1 allows up to
// three flashes a second).
const (
	flashFor  = 5 * time.Second
	flashBeat = 500 * time.Millisecond
)

// displayFlash remembers when overtime and the current message began, by
// the room's clock, so a flash is a function of the time and a test reads
// it exactly.
type displayFlash struct {
	at                time.Time // the last frame's time
	overtime, message time.Time // when each began; zero: not flashing
	zone              timer.Zone
	text              string // the last message sent
}

// see notes what is new in st at now; overtime is how long the turn has
// run over, so a flash keeps time with the overtime's seconds however late
// the display first sees it.
func (f *displayFlash) see(now time.Time, st faceState, overtime time.Duration, sent string) {
	f.at = now
	if now.IsZero() {
		return
	}
	if st.zone == timer.ZoneOvertime && f.zone != timer.ZoneOvertime {
		f.overtime = now.Add(-overtime)
	}
	if sent != f.text {
		f.message = time.Time{}
		if sent != "" {
			f.message = now
		}
	}
	f.zone, f.text = st.zone, sent
}

// off says whether a flash that began at since is in its off beat at now.
func (f *displayFlash) off(since, now time.Time) bool {
	if since.IsZero() || now.IsZero() {
		return false
	}
	d := now.Sub(since)
	return d >= 0 && d < flashFor && (d/flashBeat)%2 == 1
}

// next is how long until a flash's beat changes, 0 when none flashes.
func (f *displayFlash) next(now time.Time) time.Duration {
	var next time.Duration
	for _, since := range []time.Time{f.overtime, f.message} {
		if d := now.Sub(since); !since.IsZero() && d >= 0 && d < flashFor {
			left := flashBeat - d%flashBeat
			if next == 0 || left < next {
				next = left
			}
		}
	}
	return next
}

// displayLayout puts the policy question across the top, the budget along
// the bottom and a poll's results on the right, each within a share of the
// screen, so the timer always keeps most of it: at 1920×1080 its digits
// stay above a fifth of the height whatever else is shown.
type displayLayout struct{ d *SpeakerDisplay }

func (l displayLayout) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	d := l.d
	// The room's text: a twenty-fourth of the height (45 px at 1080),
	// never smaller than the app's own.
	text := max(theme.TextSize(), size.Height/24)
	if text != d.room.text && d.root != nil {
		d.room.text = text
		d.root.Refresh()
	}
	pad := text / 2
	top, bottom := float32(0), size.Height
	if d.Question.Visible() {
		top = fit(d.Question, fyne.NewPos(pad, pad/2), size.Width-2*pad, size.Height*0.2) + pad
	}
	if d.Budget.Visible() {
		d.Budget.Resize(fyne.NewSize(size.Width-2*pad, 1))
		h := min(d.Budget.MinSize().Height, size.Height*0.1)
		bottom -= h
		fit(d.Budget, fyne.NewPos(pad, bottom), size.Width-2*pad, h)
	}
	right := size.Width
	if d.poll.Visible() {
		w := size.Width * 0.34
		right -= w
		l.fitPoll(text*0.75, fyne.NewSize(w-pad, bottom-top))
		d.pollBox.Move(fyne.NewPos(right, top))
	}
	if d.phones != nil && d.phones.box.Visible() { // the room's phone page, between turns
		ps := d.phones.box.MinSize()
		w := min(ps.Width, size.Width*0.34)
		right -= w
		d.phones.box.Resize(fyne.NewSize(w, min(ps.Height, bottom-top)))
		d.phones.box.Move(fyne.NewPos(right, top))
	}
	d.stage.Resize(fyne.NewSize(right, bottom-top))
	d.stage.Move(fyne.NewPos(0, top))
}

// fitPoll sizes the poll's text from text down until its options fit in
// room, and never below the app's own text size.
func (l displayLayout) fitPoll(text float32, room fyne.Size) {
	d := l.d
	for range 4 {
		if d.pollText.text != text {
			d.pollText.text = text
			d.pollBox.Refresh()
		}
		d.pollBox.Resize(fyne.NewSize(room.Width, 1))
		need := d.pollBox.MinSize().Height
		if need <= room.Height || text <= theme.TextSize() {
			break
		}
		text = max(theme.TextSize(), text*room.Height/need*0.95)
	}
	d.pollBox.Resize(room)
}

// fit places o at pos, width wide and as high as its text needs up to most,
// and returns where it ends.
func fit(o fyne.CanvasObject, pos fyne.Position, width, most float32) float32 {
	o.Resize(fyne.NewSize(width, 1)) // a wrapped label's height follows its width
	h := min(o.MinSize().Height, most)
	o.Resize(fyne.NewSize(width, h))
	o.Move(pos)
	return pos.Y + h
}

func (displayLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(280, 180) }

// roomTheme is the app's theme with its text at the display's size, for
// what the room reads on the speaker display besides the timer.
type roomTheme struct{ text float32 }

func (roomTheme) base() fyne.Theme { return fyne.CurrentApp().Settings().Theme() }

func (t *roomTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return t.base().Color(n, v)
}

func (t *roomTheme) Font(s fyne.TextStyle) fyne.Resource { return t.base().Font(s) }

func (t *roomTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.base().Icon(n) }

func (t *roomTheme) Size(n fyne.ThemeSizeName) float32 {
	s := t.base().Size(n)
	if t.text == 0 {
		return s
	}
	scale := t.text / t.base().Size(theme.SizeNameText)
	switch n {
	case theme.SizeNameText, theme.SizeNameSubHeadingText, theme.SizeNameHeadingText, theme.SizeNameCaptionText,
		theme.SizeNamePadding, theme.SizeNameInnerPadding, theme.SizeNameLineSpacing:
		return s * scale
	}
	return s
}
