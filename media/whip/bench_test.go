package whip_test

import (
	"context"
	"slices"
	"testing"
	"time"

	pmedia "github.com/pion/webrtc/v4/pkg/media"

	"github.com/igf-floor/floor/media/whip"
)

// BenchmarkJoinLoopback is one hub joining over loopback: the room's time
// from receiving the WHIP POST to the connection being up (connected-ms)
// and to the first RTP packet (first-rtp-ms), p50 over b.N joins.
func BenchmarkJoinLoopback(b *testing.B) {
	r := newRoom(b, whip.Limits{PerAddress: 1e6, PerHub: 1e6, MaxHubs: 1000})
	_, token := r.addHub(b, "Nairobi")
	var connected, firstRTP []time.Duration
	for i := 0; i < b.N; i++ {
		e := hubEngine(b)
		pub, err := whip.Publish(context.Background(), e.API, r.client(token), whip.PublishOptions{Video: true, DataChannel: true})
		if err != nil {
			b.Fatal(err)
		}
		var q whip.Quality
		for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
			_ = pub.Video.WriteSample(pmedia.Sample{Data: []byte{0x10, 0x02, 0x00, 0x9d, 0x01, 0x2a}, Duration: time.Millisecond})
			qs := r.server.Quality()
			if len(qs) == 1 && qs[0].FirstRTP > 0 && qs[0].Connected > 0 {
				q = qs[0]
				break
			}
		}
		if q.FirstRTP == 0 {
			b.Fatal("no RTP within 10 s")
		}
		connected, firstRTP = append(connected, q.Connected), append(firstRTP, q.FirstRTP)
		if err := pub.Leave(context.Background()); err != nil {
			b.Fatal(err)
		}
		e.Close()
		eventually(b, "the hub gone", func() bool { return len(r.server.Quality()) == 0 })
	}
	slices.Sort(connected)
	slices.Sort(firstRTP)
	b.ReportMetric(float64(connected[len(connected)/2])/1e6, "connected-ms")
	b.ReportMetric(float64(firstRTP[len(firstRTP)/2])/1e6, "first-rtp-ms")
}
