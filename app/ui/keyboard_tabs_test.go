package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// alt types Alt+key on the canvas, as the window driver hands it over.
func alt(c fyne.Canvas, key fyne.KeyName) {
	c.(interface{ TypedShortcut(fyne.Shortcut) }).TypedShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierAlt})
}

// The moderator writes, opens and closes a poll, puts its results on the
// speaker display, and exports the report, with the keyboard alone: Alt+2
// and Alt+3 choose the tabs (Fyne's tab buttons take no focus), Tab reaches
// each field and button, Space presses.
func TestPollsAndReportFromTheKeyboardAlone(t *testing.T) {
	pc := newPollConsole(t)
	v, polls, d := pc.v, pc.polls, pc.display
	c := pc.w.Canvas()
	p := v.pollPanel

	alt(c, fyne.Key2)
	if v.Tabs.SelectedIndex() != 1 {
		t.Fatalf("Alt+2 chose tab %d", v.Tabs.SelectedIndex())
	}
	tabTo(t, c, p.Question)
	test.Type(p.Question, "Who should certify connected products?")
	tabTo(t, c, p.Options)
	test.Type(p.Options, "Vendors\nRegulators")
	tabTo(t, c, p.Write)
	press(c, fyne.KeySpace)
	cur, ok := polls.Current()
	if !ok || len(cur.Options) != 2 {
		t.Fatalf("poll written: %+v %v (%s)", cur, ok, v.Status.Text)
	}
	tabTo(t, c, p.Open)
	press(c, fyne.KeySpace)
	if cur, _ = polls.Current(); !cur.Open() {
		t.Fatal("Space on Open poll did not open it")
	}
	tabTo(t, c, p.OnDisplay)
	press(c, fyne.KeySpace)
	v.Tick()
	if !p.OnDisplay.Checked || !d.poll.Visible() {
		t.Fatal("Space on the check did not put the results on the speaker display")
	}
	tabTo(t, c, p.Close)
	press(c, fyne.KeySpace)
	if cur, _ = polls.Current(); cur.Open() {
		t.Fatal("Space on Close poll did not close it")
	}

	alt(c, fyne.Key3)
	r := v.reportPanel
	tabTo(t, c, r.Takeaways)
	test.Type(r.Takeaways, "Security by default")
	tabTo(t, c, r.Export["md"])
	press(c, fyne.KeySpace)
	if !strings.HasPrefix(r.Result.Text, "Report written to ") {
		t.Fatalf("export: %q", r.Result.Text)
	}
	alt(c, fyne.Key1)
	if v.Tabs.SelectedIndex() != 0 {
		t.Fatalf("Alt+1 chose tab %d", v.Tabs.SelectedIndex())
	}
}

// A participant finds a session, opens it, adds it to My agenda and shows
// My agenda alone, with the keyboard alone: Enter in the search goes to the
// list, the arrows move in it, Space opens a session, Tab reaches the
// buttons.
func TestAgendaFromTheKeyboardAlone(t *testing.T) {
	v, w := newView(t)
	c := w.Canvas()
	c.Focus(v.Search)
	test.Type(v.Search, "Otieno")
	v.Search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if c.Focused() != v.List {
		t.Fatalf("Enter in the search left the focus on %T", c.Focused())
	}
	press(c, fyne.KeyDown) // past the day's heading
	press(c, fyne.KeySpace)
	if v.selected == 0 || !strings.Contains(richText(v), "Security of digital products") {
		t.Fatalf("Space opened %d: %.100s", v.selected, richText(v))
	}
	tabTo(t, c, v.Favourite)
	press(c, fyne.KeySpace)
	if !strings.Contains(v.Favourite.Text, "In My agenda") {
		t.Fatalf("favourite button %q", v.Favourite.Text)
	}
	c.Focus(v.Search)
	v.Search.SetText("")
	tabTo(t, c, v.MyAgenda)
	press(c, fyne.KeySpace)
	if !v.MyAgenda.Checked || v.List.Length() != 2 { // the day's heading and the one favourite
		t.Fatalf("My agenda: %v, %d rows", v.MyAgenda.Checked, v.List.Length())
	}
}

// tabToButton moves the focus with Tab to the button labelled text (in a
// dialog, whose widgets a test cannot name).
func tabToButton(t *testing.T, c fyne.Canvas, text string) {
	t.Helper()
	for i := 0; i < 80; i++ {
		if b, ok := c.Focused().(*widget.Button); ok && b.Text == text {
			return
		}
		c.FocusNext()
	}
	t.Fatalf("Tab never reaches the %q button", text)
}

// The moderator invites a hub through the two dialogs with the keyboard
// alone: the form takes the focus, Tab reaches its button, Space presses;
// the invite dialog closes the same way.
func TestInviteDialogsFromTheKeyboardAlone(t *testing.T) {
	v, w, _ := newConsole(t)
	access := &memoryAccess{}
	v.EnableHubs(access, w)
	c := w.Canvas()
	tabTo(t, c, v.hubs.Invite)
	press(c, fyne.KeySpace)
	if c.Overlays().Top() == nil {
		t.Fatal("Space on Invite a hub… opened no dialog")
	}
	c.FocusNext() // the form's first field
	if _, ok := c.Focused().(*widget.Entry); !ok {
		t.Fatalf("the dialog's first stop is %T", c.Focused())
	}
	typeLikeTheDriver(c, "Nairobi University")
	tabToButton(t, c, "Invite")
	press(c, fyne.KeySpace)
	if len(access.hubs) != 1 || access.hubs[0].Name != "Nairobi University" {
		t.Fatalf("invited %+v", access.hubs)
	}
	tabToButton(t, c, "Done")
	press(c, fyne.KeySpace)
	if c.Overlays().Top() != nil {
		t.Fatal("the invite dialog stayed open")
	}
}
