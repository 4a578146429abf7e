package ui

import (
	"context"
	"errors"
	"net"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/igf-floor/floor/app"
)

// fakeDevices is a machine with a camera and two microphones, the second
// one hearing the host.
func fakeDevices() []app.HubDevice {
	return []app.HubDevice{{ID: "v0", Label: "Integrated camera", Camera: true},
		{ID: "a0", Label: "Built-in microphone"}, {ID: "a1", Label: "Headset"}}
}

// Issue 18, item 4: the hub window offers the machine's camera and
// microphones, checks before joining and says in words what is wrong; the
// devices picked are the ones the join opens.
func TestHubWindowChecksBeforeJoining(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	host := l.Addr().String()
	l.Close() // nothing listens there
	var joinedWith [2]string
	v, _ := hubWindowAlone(t, func(context.Context, app.Invite, bool) (app.HubConnection, error) {
		return nil, errors.New("not joining in this test")
	})
	v.OnDevices = func(camera, mic string) { joinedWith = [2]string{camera, mic} }
	v.EnablePreflight(app.HubPreflight{Devices: fakeDevices, MicLevel: func(_ context.Context, id string) (float64, error) {
		if id == "a1" {
			return 0.42, nil
		}
		return 0, nil
	}})
	f := v.preflight
	if f.Camera.Selected != "Integrated camera" || len(f.Mic.Options) != 2 {
		t.Fatalf("camera %q, microphones %q", f.Camera.Selected, f.Mic.Options)
	}
	v.Invite.SetText("floor://" + host + "/?hub=hn&token=t&pin=" + strings.Repeat("ab", 32))
	test.Tap(f.Check)
	for _, want := range []string{"✓ Camera: Integrated camera", "✗ The microphone hears nothing: is it muted, or the wrong one?",
		"✗ The room does not answer at " + host + ": is the moderator's Floor open to hubs, and is this the right invite?"} {
		if !strings.Contains(f.Result.Text, want) {
			t.Errorf("no %q in:\n%s", want, f.Result.Text)
		}
	}
	if strings.Contains(f.Result.Text, "certificate") || strings.Contains(f.Result.Text, "All set") {
		t.Errorf("a certificate verdict without a room:\n%s", f.Result.Text)
	}
	f.Mic.SetSelected("Headset")
	test.Tap(f.Check)
	if !strings.Contains(f.Result.Text, "✓ Microphone: Headset, heard at 42 %") || f.Level.Value != 0.42 {
		t.Errorf("the headset: level %.2f,\n%s", f.Level.Value, f.Result.Text)
	}
	test.Tap(v.Join)
	if joinedWith != [2]string{"v0", "a1"} {
		t.Errorf("joined with %q", joinedWith)
	}
}

// A machine without devices says so in its pickers and its check.
func TestHubWindowWithoutDevicesSaysSo(t *testing.T) {
	v, _ := hubWindowAlone(t, nil)
	v.EnablePreflight(app.HubPreflight{Devices: func() []app.HubDevice { return nil }})
	f := v.preflight
	if f.Camera.Selected != "(none found)" || !f.Mic.Disabled() {
		t.Errorf("camera %q, microphone disabled %v", f.Camera.Selected, f.Mic.Disabled())
	}
	f.show(app.Invite{Host: "192.0.2.7:8443"}, app.PreflightReport{Camera: app.PreflightItem{Status: app.PreflightMissing},
		Microphone: app.PreflightItem{Status: app.PreflightMissing}, Room: app.PreflightItem{Status: app.PreflightOK},
		Certificate: app.PreflightItem{Status: app.PreflightWrongRoom}})
	for _, want := range []string{"✗ No camera found", "✗ No microphone found", "✓ The room answers at 192.0.2.7:8443.",
		"✗ The room at 192.0.2.7:8443 is not the one this invite names"} {
		if !strings.Contains(f.Result.Text, want) {
			t.Errorf("no %q in:\n%s", want, f.Result.Text)
		}
	}
}
