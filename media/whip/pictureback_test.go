package whip_test

import (
	"context"
	"image"
	"slices"
	"testing"
	"time"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/timer"
	"github.com/igf-floor/floor/media"
	"github.com/igf-floor/floor/media/sender"
	"github.com/igf-floor/floor/media/whip"
)

// pictureBack puts a hub sending the test source on the floor over a vnet
// (50 ms each way), cuts the link for d, restores it and returns how long
// after the restore the room decoded a new picture of it.
func pictureBack(t testing.TB, d time.Duration) time.Duration {
	roomNet, hubNet, cut := cuttableWAN(t, 50*time.Millisecond, 0, 0,
		media.Config{LostAfter: time.Second, FailedAfter: 3 * time.Second})
	r, play, _ := playRoom(t, roomNet)
	hub, token := r.addHub(t, "Nairobi")
	src := sender.NewTestSource(sender.Options{Width: 320, Height: 180, Kbps: 800})
	var link *whip.Link
	client := app.NewHubClient(app.SystemClock{}, func(b []byte) error { return link.Send(b) })
	link, err := whip.Dial(context.Background(), whip.LinkConfig{API: hubNet.API, Client: r.client(token),
		Publish: whip.PublishOptions{Video: true, FEC: true, Audio: true, DataChannel: true, OnControl: client.Receive,
			OnBitrate: src.SetBitrate, OnKeyframe: src.RequestKeyframe},
		Stale: func() bool { return client.Status().Stale }})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(func() { cancel(); link.Close(context.Background()) })
	<-link.Opened()
	go link.Run(ctx)
	go client.Run(ctx)
	pub := link.Publisher()
	go src.Run(ctx, pub.Video, pub.Audio)
	if err := client.RequestFloor(floor.Speaker{Name: "Grace"}); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the request", func() bool { return len(r.mod.Floor().Queue) == 1 })
	if err := r.mod.Give(context.Background(), 0, timer.CountDown, 5*time.Minute); err != nil {
		t.Fatal(err)
	}
	live := map[string]bool{hub.ID: true}
	play.SetLive(live)
	r.server.SetLive(live)
	var dst *image.RGBA
	fresh := func() bool { _, age, ok := play.Picture(hub.ID, &dst); return ok && age < 100*time.Millisecond }
	eventually(t, "the first picture", fresh)
	cut.Store(true)
	time.Sleep(d)
	cut.Store(false)
	restored := time.Now()
	eventually(t, "a picture after the cut", func() bool {
		_, age, ok := play.Picture(hub.ID, &dst)
		return ok && time.Since(restored) > age
	})
	back := time.Since(restored)
	// The room's session may be new (after a long cut): keep it live.
	r.server.SetLive(live)
	return back
}

// Link back → the hub on the floor's picture decoded again in the room.
// -benchtime Nx: p50 and p95 over N cuts.
func BenchmarkPictureBackAfterCut(b *testing.B) {
	for _, c := range []struct {
		name string
		cut  time.Duration
	}{{"2s", 2 * time.Second}, {"6s-past-consent", 6 * time.Second}} {
		b.Run(c.name, func(b *testing.B) {
			var backs []time.Duration
			for range b.N {
				backs = append(backs, pictureBack(b, c.cut))
			}
			slices.Sort(backs)
			b.ReportMetric(float64(backs[len(backs)/2])/1e6, "p50-ms")
			b.ReportMetric(float64(backs[(len(backs)-1)*95/100])/1e6, "p95-ms")
		})
	}
}

// The hub on the floor is seen again after a cut past the consent expiry,
// with no action from anyone.
func TestPictureComesBackAfterALongCut(t *testing.T) {
	t.Logf("picture back %v after the link", pictureBack(t, 6*time.Second))
}
