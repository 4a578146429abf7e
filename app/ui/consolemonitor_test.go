package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// The hubs panel offers the confidence monitor's link while open, and says
// why not while closed.
func TestConsoleOffersTheSpeakerDisplayLink(t *testing.T) {
	v, w, _ := newConsole(t)
	access := &memoryAccess{}
	v.EnableHubs(access, w)
	test.Tap(v.hubs.Monitor)
	if v.hubs.monitorLink != nil {
		t.Fatal("a link shown while closed")
	}
	v.OpenToHubs()
	test.Tap(v.hubs.Monitor)
	if l := v.hubs.monitorLink; l == nil || !strings.HasPrefix(l.Text, "https://192.0.2.7:8443/display#token=") {
		t.Fatalf("link %v", l)
	}
}
