package hubserve

import (
	"context"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"encoding/base64"
	"image"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/timer"
	"github.com/igf-floor/floor/storage"
)

// chromium finds Debian's chromium; the test is skipped without it
// (.ci/setup installs it).
func chromium(t testing.TB) string {
	for _, p := range []string{os.Getenv("FLOOR_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser"} {
		if p != "" {
			if _, err := exec.LookPath(p); err == nil {
				return p
			}
		}
	}
	t.Skip("chromium is not installed (apt-get install chromium)")
	return ""
}

// spki is the certificate's public key hash as chromium's
// --ignore-certificate-errors-spki-list takes it: the browser trusts this
// one self-signed room and nothing else, as the desktop hub's pin does.
func spki(t testing.TB, cert tls.Certificate) string {
	c, err := x509.ParseCertificate(cert.Certificate[0])
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(c.RawSubjectPublicKeyInfo)
	return base64.StdEncoding.EncodeToString(sum[:])
}

// browserRoom is a room open to hubs on loopback with one invited hub, and
// a headless chromium with a fake camera and microphone.
type browserRoom struct {
	s      *Serving
	m      *app.Moderator
	invite app.Invite
	hubID  string
	ctx    context.Context
	db     *storage.DB
}

func openBrowserRoom(t testing.TB, extra ...chromedp.ExecAllocatorOption) *browserRoom {
	t.Helper()
	exe := chromium(t)
	ctx := context.Background()
	var cert tls.Certificate
	s, db, m := openTestRoom(t, func(c *Config) { cert = c.Certificate })
	dirs := app.HubDirectory{Store: db, Clock: app.SystemClock{}}
	h, token, err := dirs.Add(ctx, app.NewHub{Name: "Nairobi", City: "Nairobi", Group: "Civil Society", Region: "African Group"})
	if err != nil {
		t.Fatal(err)
	}
	profile, err := os.MkdirTemp("", "floor-chromium")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		// chromium's children may write there a moment after it stops.
		for range 50 {
			if os.RemoveAll(profile) == nil {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
	})
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.UserDataDir(profile),
		chromedp.Flag("use-fake-device-for-media-stream", true),
		chromedp.Flag("use-fake-ui-for-media-stream", true),
		chromedp.Flag("autoplay-policy", "no-user-gesture-required"),
		chromedp.Flag("ignore-certificate-errors-spki-list", spki(t, cert)),
		chromedp.NoSandbox, // CI runs as root
	)
	opts = append(opts, extra...)
	alloc, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(cancelAlloc)
	bctx, cancel := chromedp.NewContext(alloc)
	t.Cleanup(cancel)
	// The first run starts the browser and must not have a deadline: the
	// browser lives as long as that run's context.
	if _, err := chromedp.Run(bctx, chromedp.Evaluate[int]("1")); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return &browserRoom{s: s, m: m, hubID: h.ID, ctx: bctx, db: db,
		invite: app.Invite{Host: s.Addr.String(), Hub: h.ID, Token: token, Pin: s.Pin}}
}

func (b *browserRoom) run(t testing.TB, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// text is the text an element shows.
func (b *browserRoom) text(t testing.TB, sel string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 10*time.Second)
	defer cancel()
	s, err := chromedp.Run(ctx, chromedp.Text(sel))
	if err != nil {
		t.Fatalf("read %s: %v", sel, err)
	}
	return s
}

func waitUntil(t testing.TB, what string, ok func() bool) {
	t.Helper()
	for end := time.Now().Add(20 * time.Second); !ok(); time.Sleep(50 * time.Millisecond) {
		if time.Now().After(end) {
			t.Fatalf("timed out waiting for %s", what)
		}
	}
}

// fail says what the page shows, for a failing wait.
func (b *browserRoom) says(t testing.TB) string {
	return "place " + b.text(t, "#place") + "; notice " + b.text(t, "#notice")
}

