package opus_test

import (
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
