// Package audioout plays the room's sound: on the default audio device
// through oto (ALSA, loaded at run time), or, when there is no device, on a
// null output that consumes the sound at the same real-time pace, so the
// rest of Floor behaves the same with or without a sound card.
package audioout

import (
	"context"
	"errors"
	"io"
	"time"

	"github.com/ebitengine/oto/v3"
)

// Output is a playing output; Close stops it.
type Output struct {
	Device string // "default device", or "no audio device (null output)"
	Why    error  // why there is no device, for the log
	player *oto.Player
	cancel context.CancelFunc
	done   chan struct{}
}

// Open plays src (48 kHz, stereo, 16-bit little-endian) on the default
// device, or on the null output when the device cannot be opened.
func Open(src io.Reader) *Output {
	ctx, ready, err := oto.NewContext(&oto.NewContextOptions{
		SampleRate: 48000, ChannelCount: 2, Format: oto.FormatSignedInt16LE, BufferSize: deviceBuffer,
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
	p := ctx.NewPlayer(&paced{src: src, start: time.Now()})
	p.Play()
	return &Output{Device: "default device", player: p}
}

// openNull drains src in real time, 20 ms at a time.
func openNull(src io.Reader, why error) *Output {
	ctx, cancel := context.WithCancel(context.Background())
	o := &Output{Device: "no audio device (null output)", Why: why, cancel: cancel, done: make(chan struct{})}
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

// OpenNull is the null output on purpose.
func OpenNull(src io.Reader) *Output { return openNull(src, errors.New("asked for")) }

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

// outputDelayer is a source that wants to know when its sound is heard
// (playback.Mixer).
type outputDelayer interface{ SetOutputDelay(time.Duration) }

// deviceBuffer is the buffer asked of the device.
const deviceBuffer = 20 * time.Millisecond

// bytesPerSecond is 48 kHz × 2 channels × 2 bytes.
const bytesPerSecond = 192_000

// paced never hands out sound faster than real time, beyond a lead of
// 100 ms: a real device pulls at its own pace anyway, but ALSA's null
// device (machines without a sound card) would drain the hubs' jitter
// buffers as fast as the CPU allows.
type paced struct {
	src   io.Reader
	start time.Time
	given int64
}

func (p *paced) Read(b []byte) (int, error) {
	ahead := time.Duration(p.given)*time.Second/bytesPerSecond - time.Since(p.start)
	if lead := 100 * time.Millisecond; ahead > lead {
		time.Sleep(ahead - lead)
		ahead = lead
	}
	// What is read now is heard after what was handed out before it and
	// the device's buffer: the source times its sound by that (lip sync).
	if d, ok := p.src.(outputDelayer); ok {
		d.SetOutputDelay(max(ahead, 0) + deviceBuffer)
	}
	n, err := p.src.Read(b)
	p.given += int64(n)
	return n, err
}
