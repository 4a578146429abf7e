package hubjoin

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/media/capture"
)

// Devices are this machine's cameras and microphones, for the hub
// window's pickers and its check before joining.
func Devices() []app.HubDevice {
	var out []app.HubDevice
	for _, d := range capture.Devices() {
		out = append(out, app.HubDevice{ID: d.ID, Label: d.Label, Camera: d.Camera})
	}
	return out
}

// MicLevel listens to microphone id for half a second and returns the
// loudest sample heard, from 0 to 1.
func MicLevel(ctx context.Context, id string) (float64, error) {
	mic, err := capture.OpenMicrophone(id)
	if err != nil {
		return 0, err
	}
	// A device that never delivers must not hold the check: after 3 s
	// closing it ends the read that waits.
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	var once sync.Once
	closeMic := func() { once.Do(func() { _ = mic.Close() }) }
	stop := context.AfterFunc(ctx, closeMic)
	defer stop()
	defer closeMic()
	return loudest(ctx, mic.Fill, 25)
}

// loudest reads chunks of 20 ms of 48 kHz stereo through fill and returns
// the loudest sample of them, 0 to 1.
func loudest(ctx context.Context, fill func([]int16) error, chunks int) (float64, error) {
	pcm := make([]int16, 2*48000/50)
	peak := 0
	for range chunks {
		if err := ctx.Err(); err != nil {
			return 0, fmt.Errorf("microphone level: %w", err)
		}
		if err := fill(pcm); err != nil {
			return 0, fmt.Errorf("microphone level: %w", err)
		}
		for _, s := range pcm {
			peak = max(peak, abs(int(s)))
		}
	}
	return min(float64(peak)/32768, 1), nil
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
