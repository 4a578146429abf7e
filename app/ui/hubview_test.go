package ui

import (
	"context"
	"image"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/agenda"
	"github.com/igf-floor/floor/app/control"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/room"
	"github.com/igf-floor/floor/app/timer"
	"github.com/igf-floor/floor/storage"
)

// sharedClock is a stepped clock the room's goroutine reads too.
type sharedClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *sharedClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *sharedClock) add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// pipeConn joins a real hub room in this process without a network: the
// control messages go straight between app.HubClient and room.Room.
type pipeConn struct {
	client *app.HubClient
	room   *room.Room
	hub    floor.Hub
	frame  *image.RGBA
	volume float64
}

func (c *pipeConn) Client() *app.HubClient { return c.client }
func (c *pipeConn) State() string          { return "connected" }
func (c *pipeConn) SendingKbps() int       { return 300 }
func (c *pipeConn) RoomSound() (float64, bool) {
	return 0.25, true // what a return feed at a quarter of full scale reads
}
func (c *pipeConn) SetRoomVolume(v float64) { c.volume = v }
func (c *pipeConn) Leave() error            { c.room.Leave(c.hub.ID, "pipe", control.Left); return nil }
func (c *pipeConn) Preview(dst **image.RGBA) bool {
	if c.frame == nil {
		return false
	}
	*dst, c.frame = c.frame, nil
	return true
}

// hubRoomRig is a hub window joined, through pipeConn, to a real hub room
// over the moderator of the built-in session.
type hubRoomRig struct {
	v     *HubView
	w     fyne.Window
	m     *app.Moderator
	room  *room.Room
	conn  *pipeConn
	clock *sharedClock
	db    *storage.DB
	s     agenda.Session
	stop  context.CancelFunc // the room's sending
}

func newHubRoomRig(t *testing.T) *hubRoomRig {
	t.Helper()
	ctx := context.Background()
	db, _ := seededDB(t)
	s, err := db.FindSession(ctx, "WS #234")
	if err != nil {
		t.Fatal(err)
	}
	clock := &sharedClock{now: time.Date(2020, 11, 11, 11, 20, 0, 0, time.UTC)}
	m, err := app.OpenModerator(ctx, db, clock, app.ModerationKey(s.Source, s.GUID))
	if err != nil {
		t.Fatal(err)
	}
	room := room.New(room.Config{Moderator: m, Clock: clock, SessionTitle: s.Title})
	roomCtx, stop := context.WithCancel(ctx)
	t.Cleanup(stop)
	go room.Run(roomCtx)
	hub := floor.Hub{ID: "hn", Name: "Nairobi University", Group: "Civil Society", Region: "African Group"}
	conn := &pipeConn{room: room, hub: hub}
	join := func(_ context.Context, inv app.Invite, audioOnly bool) (app.HubConnection, error) {
		conn.client = app.NewHubClient(clock, func(b []byte) error { room.Receive(hub.ID, b); return nil })
		room.Join(hub, "pipe", func(b []byte) error { conn.client.Receive(b); return nil })
		return conn, nil
	}
	v := NewHubView(ctx, join)
	v.Background = func(f func()) { f() }
	w := test.NewWindow(v.Content())
	t.Cleanup(w.Close)
	w.Resize(fyne.NewSize(1100, 700))
	return &hubRoomRig{v: v, w: w, m: m, room: room, conn: conn, clock: clock, db: db, s: s, stop: stop}
}

