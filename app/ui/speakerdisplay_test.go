package ui

import (
	"image/color"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/timer"
)

// fullDisplay is a speaker display in a 1920×1080 window with a turn on
// it, the time of day in UTC.
func fullDisplay(t *testing.T) (*SpeakerDisplay, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	d := NewSpeakerDisplay()
	d.SetZone(time.UTC)
	w := test.NewWindow(d.Content())
	t.Cleanup(w.Close)
	w.Resize(fyne.NewSize(1920, 1080))
	return d, w
}

func turnAt(elapsed, allotted time.Duration, running bool) timer.SpeakerReading {
	th := timer.DefaultThresholds()
	var st timer.State
	start := time.Date(2020, 11, 11, 11, 20, 0, 0, time.UTC)
	st, _ = timer.Apply(st, timer.Command{Kind: timer.StartSession, At: start, Duration: time.Hour})
	st, _ = timer.Apply(st, timer.Command{Kind: timer.NextSpeaker, At: start, Name: "Barrack Otieno", Mode: timer.CountDown, Duration: allotted})
	if !running {
		st, _ = timer.Apply(st, timer.Command{Kind: timer.PauseSpeaker, At: start.Add(elapsed)})
	}
	return st.Read(start.Add(elapsed), th).Speaker
}

// At 1920×1080 the digits stay at least a fifth of the screen's height,
// with the policy question, a poll and the budget on the display too.
func TestDisplayDigitsAreAFifthOfTheScreen(t *testing.T) {
	d, w := fullDisplay(t)
	now := time.Date(2020, 11, 11, 11, 21, 0, 0, time.UTC)
	d.ShowFrame(DisplayFrame{Reading: turnAt(time.Minute, 3*time.Minute, true), Message: "Two more hubs are waiting",
		Next: "Anastasiya Kazakova", Now: now})
	alone := d.face.digits.TextSize
	d.ShowRoom(2, "How can youth voices be heard in cybersecurity norms?", nil, "")
	if ink := digitsInk(w, d); ink < 0.2*1080 {
		t.Errorf("with the question, the digits' ink is %d px high, under a fifth of 1080", ink)
	} else {
		t.Logf("with the question: digits %.0f px, their ink %d px high, %.1f %% of 1080", d.face.digits.TextSize, ink, float32(ink)/10.8)
	}
	poll := floor.Tally{Poll: floor.Poll{ID: 1, Question: "Should IGF intersessional work feed national policy?",
		Options: []string{"Yes", "No", "Not sure"}, Kind: floor.Single, Opened: now}, Counts: []int{5, 2, 1}, Voters: 8}
	d.ShowRoom(2, "How can youth voices be heard in cybersecurity norms?", &poll, "https://10.0.0.2:8443/poll")
	d.ShowBudget("Civil Society: 4:10 of 12:00 spoken, 7:50 left")
	height := w.Canvas().Size().Height
	size := d.face.digits.TextSize
	t.Logf("digits %.0f px alone, %.0f px with question, poll and budget: %.0f %% of %.0f (ink %d px)", alone, size, 100*size/height, height, digitsInk(w, d))
	// The worst case: the question above, the poll beside, the budget
	// below; the digits' ink, not their text size, is what the room sees.
	if ink := digitsInk(w, d); float32(ink) < 0.2*height {
		t.Errorf("digits %.0f px, their ink %d px high, under a fifth of %.0f", size, ink, height)
	}
	if got := d.face.digits.MinSize().Width; got > d.stage.Size().Width {
		t.Errorf("digits %.0f wide on a stage of %.0f", got, d.stage.Size().Width)
	}
	// Issue 18: the poll was at the app's 14 px, readable from nowhere.
	if d.pollText.text < 28 {
		t.Errorf("the poll's text is %.0f px", d.pollText.text)
	}
	if d.Question.Size().Height > 0.21*height || d.room.text < 40 {
		t.Errorf("question %.0f high, room text %.0f px", d.Question.Size().Height, d.room.text)
	}
	test.AssertRendersToMarkup(t, "speaker/1920x1080-room.xml", w.Canvas())
}

// Like a show caller's stage timer: the time of day, the next speaker and a
// bar of the turn spoken.
func TestDisplayShowsTimeOfDayNextSpeakerAndProgress(t *testing.T) {
	d, _ := fullDisplay(t)
	d.ShowFrame(DisplayFrame{Reading: turnAt(90*time.Second, 3*time.Minute, true), Next: "Anastasiya Kazakova",
		Now: time.Date(2020, 11, 11, 14, 7, 30, 0, time.UTC)})
	if d.face.clock.Text != "14:07" || d.face.next.Text != "Next: Anastasiya Kazakova" || !d.face.clock.Visible() {
		t.Errorf("clock %q, next %q", d.face.clock.Text, d.face.next.Text)
	}
	if got, want := d.face.fill.Size().Width, d.face.track.Size().Width/2; got != want || !d.face.fill.Visible() {
		t.Errorf("half the turn: bar %.1f of %.1f", got, d.face.track.Size().Width)
	}
	d.ShowFrame(DisplayFrame{Reading: turnAt(100*time.Second, 3*time.Minute, true), Now: time.Date(2020, 11, 11, 14, 7, 40, 0, time.UTC)})
	if d.face.next.Text != "" || d.face.fill.Size().Width <= d.face.track.Size().Width/2 {
		t.Errorf("nobody next %q, bar %.1f", d.face.next.Text, d.face.fill.Size().Width)
	}
}

