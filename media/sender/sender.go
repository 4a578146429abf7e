// Package sender is a hub's outgoing media: the built-in test source
// encoded with libvpx and libopus, paced in real time onto a publisher's
// tracks, following the bitrate the room asks for.
package sender

import (
	"context"
	"fmt"
	"image"
	"image/draw"
	"sync"
	"sync/atomic"
	"time"

	"github.com/pion/webrtc/v4"
	"github.com/pion/webrtc/v4/pkg/media"

	"github.com/igf-floor/floor/media/opus"
	"github.com/igf-floor/floor/media/testsrc"
	"github.com/igf-floor/floor/media/vpx"
)

// Options say what the test source sends.
type Options struct {
	Width, Height int     // 0: 640x360
	FPS           int     // 0: 30
	Kbps          int     // starting video rate; 0: 300 (a queued hub's cap)
	ToneHz        float64 // 0: 440
}

// Stats are counters a hub window or test reads while sending.
type Stats struct {
	Frames, Keyframes, Dropped atomic.Int64
	AudioPackets               atomic.Int64
	Kbps                       atomic.Int64 // the video target now
}

// TestSource sends the moving pattern and the tone until ctx ends. video or
// audio may be nil (audio-only mode for thin links). Rate changes arrive on
// bitrate (bits per second, from REMB); keyframe requests on keyframe.
type TestSource struct {
	Options
	Stats    Stats
	bitrate  chan int
	keyframe chan struct{}

	mu      sync.Mutex
	preview *image.RGBA // the self-view, refreshed five times a second
	fresh   bool
}

// previewEvery is how many frames pass between self-view refreshes.
const previewEvery = 6

// Preview copies the latest self-view frame into dst (made or resized as
// needed) and reports whether there was a new one since the last call.
func (s *TestSource) Preview(dst **image.RGBA) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.preview == nil || !s.fresh {
		return false
	}
	if *dst == nil || (*dst).Rect != s.preview.Rect {
		*dst = image.NewRGBA(s.preview.Rect)
	}
	copy((*dst).Pix, s.preview.Pix)
	s.fresh = false
	return true
}

func (s *TestSource) keepPreview(img *image.YCbCr) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.preview == nil {
		s.preview = image.NewRGBA(img.Rect)
	}
	draw.Draw(s.preview, img.Rect, img, img.Rect.Min, draw.Src)
	s.fresh = true
}

// NewTestSource prepares a source with o's settings.
func NewTestSource(o Options) *TestSource {
	if o.Width == 0 || o.Height == 0 {
		o.Width, o.Height = 640, 360
	}
	if o.FPS <= 0 {
		o.FPS = 30
	}
	if o.Kbps <= 0 {
		o.Kbps = 300
	}
	if o.ToneHz == 0 {
		o.ToneHz = 440
	}
	s := &TestSource{Options: o, bitrate: make(chan int, 1), keyframe: make(chan struct{}, 1)}
	s.Stats.Kbps.Store(int64(o.Kbps))
	return s
}

// SetBitrate asks the encoder for bps from the next frame (latest wins).
func (s *TestSource) SetBitrate(bps int) {
	select {
	case <-s.bitrate:
	default:
	}
	s.bitrate <- bps
}

// RequestKeyframe makes the next frame a keyframe.
func (s *TestSource) RequestKeyframe() {
	select {
	case s.keyframe <- struct{}{}:
	default:
	}
}

// Run paces the source in real time onto the tracks.
func (s *TestSource) Run(ctx context.Context, video, audio *webrtc.TrackLocalStaticSample) error {
	errs := make(chan error, 2)
	n := 0
	if video != nil {
		n++
		go func() { errs <- s.runVideo(ctx, video) }()
	}
	if audio != nil {
		n++
		go func() { errs <- s.runAudio(ctx, audio) }()
	}
	var first error
	for ; n > 0; n-- {
		if err := <-errs; err != nil && first == nil {
			first = err
		}
	}
	return first
}

func (s *TestSource) runVideo(ctx context.Context, track *webrtc.TrackLocalStaticSample) error {
	enc, err := vpx.NewEncoder(vpx.Config{Width: s.Width, Height: s.Height, Kbps: s.Kbps, KeyEvery: 3 * s.FPS})
	if err != nil {
		return err
	}
	defer enc.Close()
	pattern := testsrc.NewPattern(s.Width, s.Height)
	period := time.Second / time.Duration(s.FPS)
	tick := time.NewTicker(period)
	defer tick.Stop()
	start := time.Now()
	forceKey := true
	for i := 0; ; i++ {
		select {
		case <-ctx.Done():
			return nil
		case bps := <-s.bitrate:
			kbps := max(50, min(bps/1000, 4000))
			if err := enc.SetBitrate(kbps); err == nil {
				s.Stats.Kbps.Store(int64(kbps))
			}
		case <-s.keyframe:
			forceKey = true
		case <-tick.C:
		}
		now := time.Now()
		picture := pattern.Frame(i, now)
		if i%previewEvery == 0 {
			s.keepPreview(picture)
		}
		frame, key, err := enc.Encode(picture, now.Sub(start), forceKey)
		if err != nil {
			return fmt.Errorf("test source: %w", err)
		}
		forceKey = false
		if len(frame) == 0 {
			s.Stats.Dropped.Add(1)
			continue
		}
		if key {
			s.Stats.Keyframes.Add(1)
		}
		if err := track.WriteSample(media.Sample{Data: frame, Duration: period}); err != nil {
			return fmt.Errorf("test source: send video: %w", err)
		}
		s.Stats.Frames.Add(1)
	}
}

func (s *TestSource) runAudio(ctx context.Context, track *webrtc.TrackLocalStaticSample) error {
	enc, err := opus.NewEncoder(32000)
	if err != nil {
		return err
	}
	defer enc.Close()
	tone := testsrc.Tone{Freq: s.ToneHz}
	pcm := make([]int16, 2*opus.FrameSamples)
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-tick.C:
		}
		tone.Fill(pcm)
		pkt, err := enc.Encode(pcm)
		if err != nil {
			return fmt.Errorf("test tone: %w", err)
		}
		if err := track.WriteSample(media.Sample{Data: pkt, Duration: 20 * time.Millisecond}); err != nil {
			return fmt.Errorf("test tone: send: %w", err)
		}
		s.Stats.AudioPackets.Add(1)
	}
}
