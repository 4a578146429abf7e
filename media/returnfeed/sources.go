package returnfeed

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/igf-floor/floor/media/capture"
	"github.com/igf-floor/floor/media/testsrc"
)

// RoomSound is the room's sound as the feed takes it, and what it is in
// words for the console ("microphone: USB mixer", "test tone 440 Hz (no
// microphone found)"; "microphone stopped (unplugged?)" when it fails).
type RoomSound interface {
	Source
	Describe() string
	Close() error
}

// ToneHz is the room's test tone: an E, apart from the hubs' 440 Hz A.
const ToneHz = 660

// TestTone is the room's built-in test source.
func TestTone(why string) RoomSound {
	return &tone{Tone: testsrc.Tone{Freq: ToneHz}, why: why}
}

type tone struct {
	testsrc.Tone
	why string
}

func (t *tone) Describe() string {
	if t.why == "" {
		return fmt.Sprintf("test tone %d Hz", ToneHz)
	}
	return fmt.Sprintf("test tone %d Hz (%s)", ToneHz, t.why)
}
func (t *tone) Close() error { return nil }

// OpenRoomSound opens what the moderator chose: "test", "mic" (the first
// microphone, or fail), or "auto" (a microphone when there is one, else the
// test tone, saying why).
func OpenRoomSound(ctx context.Context, choice string) (RoomSound, error) {
	switch choice {
	case "test":
		return TestTone(""), nil
	case "mic", "auto", "":
		m, err := capture.OpenMicrophone("")
		if err == nil {
			return FromMicrophone(ctx, m, "microphone"), nil
		}
		if choice == "mic" {
			return nil, err
		}
		why := "no microphone found"
		if !errors.Is(err, capture.ErrNoDevice) {
			why = "the microphone could not be opened: " + err.Error()
		}
		return TestTone(why), nil
	}
	return nil, fmt.Errorf("room sound %q: use auto, mic or test", choice)
}

// captured is a microphone read by its own goroutine into a short queue,
// so the feed never waits on the device: it takes a frame when one is there
// and silence when not.
type captured struct {
	name   string
	mic    *capture.Microphone
	cancel context.CancelFunc

	mu     sync.Mutex
	frames [][]int16
	failed error
}

// queued is the most the feed lags the microphone: 100 ms, then the oldest
// frames are dropped rather than delay the room's voice.
const queued = 5

// FromMicrophone feeds the room from m.
func FromMicrophone(ctx context.Context, m *capture.Microphone, name string) RoomSound {
	ctx, cancel := context.WithCancel(ctx)
	c := &captured{name: name, mic: m, cancel: cancel}
	go c.read(ctx)
	return c
}

func (c *captured) read(ctx context.Context) {
	for ctx.Err() == nil {
		pcm := make([]int16, 2*FrameSamples)
		if err := c.mic.Fill(pcm); err != nil {
			c.mu.Lock()
			c.failed = err
			c.mu.Unlock()
			return
		}
		c.mu.Lock()
		if len(c.frames) >= queued {
			c.frames = c.frames[1:]
		}
		c.frames = append(c.frames, pcm)
		c.mu.Unlock()
	}
}

func (c *captured) Fill(pcm []int16) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.frames) == 0 {
		clear(pcm)
		return
	}
	copy(pcm, c.frames[0])
	c.frames = c.frames[1:]
}

func (c *captured) Describe() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.failed != nil {
		return c.name + " stopped (unplugged?): the hubs hear silence from the room"
	}
	return c.name
}

func (c *captured) Close() error {
	c.cancel()
	return c.mic.Close()
}
