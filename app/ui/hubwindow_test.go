package ui

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/control"
	"github.com/igf-floor/floor/app/timer"
)

// The hub window's problems of issue 18, each seen as a host would see it:
// what the window shows, where, and how large.

// shownText is one piece of text on screen: where it is and how large.
type shownText struct {
	text string
	pos  fyne.Position
	size float32
}

// onScreen is the text a window shows inside its bounds: every visible
// canvas.Text, with its place on the window.
func onScreen(w fyne.Window) []shownText {
	var out []shownText
	bounds := w.Canvas().Size()
	var walk func(o fyne.CanvasObject, origin fyne.Position)
	walk = func(o fyne.CanvasObject, origin fyne.Position) {
		if o == nil || !o.Visible() {
			return
		}
		p := origin.Add(o.Position())
		switch t := o.(type) {
		case *canvas.Text:
			if strings.TrimSpace(t.Text) != "" && p.Y >= 0 && p.Y+t.Size().Height <= bounds.Height && p.X < bounds.Width {
				out = append(out, shownText{t.Text, p, t.TextSize})
			}
		case *fyne.Container:
			for _, c := range t.Objects {
				walk(c, p)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(t).Objects() {
				walk(c, p)
			}
		}
	}
	walk(w.Canvas().Content(), fyne.Position{})
	return out
}

// findShown is the first text on screen containing s.
func findShown(w fyne.Window, s string) (shownText, bool) {
	for _, t := range onScreen(w) {
		if strings.Contains(t.text, s) {
			return t, true
		}
	}
	return shownText{}, false
}

func screenWords(w fyne.Window) string {
	var b strings.Builder
	for _, t := range onScreen(w) {
		fmt.Fprintf(&b, "\n  %4.0f,%4.0f %2.0fpx %q", t.pos.X, t.pos.Y, t.size, t.text)
	}
	return b.String()
}

// hubWindowAlone is a hub window joined through join, in a window of the
// size the real one opens at.
func hubWindowAlone(t *testing.T, join app.HubJoin) (*HubView, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	v := NewHubView(context.Background(), join)
	v.Background = func(f func()) { f() }
	w := test.NewWindow(v.Content())
	t.Cleanup(w.Close)
	w.Resize(fyne.NewSize(1100, 700))
	return v, w
}

// Issue 18, 1: a join to an address where nothing listens says so at the
// top of the window, in words a host can act on, large; the technical
// detail is beneath it, smaller.
func TestHubWindowSaysAtTheTopThatTheRoomDidNotAnswer(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	host := l.Addr().String()
	l.Close() // nothing listens there now
	// The join a real hub makes, as far as its first step: the WHIP POST.
	join := func(ctx context.Context, inv app.Invite, _ bool) (app.HubConnection, error) {
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, "https://"+inv.Host+"/whip", strings.NewReader("v=0"))
		_, err := http.DefaultClient.Do(req)
		return nil, fmt.Errorf("WHIP POST https://%s/whip: %w", inv.Host, err)
	}
	v, w := hubWindowAlone(t, join)
	v.Invite.SetText("floor://" + host + "/?hub=hn&token=t&pin=" + strings.Repeat("ab", 32))
	test.Tap(v.Join)
	v.Tick()

	want := "The room did not answer at " + host + ": is the moderator's Floor open to hubs, and is this the right invite?"
	head, ok := findShown(w, "The room did not answer at "+host)
	if !ok {
		t.Fatalf("no %q on screen:%s", want, screenWords(w))
	}
	if head.pos.Y > 120 {
		t.Errorf("the problem is %.0f px down the window, not at the top", head.pos.Y)
	}
	if body := theme.TextSize(); head.size <= body {
		t.Errorf("the problem is written at %.0f px, no larger than the window's text (%.0f px)", head.size, body)
	}
	detail, ok := findShown(w, "connection refused")
	if !ok {
		t.Fatalf("the technical detail is not on screen:%s", screenWords(w))
	}
	if detail.pos.Y <= head.pos.Y || detail.size >= head.size {
		t.Errorf("the detail (%.0f px at y %.0f) is not smaller, beneath the problem (%.0f px at y %.0f)", detail.size, detail.pos.Y, head.size, head.pos.Y)
	}
	if v.Join.Disabled() {
		t.Error("Join is not offered again")
	}
}

