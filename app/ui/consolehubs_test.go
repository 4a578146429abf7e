package ui

import (
	"context"
	"errors"
	"fmt"
	"image"
	"image/color"
	"os"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/media/listening"
)

// memoryAccess is the console's port to the hubs, in memory: the real one
// (cmd/floor/internal/hubserve) is tested with real peers.
type memoryAccess struct {
	open   bool
	hubs   []floor.Hub
	links  []app.HubLink
	fail   error
	live   []*image.RGBA // the pictures of the hubs on the floor
	pics   []app.LivePicture
	volume float64
	queued []string // hubs the moderator queued by hand
	seats  []app.NewSeat
}

func (a *memoryAccess) Open(context.Context) (string, error) {
	if a.fail != nil {
		return "", a.fail
	}
	a.open = true
	return "192.0.2.7:8443", nil
}
func (a *memoryAccess) Close() error { a.open = false; return nil }
func (a *memoryAccess) Links() []app.HubLink {
	if !a.open {
		return nil
	}
	return a.links
}
func (a *memoryAccess) LivePictures(dst []*image.RGBA) []app.LivePicture {
	n := min(len(a.live), len(dst))
	copy(dst, a.live[:n])
	return a.pics[:n]
}
func (a *memoryAccess) SetVolume(v float64) { a.volume = v }
func (a *memoryAccess) Sound() string {
	if !a.open {
		return ""
	}
	return "default device"
}
func (a *memoryAccess) Hubs(context.Context) ([]floor.Hub, error) { return a.hubs, nil }
func (a *memoryAccess) Invite(_ context.Context, n app.NewHub) (floor.Hub, app.Invite, error) {
	h := floor.Hub{ID: "h1", Name: n.Name, Group: n.Group}
	a.hubs = append(a.hubs, h)
	return h, app.Invite{Host: "192.0.2.7:8443", Hub: "h1", Token: "t", Pin: strings.Repeat("ab", 32)}, nil
}
func (a *memoryAccess) InviteSeat(_ context.Context, n app.NewSeat) (floor.Seat, app.Invite, error) {
	a.seats = append(a.seats, n)
	return floor.Seat{ID: "s1", Name: n.Name, Role: n.Role}, app.Invite{Host: "192.0.2.7:8443", Seat: "s1", Token: "t", Pin: strings.Repeat("ab", 32)}, nil
}
func (a *memoryAccess) QueueHub(_ context.Context, id string) (int, error) {
	a.queued = append(a.queued, id)
	return len(a.queued), nil
}
func (a *memoryAccess) Revoke(_ context.Context, id string) error {
	for i := range a.hubs {
		if a.hubs[i].ID == id {
			a.hubs[i].Revoked = time.Now()
		}
	}
	return nil
}

func hubRows(p *hubsPanel) []string {
	var out []string
	for _, r := range p.rows {
		out = append(out, hubText(r))
	}
	return out
}

