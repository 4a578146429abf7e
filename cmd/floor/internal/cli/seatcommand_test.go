package cli

import (
	"strings"
	"testing"
)

// A seat's typed commands read as the wire's: ask takes floor serve's
// flags, edit its fields after the request, speaker the message.
func TestSeatCommandsReadAsTheWires(t *testing.T) {
	c, err := seatCommand("ask", `--type point-of-order --group "Civil Society" Nnenna Nwakanma`)
	if err != nil || c.Speaker == nil || c.Speaker.Name != "Nnenna Nwakanma" || c.Speaker.Type != "point-of-order" || c.Speaker.Group != "Civil Society" {
		t.Fatalf("ask: %+v %+v, %v", c, c.Speaker, err)
	}
	// An online moderator adds a participant of the video call: remote,
	// with no hub (the typed ask had no way to say so).
	if c, err = seatCommand("ask", "--remote Zoom participant"); err != nil || !c.Remote || c.Speaker.Name != "Zoom participant" {
		t.Fatalf("ask --remote: %+v, %v", c, err)
	}
	c, err = seatCommand("edit", "3 Grace Githaiga | KICTANet | Civil Society | African Group")
	if err != nil || c.Verb != "edit" || c.ID != 3 || c.Speaker.Affiliation != "KICTANet" || c.Speaker.Region != "African Group" {
		t.Fatalf("edit: %+v %+v, %v", c, c.Speaker, err)
	}
	if c, err = seatCommand("speaker", "Please wrap up"); err != nil || c.Verb != "tell" || c.Text != "Please wrap up" {
		t.Fatalf("speaker: %+v, %v", c, err)
	}
	if c, err = seatCommand("approve", "4"); err != nil || c.Verb != "queue-question" || c.ID != 4 {
		t.Fatalf("approve: %+v, %v", c, err)
	}
	if c, err = seatCommand("answer", "4 After the break."); err != nil || c.Verb != "answer" || c.ID != 4 || c.Text != "After the break." {
		t.Fatalf("answer: %+v, %v", c, err)
	}
	if _, err := seatCommand("add", "abc"); err == nil || !strings.Contains(err.Error(), "a number of seconds") {
		t.Errorf("add abc: %v", err)
	}
	for _, bad := range [][2]string{{"publish", "x"}, {"ask", ""}, {"edit", "x Name"}, {"edit", "3"}, {"ask", "--type tea Ana"}} {
		if _, err := seatCommand(bad[0], bad[1]); err == nil {
			t.Errorf("%s %q was read", bad[0], bad[1])
		}
	}
}