func TestHubWindowAsksForTheFloorAndFollowsTheRoom(t *testing.T) {
	ctx := context.Background()
	r := newHubRoomRig(t)
	v, w, m, room, conn, clock, db, s, stopRoom := r.v, r.w, r.m, r.room, r.conn, r.clock, r.db, r.s, r.stop

	v.Invite.SetText("https://example.org/")
	test.Tap(v.Join)
	if !strings.HasPrefix(v.Problem.Text, "That is not a Floor invite") || !strings.Contains(v.Detail.Text, "want a floor:// link") || v.Join.Disabled() {
		t.Fatalf("a bad invite: %q, %q", v.Problem.Text, v.Detail.Text)
	}
	v.Invite.SetText("floor://192.0.2.7:8443/?hub=hn&token=t&pin=" + strings.Repeat("ab", 32))
	v.People.SetText("14")
	test.Tap(v.Join)
	until(t, v, "welcomed", func() bool {
		return strings.HasPrefix(v.Place.Text, "Not asking for the floor · Security of digital products")
	})
	if p := room.Present(); len(p) != 1 || p[0].People != 14 {
		t.Fatalf("present %+v", p)
	}
	v.Name.SetText("Grace Githaiga")
	v.Affiliation.SetText("KICTANet")
	test.Tap(v.Request)
	until(t, v, "queued", func() bool {
		return v.Place.Text == "Next of 1 in the queue · Security of digital products: Industry and enhancing trust"
	})
	if q := m.Floor().Queue; len(q) != 1 || q[0].Speaker.Group != "Civil Society" || q[0].Speaker.Hub != "Nairobi University" || q[0].Speaker.Affiliation != "KICTANet" {
		t.Fatalf("queue %+v", q)
	}
	if v.Request.Text != "Withdraw" {
		t.Fatalf("request button %q", v.Request.Text)
	}

	if err := m.Timer(ctx, timer.Command{Kind: timer.StartSession, Duration: time.Hour}); err != nil {
		t.Fatal(err)
	}
	if err := m.Give(ctx, 0, timer.CountDown, 3*time.Minute); err != nil {
		t.Fatal(err)
	}
	clock.add(75 * time.Second)
	conn.frame = image.NewRGBA(image.Rect(0, 0, 32, 18))
	until(t, v, "live with the room's timer", func() bool {
		return strings.HasPrefix(v.Place.Text, "You have the floor") && v.face.digits.Text == "1:45" && v.Session.Text == "Session · 58:45 left" && v.Stale.Text == ""
	})

	if !v.onFloor.content.Visible() || v.onFloor.text.Text != "ON THE FLOOR" {
		t.Errorf("no ON THE FLOOR while live")
	}
	// The moderator's message to the speaker reaches the hub's timer, and
	// goes when the moderator clears it.
	if err := m.TellSpeaker(ctx, "Please wrap up in 30 seconds"); err != nil {
		t.Fatal(err)
	}
	until(t, v, "the message to the speaker", func() bool { return v.face.message.Text == "Please wrap up in 30 seconds" })
	if err := m.TellSpeaker(ctx, ""); err != nil {
		t.Fatal(err)
	}
	until(t, v, "the message cleared", func() bool { return v.face.message.Text == "" })

	// The policy question and a poll reach the window; the hub votes as one.
	polls, err := app.OpenPolls(ctx, db, clock, app.ModerationKey(s.Source, s.GUID))
	if err != nil {
		t.Fatal(err)
	}
	room.UsePolls(polls)
	if err := m.StepQuestion(ctx, s.PolicyQuestions, +1); err != nil {
		t.Fatal(err)
	}
	p, _ := polls.Create(ctx, "Who should certify connected products?", floor.Multiple, []string{"Vendors", "Regulators", "Third parties"})
	if err := polls.Open(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	until(t, v, "the question and the poll", func() bool {
		return strings.HasPrefix(v.news.Question.Text, "Policy question 1: How is trust") && v.news.Choices.Visible() && !v.news.Choice.Visible()
	})
	test.Tap(v.news.Vote)
	if v.Status.Text != "Not voted: choose at least one option first" {
		t.Errorf("status %q", v.Status.Text)
	}
	if v.RoomSound.Text != "Hearing the room" || v.RoomLevel.Value != 0.25 {
		t.Errorf("room sound %q at %.2f", v.RoomSound.Text, v.RoomLevel.Value)
	}
	v.RoomVolume.SetValue(40)
	if conn.volume != 0.4 {
		t.Errorf("room volume %.2f", conn.volume)
	}
	v.news.Choices.SetSelected([]string{"3. Third parties", "1. Vendors"})
	v.Status.SetText("")
	test.AssertRendersToMarkup(t, "hub/live.xml", w.Canvas())
	if p := os.Getenv("FLOOR_UI_PNG_HUB"); p != "" {
		writePNG(t, p, w)
	}
	test.Tap(v.news.Vote)
	until(t, v, "the vote counted", func() bool {
		return strings.HasSuffix(v.news.PollText.Text, "the hub's vote is counted.") && !v.news.Vote.Visible()
	})
	if tl, _ := polls.Tally(p.ID); tl.Voters != 1 || tl.Counts[0] != 1 || tl.Counts[2] != 1 || tl.ByPlace["Nairobi University"] != 1 {
		t.Errorf("tally %+v", tl)
	}

	// The room goes quiet: the hub says its timer may be wrong.
	stopRoom()
	time.Sleep(50 * time.Millisecond)
	clock.add(4 * time.Second)
	v.Tick()
	if !strings.HasPrefix(v.Stale.Text, "STALE") {
		t.Fatalf("stale label %q", v.Stale.Text)
	}
	test.Tap(v.Leave)
	if v.Status.Text != "Left the room." || v.Place.Text != "Not connected" || len(room.Present()) != 0 {
		t.Fatalf("after leaving: %q %q", v.Status.Text, v.Place.Text)
	}
}

// until ticks the view until ok, for up to five seconds.
func until(t *testing.T, v *HubView, what string, ok func() bool) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		v.Tick()
		if ok() {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s: place %q, session %q, digits %q, status %q", what, v.Place.Text, v.Session.Text, v.face.digits.Text, v.Status.Text)
		}
	}
}