func TestConsoleOpensToHubsAndShowsTheirLinks(t *testing.T) {
	v, w, clock := newConsole(t)
	nairobi := floor.Hub{ID: "hn", Name: "Nairobi", Group: "Civil Society"}
	access := &memoryAccess{
		hubs: []floor.Hub{nairobi, {ID: "hs", Name: "São Paulo"}, {ID: "ho", Name: "Old", Revoked: time.Now()}},
		links: []app.HubLink{{Hub: nairobi, State: "connected", RTT: 42 * time.Millisecond, FPS: 30, Kbps: 310, People: 12, Control: true},
			{Hub: floor.Hub{ID: "hs", Name: "São Paulo"}, Lost: true}},
	}
	v.EnableHubs(access, w)
	p := v.hubs
	if got := strings.Join(hubRows(p), "\n"); got != "Nairobi · not connected\nSão Paulo · not connected\nOld · revoked" {
		t.Fatalf("closed:\n%s", got)
	}
	v.OpenToHubs() // as "floor moderate --open-to-hubs" does
	if !access.open || p.Toggle.Text != "Close to hubs" || !strings.Contains(p.Address.Text, "192.0.2.7:8443") ||
		!strings.Contains(p.Address.Text, "Sound: default device.") || access.volume != 1 {
		t.Fatalf("open: %v %q %q", access.open, p.Toggle.Text, p.Address.Text)
	}
	want := "Nairobi (12 present) · connected · 30 fps · 310 kbps · rtt 42 ms · 0 lost\nSão Paulo · HUB LOST?\nOld · revoked"
	if got := strings.Join(hubRows(p), "\n"); got != want {
		t.Fatalf("open:\n%s", got)
	}
	p.Volume.SetValue(40)
	if access.volume != 0.4 {
		t.Fatalf("volume %v", access.volume)
	}
	test.Tap(p.Mute)
	if access.volume != 0 {
		t.Fatalf("muted at %v", access.volume)
	}
	test.Tap(p.Mute)
	clock.now = clock.now.Add(2 * time.Second)
	v.Tick()
	w.Resize(fyne.NewSize(1280, 900))
	test.AssertRendersToMarkup(t, "console/hubs.xml", w.Canvas())
	if p := os.Getenv("FLOOR_UI_PNG_HUBS"); p != "" {
		writePNG(t, p, w)
	}

	test.Tap(p.Toggle)
	if access.open || p.Toggle.Text != "Open to hubs" || !strings.Contains(p.Address.Text, "listens on nothing") {
		t.Fatalf("closed again: %v %q", access.open, p.Address.Text)
	}
	access.fail = errors.New("open to hubs on :8443: address already in use")
	test.Tap(p.Toggle)
	if access.open || !strings.Contains(v.Status.Text, "address already in use") {
		t.Fatalf("a failed open: %q", v.Status.Text)
	}
}

// Participants, and a moderator who has not opened the floor to hubs, open
// no socket at all: nothing listens.
func TestNothingListensUntilTheModeratorOpensTheFloor(t *testing.T) {
	_, _ = newView(t)
	v, w, _ := newConsole(t)
	v.EnableHubs(&memoryAccess{}, w)
	v.Tick()
	socks, err := listening.Sockets()
	if err != nil {
		t.Skip(err)
	}
	if len(socks) != 0 {
		t.Fatalf("listening without being opened: %v", socks)
	}
}

// The hub on the floor appears above the timer, and a picture that stops
// coming is marked frozen, in words.
func TestConsoleShowsTheLiveHubAndMarksAFrozenPicture(t *testing.T) {
	v, w, _ := newConsole(t)
	access := &memoryAccess{}
	v.EnableHubs(access, w)
	v.showVideo()
	if v.video.showing || len(v.stage.Objects) != 1 || v.stage.Objects[0] != v.face.container {
		t.Fatal("a stage with video and nobody live")
	}
	access.live = []*image.RGBA{greyPicture(0xc0)}
	access.live[0].Set(1, 1, color.RGBA{255, 0, 0, 255})
	access.pics = []app.LivePicture{{Hub: "Nairobi University", Fresh: true, Age: 10 * time.Millisecond, Latency: 12 * time.Millisecond}}
	v.showVideo()
	tile := v.video.tiles[0]
	if !v.video.showing || tile.caption.Text != "Nairobi University · live · 12 ms from capture" || tile.image.Image != access.live[0] {
		t.Fatalf("live: %v %q", v.video.showing, tile.caption.Text)
	}
	test.AssertRendersToMarkup(t, "console/live-video.xml", w.Canvas())
	access.pics = []app.LivePicture{{Hub: "Nairobi University", Age: 3200 * time.Millisecond}}
	v.showVideo()
	if tile.caption.Text != "Nairobi University · FROZEN — no picture for 3 s" {
		t.Fatalf("frozen: %q", tile.caption.Text)
	}
	access.live, access.pics = nil, nil
	v.showVideo()
	if v.video.showing {
		t.Fatal("the video stayed after the turn")
	}
}

func greyPicture(level byte) *image.RGBA {
	pic := image.NewRGBA(image.Rect(0, 0, 64, 36))
	for i := range pic.Pix {
		pic.Pix[i] = level
	}
	return pic
}

