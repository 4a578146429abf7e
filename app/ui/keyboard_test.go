package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// tabTo moves the focus with Tab until it reaches target, as a keyboard
// user would; it fails when Tab never gets there.
func tabTo(t *testing.T, c fyne.Canvas, target fyne.Focusable) {
	t.Helper()
	for i := 0; i < 80; i++ {
		if c.Focused() == target {
			return
		}
		c.FocusNext()
	}
	t.Fatalf("Tab never reaches %T", target)
}

// press sends a key to the focused widget as the window driver does: a key
// event, and for Space the character too (buttons act on the key, checks on
// the character).
func press(c fyne.Canvas, key fyne.KeyName) {
	f := c.Focused()
	f.TypedKey(&fyne.KeyEvent{Name: key})
	if key == fyne.KeySpace {
		f.TypedRune(' ')
	}
}

// A hub host joins, asks for the floor, withdraws and leaves with the
// keyboard alone: Tab to each field and button, type, Space to press.
func TestHubWindowFromTheKeyboardAlone(t *testing.T) {
	r := newHubRoomRig(t)
	v, w, m, room := r.v, r.w, r.m, r.room
	c := w.Canvas()

	c.Focus(v.Invite)
	test.Type(v.Invite, "floor://192.0.2.7:8443/?hub=hn&token=t&pin="+strings.Repeat("ab", 32))
	tabTo(t, c, v.Name)
	test.Type(v.Name, "Grace Githaiga")
	tabTo(t, c, v.People)
	test.Type(v.People, "9")
	tabTo(t, c, v.Join)
	press(c, fyne.KeySpace)
	until(t, v, "welcomed", func() bool { return strings.HasPrefix(v.Place.Text, "Not asking for the floor") })
	tabTo(t, c, v.Request)
	press(c, fyne.KeySpace)
	until(t, v, "queued", func() bool { return strings.HasPrefix(v.Place.Text, "Next of 1 in the queue") })
	if q := m.Floor().Queue; len(q) != 1 || q[0].Speaker.Name != "Grace Githaiga" {
		t.Fatalf("queue %+v", q)
	}
	press(c, fyne.KeySpace) // the same button now withdraws
	until(t, v, "withdrawn", func() bool { return len(m.Floor().Queue) == 0 })
	tabTo(t, c, v.Leave)
	press(c, fyne.KeySpace)
	if v.Place.Text != "Not connected" || len(room.Present()) != 0 {
		t.Errorf("after leaving: %q, %d present", v.Place.Text, len(room.Present()))
	}
}

// The moderator adds a request, starts the session, gives the floor and
// ends the turn with the keyboard alone.
func TestConsoleFromTheKeyboardAlone(t *testing.T) {
	v, w, _ := newConsole(t)
	c := w.Canvas()
	c.Focus(v.queue.Name)
	test.Type(v.queue.Name, "Barrack Otieno") // the agenda fills in his group and region
	tabTo(t, c, v.queue.Add)
	press(c, fyne.KeySpace)
	if q := v.m.Floor().Queue; len(q) != 1 || q[0].Speaker.Group != "Technical Community" {
		t.Fatalf("queue %+v", q)
	}
	tabTo(t, c, v.StartSession)
	press(c, fyne.KeySpace)
	tabTo(t, c, v.Next)
	press(c, fyne.KeySpace)
	if cur := v.m.Floor().Current; cur == nil || cur.Speaker.Name != "Barrack Otieno" {
		t.Fatalf("on the floor: %+v", cur)
	}
	tabTo(t, c, v.EndTurn)
	press(c, fyne.KeySpace)
	if v.m.Floor().Current != nil || len(v.m.Floor().Interventions) != 1 {
		t.Errorf("the turn did not end: %+v", v.m.Floor())
	}
}
