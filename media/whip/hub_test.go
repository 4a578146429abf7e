package whip_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/pion/webrtc/v4"
	pmedia "github.com/pion/webrtc/v4/pkg/media"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/control"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/timer"
	"github.com/igf-floor/floor/media"
	"github.com/igf-floor/floor/media/sender"
	"github.com/igf-floor/floor/media/whip"
)

// joinHub publishes as a hub and wires its control channel to a HubClient.
func joinHub(t testing.TB, r *room, token string) (*whip.Publisher, *app.HubClient) {
	return joinHubOn(t, r, token, hubEngine(t), app.SystemClock{})
}

// joinHubOn joins through engine e on the hub's clock.
func joinHubOn(t testing.TB, r *room, token string, e *media.Engine, clock app.Clock) (*whip.Publisher, *app.HubClient) {
	t.Helper()
	pub, err := whip.Publish(context.Background(), e.API, r.client(token),
		whip.PublishOptions{Video: true, Audio: true, DataChannel: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { pub.PC.Close() })
	hc := app.NewHubClient(clock, pub.Send)
	opened := make(chan struct{})
	pub.OnControl(hc.Receive, func() { close(opened) })
	select {
	case <-opened:
	case <-time.After(10 * time.Second):
		t.Fatal("the control channel did not open")
	}
	// No wait for the welcome: a hub may speak the moment the channel
	// opens, and the room must not lose what it says.
	return pub, hc
}

func TestHubAsksForTheFloorAndFollowsTheRoom(t *testing.T) {
	ctx := context.Background()
	r := newRoom(t, whip.Limits{})
	nairobi, token := r.addHub(t, "Nairobi")
	pub, hc := joinHub(t, r, token)
	if err := hc.Hello(12); err != nil {
		t.Fatal(err)
	}
	if err := hc.RequestFloor(floor.Speaker{Name: "Grace Mutung'u", Affiliation: "KICTANet", Youth: true}); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the request in the moderator's queue", func() bool { return len(r.mod.Floor().Queue) == 1 })
	got := r.mod.Floor().Queue[0].Speaker
	want := floor.Speaker{Name: "Grace Mutung'u", Affiliation: "KICTANet", Group: "Civil Society", Region: "African Group", Youth: true, Remote: true, Hub: "Nairobi", HubID: nairobi.ID}
	if got != want {
		t.Fatalf("queued %+v, want %+v", got, want)
	}
	eventually(t, "the hub told it is next", func() bool {
		st := hc.Status()
		return st.Place == "Next of 1 in the queue" && st.HaveTimer && st.Session == "Security of digital products"
	})
	if p := r.hubs.Present(); len(p) != 1 || p[0].Hub.ID != nairobi.ID || p[0].People != 12 {
		t.Fatalf("present %+v", p)
	}

	// Media flows: a few samples reach the room's counters.
	for i := 0; i < 10; i++ {
		if err := pub.Video.WriteSample(pmedia.Sample{Data: []byte{0x10, 0x02, 0x00, 0x9d, 0x01, 0x2a}, Duration: 33 * time.Millisecond}); err != nil {
			t.Fatal(err)
		}
	}
	eventually(t, "RTP at the room", func() bool {
		q := r.server.Quality()
		return len(q) == 1 && q[0].Packets > 0 && q[0].State == "connected"
	})

	if err := r.mod.Timer(ctx, timer.Command{Kind: timer.StartSession, Duration: time.Hour}); err != nil {
		t.Fatal(err)
	}
	if err := r.mod.Give(ctx, 0, timer.CountDown, 3*time.Minute); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the hub live with the room's timer", func() bool {
		st := hc.Status()
		return st.Floor == control.Live && st.Timer.Speaker.Active && st.Timer.Speaker.Name == "Grace Mutung'u"
	})
	if live := r.hubs.Live(); !live[nairobi.ID] {
		t.Fatalf("live %v", live)
	}
	if err := r.mod.EndTurn(ctx); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the hub told its turn is done", func() bool { return hc.Status().Floor == control.Done })
	if err := pub.Leave(ctx); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the hub gone from the room", func() bool { return len(r.hubs.Present()) == 0 && len(r.server.Quality()) == 0 })
	audit, err := r.db.Audit(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, e := range audit {
		kinds = append(kinds, e.Kind+":"+e.Detail)
	}
	if len(audit) != 2 || audit[0].Kind != "joined" || audit[1].Kind != "left" || audit[1].Detail != "the hub left" {
		t.Fatalf("audit %v", kinds)
	}
}