// Issue 18, 3: the hub's stakeholder group and region, as the moderator
// invited it, are the window's choices once the room has welcomed it.
func TestHubWindowShowsTheGroupAndRegionTheHubWasInvitedWith(t *testing.T) {
	r := newHubRoomRig(t) // the room knows the hub as Civil Society, African Group
	r.v.Invite.SetText("floor://192.0.2.7:8443/?hub=hn&token=t&pin=" + strings.Repeat("ab", 32))
	test.Tap(r.v.Join)
	until(t, r.v, "welcomed", func() bool { return strings.HasPrefix(r.v.Place.Text, "Not asking for the floor") })
	if r.v.Group.Selected != "Civil Society" || r.v.Region.Selected != "African Group" {
		t.Fatalf("group %q, region %q", r.v.Group.Selected, r.v.Region.Selected)
	}
}

// Issue 18, 4: at 0 % the room-sound level bar is empty: hardly any of it
// is painted other than the window's background.
func TestHubWindowRoomLevelBarIsEmptyAtZero(t *testing.T) {
	v, w := hubWindowAlone(t, nil)
	if painted := paintedShare(t, w, v.RoomLevel); painted > 0.3 {
		t.Fatalf("at 0 %% the level bar is %.0f %% painted: it looks full", 100*painted)
	}
}

// paintedShare is the share of o's pixels on screen that differ from the
// window's background.
func paintedShare(t *testing.T, w fyne.Window, o fyne.CanvasObject) float64 {
	t.Helper()
	img := w.Canvas().Capture()
	scale := float32(img.Bounds().Dx()) / w.Canvas().Size().Width
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
	size := o.Size()
	bg := theme.Color(theme.ColorNameBackground)
	br, bgg, bb, _ := bg.RGBA()
	painted, all := 0, 0
	for y := int(pos.Y * scale); y < int((pos.Y+size.Height)*scale); y++ {
		for x := int(pos.X * scale); x < int((pos.X+size.Width)*scale); x++ {
			r, g, b, _ := img.At(x, y).RGBA()
			all++
			if diff(r, br)+diff(g, bgg)+diff(b, bb) > 3*0x1800 {
				painted++
			}
		}
	}
	if all == 0 {
		t.Fatal("the bar has no pixels")
	}
	return float64(painted) / float64(all)
}

func diff(a, b uint32) uint32 {
	if a > b {
		return a - b
	}
	return b - a
}

// Issue 18, 5: on the floor, the desktop hub offers no "Withdraw": the
// button says "On the floor" and cannot be pressed, as on the browser page.
func TestHubWindowOnTheFloorIsNotWithdraw(t *testing.T) {
	ctx := context.Background()
	r := newHubRoomRig(t)
	r.v.Invite.SetText("floor://192.0.2.7:8443/?hub=hn&token=t&pin=" + strings.Repeat("ab", 32))
	test.Tap(r.v.Join)
	until(t, r.v, "welcomed", func() bool { return strings.HasPrefix(r.v.Place.Text, "Not asking for the floor") })
	test.Tap(r.v.Request)
	until(t, r.v, "queued", func() bool { return strings.HasPrefix(r.v.Place.Text, "Next of 1") })
	if err := r.m.Give(ctx, 0, timer.CountDown, 3*time.Minute); err != nil {
		t.Fatal(err)
	}
	until(t, r.v, "live", func() bool { return strings.HasPrefix(r.v.Place.Text, "You have the floor") })
	if r.v.Request.Text != "On the floor" || !r.v.Request.Disabled() {
		t.Fatalf("on the floor, the button says %q (disabled %v)", r.v.Request.Text, r.v.Request.Disabled())
	}
}

