// Package audioout plays the room's sound: on the default audio device
// through oto (ALSA, loaded at run time), or, when there is no device, on a
// null output that consumes the sound at the same real-time pace, so the
// rest of Floor behaves the same with or without a sound card.
package audioout

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/ebitengine/oto/v3"
)

// Output is a playing output; Close stops it.
type Output struct {
	Device string // "default" or "null (no audio device: <why>)"
	player *oto.Player
	cancel context.CancelFunc
	done   chan struct{}
}

// Open plays src (48 kHz, stereo, 16-bit little-endian) on the default
// device, or on the null output when the device cannot be opened.
func Open(src io.Reader) *Output {
	ctx, ready, err := oto.NewContext(&oto.NewContextOptions{
		SampleRate: 48000, ChannelCount: 2, Format: oto.FormatSignedInt16LE, BufferSize: 20 * time.Millisecond,
	})
	if err == nil {
		<-ready
		// oto reports device errors late, through Err.
		time.Sleep(50 * time.Millisecond)
		err = ctx.Err()
	}
	if err != nil {
		return openNull(src, err)
	}
	p := ctx.NewPlayer(src)
	p.Play()
	return &Output{Device: "default", player: p}
}

// openNull drains src in real time, 20 ms at a time.
func openNull(src io.Reader, why error) *Output {
	ctx, cancel := context.WithCancel(context.Background())
	o := &Output{Device: fmt.Sprintf("null (no audio device: %v)", why), cancel: cancel, done: make(chan struct{})}
	go func() {
		defer close(o.done)
		buf := make([]byte, 4*960)
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
				if _, err := io.ReadFull(src, buf); err != nil {
					return
				}
			}
		}
	}()
	return o
}

// OpenNull is the null output on purpose (tests, --no-sound).
func OpenNull(src io.Reader) *Output { return openNull(src, fmt.Errorf("asked for")) }

// Close stops playing.
func (o *Output) Close() error {
	if o.player != nil {
		o.player.Pause()
		return o.player.Close()
	}
	o.cancel()
	<-o.done
	return nil
}
