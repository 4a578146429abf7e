package ui

import (
	"context"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/timer"
)

// consoleWithDisplay is the console with a speaker display attached, the
// session started and Barrack Otieno on the floor for 3 minutes with
// Anastasiya Kazakova next.
func consoleWithDisplay(t *testing.T, v *ConsoleView, w fyne.Window) *SpeakerDisplay {
	t.Helper()
	d := NewSpeakerDisplay()
	d.SetZone(time.UTC)
	v.AttachDisplay(d, nil)
	test.Tap(v.StartSession)
	for _, name := range []string{"Barrack Otieno", "Anastasiya Kazakova"} {
		v.queue.Name.SetText(name)
		test.Tap(v.queue.Add)
	}
	test.Tap(v.Next)
	w.Canvas().Unfocus()
	return d
}

// B blacks the speaker display out and brings it back; C clears the
// message to the speaker in the log, so the display loses it too.
func TestConsoleKeysBlankTheDisplayAndClearTheMessage(t *testing.T) {
	v, w, _ := newConsole(t)
	d := consoleWithDisplay(t, v, w)
	if err := v.m.TellSpeaker(v.ctx, "Please wrap up in 30 seconds"); err != nil {
		t.Fatal(err)
	}
	v.Tick()
	if d.face.message.Text != "Please wrap up in 30 seconds" || d.face.next.Text != "Next: Anastasiya Kazakova" || d.face.clock.Text != "11:20" {
		t.Fatalf("display: message %q, next %q, clock %q", d.face.message.Text, d.face.next.Text, d.face.clock.Text)
	}
	typeLikeTheDriver(w.Canvas(), "b")
	if !d.Blank() || d.face.digits.Visible() || v.BlankDisplay.Text != "Unblank (B)" {
		t.Errorf("B: blank %v, button %q", d.Blank(), v.BlankDisplay.Text)
	}
	typeLikeTheDriver(w.Canvas(), "b")
	if d.Blank() || !d.face.digits.Visible() || v.BlankDisplay.Text != "Blank (B)" {
		t.Errorf("B again: blank %v, button %q", d.Blank(), v.BlankDisplay.Text)
	}
	typeLikeTheDriver(w.Canvas(), "c")
	if msg := v.m.Floor().Message; msg != "" || d.face.message.Text != "" || v.Message.Text != "" {
		t.Errorf("C: log %q, display %q, field %q", msg, d.face.message.Text, v.Message.Text)
	}
}

// The moderator's thresholds are the session's: kept, put on the timer, and
// read again by the next console over the same database.
func TestConsoleThresholdsArePerSession(t *testing.T) {
	v, w, clock, db := newConsoleOn(t)
	v.EnableDisplayPrefs(db, w)
	d := consoleWithDisplay(t, v, w)
	f := v.newDisplayForm()
	if f.Warning.Text != "0:30" || f.Danger.Text != "0:10" || !f.ShowRoom.Checked || f.Still.Checked {
		t.Errorf("defaults: %q %q %v %v", f.Warning.Text, f.Danger.Text, f.ShowRoom.Checked, f.Still.Checked)
	}
	f.Warning.SetText("1:00")
	f.Danger.SetText("20")
	f.Still.SetChecked(true)
	p, err := f.prefs()
	if err != nil {
		t.Fatal(err)
	}
	if err := v.SaveDisplayPrefs(p); err != nil {
		t.Fatal(err)
	}
	clock.now = clock.now.Add(125 * time.Second) // 55 s left
	v.Tick()
	if d.face.words.Text != "WRAP UP" || v.face.words.Text != "WRAP UP" {
		t.Errorf("55 s left with a 1:00 warning: display %q, console %q", d.face.words.Text, v.face.words.Text)
	}
	f.Danger.SetText("2:00")
	if p, err := f.prefs(); err != nil || v.SaveDisplayPrefs(p) == nil {
		t.Errorf("danger after warning kept: %v", err)
	}
	m2, err := app.OpenModerator(context.Background(), db, clock, v.sessionKey())
	if err != nil {
		t.Fatal(err)
	}
	w2 := test.NewWindow(nil)
	defer w2.Close()
	v2 := NewConsoleView(context.Background(), m2, v.session, w2)
	v2.EnableDisplayPrefs(db, w2)
	if got := m2.Thresholds(); got != (timer.Thresholds{Warning: time.Minute, Danger: 20 * time.Second}) || !v2.prefs.current.ReduceMotion {
		t.Errorf("next start: %+v, %+v", got, v2.prefs.current)
	}
}

