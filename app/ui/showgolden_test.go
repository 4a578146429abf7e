package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/timer"
)

// The show screens as pictures, compared with golden PNGs in
// testdata/show (a change shows as a failed test with the new picture in
// testdata/failed): the moderator's console, the speaker display it drives
// and the remote hub's window, at 1280×800 and 1920×1080, in English and
// French, with text at 100 % and 150 %, over the reference session's real
// names, the longest ones a session meets, a queue of six with a hub and a
// phone, and sixteen hubs. A name cut short, a label over a button, a
// button pushed off the window all change the picture.
//
// Each picture costs a few seconds under the race detector, so the speaker
// display, whose words are few and whose sizes follow the window rather
// than the text size, is drawn at 100 % only.
func TestShowScreenPictures(t *testing.T) {
	if testing.Short() || raceDetector {
		t.Skip("renders twenty windows: without -short and -race (.ci/run's own step)")
	}
	sizes := []fyne.Size{{Width: 1280, Height: 800}, {Width: 1920, Height: 1080}}
	for _, code := range []string{"en", "fr"} {
		for _, scale := range []float32{1, 1.5} {
			for _, size := range sizes {
				suffix := fmt.Sprintf("%.0fx%.0f-%s-%.0f.png", size.Width, size.Height, code, scale*100)
				t.Run("console-"+suffix, func(t *testing.T) {
					pc := showConsole(t, code, scale)
					pc.w.Resize(size)
					test.AssertImageMatches(t, "show/console-"+suffix, pc.w.Canvas().Capture())
					if scale != 1 {
						return
					}
					dw := test.NewWindow(pc.display.Content())
					t.Cleanup(dw.Close)
					dw.Resize(size)
					pc.v.Tick()
					test.AssertImageMatches(t, "show/speaker-"+suffix, dw.Canvas().Capture())
				})
				t.Run("hub-"+suffix, func(t *testing.T) {
					r := showHub(t, code, scale)
					r.w.Resize(size)
					test.AssertImageMatches(t, "show/hub-"+suffix, r.w.Canvas().Capture())
				})
			}
		}
	}
}

// inShowLanguage switches the words to code before a screen is built,
// which takes its labels' words as it builds them.
func inShowLanguage(t *testing.T, code string) {
	t.Helper()
	if code != "en" {
		inLanguage(t, code)
	}
}

// withTextScale draws the current test app's text at scale.
func withTextScale(scale float32) {
	fyne.CurrentApp().Settings().SetTheme(Appearance{TextScale: scale}.Theme())
}

// showConsole is the console as floor moderate opens it, two turns into
// the reference session: a speaker with a long name on the floor with a
// message, the policy question up, six waiting (a hub and a phone among
// them) and sixteen hubs connected, at 11:24:40 UTC.
func showConsole(t *testing.T, code string, scale float32) pollConsole {
	t.Helper()
	ctx := context.Background()
	inShowLanguage(t, code)
	pc := newPollConsole(t) // a new test app
	withTextScale(scale)
	v := pc.v
	v.EnableFairFloor()
	v.EnableDisplayPrefs(pc.db, pc.w)
	pc.display.SetZone(time.UTC)
	access := &memoryAccess{}
	cities := []string{"Ouagadougou", "São Paulo", "Nairobi University", "Kathmandu", "Bishkek", "Port Moresby",
		"Tegucigalpa", "Ulaanbaatar", "Dar es Salaam", "Thiruvananthapuram", "Yamoussoukro", "Vientiane",
		"Antananarivo", "Chișinău", "Nukuʻalofa", "Quetzaltenango"}
	for i, city := range cities {
		h := floor.Hub{ID: fmt.Sprintf("h%02d", i), Name: "Youth IGF " + city, Group: "Civil Society"}
		access.hubs = append(access.hubs, h)
		access.links = append(access.links, app.HubLink{Hub: h, State: "connected", RTT: 142 * time.Millisecond, FPS: 30,
			Kbps: 1517, People: 120, Control: i%4 != 0, PacketsLost: 12345})
	}
	v.EnableHubs(access, pc.w)
	v.OpenToHubs()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(v.m.Timer(ctx, timer.Command{Kind: timer.StartSession, Duration: time.Hour}))
	for _, s := range []floor.Speaker{
		{Name: "Jon Albert Fanzun", Group: "Government", Region: "Western European and Others Group (WEOG)"},
		{Name: "Anastasiya Kazakova-Ivanovskaya", Affiliation: "Kaspersky", Group: "Private Sector", Region: "Eastern European Group"},
		{Name: "Barrack Otieno", Group: "Technical Community", Region: "African Group", Youth: true},
		{Name: "Youth IGF São Paulo", Group: "Civil Society", Region: "Latin American and Caribbean Group (GRULAC)",
			Remote: true, Hub: "Youth IGF São Paulo", HubID: "h01", Youth: true, Source: floor.FromHub},
		{Name: "Sebastian Stranieri", Group: "Private Sector", Region: "Latin American and Caribbean Group (GRULAC)"},
		{Name: "Marilia Maciel", Group: "Civil Society", Region: "Latin American and Caribbean Group (GRULAC)"},
		{Name: "David Koh", Affiliation: "Cyber Security Agency of Singapore", Group: "Government", Region: "Asia-Pacific Group"},
		{Name: "Amina Diallo-Ouédraogo", Group: "Intergovernmental Organization", Source: floor.FromPhone, Device: "ab12"},
	} {
		must(v.m.Ask(ctx, s))
	}
	must(v.m.StepQuestion(ctx, v.session.PolicyQuestions, +1))
	v.queue.refresh()
	v.Tick()
	test.Tap(v.Next) // Jon Albert Fanzun for 3 min
	if v.m.Floor().Current == nil {
		t.Fatalf("not given: %s", v.Status.Text)
	}
	pc.clock.now = pc.clock.now.Add(100 * time.Second)
	must(v.m.EndTurn(ctx))
	v.Tick()
	test.Tap(v.Next) // Anastasiya Kazakova-Ivanovskaya, a speaker's long name
	v.Message.SetText("Please wrap up in 30 seconds")
	v.Message.OnSubmitted(v.Message.Text)
	pc.clock.now = pc.clock.now.Add(140 * time.Second) // past the message's flash
	v.Tick()
	return pc
}

