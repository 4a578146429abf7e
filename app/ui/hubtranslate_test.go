package ui

import (
	"bytes"
	"log"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// Issue 18, 2: the window, ticking ten times a second, asks Fyne to
// translate no empty text (each such call logs "Translation failure").
func TestHubWindowLogsNoTranslationFailure(t *testing.T) {
	r := newHubRoomRig(t)
	var logged bytes.Buffer
	log.SetOutput(&logged)
	defer log.SetOutput(os.Stderr)
	for range 3 {
		r.v.Tick() // not connected
	}
	r.v.Invite.SetText("floor://192.0.2.7:8443/?hub=hn&token=t&pin=" + strings.Repeat("ab", 32))
	test.Tap(r.v.Join)
	until(t, r.v, "welcomed", func() bool { return strings.HasPrefix(r.v.Place.Text, "Not asking for the floor") })
	for range 3 {
		r.v.Tick() // connected, nobody speaking
	}
	if strings.Contains(logged.String(), "Translation failure") {
		t.Fatalf("the window logged:\n%s", logged.String())
	}
}
