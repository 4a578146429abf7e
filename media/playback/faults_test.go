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

// feeder packetizes encoded frames for a Video, as a hub would send them.
type feeder struct {
	seq uint16
	ts  uint32
}

func (f *feeder) packets(data []byte) []*rtp.Packet {
	var pay codecs.VP8Payloader
	var out []*rtp.Packet
	for _, pl := range pay.Payload(1200, data) {
		out = append(out, &rtp.Packet{Header: rtp.Header{SequenceNumber: f.seq, Timestamp: f.ts}, Payload: pl})
		f.seq++
	}
	out[len(out)-1].Marker = true
	f.ts += 3000
	return out
}

func (v *Video) take(pkts []*rtp.Packet) {
	for _, p := range pkts {
		for _, fr := range v.asm.Push(p, time.Now()) {
			v.decode(fr)
		}
	}
}

// A hub that changes resolution mid-turn, sends garbage, or sends no
// keyframe: the room shows what it can, asks for a keyframe, and never
// crashes.
func TestVideoFaults(t *testing.T) {
	v, err := NewVideo(50 * time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	defer v.dec.Close()
	asked := 0
	v.RequestKeyframe = func() { asked++ }
	v.KeyframeEvery = 0
	var shown []image.Rectangle
	v.Show = func(img *image.YCbCr, _ uint32, _ time.Time) { shown = append(shown, img.Rect) }
	feed := &feeder{}
	at := time.Now()
	encode := func(w, h, n int, firstKey bool) [][]byte {
		enc, err := vpx.NewEncoder(vpx.Config{Width: w, Height: h, Kbps: 600})
		if err != nil {
			t.Fatal(err)
		}
		defer enc.Close()
		p := testsrc.NewPattern(w, h)
		var out [][]byte
		for i := 0; i < n; i++ {
			data, _, err := enc.Encode(p.Frame(i, at), time.Duration(i)*33*time.Millisecond, i == 0 && firstKey)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, append([]byte(nil), data...))
		}
		return out
	}
	// No keyframe yet: inter frames are not shown and a keyframe is asked for.
	noKey := encode(320, 180, 6, true)[1:]
	for _, d := range noKey {
		v.take(feed.packets(d))
	}
	if len(shown) != 0 || asked == 0 {
		t.Fatalf("without a keyframe: %d pictures shown, %d keyframe requests", len(shown), asked)
	}
	for _, d := range encode(320, 180, 5, true) {
		v.take(feed.packets(d))
	}
	for _, d := range encode(640, 360, 5, true) { // the hub changed its resolution
		v.take(feed.packets(d))
	}
	if len(shown) != 10 || shown[0].Dx() != 320 || shown[9].Dx() != 640 {
		t.Fatalf("shown %v", shown)
	}
	// Garbage with a marker bit: counted as damage, a keyframe asked for.
	before := asked
	v.take([]*rtp.Packet{{Header: rtp.Header{SequenceNumber: feed.seq, Timestamp: feed.ts, Marker: true}, Payload: []byte{0x10, 0xde, 0xad, 0xbe, 0xef}}})
	feed.seq++
	if v.Stats.Damaged.Load() == 0 || asked == before {
		t.Fatalf("garbage: damaged %d, asked %d→%d", v.Stats.Damaged.Load(), before, asked)
	}
}
