// Package returnfeed sends the room to every hub on the connection it
// already has: the room's own sound (a microphone or mixer input, or a test
// tone) with the hubs on the floor mixed in, as Opus. The hub on the floor
// gets a mix-minus — everything but its own voice, which would come back to
// it a round trip late as an echo — and a queued hub gets the whole room, so
// it follows the discussion before its turn.
package returnfeed

import (
	"context"
	"fmt"
	"math"
	"sync"
	"time"

	"github.com/pion/rtp"
	"github.com/pion/webrtc/v4"
	pmedia "github.com/pion/webrtc/v4/pkg/media"

	"github.com/igf-floor/floor/media/opus"
	"github.com/igf-floor/floor/media/playback"
)

// Frame is 20 ms, Opus's frame: FrameSamples stereo samples at 48 kHz.
const (
	Frame        = 20 * time.Millisecond
	FrameSamples = opus.FrameSamples
	bitrate      = 48_000 // speech and a room's ambience, well under a queued hub's 300 kbps
)

// Source is the room's sound, 20 ms at a time.
type Source interface {
	// Fill writes the next 20 ms (2×FrameSamples values, interleaved
	// stereo); it returns at once, with silence when nothing came in.
	Fill(pcm []int16)
}

// Feed mixes and sends the return feed. Its Run paces it in real time;
// Step makes one frame, for tests and benchmarks.
type Feed struct {
	source Source

	mu     sync.Mutex
	hubs   map[string]*hub
	shared *opus.Encoder // the whole room, for every hub not on the floor
	room   []int16
	all    []int32
	minus  []int16
	frame  []int16
}

// hub is one connected hub's side of the feed.
type hub struct {
	track *webrtc.TrackLocalStaticSample
	live  bool
	voice *playback.AudioBuffer // its own sound while live, decoded for the others
	heard []int16               // this frame of its voice
	has   bool                  // heard holds sound this frame
	enc   *opus.Encoder         // its mix-minus, while live
}

// New makes a feed of source.
func New(source Source) (*Feed, error) {
	enc, err := opus.NewEncoder(bitrate)
	if err != nil {
		return nil, fmt.Errorf("return feed: %w", err)
	}
	n := 2 * FrameSamples
	return &Feed{source: source, hubs: map[string]*hub{}, shared: enc,
		room: make([]int16, n), all: make([]int32, n), minus: make([]int16, n), frame: make([]int16, n)}, nil
}

// Track is the track hubID hears the room on; the WHIP server adds it to
// the hub's PeerConnection when the hub's offer can receive audio.
func (f *Feed) Track(hubID string) (*webrtc.TrackLocalStaticSample, error) {
	t, err := webrtc.NewTrackLocalStaticSample(webrtc.RTPCodecCapability{MimeType: webrtc.MimeTypeOpus, ClockRate: 48000, Channels: 2},
		"room", "floor-room")
	if err != nil {
		return nil, fmt.Errorf("return feed track: %w", err)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if old := f.hubs[hubID]; old != nil {
		old.close()
	}
	f.hubs[hubID] = &hub{track: t, heard: make([]int16, 2*FrameSamples)}
	return t, nil
}

// Drop forgets hubID's track t: the hub left (a newer connection of the
// same hub keeps its own track).
func (f *Feed) Drop(hubID string, t *webrtc.TrackLocalStaticSample) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if h := f.hubs[hubID]; h != nil && h.track == t {
		h.close()
		delete(f.hubs, hubID)
	}
}

func (h *hub) close() {
	if h.voice != nil {
		h.voice.Close()
		h.voice = nil
	}
	if h.enc != nil {
		h.enc.Close()
		h.enc = nil
	}
}

// SetLive says which hubs are on the floor: they are mixed into everyone
// else's feed, and each gets its own mix without itself.
func (f *Feed) SetLive(live map[string]bool) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	var errs []error
	for id, h := range f.hubs {
		switch on := live[id]; {
		case on && !h.live:
			voice, err := playback.NewAudioBuffer()
			if err == nil {
				h.enc, err = opus.NewEncoder(bitrate)
			}
			if err != nil {
				errs = append(errs, err)
				continue
			}
			h.voice, h.live = voice, true
		case !on && h.live:
			h.close()
			h.live = false
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("return feed: %w", errs[0])
	}
	return nil
}

// Hear takes one packet of a live hub's sound (playback.Room's tap).
func (f *Feed) Hear(hubID string, p *rtp.Packet) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if h := f.hubs[hubID]; h != nil && h.voice != nil {
		h.voice.Push(p)
	}
}

// Run sends a frame every 20 ms until ctx ends.
func (f *Feed) Run(ctx context.Context) {
	tick := time.NewTicker(Frame)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
			f.Step()
		}
	}
}

// Step mixes and sends one frame: the room and every live hub to the hubs
// that are not live (encoded once), and to each live hub the same less its
// own voice (encoded for it alone).
func (f *Feed) Step() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.source.Fill(f.room)
	for i, v := range f.room {
		f.all[i] = int32(v)
	}
	for _, h := range f.hubs {
		h.has = h.live && h.voice != nil && h.voice.Frame(h.heard)
		if h.has {
			for i, v := range h.heard {
				f.all[i] += int32(v)
			}
		}
	}
	sample := pmedia.Sample{Duration: Frame}
	var shared []byte
	for _, h := range f.hubs {
		if h.live {
			continue
		}
		if shared == nil {
			clip(f.frame, f.all, nil)
			data, err := f.shared.Encode(f.frame)
			if err != nil {
				return
			}
			shared = data
		}
		sample.Data = shared
		_ = h.track.WriteSample(sample) // a hub that cannot receive has no binding: nothing is sent
	}
	for _, h := range f.hubs {
		if !h.live || h.enc == nil {
			continue
		}
		var self []int16
		if h.has {
			self = h.heard
		}
		clip(f.minus, f.all, self)
		data, err := h.enc.Encode(f.minus)
		if err != nil {
			continue
		}
		sample.Data = data
		_ = h.track.WriteSample(sample)
	}
}

// clip writes sum less self (nil: nothing) into out, clipped to 16 bits.
func clip(out []int16, sum []int32, self []int16) {
	for i, v := range sum {
		if self != nil {
			v -= int32(self[i])
		}
		out[i] = int16(max(math.MinInt16, min(math.MaxInt16, v)))
	}
}

// Close frees the encoders.
func (f *Feed) Close() {
	f.mu.Lock()
	defer f.mu.Unlock()
	for id, h := range f.hubs {
		h.close()
		delete(f.hubs, id)
	}
	f.shared.Close()
}