// Overtime and a new message flash for five seconds, twice a second, then
// stay steady; with reduce motion they never flash.
func TestOvertimeAndANewMessageFlashThenStaySteady(t *testing.T) {
	d, _ := fullDisplay(t)
	start := time.Date(2020, 11, 11, 11, 23, 0, 0, time.UTC) // the 3-minute turn runs out
	frame := func(after time.Duration, message string) faceState {
		d.ShowFrame(DisplayFrame{Reading: turnAt(3*time.Minute+after, 3*time.Minute, true), Message: message, Sent: message, Now: start.Add(after)})
		return d.face.shown
	}
	if st := frame(-time.Second, ""); st.inverted || st.zone != timer.ZoneDanger {
		t.Fatalf("before overtime: %+v", st)
	}
	var beats []bool
	for ms := 1; ms < 7000; ms += 500 {
		beats = append(beats, frame(time.Duration(ms)*time.Millisecond, "").inverted)
	}
	want := []bool{false, true, false, true, false, true, false, true, false, true, false, false, false, false}
	if len(beats) != len(want) {
		t.Fatalf("beats %v", beats)
	}
	for i := range want {
		if beats[i] != want[i] {
			t.Fatalf("overtime beats %v, want %v", beats, want)
		}
	}
	if next := d.NextFlash(start.Add(7 * time.Second)); next != 0 {
		t.Errorf("steady, yet the next flash in %v", next)
	}
	if st := frame(8*time.Second, "Please wrap up"); st.quiet || !d.face.band.Visible() {
		t.Errorf("a new message starts on its band: %+v", st)
	}
	if st := frame(8*time.Second+600*time.Millisecond, "Please wrap up"); !st.quiet || d.face.band.Visible() {
		t.Errorf("half a second later the band is off: %+v", st)
	}
	if next := d.NextFlash(start.Add(8*time.Second + 600*time.Millisecond)); next != 400*time.Millisecond {
		t.Errorf("next beat in %v, want 400ms", next)
	}
	d.SetPrefs(app.DisplayPrefs{Thresholds: timer.DefaultThresholds(), ReduceMotion: true})
	if st := frame(8*time.Second+600*time.Millisecond, "Please wrap up"); st.quiet || d.NextFlash(start.Add(9*time.Second)) != 0 {
		t.Errorf("reduce motion still flashes: %+v", st)
	}
}

// A paused turn is drawn differently, not only named: a dark ground in a
// frame of the zone's colour.
func TestPausedTurnLooksDifferent(t *testing.T) {
	d, w := fullDisplay(t)
	d.Show(turnAt(time.Minute, 3*time.Minute, true), "")
	running := d.face.background.FillColor
	d.Show(turnAt(time.Minute, 3*time.Minute, false), "")
	blue, _ := zoneColours(timer.ZoneNormal)
	if d.face.background.FillColor == running || !d.face.frame.Visible() || d.face.frame.StrokeColor != blue || d.face.frame.StrokeWidth < 20 {
		t.Errorf("paused: ground %v (running %v), frame %v %v %.0f", d.face.background.FillColor, running,
			d.face.frame.Visible(), d.face.frame.StrokeColor, d.face.frame.StrokeWidth)
	}
	if d.face.words.Text != "PAUSED · SPEAKING" {
		t.Errorf("words %q", d.face.words.Text)
	}
	test.AssertRendersToMarkup(t, "speaker/paused.xml", w.Canvas())
}

// A blackout leaves the screen black and empty; lifting it shows the turn.
func TestBlankDisplayIsBlack(t *testing.T) {
	d, w := fullDisplay(t)
	d.Show(turnAt(time.Minute, 3*time.Minute, true), "Please wrap up")
	d.SetBlank(true)
	img := w.Canvas().Capture()
	b := img.Bounds()
	for _, p := range [][2]int{{b.Dx() / 2, b.Dy() / 2}, {b.Dx() / 2, b.Dy() / 3}, {10, 10}} {
		if r, g, bl, _ := img.At(p[0], p[1]).RGBA(); r|g|bl != 0 {
			t.Errorf("blank display not black at %v: %v", p, img.At(p[0], p[1]))
		}
	}
	if d.face.digits.Visible() || d.face.message.Visible() {
		t.Error("blank display still shows text")
	}
	d.SetBlank(false)
	if !d.face.digits.Visible() || d.face.background.FillColor == color.Black {
		t.Error("the turn is not back after the blackout")
	}
}

// digitsInk is how many pixel rows of the captured screen the digits' ink
// covers: the glyphs' height as the room sees it, not the font's size.
func digitsInk(w fyne.Window, d *SpeakerDisplay) int {
	img := w.Canvas().Capture()
	scale := float32(img.Bounds().Dy()) / w.Canvas().Size().Height
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(d.face.digits)
	size := d.face.digits.Size()
	want := color.NRGBAModel.Convert(d.face.digits.Color).(color.NRGBA)
	rows := 0
	for y := int(pos.Y * scale); y < int((pos.Y+size.Height)*scale); y++ {
		for x := int(pos.X * scale); x < int((pos.X+size.Width)*scale); x += 2 {
			if c := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA); c == want {
				rows++
				break
			}
		}
	}
	return rows
}