func TestWrongCertificatePinIsRefused(t *testing.T) {
	r := newRoom(t, whip.Limits{})
	_, token := r.addHub(t, "São Paulo")
	c := whip.NewPinnedClient(r.http.Listener.Addr().String(), token, strings.Repeat("0", 64))
	_, err := whip.Publish(context.Background(), hubEngine(t).API, c, whip.PublishOptions{DataChannel: true})
	if !errors.Is(err, whip.ErrPinMismatch) {
		t.Fatalf("want a pin mismatch, got %v", err)
	}
}

func TestRevokedHubIsCutOffWhileConnected(t *testing.T) {
	r := newRoom(t, whip.Limits{Revalidate: 50 * time.Millisecond})
	hub, token := r.addHub(t, "Geneva")
	_, hc := joinHub(t, r, token)
	_ = hc.RequestFloor(floor.Speaker{Name: "Someone"})
	eventually(t, "the request queued", func() bool { return len(r.mod.Floor().Queue) == 1 })
	if _, err := r.dir.Revoke(context.Background(), hub.ID); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the revoked hub gone, its request with it", func() bool {
		return len(r.server.Quality()) == 0 && len(r.mod.Floor().Queue) == 0
	})
}

var _ = webrtc.MimeTypeVP8

// The built-in source sends real VP8 and Opus; the room holds a queued hub
// at the capped rate and, when it is live, raises it and asks for a keyframe.
func TestTestSourceFollowsTheRoomsRateAndKeyframeRequests(t *testing.T) {
	r := newRoom(t, whip.Limits{})
	hub, token := r.addHub(t, "Nairobi")
	src := sender.NewTestSource(sender.Options{Kbps: 1000})
	pub, err := whip.Publish(context.Background(), hubEngine(t).API, r.client(token), whip.PublishOptions{
		Video: true, Audio: true, DataChannel: true, OnBitrate: src.SetBitrate, OnKeyframe: src.RequestKeyframe})
	if err != nil {
		t.Fatal(err)
	}
	defer pub.PC.Close()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- src.Run(ctx, pub.Video, pub.Audio) }()
	eventually(t, "the queued cap applied", func() bool { return src.Stats.Kbps.Load() == whip.QueuedBitrate/1000 })
	keys := src.Stats.Keyframes.Load()
	r.server.SetLive(map[string]bool{hub.ID: true})
	eventually(t, "the live rate and a fresh keyframe", func() bool {
		return src.Stats.Kbps.Load() == whip.LiveBitrate/1000 && src.Stats.Keyframes.Load() > keys
	})
	eventually(t, "video and audio at the room", func() bool {
		q := r.server.Quality()
		return len(q) == 1 && q[0].Packets > 50 && src.Stats.AudioPackets.Load() > 10
	})
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

// A plain WHIP client, with media and no control channel, can still send an
// intervention: the room takes its media and shows it as media only.
func TestMediaOnlyWHIPClient(t *testing.T) {
	r := newRoom(t, whip.Limits{})
	_, token := r.addHub(t, "OBS")
	pub, err := whip.Publish(context.Background(), hubEngine(t).API, r.client(token), whip.PublishOptions{Video: true, Audio: true})
	if err != nil {
		t.Fatal(err)
	}
	defer pub.Leave(context.Background())
	for i := 0; i < 5; i++ {
		_ = pub.Audio.WriteSample(pmedia.Sample{Data: []byte{0xf8, 0xff, 0xfe}, Duration: 20 * time.Millisecond})
		time.Sleep(20 * time.Millisecond)
	}
	eventually(t, "media at the room", func() bool {
		for i := 0; i < 3; i++ {
			_ = pub.Audio.WriteSample(pmedia.Sample{Data: []byte{0xf8, 0xff, 0xfe}, Duration: 20 * time.Millisecond})
		}
		q := r.server.Quality()
		return len(q) == 1 && q[0].State == "connected" && q[0].Packets > 0 && !q[0].ControlOpen
	})
	if len(r.hubs.Present()) != 0 {
		t.Fatal("a media-only client joined the control room")
	}
}
