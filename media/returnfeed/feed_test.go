package returnfeed

import (
	"testing"

	"github.com/pion/rtp"

	"github.com/igf-floor/floor/media/opus"
	"github.com/igf-floor/floor/media/testsrc"
)

// voice is a hub's tone as the RTP packets the room receives.
func voice(t testing.TB, hz float64, n int) []*rtp.Packet {
	enc, err := opus.NewEncoder(32000)
	if err != nil {
		t.Fatal(err)
	}
	defer enc.Close()
	tone := testsrc.Tone{Freq: hz}
	pcm := make([]int16, 2*FrameSamples)
	var out []*rtp.Packet
	for i := range n {
		tone.Fill(pcm)
		data, err := enc.Encode(pcm)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, &rtp.Packet{Header: rtp.Header{SequenceNumber: uint16(i), Timestamp: uint32(i * FrameSamples)}, Payload: append([]byte(nil), data...)})
	}
	return out
}

// BenchmarkStep16Hubs2Live is one 20 ms frame of the return feed for 16
// hubs, two on the floor: the room's tone, both live hubs decoded, one
// encoding for the fourteen queued hubs and one each for the live two.
// A share of one core is ns/op ÷ 20 ms.
func BenchmarkStep16Hubs2Live(b *testing.B) {
	f, err := New(TestTone(""))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	ids := []string{"h0", "h1", "h2", "h3", "h4", "h5", "h6", "h7", "h8", "h9", "h10", "h11", "h12", "h13", "h14", "h15"}
	for _, id := range ids {
		if _, err := f.Track(id); err != nil {
			b.Fatal(err)
		}
	}
	if err := f.SetLive(map[string]bool{"h0": true, "h1": true}); err != nil {
		b.Fatal(err)
	}
	a, c := voice(b, 1000, 64), voice(b, 1500, 64)
	for i := range 3 { // the jitter buffer's depth
		f.Hear("h0", a[i])
		f.Hear("h1", c[i])
	}
	b.ResetTimer()
	for i := range b.N {
		p, q := *a[(i+3)%64], *c[(i+3)%64]
		p.SequenceNumber, q.SequenceNumber = uint16(i+3), uint16(i+3)
		f.Hear("h0", &p)
		f.Hear("h1", &q)
		f.Step()
	}
	b.ReportMetric(100*float64(b.Elapsed())/float64(b.N)/float64(Frame), "%core")
}

func TestMixMinusSubtractsExactly(t *testing.T) {
	sum := []int32{40000, -40000, 100, 5}
	out := make([]int16, 4)
	clip(out, sum, []int16{10000, -10000, 100, 0})
	if out[0] != 30000 || out[1] != -30000 || out[2] != 0 || out[3] != 5 {
		t.Errorf("mix-minus %v", out)
	}
	clip(out, sum, nil)
	if out[0] != 32767 || out[1] != -32768 {
		t.Errorf("clipped %v", out)
	}
}