// showHub is the hub window on the floor of the reference session, with
// the moderator's message and the policy question, after a check before
// joining that found the microphone silent.
func showHub(t *testing.T, code string, scale float32) *hubRoomRig {
	t.Helper()
	ctx := context.Background()
	inShowLanguage(t, code)
	r := newHubRoomRig(t) // a new test app
	withTextScale(scale)
	v, m := r.v, r.m
	v.EnablePreflight(app.HubPreflight{Devices: func() []app.HubDevice {
		return []app.HubDevice{{ID: "v0", Label: "Logitech C920 HD Pro Webcam", Camera: true}, {ID: "a0", Label: "Jabra Speak 510 USB"}}
	}})
	v.preflight.show(app.Invite{Host: "192.0.2.7:8443"}, app.PreflightReport{
		Camera:     app.PreflightItem{Status: app.PreflightOK, Detail: "Logitech C920 HD Pro Webcam"},
		Microphone: app.PreflightItem{Status: app.PreflightSilent}, Room: app.PreflightItem{Status: app.PreflightOK},
		Certificate: app.PreflightItem{Status: app.PreflightOK}})
	v.Invite.SetText("floor://192.0.2.7:8443/?hub=hn&token=t&pin=" + strings.Repeat("ab", 32))
	v.People.SetText("14")
	test.Tap(v.Join)
	until(t, v, "welcomed", func() bool { return strings.Contains(v.Place.Text, "Security of digital products") })
	v.Name.SetText("Grace Githaiga-Wanjiru")
	v.Affiliation.SetText("Kenya ICT Action Network (KICTANet)")
	test.Tap(v.Request)
	until(t, v, "queued", func() bool { return len(m.Floor().Queue) == 1 })
	if err := m.Timer(ctx, timer.Command{Kind: timer.StartSession, Duration: time.Hour}); err != nil {
		t.Fatal(err)
	}
	if err := m.Give(ctx, 0, timer.CountDown, 3*time.Minute); err != nil {
		t.Fatal(err)
	}
	if err := m.StepQuestion(ctx, r.s.PolicyQuestions, +1); err != nil {
		t.Fatal(err)
	}
	if err := m.TellSpeaker(ctx, "Please wrap up in 30 seconds"); err != nil {
		t.Fatal(err)
	}
	r.clock.add(75 * time.Second)
	until(t, v, "on the floor with the message", func() bool {
		// Not stale: the room has spoken since the clock moved on (under load
		// its next word can come after the timer's digits are right).
		return v.face.digits.Text == "1:45" && v.face.message.Text == "Please wrap up in 30 seconds" && v.news.Question.Text != "" &&
			v.Stale.Text == ""
	})
	return r
}

// At 1280×800 in French with text at 150 %, the hub window's right side
// (the place, "You have the floor · <the session's title>") wraps within
// the window, and the form on the left is not drawn under it.
func TestHubWindowFitsAt150PercentInFrench(t *testing.T) {
	r := showHub(t, "fr", 1.5)
	r.w.Resize(fyne.NewSize(1280, 800))
	d := fyne.CurrentApp().Driver()
	placeX := d.AbsolutePositionForObject(r.v.Place).X
	if end := placeX + r.v.Place.Size().Width; end > 1280 {
		t.Errorf("the place line ends at %.0f, past the window", end)
	}
	if end := d.AbsolutePositionForObject(r.v.People).X + r.v.People.Size().Width; end > placeX {
		t.Errorf("the form ends at %.0f, under the right side at %.0f", end, placeX)
	}
}
