package whip_test

import (
	"context"
	"image"
	"testing"
	"time"

	"github.com/pion/rtcp"
	"github.com/pion/webrtc/v4"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/timer"
	"github.com/igf-floor/floor/media"
	"github.com/igf-floor/floor/media/janus"
	"github.com/igf-floor/floor/media/janus/janustest"
	"github.com/igf-floor/floor/media/playback"
	"github.com/igf-floor/floor/media/sender"
	"github.com/igf-floor/floor/media/whip"
)

const janusRoom = 1234

// lanEngine is an engine on the machine's own addresses: libnice, under
// Janus, never offers loopback candidates, so peers of Janus cannot be
// loopback-only.
func lanEngine(t testing.TB) *media.Engine {
	e, err := media.NewEngine(media.Config{ListenAddr: "0.0.0.0:0"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close() })
	return e
}

// sfuHub is a hub whose media goes through Janus and whose control channel
// is a data-only WHIP connection to the moderator's Floor.
func sfuHub(t testing.TB, r *room, base, name string) (floor.Hub, *app.HubClient) {
	t.Helper()
	ctx := context.Background()
	hub, token := r.addHub(t, name)
	ctl, err := whip.Publish(ctx, hubEngine(t).API, r.client(token), whip.PublishOptions{DataChannel: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ctl.PC.Close() })
	hc := app.NewHubClient(app.SystemClock{}, ctl.Send)
	opened := make(chan struct{})
	ctl.OnControl(hc.Receive, func() { close(opened) })
	<-opened
	go hc.Run(t.Context())

	jc, err := janus.Connect(ctx, base)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { jc.Close() })
	video, _ := webrtc.NewTrackLocalStaticSample(webrtc.RTPCodecCapability{MimeType: webrtc.MimeTypeVP8}, "video", "hub")
	audio, _ := webrtc.NewTrackLocalStaticSample(webrtc.RTPCodecCapability{MimeType: webrtc.MimeTypeOpus, ClockRate: 48000, Channels: 2}, "audio", "hub")
	src := sender.NewTestSource(sender.Options{Width: 640, Height: 360, Kbps: 1500})
	pub, err := janus.Publish(ctx, lanEngine(t).API, jc, janusRoom, hub.ID, src.RequestKeyframe, video, audio)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { pub.PC.Close() })
	sctx, cancel := context.WithCancel(ctx)
	t.Cleanup(cancel)
	go src.Run(sctx, video, audio)
	return hub, hc
}

// subscribeLive is the room's side: it finds the hub's feed by its id and
// plays it, asking Janus (which asks the hub) for keyframes.
func subscribeLive(t testing.TB, base string, play *playback.Room, hubID string) *janus.Subscriber {
	t.Helper()
	ctx := context.Background()
	jc, err := janus.Connect(ctx, base)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { jc.Close() })
	var feed int64
	eventually(t, "the hub's feed in the room", func() bool {
		ps, err := janus.Participants(ctx, jc, janusRoom)
		for _, p := range ps {
			if p.Display == hubID && p.Publisher {
				feed = p.ID
			}
		}
		return err == nil && feed != 0
	})
	var sub *janus.Subscriber
	sub, err = janus.Subscribe(ctx, lanEngine(t).API, jc, janusRoom, feed, func(tr *webrtc.TrackRemote) {
		sink, ok := play.OnTrack(hubID, tr)
		if !ok {
			return
		}
		for {
			p, _, err := tr.ReadRTP()
			if err != nil {
				sink(nil)
				return
			}
			sink(p)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sub.PC.Close() })
	play.RequestKeyframe = func(string) {
		for _, r := range sub.PC.GetReceivers() {
			if tr := r.Track(); tr != nil && tr.Kind() == webrtc.RTPCodecTypeVideo {
				_ = sub.PC.WriteRTCP([]rtcp.Packet{&rtcp.PictureLossIndication{MediaSSRC: uint32(tr.SSRC())}})
			}
		}
	}
	return sub
}

// A hub publishes into a Janus VideoRoom; the room subscribes to it once it
// has the floor and decodes it; the control channel, direct to the room,
// keeps the queue and the timer in sync.
func TestHubThroughJanus(t *testing.T) {
	base := janustest.Start(t)
	ctx := context.Background()
	jc, err := janus.Connect(ctx, base)
	if err != nil {
		t.Fatal(err)
	}
	defer jc.Close()
	if err := janus.CreateRoom(ctx, jc, janusRoom, 16); err != nil {
		t.Fatal(err)
	}
	r, play, lat := playRoom(t, hubEngine(t))
	hub, hc := sfuHub(t, r, base, "Nairobi")
	if err := hc.RequestFloor(floor.Speaker{Name: "Grace Mutung'u"}); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the request in the queue", func() bool { return len(r.mod.Floor().Queue) == 1 })
	r.mod.Timer(ctx, timer.Command{Kind: timer.StartSession, Duration: time.Hour})
	if err := r.mod.Give(ctx, 0, timer.CountDown, 3*time.Minute); err != nil {
		t.Fatal(err)
	}
	subscribeLive(t, base, play, hub.ID)
	play.SetLive(map[string]bool{hub.ID: true})
	var pic *image.RGBA
	eventually(t, "the hub's picture through Janus", func() bool { _, _, ok := play.Picture(hub.ID, &pic); return ok })
	eventually(t, "the hub told it has the floor", func() bool {
		st := hc.Status()
		return st.Place == "You have the floor" && st.HaveTimer
	})
	room, mirrored := r.mod.Read().Speaker.Remaining, hc.Status().Timer.Speaker.Remaining
	if d := room - mirrored; d > 200*time.Millisecond || d < -200*time.Millisecond {
		t.Errorf("the hub's timer %v, the room's %v", mirrored, room)
	}
	time.Sleep(time.Second)
	if l := lat.sorted(); len(l) > 0 {
		t.Logf("capture → decoded through Janus: %v p50 over %d pictures", l[len(l)/2], len(l))
	}
}

// BenchmarkCaptureToDecodedThroughJanus is the stamp painted by the hub,
// read back after decoding, with Janus between hub and room on loopback;
// BenchmarkCaptureToDecodedLoopback is the same without it.
func BenchmarkCaptureToDecodedThroughJanus(b *testing.B) {
	base := janustest.Start(b)
	ctx := context.Background()
	jc, err := janus.Connect(ctx, base)
	if err != nil {
		b.Fatal(err)
	}
	defer jc.Close()
	if err := janus.CreateRoom(ctx, jc, janusRoom, 16); err != nil {
		b.Fatal(err)
	}
	r, play, lat := playRoom(b, hubEngine(b))
	hub, _ := sfuHub(b, r, base, "Nairobi")
	subscribeLive(b, base, play, hub.ID)
	play.SetLive(map[string]bool{hub.ID: true})
	var pic *image.RGBA
	eventually(b, "a picture", func() bool { _, _, ok := play.Picture(hub.ID, &pic); return ok })
	b.ResetTimer()
	for range b.N {
		time.Sleep(2 * time.Second)
	}
	b.StopTimer()
	l := lat.sorted()
	if len(l) == 0 {
		b.Fatal("no latency measured")
	}
	b.ReportMetric(float64(l[len(l)/2].Microseconds())/1000, "ms-p50")
	b.ReportMetric(float64(p95(l).Microseconds())/1000, "ms-p95")
}
