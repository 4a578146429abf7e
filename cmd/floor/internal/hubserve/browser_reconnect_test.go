package hubserve

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"errors"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/igf-floor/floor/app"
)

// reconnectChromium is a headless chromium with a fake camera and
// microphone that trusts exactly the room's certificate.
func reconnectChromium(t *testing.T, cert tls.Certificate) context.Context {
	t.Helper()
	exe := chromium(t)
	profile, err := os.MkdirTemp("", "floor-chromium")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		for range 50 { // chromium's children may write there a moment after it stops
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
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancelAlloc)
	bctx, cancel := chromedp.NewContext(alloc)
	t.Cleanup(cancel)
	if _, err := chromedp.Run(bctx, chromedp.Evaluate[int]("1")); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return bctx
}

// eval is a script expression's value in the page.
func (b *browserRoom) eval(t *testing.T, js string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 10*time.Second)
	defer cancel()
	s, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
	if err != nil {
		t.Fatalf("evaluate %s: %v", js, err)
	}
	return s
}

// askForTheFloor waits for the welcome and clicks Request the floor once
// the page has settled (the stale badge gone, so the button stays put
// under the click), until the request is in the moderator's queue.
func (b *browserRoom) askForTheFloor(t *testing.T) {
	t.Helper()
	waitUntil(t, "the welcome", func() bool { return b.text(t, "#place") == "Not asking for the floor" })
	b.run(t, "the page settled", chromedp.WaitNotVisible("#stale"), chromedp.WaitEnabled("#request"))
	b.run(t, "request the floor", chromedp.Click("#request"))
	for end := time.Now().Add(20 * time.Second); len(b.m.Floor().Queue) != 1; time.Sleep(50 * time.Millisecond) {
		if time.Now().After(end) {
			t.Fatalf("no request in the moderator's queue: %s; page %s", b.says(t),
				b.eval(t, `JSON.stringify({link: !!state.link, request: state.request, dc: state.dc && state.dc.readyState, pc: state.pc && state.pc.connectionState, button: document.getElementById('request').disabled})`))
		}
	}
}

