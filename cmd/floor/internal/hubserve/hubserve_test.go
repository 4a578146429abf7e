package hubserve

import (
	"context"
	"crypto/tls"
	"image"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/agenda"
	"github.com/igf-floor/floor/app/agenda/frab"
	"github.com/igf-floor/floor/app/agenda/ical"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/timer"
	"github.com/igf-floor/floor/cmd/floor/internal/hubjoin"
	"github.com/igf-floor/floor/media/janus/janustest"
	"github.com/igf-floor/floor/media/listening"
	"github.com/igf-floor/floor/media/whip"
	"github.com/igf-floor/floor/storage"
)

// Opening to hubs listens on exactly one port number, TCP and UDP; closing
// listens on nothing again. (The participant window's test proves the
// other half: it opens nothing at all.)
func TestOpenListensOnOnePortAndCloseOnNone(t *testing.T) {
	ctx := context.Background()
	before, err := listening.Sockets()
	if err != nil {
		t.Skip(err)
	}
	if len(before) != 0 {
		t.Fatalf("listening before opening: %v", before)
	}
	dir := t.TempDir()
	db, err := storage.Open(ctx, filepath.Join(dir, "floor.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	m, err := app.OpenModerator(ctx, db, app.SystemClock{}, "t/s")
	if err != nil {
		t.Fatal(err)
	}
	cert, err := whip.LoadOrCreateCertificate(dir, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	s, err := Open(ctx, Config{DB: db, Moderator: m, SessionTitle: "t", Listen: "127.0.0.1:0", Certificate: cert, Clock: app.SystemClock{}})
	if err != nil {
		t.Fatal(err)
	}
	open, _ := listening.Sockets()
	if len(open) != 2 || open[0].Proto != "tcp" || open[1].Proto != "udp" || open[0].Port != open[1].Port || open[0].Port != s.Addr.Port {
		t.Fatalf("open: %v (https %v)", open, s.Addr)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if after, _ := listening.Sockets(); len(after) != 0 {
		t.Fatalf("still listening after close: %v", after)
	}
	// The certificate is kept: opening again keeps the pin invites carry.
	again, err := whip.LoadOrCreateCertificate(dir, time.Now())
	if err != nil || whip.Pin(again) != whip.Pin(cert) {
		t.Fatalf("the certificate changed: %v", err)
	}
}

func TestAdvertisedHost(t *testing.T) {
	if got := AdvertisedHost("192.0.2.1:8443"); got != "192.0.2.1:8443" {
		t.Fatal(got)
	}
	if got := AdvertisedHost(":8443"); got != OutboundIP()+":8443" {
		t.Fatal(got)
	}
}

// The console's access, end to end: open, invite, a hub joins from the
// invite and asks for the floor, its link shows, revoking cuts it off.
func TestAccessInvitesAndRevokesARealHub(t *testing.T) {
	ctx := context.Background()
	db, err := storage.Open(ctx, filepath.Join(t.TempDir(), "floor.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	m, err := app.OpenModerator(ctx, db, app.SystemClock{}, "t/s")
	if err != nil {
		t.Fatal(err)
	}
	a := &Access{DB: db, Moderator: m, SessionTitle: "WS #234", Listen: "127.0.0.1:0", Clock: app.SystemClock{}}
	if links := a.Links(); links != nil {
		t.Fatalf("links while closed: %v", links)
	}
	addr, err := a.Open(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	hub, inv, err := a.Invite(ctx, app.NewHub{Name: "Nairobi", Group: "Civil Society", Region: "African"})
	if err != nil || inv.Host != addr {
		t.Fatalf("invite %+v for %s: %v", inv, addr, err)
	}
	j, err := hubjoin.Join(ctx, inv, hubjoin.Options{Width: 160, Height: 90, People: 7, Clock: app.SystemClock{}})
	if err != nil {
		t.Fatal(err)
	}
	defer j.Leave()
	if err := j.Client().RequestFloor(floor.Speaker{Name: "Grace"}); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		links := a.Links()
		if len(links) == 1 && links[0].State == "connected" && links[0].Control && links[0].People == 7 && len(m.Floor().Queue) == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("links %+v, queue %+v", links, m.Floor().Queue)
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err := a.Revoke(ctx, hub.ID); err != nil {
		t.Fatal(err)
	}
	if links := a.Links(); len(links) != 0 {
		t.Fatalf("still linked after revoke: %+v", links)
	}
}

// While open, the room serves its session as schedule.json and .ics, and
// both read back as the same session with Floor's own readers.
func TestOpenRoomServesItsSchedule(t *testing.T) {
	start := time.Date(2020, 11, 11, 11, 20, 0, 0, time.UTC)
	session := agenda.Session{Source: "igf", GUID: "IGF 2020 WS #234", Number: "WS #234", Title: "Security of digital products",
		Start: start, End: start.Add(time.Hour), Zone: "UTC", Room: "Room 3", PolicyQuestions: []string{"Who is responsible?"}}
	s, _, _ := openTestRoom(t, func(c *Config) { c.Session = &session })
	c := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}
	get := func(path string) []byte {
		resp, err := c.Get("https://" + s.Addr.String() + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 200 {
			t.Fatalf("%s: %d %s", path, resp.StatusCode, b)
		}
		return b
	}
	js, _, err := frab.ParseJSON(get("/schedule.json"))
	if err != nil || len(js.Sessions) != 1 || !js.Sessions[0].Start.Equal(start) || js.Sessions[0].Room != "Room 3" {
		t.Errorf("schedule.json: %+v %v", js.Sessions, err)
	}
	ics, _, err := ical.Parse(get("/schedule.ics"))
	if err != nil || len(ics.Sessions) != 1 || !ics.Sessions[0].Start.Equal(start) {
		t.Errorf("schedule.ics: %+v %v", ics.Sessions, err)
	}
	if page := string(get("/hub")); !strings.Contains(page, `<script src="/hub/hub.js" defer></script>`) {
		t.Errorf("hub page %q", page)
	}
}

// With an SFU, a hub (floor hub --sfu) sends its media into the event's
// Janus and only its control channel to the room; given the floor, it is
// found in the VideoRoom by its id, subscribed to and decoded.
func TestServeThroughJanus(t *testing.T) {
	base := janustest.Start(t)
	ctx := context.Background()
	s, db, m := openTestRoom(t, func(c *Config) { c.SFU, c.SFURoom = base, 4321 })
	dirs := app.HubDirectory{Store: db, Clock: app.SystemClock{}}
	h, token, err := dirs.Add(ctx, app.NewHub{Name: "Nairobi", Group: "Civil Society", Region: "African Group"})
	if err != nil {
		t.Fatal(err)
	}
	inv := app.Invite{Host: s.Addr.String(), Hub: h.ID, Token: token, Pin: s.Pin}
	j, err := hubjoin.Join(ctx, inv, hubjoin.Options{Source: "test", Width: 320, Height: 180, Clock: app.SystemClock{}, SFU: base, SFURoom: 4321})
	if err != nil {
		t.Fatal(err)
	}
	defer j.Leave()
	if err := j.Client().RequestFloor(floor.Speaker{Name: "Grace"}); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, "the request", func() bool { return len(m.Floor().Queue) == 1 })
	m.Timer(ctx, timer.Command{Kind: timer.StartSession, Duration: time.Hour})
	if err := m.Give(ctx, 0, timer.CountDown, 3*time.Minute); err != nil {
		t.Fatal(err)
	}
	var pic *image.RGBA
	waitUntil(t, "the hub's picture through Janus", func() bool { _, _, ok := s.Play.Picture(h.ID, &pic); return ok })
	waitUntil(t, "the hub hearing the room", func() bool { _, ok := j.RoomSound(); return ok })
	if st := j.Client().Status(); st.Place != "You have the floor" {
		t.Errorf("the hub says %q", st.Place)
	}
}

// A dialogue: a second hub joins the turn on the floor; the room decodes
// both, records both turns under their own requests, and each hub is told
// it has the floor.
func TestTwoHubsOnTheFloorTogether(t *testing.T) {
	ctx := context.Background()
	s, db, m := openTestRoom(t, nil)
	dirs := app.HubDirectory{Store: db, Clock: app.SystemClock{}}
	var hubs []floor.Hub
	var joined []*hubjoin.Joined
	for _, name := range []string{"Nairobi", "Accra"} {
		h, token, err := dirs.Add(ctx, app.NewHub{Name: name, Group: "Civil Society", Region: "African Group"})
		if err != nil {
			t.Fatal(err)
		}
		j, err := hubjoin.Join(ctx, app.Invite{Host: s.Addr.String(), Hub: h.ID, Token: token, Pin: s.Pin},
			hubjoin.Options{Source: "test", Width: 320, Height: 180, Clock: app.SystemClock{}})
		if err != nil {
			t.Fatal(err)
		}
		defer j.Leave()
		if err := j.Client().RequestFloor(floor.Speaker{Name: name}); err != nil {
			t.Fatal(err)
		}
		waitUntil(t, name+"'s request", func() bool { return len(m.Floor().Queue) == len(hubs)+1 })
		hubs, joined = append(hubs, h), append(joined, j)
	}
	m.Timer(ctx, timer.Command{Kind: timer.StartSession, Duration: time.Hour})
	if err := m.Give(ctx, 0, timer.CountDown, 3*time.Minute); err != nil {
		t.Fatal(err)
	}
	if err := m.Join(ctx, m.Floor().Queue[0].ID); err != nil {
		t.Fatal(err)
	}
	for i, h := range hubs {
		var pic *image.RGBA
		waitUntil(t, h.Name+"'s picture", func() bool { _, _, ok := s.Play.Picture(h.ID, &pic); return ok })
		waitUntil(t, h.Name+" told it has the floor", func() bool { return joined[i].Client().Status().Place == "You have the floor" })
	}
	// The console and the speaker display get both pictures, in the order
	// the hubs took the floor.
	a := &Access{serving: s}
	pics := a.LivePictures(make([]*image.RGBA, app.MaxLivePictures))
	if len(pics) != 2 || pics[0].Hub != "Nairobi" || pics[1].Hub != "Accra" {
		t.Fatalf("pictures for the screens: %+v", pics)
	}
	if err := m.EndTurn(ctx); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, "both recordings finished", func() bool {
		recs, _ := db.Recordings(ctx, "igf/ws234")
		return len(recs) == 2 && !recs[0].Ended.IsZero() && !recs[1].Ended.IsZero()
	})
	recs, _ := db.Recordings(ctx, "igf/ws234")
	ivs := m.Floor().Interventions
	if len(ivs) != 2 || recs[0].Request == recs[1].Request || (recs[0].Request != ivs[0].Request && recs[0].Request != ivs[1].Request) {
		t.Errorf("recordings %+v for interventions %+v", recs, ivs)
	}
}
