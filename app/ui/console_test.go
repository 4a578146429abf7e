package ui

import (
	"context"
	"image/png"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/igf-floor/floor/app/agenda"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/timer"
	"github.com/igf-floor/floor/storage"
)

type stepClock struct{ now time.Time }

func (c *stepClock) Now() time.Time { return c.now }

// newConsole opens the console for the built-in session WS #234 over a real
// database, in a 1280×760 test window, at 11:20 UTC on the day.
func newConsole(t *testing.T) (*ConsoleView, fyne.Window, *stepClock) {
	t.Helper()
	v, w, clock, _ := newConsoleOn(t)
	return v, w, clock
}

// newConsoleOn is newConsole with its database.
func newConsoleOn(t *testing.T) (*ConsoleView, fyne.Window, *stepClock, *storage.DB) {
	t.Helper()
	ctx := context.Background()
	db, _ := seededDB(t)
	s, err := db.FindSession(ctx, "WS #234")
	if err != nil {
		t.Fatal(err)
	}
	clock := &stepClock{time.Date(2020, 11, 11, 11, 20, 0, 0, time.UTC)}
	m, err := app.OpenModerator(ctx, db, clock, app.ModerationKey(s.Source, s.GUID))
	if err != nil {
		t.Fatal(err)
	}
	w := test.NewWindow(nil)
	t.Cleanup(w.Close)
	v := NewConsoleView(ctx, m, s, w)
	w.SetContent(v.Content())
	w.Resize(fyne.NewSize(1280, 760))
	return v, w, clock, db
}

func TestConsoleStartsWithTheSessionsLengthAndSpeakers(t *testing.T) {
	v, w, _ := newConsole(t)
	if v.StartSession.Text != "Start session (60 min)" {
		t.Errorf("start button %q", v.StartSession.Text)
	}
	if got := strings.Join(v.queue.names, ", "); !strings.Contains(got, "Barrack Otieno") || !strings.Contains(got, "David Koh") {
		t.Errorf("suggested names: %s", got)
	}
	// Choosing a suggested name fills in what the agenda knows.
	v.queue.Name.SetText("Barrack Otieno")
	if v.queue.Group.Selected != "Technical Community" || v.queue.Region.Selected != "African Group" {
		t.Errorf("suggestion filled %q, %q", v.queue.Group.Selected, v.queue.Region.Selected)
	}
	test.AssertRendersToMarkup(t, "console/initial.xml", w.Canvas())
}

// A moderator runs part of the reference session from the keyboard and the
// buttons: the timer's words, digits and colours follow, and the balance
// adds up.
func TestConsoleRunsATurn(t *testing.T) {
	v, w, clock := newConsole(t)
	test.Tap(v.StartSession)
	for _, name := range []string{"Barrack Otieno", "Anastasiya Kazakova"} {
		v.queue.Name.SetText(name)
		test.Tap(v.queue.Add)
	}
	if v.queue.List.Length() != 2 {
		t.Fatalf("queue length %d", v.queue.List.Length())
	}
	c := w.Canvas()
	typeRune := func(r rune) { typeLikeTheDriver(c, string(r)) }
	typeRune('n') // N: next speaker, 3 min preset
	step := func(d time.Duration) {
		clock.now = clock.now.Add(d)
		v.Tick()
	}
	step(150 * time.Second)
	if v.face.digits.Text != "0:30" || v.face.words.Text != "WRAP UP" || v.face.name.Text != "Barrack Otieno" {
		t.Errorf("warning: %q %q %q", v.face.digits.Text, v.face.words.Text, v.face.name.Text)
	}
	typeRune(' ') // Space: pause
	step(time.Minute)
	if v.face.words.Text != "PAUSED · WRAP UP" || v.PauseSpeaker.Text != "Resume (Space)" {
		t.Errorf("paused: %q %q", v.face.words.Text, v.PauseSpeaker.Text)
	}
	typeRune(' ')
	typeRune('+') // +30 s
	step(102 * time.Second)
	if v.face.digits.Text != "+0:42" || v.face.words.Text != "OVER TIME" {
		t.Errorf("overtime: %q %q", v.face.digits.Text, v.face.words.Text)
	}
	// While the message field has focus, keys are text, not commands.
	c.Focus(v.Message)
	typeLikeTheDriver(c, "n ")
	if v.Message.Text != "n " || v.face.name.Text != "Barrack Otieno" || v.face.message.Text != "n " {
		t.Errorf("typing in the message field: %q, speaker %q", v.Message.Text, v.face.name.Text)
	}
	v.Message.SetText("Please wrap up")
	c.Unfocus()
	test.AssertRendersToMarkup(t, "console/overtime.xml", w.Canvas())
	if p := os.Getenv("FLOOR_UI_PNG"); p != "" {
		writePNG(t, p, w)
	}
	c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	ivs := v.m.Floor().Interventions
	if len(ivs) != 1 || ivs[0].Spoke != 252*time.Second || ivs[0].Overtime() != 42*time.Second {
		t.Fatalf("interventions %+v", ivs)
	}
	if v.face.words.Text != "NO SPEAKER" {
		t.Errorf("after the turn: %q", v.face.words.Text)
	}
	bar := v.charts[0].box.Objects[1].(*fyne.Container).Objects[1].(*widget.Label)
	if bar.Text != "Technical Community  4:12 (100%, 1)" {
		t.Errorf("balance bar %q", bar.Text)
	}
	if !v.EndTurn.Disabled() {
		t.Error("End turn is offered with nobody on the floor")
	}
	c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape}) // Esc again: refused, in words
	if !strings.Contains(v.Status.Text, "no speaker has the floor") {
		t.Errorf("status %q", v.Status.Text)
	}

}