// A browser hub whose room restarts under it (Close, then Open again on the
// same port with the same certificate and database) reconnects by itself,
// without a click: it says so while it tries, joins again with the same
// token, and gets its place in the queue back from the room; it never asks
// for the floor a second time.
func TestBrowserReconnectsWhenTheRoomRestarts(t *testing.T) {
	ctx := context.Background()
	var cfg Config
	s, db, m := openTestRoom(t, func(c *Config) { cfg = *c })
	dirs := app.HubDirectory{Store: db, Clock: app.SystemClock{}}
	h, token, err := dirs.Add(ctx, app.NewHub{Name: "Nairobi", City: "Nairobi", Group: "Civil Society", Region: "African Group"})
	if err != nil {
		t.Fatal(err)
	}
	b := &browserRoom{s: s, m: m, hubID: h.ID, ctx: reconnectChromium(t, cfg.Certificate),
		invite: app.Invite{Host: s.Addr.String(), Hub: h.ID, Token: token, Pin: s.Pin}}

	b.run(t, "open the invite link", chromedp.Navigate(b.invite.BrowserURL()), chromedp.WaitVisible("html[data-ready]"))
	if got := b.text(t, "#hearing"); strings.Contains(got, "not arriving") {
		t.Errorf("before joining, the page says %q", got)
	}
	// Every status the page shows, however briefly, is kept for the end.
	b.eval(t, `window.placesSeen = []; new MutationObserver(() => window.placesSeen.push(document.getElementById('place').textContent))
		.observe(document.getElementById('place'), { childList: true, characterData: true, subtree: true }); 'ok'`)
	b.run(t, "join", chromedp.SendKeys("#name", "Grace Githaiga"), chromedp.SendKeys("#affiliation", "KICTANet"), chromedp.Click("#join"))
	b.askForTheFloor(t)
	asked := b.m.Floor().Queue[0]
	waitUntil(t, "the page's place in the queue", func() bool { return b.text(t, "#place") == "Next of 1 in the queue" })
	first := b.eval(t, `state.location`)

	// The room stops; the page notices by itself and keeps trying.
	closed := time.Now()
	if err := s.Close(); err != nil {
		t.Logf("close: %v", err)
	}
	waitUntil(t, "the page saying it reconnects", func() bool {
		return strings.HasPrefix(b.text(t, "#place"), "Reconnecting to the room")
	})
	noticed := time.Since(closed)
	time.Sleep(1500 * time.Millisecond) // a try or two against a closed port

	// The room comes back: same port, certificate and database; the
	// moderator reopened from the log, the queue with it.
	m2, err := app.OpenModerator(ctx, db, app.SystemClock{}, "igf/ws234")
	if err != nil {
		t.Fatal(err)
	}
	if q := m2.Floor().Queue; len(q) != 1 || q[0].ID != asked.ID {
		t.Fatalf("the reopened moderator's queue %+v, want request %d", q, asked.ID)
	}
	cfg.Moderator, cfg.Listen = m2, s.Addr.String()
	var s2 *Serving
	for end := time.Now().Add(5 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		if s2, err = Open(ctx, cfg); err == nil || time.Now().After(end) {
			break
		}
	}
	if err != nil {
		t.Fatalf("reopen on %s: %v", cfg.Listen, err)
	}
	t.Cleanup(func() { s2.Close() })
	reopened := time.Now()
	b.s, b.m = s2, m2

	deadline := reopened.Add(30 * time.Second)
	for {
		again := b.eval(t, `state.welcomed && !state.link ? state.location : ''`)
		if again != "" && again != first && b.text(t, "#place") == "Next of 1 in the queue" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the page did not come back within 30 s: %s; room has %+v", b.says(t), s2.Room.Present())
		}
		time.Sleep(50 * time.Millisecond)
	}
	took := time.Since(reopened)
	t.Logf("the page said it was reconnecting %v after the room closed, and was back in its place %v after the room reopened (%v down)",
		noticed.Round(time.Millisecond), took.Round(time.Millisecond), reopened.Sub(closed).Round(time.Millisecond))

	// No second request: the room gave the hub back its own.
	time.Sleep(1500 * time.Millisecond)
	q := m2.Floor().Queue
	if len(q) != 1 || q[0].ID != asked.ID || q[0].Speaker.HubID != h.ID || q[0].Speaker.Name != "Grace Githaiga" {
		t.Errorf("after the reconnect the queue is %+v, want request %d of hub %s alone", q, asked.ID, h.ID)
	}
	if p := s2.Room.Present(); len(p) != 1 || p[0].Hub.ID != h.ID || !p[0].Away.IsZero() || !slices.Equal(p[0].Requests, []int{asked.ID}) {
		t.Errorf("the reopened room has %+v", p)
	}
	if got := b.text(t, "#request"); got != "Withdraw" {
		t.Errorf("the request button says %q after the reconnect", got)
	}
	seen := b.eval(t, `window.placesSeen.join('\n')`)
	if !strings.Contains(seen, "Reconnecting to the room (attempt ") {
		t.Errorf("the page never showed its attempts; it showed:\n%s", seen)
	}
}