// A hub with only a browser: it joins from the invite link, asks for the
// floor, is given it, is decoded in the room, shows the room's timer from
// the DOM, hears the room, and leaving frees its place.
func TestBrowserHubJoinsAsksAndIsSeen(t *testing.T) {
	b := openBrowserRoom(t)
	ctx := context.Background()
	b.run(t, "open the invite link", chromedp.Navigate(b.invite.BrowserURL()), chromedp.WaitVisible("#join"))
	href, err := chromedp.Run(b.ctx, chromedp.Location())
	if err != nil || strings.Contains(href, b.invite.Token) {
		t.Errorf("the token stays in the address bar: %s (%v)", href, err)
	}
	b.run(t, "join", chromedp.SendKeys("#name", "Grace Githaiga"), chromedp.SendKeys("#affiliation", "KICTANet"), chromedp.Click("#join"))
	deadline := time.Now().Add(20 * time.Second)
	for b.text(t, "#place") != "Not asking for the floor" {
		if time.Now().After(deadline) {
			js, _ := chromedp.Run(b.ctx, chromedp.Evaluate[string](`JSON.stringify({w: state.welcomed, t: !!state.timer, dc: state.dc && state.dc.readyState, heard: state.heard})`))
			t.Fatalf("no welcome in the page: %s; room has %d hubs; %s", b.says(t), len(b.s.Room.Present()), js)
		}
		time.Sleep(100 * time.Millisecond)
	}
	b.run(t, "request the floor", chromedp.Click("#request"))
	waitUntil(t, "the request in the moderator's queue", func() bool { return len(b.m.Floor().Queue) == 1 })
	sp := b.m.Floor().Queue[0].Speaker
	if sp.Name != "Grace Githaiga" || sp.Hub != "Nairobi" || sp.Group != "Civil Society" || !sp.Remote {
		t.Errorf("queued %+v", sp)
	}
	waitUntil(t, "the page's place in the queue", func() bool { return b.text(t, "#place") == "Next of 1 in the queue" })

	if err := b.m.Timer(ctx, timer.Command{Kind: timer.StartSession, Duration: time.Hour}); err != nil {
		t.Fatal(err)
	}
	if err := b.m.Give(ctx, 0, timer.CountDown, 3*time.Minute); err != nil {
		t.Fatal(err)
	}
	var pic *image.RGBA
	waitUntil(t, "the browser's video decoded in the room", func() bool {
		_, _, ok := b.s.Play.Picture(b.hubID, &pic)
		return ok
	})
	waitUntil(t, "the page showing it has the floor", func() bool { return b.text(t, "#place") == "You have the floor" })
	// The page renders the room's timer itself; it agrees with the room's
	// to the second.
	digits, words := b.text(t, "#digits"), b.text(t, "#words")
	want := timer.Clock(b.m.Read().Speaker.Remaining, true)
	if digits != want && digits != timer.Clock(b.m.Read().Speaker.Remaining+time.Second, true) || words != "SPEAKING" {
		t.Errorf("the page shows %q %q, the room %q", digits, words, want)
	}
	if name, session := b.text(t, "#speaker-name"), b.text(t, "#session-clock"); name != "Grace Githaiga" ||
		!strings.HasPrefix(session, "Session · 59:") || !strings.HasSuffix(session, " left") {
		t.Errorf("the page shows speaker %q, %q; the room's session has %v left", name, session, b.m.Read().Session.Remaining)
	}
	waitUntil(t, "the room's sound in the page", func() bool { return strings.HasPrefix(b.text(t, "#hearing"), "Hearing the room") })
	// The remote speaker sees what the room's speaker sees: a large ON THE
	// FLOOR, the room's colours and words at the room's thresholds, and the
	// moderator's message until it is cleared.
	if on := b.text(t, "#on-floor"); on != "ON THE FLOOR" {
		t.Errorf("on the floor: %q", on)
	}
	b.m.SetThresholds(timer.Thresholds{Warning: 5 * time.Minute, Danger: 10 * time.Second})
	if err := b.m.TellSpeaker(ctx, "Please wrap up in 30 seconds"); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, "the message and the room's wrap-up in the page", func() bool {
		cls, _ := chromedp.Run(b.ctx, chromedp.Evaluate[string](`document.getElementById('timer').className`))
		return b.text(t, "#to-speaker") == "Please wrap up in 30 seconds" && b.text(t, "#words") == "WRAP UP" && strings.Contains(cls, "warning")
	})
	if err := b.m.TellSpeaker(ctx, ""); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, "the message cleared in the page", func() bool {
		hidden, _ := chromedp.Run(b.ctx, chromedp.Evaluate[bool](`document.getElementById('to-speaker').hidden`))
		return hidden
	})
	if out := os.Getenv("FLOOR_BROWSER_PNG"); out != "" { // the README's screenshot, as a phone shows the page
		b.run(t, "phone-sized", chromedp.EmulateViewport(412, 915))
		time.Sleep(700 * time.Millisecond)
		png, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100))
		if err != nil || os.WriteFile(out, png, 0o644) != nil {
			t.Errorf("screenshot: %v", err)
		}
	}

	b.run(t, "leave", chromedp.Click("#leave"))
	waitUntil(t, "the hub's place freed", func() bool { return len(b.s.Room.Present()) == 0 && len(b.s.Server.Quality()) == 0 })
	waitUntil(t, "the page saying it left", func() bool { return b.text(t, "#place") == "Left the room." })
}

