package hubjoin

import (
	"context"
	"testing"
)

// The level is the loudest sample of what the microphone gave, over the
// whole time listened, not the last chunk's.
func TestLoudestIsThePeakOfEveryChunk(t *testing.T) {
	n := 0
	fill := func(pcm []int16) error {
		for i := range pcm {
			pcm[i] = 0
		}
		if n == 3 {
			pcm[100] = -16384 // half of full scale, once, in the fourth chunk
		}
		n++
		return nil
	}
	got, err := loudest(context.Background(), fill, 25)
	if err != nil || got != 0.5 || n != 25 {
		t.Errorf("level %.3f after %d chunks, %v", got, n, err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := loudest(ctx, fill, 25); err == nil {
		t.Error("a cancelled check listened on")
	}
}
