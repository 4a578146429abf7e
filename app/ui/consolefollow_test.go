package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// Issue 18: once the speaker display stayed at "0:00 NO SPEAKER" while the
// console ran a turn, after a window was moved. The display has no state
// of its own to go stale: every console tick hands it the reading the
// console's own timer shows. This walks a turn through every change, with
// the display's window resized (a move to another screen) and blanked and
// back between them, and checks the two faces agree at each tick.
func TestSpeakerDisplayFollowsTheConsoleAtEveryTick(t *testing.T) {
	pc := newPollConsole(t)
	v := pc.v
	dw := test.NewWindow(pc.display.Content())
	t.Cleanup(dw.Close)
	dw.Resize(fyne.NewSize(800, 480))
	same := func(when string) {
		t.Helper()
		c, d := v.face, pc.display.face
		if c.digits.Text != d.digits.Text || c.words.Text != d.words.Text || c.name.Text != d.name.Text {
			t.Errorf("%s: console %q %q %q, display %q %q %q", when, c.digits.Text, c.words.Text, c.name.Text,
				d.digits.Text, d.words.Text, d.name.Text)
		}
	}
	step := func(d time.Duration) {
		pc.clock.now = pc.clock.now.Add(d)
		v.Tick()
	}
	test.Tap(v.StartSession)
	v.queue.Name.SetText("Barrack Otieno")
	test.Tap(v.queue.Add)
	same("before the turn")
	test.Tap(v.Next)
	same("the turn given")
	for i, size := range []fyne.Size{{Width: 1920, Height: 1080}, {Width: 640, Height: 360}, {Width: 1280, Height: 720}} {
		dw.Resize(size) // the display's window moved to another screen
		step(40 * time.Second)
		same("after a move")
		if i == 1 {
			v.toggleBlank()
			step(time.Second)
			v.toggleBlank()
			same("after a blank")
		}
	}
	if pc.display.face.words.Text == "NO SPEAKER" || pc.display.face.digits.Text == "0:00" {
		t.Errorf("the display shows %q %q during the turn", pc.display.face.digits.Text, pc.display.face.words.Text)
	}
	test.Tap(v.EndTurn)
	same("the turn ended")
}

// Issue 18, item 6: B in the speaker display's own window blanks it and
// brings it back; C there clears the message, as on the console.
func TestSpeakerDisplaysOwnWindowTakesBAndC(t *testing.T) {
	pc := newPollConsole(t)
	v := pc.v
	dw := test.NewWindow(pc.display.Content())
	t.Cleanup(dw.Close)
	v.DisplayKeys(dw.Canvas())
	typeLikeTheDriver(dw.Canvas(), "b")
	if !pc.display.Blank() || v.BlankDisplay.Text != tr(labelUnblank) {
		t.Errorf("after B there: blank %v, button %q", pc.display.Blank(), v.BlankDisplay.Text)
	}
	typeLikeTheDriver(dw.Canvas(), "B")
	if pc.display.Blank() {
		t.Error("a second B left it blank")
	}
	test.Tap(v.StartSession)
	v.queue.Name.SetText("Barrack Otieno")
	test.Tap(v.queue.Add)
	test.Tap(v.Next)
	v.Message.SetText("Please wrap up")
	v.Message.OnSubmitted(v.Message.Text)
	typeLikeTheDriver(dw.Canvas(), "c")
	if v.m.Floor().Message != "" || pc.display.face.message.Text != "" {
		t.Errorf("after C there: log %q, display %q", v.m.Floor().Message, pc.display.face.message.Text)
	}
}