// joinToPicture is one browser join: from the click on Join, through the
// welcome and the request, the floor given the moment the request arrives,
// to the first picture decoded in the room.
func (b *browserRoom) joinToPicture(t testing.TB) time.Duration {
	ctx := context.Background()
	b.run(t, "open the invite link", chromedp.Navigate(b.invite.BrowserURL()), chromedp.WaitVisible("#join"))
	b.run(t, "name the speaker", chromedp.SendKeys("#name", "Grace Githaiga"))
	start := time.Now()
	b.run(t, "join", chromedp.Click("#join"))
	for b.text(t, "#place") != "Not asking for the floor" {
		if time.Since(start) > 20*time.Second {
			t.Fatalf("no welcome: %s", b.says(t))
		}
		time.Sleep(5 * time.Millisecond)
	}
	b.run(t, "request the floor", chromedp.Click("#request"))
	for len(b.m.Floor().Queue) == 0 {
		time.Sleep(2 * time.Millisecond)
	}
	if err := b.m.Give(ctx, 0, timer.CountDown, 3*time.Minute); err != nil {
		t.Fatal(err)
	}
	var pic *image.RGBA
	for {
		if _, _, ok := b.s.Play.Picture(b.hubID, &pic); ok {
			break
		}
		if time.Since(start) > 20*time.Second {
			t.Fatal("no picture decoded")
		}
		time.Sleep(2 * time.Millisecond)
	}
	took := time.Since(start)
	if err := b.m.EndTurn(ctx); err != nil {
		t.Fatal(err)
	}
	b.run(t, "leave", chromedp.Click("#leave"))
	waitUntil(t, "the hub gone", func() bool { return len(b.s.Server.Quality()) == 0 })
	return took
}

// BenchmarkBrowserJoinToFirstPicture is a browser hub's join, floor given
// at once, to its first picture decoded in the room (chromium's fake
// camera, 640×360, on loopback).
func BenchmarkBrowserJoinToFirstPicture(b *testing.B) {
	room := openBrowserRoom(b)
	if err := room.m.Timer(context.Background(), timer.Command{Kind: timer.StartSession, Duration: time.Hour}); err != nil {
		b.Fatal(err)
	}
	var all []time.Duration
	b.ResetTimer()
	for range b.N {
		all = append(all, room.joinToPicture(b))
	}
	b.StopTimer()
	slices.Sort(all)
	b.ReportMetric(float64(all[len(all)/2].Milliseconds()), "ms-p50")
	b.ReportMetric(float64(all[len(all)-1].Milliseconds()), "ms-max")
}

// A browser set to French gets the hub page in French, its static texts and
// what the room's messages make of it alike.
func TestBrowserHubInFrench(t *testing.T) {
	b := openBrowserRoom(t, chromedp.Flag("accept-lang", "fr-FR,fr"), chromedp.Flag("lang", "fr-FR"))
	b.run(t, "open the invite link", chromedp.Navigate(b.invite.BrowserURL()), chromedp.WaitVisible("html[data-ready]"))
	if got := b.text(t, "#join"); got != "Rejoindre avec caméra et micro" {
		t.Errorf("join button %q", got)
	}
	b.run(t, "join", chromedp.SendKeys("#name", "Grace Githaiga"), chromedp.Click("#join"))
	waitUntil(t, "the welcome, in French", func() bool { return b.text(t, "#place") == "Pas de demande de parole" })
	if got := b.text(t, "#request"); got != "Demander la parole" {
		t.Errorf("request button %q", got)
	}
	// A typed request: the kind is chosen in French and reaches the room's queue.
	if got, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`document.querySelector('#type option[value="point-of-order"]').textContent`)); err != nil || got != "Motion d’ordre" {
		t.Errorf("the point of order option %q (%v)", got, err)
	}
	b.run(t, "ask a point of order", chromedp.SetValue("#type", "point-of-order"), chromedp.Click("#request"))
	waitUntil(t, "the point of order in the room's queue", func() bool {
		q := b.m.Floor().Queue
		return len(q) == 1 && q[0].Speaker.Type == floor.PointOfOrder && q[0].Speaker.HubID == b.hubID
	})
}