func TestSpeakerDisplayScalesWithTheWindow(t *testing.T) {
	test.NewTempApp(t)
	d := NewSpeakerDisplay()
	w := test.NewWindow(d.Content())
	defer w.Close()
	r := timer.SpeakerReading{Active: true, Running: true, Name: "Barrack Otieno", Digits: "0:30", Words: "WRAP UP", Zone: timer.ZoneWarning}
	d.Show(r, "Two more hubs are waiting")
	w.Resize(fyne.NewSize(640, 360))
	small := d.face.digits.TextSize
	test.AssertRendersToMarkup(t, "speaker/640x360.xml", w.Canvas())
	w.Resize(fyne.NewSize(1920, 1080))
	if big := d.face.digits.TextSize; big < 2.5*small || big < 300 {
		t.Errorf("digits %v at 1080p, %v at 360p", big, small)
	}
	test.AssertRendersToMarkup(t, "speaker/1920x1080.xml", w.Canvas())
}

// typeLikeTheDriver routes typed text as Fyne's desktop driver does: to the
// focused widget when there is one, else to the canvas's own handler (where
// the console's shortcuts live). test.TypeOnCanvas skips the focus check.
func typeLikeTheDriver(c fyne.Canvas, s string) {
	for _, r := range s {
		if f := c.Focused(); f != nil {
			f.TypedRune(r)
		} else if h := c.OnTypedRune(); h != nil {
			h(r)
		}
	}
}

// writePNG saves what the test window shows, for a person to look at:
// FLOOR_UI_PNG=/tmp/console.png go test -run ConsoleRunsATurn ./app/ui
func writePNG(t *testing.T, path string, w fyne.Window) {
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, w.Canvas().Capture()); err != nil {
		t.Fatal(err)
	}
}

func TestParseTurn(t *testing.T) {
	for in, want := range map[string]time.Duration{"1 min": time.Minute, "5 min": 5 * time.Minute, "4": 4 * time.Minute,
		" 2:30 ": 150 * time.Second, "0:45": 45 * time.Second} {
		if mode, d, err := parseTurn(in); err != nil || d != want || mode != timer.CountDown {
			t.Errorf("parseTurn(%q) = %v %v %v", in, mode, d, err)
		}
	}
	if mode, _, err := parseTurn("Count up"); err != nil || mode != timer.CountUp {
		t.Errorf("count up: %v %v", mode, err)
	}
	for _, bad := range []string{"", "soon", "2:3", "2:75", "-1"} {
		if _, _, err := parseTurn(bad); err == nil {
			t.Errorf("parseTurn(%q) accepted", bad)
		}
	}
}

func TestConsoleWakesWhenASecondTicksOver(t *testing.T) {
	v, _, clock := newConsole(t)
	if d := v.untilNextChange(); d != time.Second {
		t.Errorf("nothing running: wake in %v", d)
	}
	test.Tap(v.StartSession)
	clock.now = clock.now.Add(2300 * time.Millisecond)
	if d := v.untilNextChange(); d != 705*time.Millisecond {
		t.Errorf("session at 2.3 s: wake in %v, want 705ms", d)
	}
}

// In a dialogue the timer faces name everyone on the floor, in the order
// they took it.
func TestDialogueNamesBothSpeakers(t *testing.T) {
	v, _, _ := newConsole(t)
	d := NewSpeakerDisplay()
	v.AttachDisplay(d, nil)
	test.Tap(v.StartSession)
	for _, name := range []string{"Barrack Otieno", "Anastasiya Kazakova"} {
		v.queue.Name.SetText(name)
		test.Tap(v.queue.Add)
	}
	test.Tap(v.Next)
	if err := v.m.Join(v.ctx, v.m.Floor().Queue[0].ID); err != nil {
		t.Fatal(err)
	}
	v.Tick()
	want := "Barrack Otieno · Anastasiya Kazakova"
	if v.face.name.Text != want || d.face.name.Text != want {
		t.Errorf("console %q, display %q", v.face.name.Text, d.face.name.Text)
	}
}

