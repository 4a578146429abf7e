package opus_test

import (
	"math"
	"testing"

	"github.com/igf-floor/floor/media/opus"
	"github.com/igf-floor/floor/media/testsrc"
)

func TestEncodeToneFrames(t *testing.T) {
	enc, err := opus.NewEncoder(32000)
	if err != nil {
		t.Fatal(err)
	}
	defer enc.Close()
	tone := testsrc.Tone{Freq: 440}
	pcm := make([]int16, 2*opus.FrameSamples)
	total := 0
	for i := 0; i < 50; i++ { // one second
		tone.Fill(pcm)
		pkt, err := enc.Encode(pcm)
		if err != nil || len(pkt) == 0 {
			t.Fatalf("frame %d: %d bytes, %v", i, len(pkt), err)
		}
		total += len(pkt)
	}
	// 32 kbps for one second is 4000 bytes; VBR stays near it.
	if total < 2000 || total > 6000 {
		t.Fatalf("%d bytes in a second at 32 kbps", total)
	}
	if _, err := enc.Encode(pcm[:100]); err == nil {
		t.Fatal("a short frame was encoded")
	}
	if _, err := opus.NewEncoder(-5); err == nil {
		t.Fatal("a negative bitrate was accepted")
	}
}

// The tone survives a round trip, and a lost packet is rebuilt from the
// next one's FEC or concealed, never left silent or garbage.
func TestDecodeFECAndConcealment(t *testing.T) {
	enc, err := opus.NewEncoder(32000)
	if err != nil {
		t.Fatal(err)
	}
	defer enc.Close()
	dec, err := opus.NewDecoder()
	if err != nil {
		t.Fatal(err)
	}
	defer dec.Close()
	tone := testsrc.Tone{Freq: 440}
	pcm := make([]int16, 2*opus.FrameSamples)
	out := make([]int16, 2*opus.FrameSamples*6)
	var packets [][]byte
	for i := 0; i < 30; i++ {
		tone.Fill(pcm)
		p, err := enc.Encode(pcm)
		if err != nil {
			t.Fatal(err)
		}
		packets = append(packets, append([]byte(nil), p...))
	}
	energy := func(s []int16) float64 {
		var e float64
		for _, v := range s {
			e += float64(v) * float64(v)
		}
		return math.Sqrt(e / float64(len(s)))
	}
	for i, p := range packets {
		var n int
		switch {
		case i == 20: // lost; the next packet's FEC rebuilds it
			n, err = dec.DecodeFEC(packets[21], out)
		case i == 25: // lost and no help: concealed
			n, err = dec.Conceal(out)
		default:
			n, err = dec.Decode(p, out)
		}
		if err != nil || n != opus.FrameSamples {
			t.Fatalf("packet %d: %d samples, %v", i, n, err)
		}
		// The tone is at 8192 peak, so RMS near 5800; after warm-up every
		// frame, rebuilt ones included, carries it.
		if rms := energy(out[:2*n]); i > 3 && (rms < 2500 || rms > 9000) {
			t.Fatalf("packet %d: RMS %.0f", i, rms)
		}
	}
	if _, err := dec.Decode([]byte{0xff, 0xff, 0xff}, out); err == nil {
		t.Log("libopus took three bytes of garbage as a packet")
	}
}