// Issue 18, 6: a link being mended is a large state at the top of the
// window, not a small label.
func TestHubWindowShowsReconnectingAsALargeState(t *testing.T) {
	r := newHubRoomRig(t)
	r.v.Invite.SetText("floor://192.0.2.7:8443/?hub=hn&token=t&pin=" + strings.Repeat("ab", 32))
	test.Tap(r.v.Join)
	until(t, r.v, "welcomed", func() bool { return strings.HasPrefix(r.v.Place.Text, "Not asking for the floor") })
	r.conn.client.SetLink(control.LinkState{Mending: true, Attempt: 2, Next: 4 * time.Second, Err: fmt.Errorf("WHIP PATCH: connection refused")})
	r.v.Tick()
	head, ok := findShown(r.w, "Reconnecting to the room")
	if !ok {
		t.Fatalf("no reconnecting on screen:%s", screenWords(r.w))
	}
	if head.pos.Y > 120 || head.size <= theme.TextSize() {
		t.Fatalf("reconnecting is written at %.0f px, %.0f px down the window:%s", head.size, head.pos.Y, screenWords(r.w))
	}
	if _, ok := findShown(r.w, "Attempt 3 in 4 s"); !ok {
		t.Errorf("the next attempt is not on screen:%s", screenWords(r.w))
	}
	r.conn.client.SetLink(control.LinkState{})
	r.v.Tick()
	if _, ok := findShown(r.w, "Reconnecting"); ok {
		t.Errorf("still reconnecting once the link is back:%s", screenWords(r.w))
	}
}

// Issue 16, 3: a mended link says, for a few seconds, that it is back and
// how, then the window goes quiet.
func TestHubWindowSaysTheLinkIsBack(t *testing.T) {
	r := newHubRoomRig(t)
	r.v.Invite.SetText("floor://192.0.2.7:8443/?hub=hn&token=t&pin=" + strings.Repeat("ab", 32))
	test.Tap(r.v.Join)
	until(t, r.v, "welcomed", func() bool { return strings.HasPrefix(r.v.Place.Text, "Not asking for the floor") })
	r.conn.client.SetLink(control.LinkState{Mending: true, Attempt: 1})
	r.v.Tick()
	r.conn.client.SetLink(control.LinkState{Down: 12 * time.Second})
	r.v.Tick()
	if _, ok := findShown(r.w, "Back with the room"); !ok {
		t.Fatalf("no word that the link is back:%s", screenWords(r.w))
	}
	if _, ok := findShown(r.w, "The link was mended in 12 s with a new session; the room kept this hub's place."); !ok {
		t.Errorf("the window does not say how the link came back:%s", screenWords(r.w))
	}
	r.conn.client.SetLink(control.LinkState{})
	r.v.Tick()
	if _, ok := findShown(r.w, "Back with the room"); ok {
		t.Errorf("still saying it is back once the link went quiet:%s", screenWords(r.w))
	}
}

// Issue 18, 6: a revoked invite is final: the window says so, large, and
// offers Join again (for a new invite), and stays so.
func TestHubWindowRevokedInviteIsFinalAndOffersJoin(t *testing.T) {
	r := newHubRoomRig(t)
	r.v.Invite.SetText("floor://192.0.2.7:8443/?hub=hn&token=t&pin=" + strings.Repeat("ab", 32))
	test.Tap(r.v.Join)
	until(t, r.v, "welcomed", func() bool { return strings.HasPrefix(r.v.Place.Text, "Not asking for the floor") })
	r.conn.client.SetLink(control.LinkState{Revoked: true, Attempt: 1, Err: fmt.Errorf("WHIP 401: the room does not accept this invite (wrong or revoked token)")})
	for range 3 {
		r.v.Tick()
	}
	head, ok := findShown(r.w, "The room refused this invite")
	if !ok || head.pos.Y > 120 || head.size <= theme.TextSize() {
		t.Fatalf("the refusal is not large at the top:%s", screenWords(r.w))
	}
	if r.v.Join.Disabled() || r.v.Invite.Disabled() || !r.v.Request.Disabled() {
		t.Fatalf("join %v, invite %v, request %v disabled", r.v.Join.Disabled(), r.v.Invite.Disabled(), r.v.Request.Disabled())
	}
	if _, ok := findShown(r.w, "Reconnecting"); ok {
		t.Errorf("a refused invite says it reconnects:%s", screenWords(r.w))
	}
}