// A message typed for one speaker is cleared when the next turn begins:
// the next speaker never sees "Please wrap up".
func TestMessageIsClearedForTheNextSpeaker(t *testing.T) {
	v, _, clock := newConsole(t)
	for _, name := range []string{"Barrack Otieno", "Anastasiya Kazakova"} {
		if err := v.m.Ask(v.ctx, floor.Speaker{Name: name}); err != nil {
			t.Fatal(err)
		}
	}
	v.giveNext()
	v.Message.SetText("Please wrap up in 30 seconds")
	clock.now = clock.now.Add(time.Minute)
	v.Tick()
	if v.Message.Text == "" {
		t.Fatal("the message was cleared during its own turn")
	}
	v.giveNext()
	v.Tick()
	if v.Message.Text != "" {
		t.Fatalf("the next speaker's turn began with %q", v.Message.Text)
	}
}

// After Add to queue nothing keeps the focus, so N gives the floor at once.
func TestAddToQueueLeavesTheKeysToTheConsole(t *testing.T) {
	v, w, _ := newConsole(t)
	v.queue.Name.SetText("Barrack Otieno")
	w.Canvas().Focus(v.queue.Region)
	test.Tap(v.queue.Add)
	if f := w.Canvas().Focused(); f != nil {
		t.Fatalf("%T keeps the focus after Add to queue", f)
	}
	test.TypeOnCanvas(w.Canvas(), "n")
	if cur := v.m.Floor().Current; cur == nil || cur.Speaker.Name != "Barrack Otieno" {
		t.Fatalf("N after Add to queue: %+v", cur)
	}
}

// The balance lists the groups and regions that have not spoken, at 0:00,
// and rounds a turn's time to the nearest second as the report does (1:28.6
// is 1:29 in both).
func TestBalanceShowsWhoHasNotSpokenAndRoundsAsTheReport(t *testing.T) {
	v, _, clock := newConsole(t)
	if err := v.m.Ask(v.ctx, floor.Speaker{Name: "Barrack Otieno", Group: "Technical Community", Region: "African Group"}); err != nil {
		t.Fatal(err)
	}
	v.giveNext()
	clock.now = clock.now.Add(88600 * time.Millisecond)
	v.do(v.m.EndTurn(v.ctx))
	v.Tick()
	var groups []string
	for _, o := range v.charts[0].box.Objects[1:] {
		groups = append(groups, o.(*fyne.Container).Objects[1].(*widget.Label).Text)
	}
	if len(groups) != len(agenda.AllGroups()) || groups[0] != "Technical Community  1:29 (100%, 1)" {
		t.Fatalf("groups: %q", groups)
	}
	if !slices.Contains(groups, "Civil Society  0:00 (0%, 0)") {
		t.Errorf("Civil Society, which has not spoken, is missing: %q", groups)
	}
	if n := len(v.charts[1].box.Objects) - 1; n != len(agenda.AllRegions()) {
		t.Errorf("%d regions listed, want all %d", n, len(agenda.AllRegions()))
	}
}

// A message a seat sends the speaker reaches the speaker display; one the
// moderator types is written to the log on Enter, so the seats see it,
// and Clear message takes it off the display and out of the log.
func TestMessageToTheSpeakerIsTheLogs(t *testing.T) {
	v, w, _ := newConsole(t)
	if err := v.m.Ask(v.ctx, floor.Speaker{Name: "Barrack Otieno"}); err != nil {
		t.Fatal(err)
	}
	v.giveNext()
	if err := v.m.TellSpeaker(v.ctx, "The hub in Lagos has a question"); err != nil {
		t.Fatal(err)
	}
	v.Tick()
	if v.face.message.Text != "The hub in Lagos has a question" || v.Message.Text != "The hub in Lagos has a question" {
		t.Fatalf("a seat's message shows %q (field %q)", v.face.message.Text, v.Message.Text)
	}
	w.Canvas().Focus(v.Message)
	v.Message.SetText("Please wrap up")
	v.Message.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := v.m.Floor().Message; got != "Please wrap up" {
		t.Fatalf("Enter wrote %q to the log", got)
	}
	test.Tap(v.ClearMessage)
	v.Tick()
	if got := v.m.Floor().Message; got != "" || v.face.message.Text != "" {
		t.Fatalf("after Clear message the log has %q and the display %q", got, v.face.message.Text)
	}
}
