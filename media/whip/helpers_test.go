package whip_test

import (
	"context"
	"crypto/tls"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"github.com/pion/webrtc/v4"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/floor"
	hubroom "github.com/igf-floor/floor/app/room"
	"github.com/igf-floor/floor/media"
	"github.com/igf-floor/floor/media/playback"
	"github.com/igf-floor/floor/media/whip"
	"github.com/igf-floor/floor/storage"
)

// room is a moderator's Floor in one process: a real database, moderator,
// hub room, Pion engine on loopback and the WHIP endpoint over TLS.
type room struct {
	db     *storage.DB
	dir    app.HubDirectory
	mod    *app.Moderator
	hubs   *hubroom.Room
	engine *media.Engine
	server *whip.Server
	http   *httptest.Server
	pin    string
}

func newRoom(t testing.TB, lim whip.Limits) *room {
	t.Helper()
	e, err := media.NewEngine(media.Config{ListenAddr: "127.0.0.1:0", Loopback: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close() })
	return newRoomOn(t, lim, e, app.SystemClock{})
}

// newRoomOn is a room whose media goes through engine e (a vnet one, say),
// on the moderator's clock.
func newRoomOn(t testing.TB, lim whip.Limits, e *media.Engine, clock app.Clock) *room {
	return newRoomWith(t, lim, e, clock, nil)
}

// newRoomWith is newRoomOn with the room's media played by play (nil: not played).
func newRoomWith(t testing.TB, lim whip.Limits, e *media.Engine, clock app.Clock, play *playback.Room) *room {
	return newRoomFeeding(t, lim, e, clock, play, nil)
}

// newRoomFeeding is newRoomWith with a return feed to the hubs.
func newRoomFeeding(t testing.TB, lim whip.Limits, e *media.Engine, clock app.Clock, play *playback.Room, feed whip.ReturnFeed) *room {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	tmp := t.TempDir()
	db, err := storage.Open(ctx, filepath.Join(tmp, "floor.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	r := &room{db: db, dir: app.HubDirectory{Store: db, Clock: app.SystemClock{}}}
	if r.mod, err = app.OpenModerator(ctx, db, clock, "test/ws234"); err != nil {
		t.Fatal(err)
	}
	r.hubs = hubroom.New(hubroom.Config{Moderator: r.mod, Clock: clock, SessionTitle: "Security of digital products"})
	go r.hubs.Run(ctx)
	r.engine = e
	cfg := whip.Config{API: r.engine.API, Auth: r.dir, Audit: db, Room: r.hubs, Limits: lim, ReturnFeed: feed,
		ICEServers: []webrtc.ICEServer{{URLs: []string{"stun:stun.example.org:3478"}}}}
	if play != nil {
		cfg.OnTrack, cfg.OnSenderReport = play.OnTrack, play.SenderReport
	}
	r.server, err = whip.NewServer(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.server.Close() })
	cert, err := whip.LoadOrCreateCertificate(tmp, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	r.pin = whip.Pin(cert)
	r.http = httptest.NewUnstartedServer(r.server.Handler())
	r.http.TLS = &tls.Config{Certificates: []tls.Certificate{cert}}
	r.http.StartTLS()
	t.Cleanup(r.http.Close)
	return r
}

func (r *room) addHub(t testing.TB, name string) (floor.Hub, string) {
	t.Helper()
	h, token, err := r.dir.Add(context.Background(), app.NewHub{Name: name, City: name, Group: "Civil Society", Region: "African Group"})
	if err != nil {
		t.Fatal(err)
	}
	return h, token
}

func (r *room) client(token string) *whip.Client {
	return whip.NewPinnedClient(r.http.Listener.Addr().String(), token, r.pin)
}

// hubEngine is a hub's own Pion engine on loopback.
func hubEngine(t testing.TB) *media.Engine {
	t.Helper()
	e, err := media.NewEngine(media.Config{ListenAddr: "127.0.0.1:0", Loopback: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close() })
	return e
}

// offer is a real offer with a data channel and a video track.
func offer(t testing.TB, e *media.Engine) string {
	t.Helper()
	pc, err := e.API.NewPeerConnection(webrtc.Configuration{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { pc.Close() })
	if _, err := pc.CreateDataChannel("floor", nil); err != nil {
		t.Fatal(err)
	}
	if _, err := pc.AddTransceiverFromKind(webrtc.RTPCodecTypeVideo, webrtc.RTPTransceiverInit{Direction: webrtc.RTPTransceiverDirectionSendonly}); err != nil {
		t.Fatal(err)
	}
	o, err := pc.CreateOffer(nil)
	if err != nil {
		t.Fatal(err)
	}
	gathered := webrtc.GatheringCompletePromise(pc)
	if err := pc.SetLocalDescription(o); err != nil {
		t.Fatal(err)
	}
	<-gathered
	return pc.LocalDescription().SDP
}

// eventually waits up to 10 s for ok.
func eventually(t testing.TB, what string, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