// A link that goes quiet while its WHIP session is still there is mended
// with an ICE restart on that session (a PATCH with new credentials under
// If-Match, RFC 9725 §4.4), not with a new POST: same session, new ETag,
// new ICE credentials on both sides, and the room never saw the hub leave.
func TestBrowserReconnectRestartsICEOnAQuietLink(t *testing.T) {
	ctx := context.Background()
	var cfg Config
	s, db, m := openTestRoom(t, func(c *Config) { cfg = *c })
	dirs := app.HubDirectory{Store: db, Clock: app.SystemClock{}}
	h, token, err := dirs.Add(ctx, app.NewHub{Name: "Nairobi", City: "Nairobi", Group: "Civil Society", Region: "African Group"})
	if err != nil {
		t.Fatal(err)
	}
	b := &browserRoom{s: s, m: m, hubID: h.ID, ctx: reconnectChromium(t, cfg.Certificate),
		invite: app.Invite{Host: s.Addr.String(), Hub: h.ID, Token: token, Pin: s.Pin}}
	b.run(t, "open the invite link", chromedp.Navigate(b.invite.BrowserURL()), chromedp.WaitVisible("html[data-ready]"))
	b.run(t, "join", chromedp.SendKeys("#name", "Grace Githaiga"), chromedp.Click("#join"))
	b.askForTheFloor(t)
	waitUntil(t, "the page's place in the queue", func() bool { return b.text(t, "#place") == "Next of 1 in the queue" })
	before := b.eval(t, `JSON.stringify([state.location, state.etag, credentials(state.pc.localDescription.sdp).ufrag, credentials(state.pc.remoteDescription.sdp).ufrag])`)

	// The room's heartbeats seem to stop: the watch sees a stale link.
	if got := b.eval(t, `state.heard = Date.now() - 10000; watch(); state.link ? 'reconnecting' : 'not'`); got != "reconnecting" {
		t.Fatalf("a stale link started no reconnection (%s)", got)
	}
	start := time.Now()
	waitUntil(t, "the link mended", func() bool { return b.eval(t, `state.link ? '' : 'up'`) == "up" })
	took := time.Since(start)
	after := b.eval(t, `JSON.stringify([state.location, state.etag, credentials(state.pc.localDescription.sdp).ufrag, credentials(state.pc.remoteDescription.sdp).ufrag])`)
	t.Logf("ICE restarted in %v: %s → %s", took.Round(time.Millisecond), before, after)
	var was, is []string
	if err := errors.Join(json.Unmarshal([]byte(before), &was), json.Unmarshal([]byte(after), &is)); err != nil || len(was) != 4 || len(is) != 4 {
		t.Fatalf("page state %s, %s: %v", before, after, err)
	}
	if is[0] != was[0] {
		t.Errorf("a new session %s, not an ICE restart on %s", is[0], was[0])
	}
	if is[1] == was[1] || is[2] == was[2] || is[3] == was[3] {
		t.Errorf("ETag or ICE credentials unchanged: %v → %v", was, is)
	}
	waitUntil(t, "the place shown again", func() bool { return b.text(t, "#place") == "Next of 1 in the queue" })
	if q := m.Floor().Queue; len(q) != 1 {
		t.Errorf("queue %+v", q)
	}
	if p := s.Room.Present(); len(p) != 1 || !p[0].Away.IsZero() {
		t.Errorf("the room has %+v", p)
	}
	// The link carries the room's messages after the restart.
	waitUntil(t, "a heartbeat after the restart", func() bool {
		return b.eval(t, `Date.now() - state.heard < 1500 && state.pc.connectionState === 'connected' ? 'yes' : ''`) == "yes"
	})
}

// A hub whose invite is revoked while it is connected is cut off; the page
// tries to come back once, is refused (401) and stops trying, saying why.
func TestBrowserReconnectStopsWhenTheInviteIsRevoked(t *testing.T) {
	ctx := context.Background()
	var cfg Config
	s, db, m := openTestRoom(t, func(c *Config) { cfg = *c })
	dirs := app.HubDirectory{Store: db, Clock: app.SystemClock{}}
	h, token, err := dirs.Add(ctx, app.NewHub{Name: "Nairobi", City: "Nairobi", Group: "Civil Society", Region: "African Group"})
	if err != nil {
		t.Fatal(err)
	}
	b := &browserRoom{s: s, m: m, hubID: h.ID, ctx: reconnectChromium(t, cfg.Certificate),
		invite: app.Invite{Host: s.Addr.String(), Hub: h.ID, Token: token, Pin: s.Pin}}
	b.run(t, "open the invite link", chromedp.Navigate(b.invite.BrowserURL()), chromedp.WaitVisible("html[data-ready]"))
	b.run(t, "join", chromedp.SendKeys("#name", "Grace Githaiga"), chromedp.Click("#join"))
	waitUntil(t, "the welcome", func() bool { return b.text(t, "#place") == "Not asking for the floor" })
	if _, err := dirs.Revoke(ctx, h.ID); err != nil {
		t.Fatal(err)
	}
	s.Server.Disconnect(h.ID, "the hub's invite was revoked")
	const words = "This invite was revoked or is not valid; ask the moderator for a new one"
	waitUntil(t, "the page saying the invite is revoked", func() bool { return b.text(t, "#place") == words })
	time.Sleep(2 * time.Second) // longer than the next tries would wait
	if got := b.eval(t, `JSON.stringify({link: !!state.link, joined: state.joined, pc: !!state.pc})`); got != `{"link":false,"joined":false,"pc":false}` {
		t.Errorf("the page still tries after a 401: %s", got)
	}
	if got := b.text(t, "#place"); got != words {
		t.Errorf("the page says %q", got)
	}
}
