package audioout

import (
	"sync/atomic"
	"testing"
	"time"
)

// counting is a source that counts the bytes taken from it.
type counting struct{ n atomic.Int64 }

func (c *counting) Read(p []byte) (int, error) { c.n.Add(int64(len(p))); clear(p); return len(p), nil }

// With or without a sound card, the output takes the room's sound at the
// real-time pace: 48 kHz × 2 channels × 2 bytes = 192 000 bytes a second.
// (Run it with ALSA_CONFIG_PATH set to a file holding
// 'pcm.!default { type null }' to try ALSA's null device.)
func TestOutputTakesSoundInRealTime(t *testing.T) {
	for name, open := range map[string]func(*counting) *Output{
		"default": func(c *counting) *Output { return Open(c) },
		"null":    func(c *counting) *Output { return OpenNull(c) },
	} {
		src := &counting{}
		out := open(src)
		time.Sleep(500 * time.Millisecond)
		start := src.n.Load()
		time.Sleep(time.Second)
		got := src.n.Load() - start
		if err := out.Close(); err != nil {
			t.Fatal(err)
		}
		if got < 150_000 || got > 260_000 {
			t.Fatalf("%s (%s): %d bytes in a second", name, out.Device, got)
		}
		t.Logf("%s: %s, %d bytes/s", name, out.Device, got)
	}
}
