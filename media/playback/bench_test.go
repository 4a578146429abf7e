package playback

import (
	"image"
	"testing"
	"time"

	"github.com/pion/rtp"
	"github.com/pion/rtp/codecs"

	"github.com/igf-floor/floor/media/testsrc"
	"github.com/igf-floor/floor/media/vpx"
)

// BenchmarkReceiveDecode720p is the room's work for one 1280x720 frame of
// the live hub at 2.5 Mbit/s: its RTP packets assembled, decoded, the stamp
// read and the picture converted for the screen (what Room.keep does).
// At 30 fps, ns/op × 30 / 1e9 is the share of one core.
func BenchmarkReceiveDecode720p(b *testing.B) {
	enc, err := vpx.NewEncoder(vpx.Config{Width: 1280, Height: 720, Kbps: 2500})
	if err != nil {
		b.Fatal(err)
	}
	defer enc.Close()
	p := testsrc.NewPattern(1280, 720)
	var pay codecs.VP8Payloader
	const n = 90
	var frames [][]*rtp.Packet
	seq := uint16(0)
	at := time.Now()
	for i := 0; i < n; i++ {
		data, _, err := enc.Encode(p.Frame(i, at), time.Duration(i)*33*time.Millisecond, i == 0)
		if err != nil {
			b.Fatal(err)
		}
		var pkts []*rtp.Packet
		for _, pl := range pay.Payload(1200, data) {
			pkts = append(pkts, &rtp.Packet{Header: rtp.Header{SequenceNumber: seq, Timestamp: uint32(i * 3000)}, Payload: pl})
			seq++
		}
		pkts[len(pkts)-1].Marker = true
		frames = append(frames, pkts)
	}
	room := NewRoom()
	h := &hubVideo{}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if i%n == 0 {
			b.StopTimer()
			v, err := NewVideo(50 * time.Millisecond)
			if err != nil {
				b.Fatal(err)
			}
			v.Show = func(img *image.YCbCr, _ uint32, _ time.Time) { room.keep("hub", h, img, 0) }
			if vid != nil {
				vid.dec.Close()
			}
			b.StartTimer()
			vid = v
		}
		for _, pk := range frames[i%n] {
			for _, f := range vid.asm.Push(pk, at) {
				vid.decode(f)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)*30/1e9*100, "%-core-at-30fps")
}

var vid *Video