// In a dialogue both hubs are seen, side by side, each named, in the
// console and on the speaker display; when one leaves the other fills
// the stage.
func TestDialogueShowsBothHubsSideBySide(t *testing.T) {
	v, w, _ := newConsole(t)
	access := &memoryAccess{}
	v.EnableHubs(access, w)
	display := NewSpeakerDisplay()
	v.display = display
	access.live = []*image.RGBA{greyPicture(0x40), greyPicture(0xc0)}
	access.pics = []app.LivePicture{{Hub: "Nairobi University", Fresh: true}, {Hub: "Accra Hub", Fresh: true, Latency: 9 * time.Millisecond}}
	v.showVideo()
	a, b := v.video.tiles[0], v.video.tiles[1]
	if a.caption.Text != "Nairobi University · live" || b.caption.Text != "Accra Hub · live · 9 ms from capture" {
		t.Fatalf("captions %q, %q", a.caption.Text, b.caption.Text)
	}
	if a.image.Image != access.live[0] || b.image.Image != access.live[1] {
		t.Fatal("a tile shows another hub's picture")
	}
	w.Resize(fyne.NewSize(1100, 800))
	if pa, pb := a.box.Position(), b.box.Position(); pb.X <= pa.X || pb.Y != pa.Y {
		t.Fatalf("not side by side: %v and %v", pa, pb)
	}
	if len(display.tiles) != 2 || display.tiles[0].Image != access.live[0] || display.tiles[1].Image != access.live[1] {
		t.Fatalf("the speaker display shows %d pictures", len(display.tiles))
	}
	test.AssertRendersToMarkup(t, "console/dialogue-video.xml", w.Canvas())
	access.live, access.pics = access.live[1:], access.pics[1:]
	v.showVideo()
	if len(v.video.grid.Objects) != 1 || v.video.grid.Objects[0] != a.box || a.caption.Text != "Accra Hub · live · 9 ms from capture" {
		t.Fatalf("after Nairobi left: %d tiles, %q", len(v.video.grid.Objects), a.caption.Text)
	}
	if len(display.tiles) != 1 || display.tiles[0].Image != access.live[0] {
		t.Fatal("the speaker display kept Nairobi")
	}
}

// A hub whose link dropped is listed as away, with how long it has been
// away and how long it keeps its place, in words.
func TestConsoleListsAnAwayHubWithItsGrace(t *testing.T) {
	v, w, clock := newConsole(t)
	nairobi := floor.Hub{ID: "hn", Name: "Nairobi"}
	access := &memoryAccess{hubs: []floor.Hub{nairobi},
		links: []app.HubLink{{Hub: nairobi, State: "away", Away: clock.now.Add(-12 * time.Second), Grace: 3 * time.Minute}}}
	v.EnableHubs(access, w)
	v.OpenToHubs()
	if got := strings.Join(hubRows(v.hubs), "\n"); got != "Nairobi — away since 0:12 · reconnecting · place kept 2:48 more" {
		t.Fatalf("away hub: %q", got)
	}
}

// A connected WHIP client without the control channel (OBS) is offered
// "+ Queue", and the button queues it; a hub that asks for itself
// is not offered it.
func TestConsoleQueuesAMediaOnlyHub(t *testing.T) {
	v, w, _ := newConsole(t)
	obs := floor.Hub{ID: "ho", Name: "La Paz studio (OBS)"}
	nairobi := floor.Hub{ID: "hn", Name: "Nairobi"}
	access := &memoryAccess{hubs: []floor.Hub{obs, nairobi},
		links: []app.HubLink{{Hub: obs, State: "connected"}, {Hub: nairobi, State: "connected", Control: true}}}
	v.EnableHubs(access, w)
	v.OpenToHubs()
	w.Resize(fyne.NewSize(1280, 900))
	queueButton := func(i int) *widget.Button {
		row := v.hubs.create()
		v.hubs.update(i, row)
		top := row.(*fyne.Container).Objects[0].(*fyne.Container)
		buttons := top.Objects[1].(*fyne.Container).Objects
		return buttons[0].(*widget.Button)
	}
	if b := queueButton(1); b.Visible() {
		t.Error("a hub with the control channel is offered to be queued by hand")
	}
	b := queueButton(0)
	if !b.Visible() || b.Text != "+ Queue" {
		t.Fatalf("media-only hub's button: visible %v %q", b.Visible(), b.Text)
	}
	test.Tap(b)
	if len(access.queued) != 1 || access.queued[0] != obs.ID {
		t.Fatalf("queued %v", access.queued)
	}
}

