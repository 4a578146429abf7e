package whip_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/igf-floor/floor/media"
)

// BenchmarkSixteenHubsOneLive2pctLoss is sixteen hubs held over a vnet with
// 20 ms each way and 2 % loss, fifteen queued (160x90) and one live
// (640x360), for 10 s: frames of the live hub given up despite NACK and
// FEC, its pictures decoded, and its capture → decoded p95.
func BenchmarkSixteenHubsOneLive2pctLoss(b *testing.B) {
	for i := 0; i < b.N; i++ {
		nets, _ := wanOf(b, 17, 20*time.Millisecond, 0, 0.02, media.Config{})
		r, play, lat := playRoom(b, nets[0])
		var liveID string
		for h := 1; h <= 16; h++ {
			hub, token := r.addHub(b, fmt.Sprintf("Hub %d", h))
			w, hgt := 160, 90
			if h == 1 {
				liveID, w, hgt = hub.ID, 640, 360
			}
			sendTest(b, r, token, nets[h], w, hgt)
		}
		eventually(b, "16 hubs connected", func() bool { return len(r.server.Quality()) == 16 })
		live := map[string]bool{liveID: true}
		play.SetLive(live)
		r.server.SetLive(live)
		time.Sleep(10 * time.Second)
		st := play.Stats(liveID)
		all := lat.sorted()
		b.ReportMetric(float64(st.Lost.Load()), "live-frames-lost")
		b.ReportMetric(float64(st.Decoded.Load()), "live-frames-decoded")
		if len(all) > 0 {
			b.ReportMetric(float64(all[len(all)*95/100])/1e6, "p95-ms")
		}
	}
}