// While the display flashes, the console wakes at the flash's beat; once
// steady, at the next second again.
func TestConsoleWakesForTheDisplaysFlash(t *testing.T) {
	v, w, clock := newConsole(t)
	consoleWithDisplay(t, v, w)
	clock.now = clock.now.Add(3*time.Minute + 100*time.Millisecond) // overtime began 0.1 s ago
	v.Tick()
	if got := v.untilNextChange(); got != 400*time.Millisecond {
		t.Errorf("flashing: wake in %v, want 400ms", got)
	}
	clock.now = clock.now.Add(6 * time.Second)
	v.Tick()
	if got := v.untilNextChange(); got != 905*time.Millisecond {
		t.Errorf("steady: wake in %v, want 905ms", got)
	}
}

// A message being typed is previewed on the display without flashing; it
// flashes once Enter writes it to the log.
func TestTypingAMessageDoesNotFlash(t *testing.T) {
	v, w, clock := newConsole(t)
	d := consoleWithDisplay(t, v, w)
	w.Canvas().Focus(v.Message)
	typeLikeTheDriver(w.Canvas(), "Please wrap")
	clock.now = clock.now.Add(600 * time.Millisecond)
	v.Tick()
	if d.face.message.Text != "Please wrap" || d.face.shown.quiet || d.NextFlash(clock.now) != 0 {
		t.Errorf("typing: %q, quiet %v, next flash %v", d.face.message.Text, d.face.shown.quiet, d.NextFlash(clock.now))
	}
	v.Message.OnSubmitted(v.Message.Text)
	clock.now = clock.now.Add(600 * time.Millisecond)
	v.Tick()
	if !d.face.shown.quiet || d.NextFlash(clock.now) == 0 {
		t.Errorf("written: quiet %v, next flash %v", d.face.shown.quiet, d.NextFlash(clock.now))
	}
}

// overlayObjects are the objects of the top overlay (a dialogue), found
// through containers and widgets' renderers.
func overlayObjects(c fyne.Canvas) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		out = append(out, o)
		switch x := o.(type) {
		case *fyne.Container:
			for _, child := range x.Objects {
				walk(child)
			}
		case fyne.Widget:
			for _, child := range test.WidgetRenderer(x).Objects() {
				walk(child)
			}
		}
	}
	if top := c.Overlays().Top(); top != nil {
		walk(top)
	}
	return out
}

// Display settings… is a dialogue: the thresholds typed there and Keep
// are the session's, in the settings table.
func TestDisplaySettingsDialogueKeepsTheThresholds(t *testing.T) {
	v, w, _, db := newConsoleOn(t)
	v.EnableDisplayPrefs(db, w)
	consoleWithDisplay(t, v, w)
	test.Tap(v.DisplaySettings)
	var entries []*widget.Entry
	var keep *widget.Button
	for _, o := range overlayObjects(w.Canvas()) {
		switch x := o.(type) {
		case *widget.Entry:
			entries = append(entries, x)
		case *widget.Button:
			if x.Text == "Keep" {
				keep = x
			}
		}
	}
	if len(entries) != 2 || keep == nil {
		t.Fatalf("the dialogue has %d entries, Keep %v", len(entries), keep != nil)
	}
	entries[0].SetText("1:00")
	entries[1].SetText("20")
	test.Tap(keep)
	p, err := app.LoadDisplayPrefs(context.Background(), db, v.sessionKey())
	if err != nil || p.Thresholds != (timer.Thresholds{Warning: time.Minute, Danger: 20 * time.Second}) || v.Status.Text != "" {
		t.Errorf("kept %+v, %v; status %q", p, err, v.Status.Text)
	}
}