// The hub on the floor that dropped out is marked away on its picture,
// in words, while its turn goes on.
func TestConsoleMarksTheLiveHubAway(t *testing.T) {
	v, w, _ := newConsole(t)
	access := &memoryAccess{live: []*image.RGBA{greyPicture(0x80)},
		pics: []app.LivePicture{{Hub: "Nairobi University", Age: 1500 * time.Millisecond, Away: true}}}
	v.EnableHubs(access, w)
	v.showVideo()
	if got := v.video.tiles[0].caption.Text; got != "Nairobi University · HUB AWAY — reconnecting; the turn goes on" {
		t.Fatalf("away caption: %q", got)
	}
}

// Issue 20, 1: the moderator invites a seat from the console: a name and a
// role, and the invite to send, for floor seat.
func TestConsoleInvitesASeat(t *testing.T) {
	v, w, _ := newConsole(t)
	access := &memoryAccess{}
	v.EnableHubs(access, w)
	test.Tap(v.hubs.Seat)
	f := v.hubs.seats
	if f == nil {
		t.Fatal("Invite a seat… opened no form")
	}
	test.Type(f.Name, "Vladimir Radunovic")
	f.Role.SetSelected("Rapporteur")
	if !f.GiveRemote.Disabled() {
		t.Error("a rapporteur is offered giving the floor")
	}
	f.dialog.Submit()
	if len(access.seats) != 1 || access.seats[0].Name != "Vladimir Radunovic" || access.seats[0].Role != floor.RapporteurSeat || access.seats[0].GiveRemote {
		t.Fatalf("the seat invited: %+v", access.seats)
	}
	if got := v.hubs.seatInvite; got == nil || !strings.HasPrefix(got.Text, "floor seat 'floor://192.0.2.7:8443/?pin=") || !strings.Contains(got.Text, "seat=s1") {
		t.Fatalf("the invite shown: %v", got)
	}
}
func (a *memoryAccess) DisplayLink() string {
	if !a.open {
		return ""
	}
	return "https://192.0.2.7:8443/display#token=" + strings.Repeat("d", 43)
}

// Sixteen hubs in the console at 1280×780: the list scrolls, shows nearly four
// at once, and each hub's name and link figures are read whole.
func TestHubListIsReadableForSixteenHubs(t *testing.T) {
	pc := newPollConsole(t) // as floor moderate opens it, the tabs on the right
	v, w := pc.v, pc.w
	v.EnableFairFloor()
	access := &memoryAccess{}
	for i := range 16 {
		h := floor.Hub{ID: fmt.Sprintf("h%02d", i), Name: fmt.Sprintf("Hub %02d Ouagadougou", i+1)}
		access.hubs = append(access.hubs, h)
		access.links = append(access.links, app.HubLink{Hub: h, State: "connected", RTT: 142 * time.Millisecond, FPS: 30,
			Kbps: 1517, People: 120, Control: i%4 != 0, PacketsLost: 12345})
	}
	v.EnableHubs(access, w)
	v.OpenToHubs()
	w.Resize(fyne.NewSize(1280, 780))
	p := v.hubs
	rowH := p.List.MinSize().Height                        // one row's
	if shown := p.List.Size().Height / rowH; shown < 3.5 { // 3.8 at 1280×780
		t.Errorf("the hub list shows %.1f hubs at once (%.0f px high, rows of %.0f)", shown, p.List.Size().Height, rowH)
	}
	if p := os.Getenv("FLOOR_UI_PNG_HUBS16"); p != "" {
		writePNG(t, p, w)
	}
	width := p.List.Size().Width - theme.ScrollBarSize()
	for i := range p.rows {
		row := p.create()
		p.update(i, row)
		row.Resize(fyne.NewSize(width, row.MinSize().Height))
		lines := row.(*fyne.Container).Objects
		top := lines[0].(*fyne.Container)
		for _, l := range []*widget.Label{top.Objects[0].(*widget.Label), lines[1].(*widget.Label), lines[2].(*widget.Label)} {
			need := fyne.MeasureText(l.Text, theme.TextSize(), l.TextStyle).Width + 2*theme.InnerPadding()
			if need > l.Size().Width {
				t.Errorf("hub %d: %q needs %.0f, has %.0f", i+1, l.Text, need, l.Size().Width)
			}
		}
	}
}
