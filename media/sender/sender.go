// Package sender is a hub's outgoing media: pictures and sound from the
// camera and microphone or the built-in test source, encoded with libvpx and
// libopus, onto a publisher's tracks, following the bitrate the room asks
// for.
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
	"github.com/igf-floor/floor/media/vpx"
)

// Options say what the test source sends.
type Options struct {
	Width, Height int     // 0: 640x360
	FPS           int     // 0: 30
	Kbps          int     // starting video rate; 0: 300 (a queued hub's cap)
	ToneHz        float64 // 0: 440
	// SyncBeep beeps at testsrc.MarkFreq for the first 100 ms of every
	// second, so the room can time the sound against the stamped pictures.
	SyncBeep bool
}

// Stats are counters a hub window or test reads while sending.
type Stats struct {
	Frames, Keyframes, Dropped atomic.Int64
	AudioPackets               atomic.Int64
	Kbps                       atomic.Int64 // the video target now
}

// Sender encodes and sends pictures and sounds until ctx ends. Rate
// changes arrive with SetBitrate (from REMB), keyframe requests with
// RequestKeyframe (from PLI).
type Sender struct {
	Options
	Stats    Stats
	Pictures Pictures
	Sounds   Sounds
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
func (s *Sender) Preview(dst **image.RGBA) bool {
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

func (s *Sender) keepPreview(img *image.YCbCr) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.preview == nil {
		s.preview = image.NewRGBA(img.Rect)
	}
	draw.Draw(s.preview, img.Rect, img, img.Rect.Min, draw.Src)
	s.fresh = true
}

// NewTestSource sends the built-in pattern and tone with o's settings.
func NewTestSource(o Options) *Sender {
	s := newSender(o)
	s.Pictures, s.Sounds = TestPattern(s.Width, s.Height, s.FPS), testTone(s.ToneHz, s.SyncBeep)
	return s
}

// NewSender sends pictures and sounds (the camera and microphone, say);
// either may be nil when the track is not sent.
func NewSender(o Options, pictures Pictures, sounds Sounds) *Sender {
	s := newSender(o)
	s.Pictures, s.Sounds = pictures, sounds
	return s
}

func newSender(o Options) *Sender {
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
	s := &Sender{Options: o, bitrate: make(chan int, 1), keyframe: make(chan struct{}, 1)}
	s.Stats.Kbps.Store(int64(o.Kbps))
	return s
}

// SetBitrate asks the encoder for bps from the next frame (latest wins).
func (s *Sender) SetBitrate(bps int) {
	select {
	case <-s.bitrate:
	default:
	}
	s.bitrate <- bps
}

// RequestKeyframe makes the next frame a keyframe.
func (s *Sender) RequestKeyframe() {
	select {
	case s.keyframe <- struct{}{}:
	default:
	}
}

// Run paces the source in real time onto the tracks.
func (s *Sender) Run(ctx context.Context, video, audio *webrtc.TrackLocalStaticSample) error {
	errs := make(chan error, 2)
	n := 0
	if video != nil && s.Pictures != nil {
		n++
		go func() { errs <- s.runVideo(ctx, video) }()
	}
	if audio != nil && s.Sounds != nil {
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

func (s *Sender) runVideo(ctx context.Context, track *webrtc.TrackLocalStaticSample) error {
	defer s.Pictures.Close()
	enc, err := vpx.NewEncoder(vpx.Config{Width: s.Width, Height: s.Height, Kbps: s.Kbps, KeyEvery: 3 * s.FPS})
	if err != nil {
		return err
	}
	defer enc.Close()
	start, last := time.Now(), time.Now()
	forceKey := true
	for i := 0; ; i++ {
		select {
		case bps := <-s.bitrate:
			kbps := max(50, min(bps/1000, 4000))
			if err := enc.SetBitrate(kbps); err == nil {
				s.Stats.Kbps.Store(int64(kbps))
			}
		case <-s.keyframe:
			forceKey = true
		default:
		}
		picture, err := s.Pictures.Next(ctx, i)
		if ctx.Err() != nil {
			return nil
		}
		if err != nil {
			return fmt.Errorf("video source: %w", err)
		}
		now := time.Now()
		if i%previewEvery == 0 {
			s.keepPreview(picture)
		}
		frame, key, err := enc.Encode(picture, now.Sub(start), forceKey)
		if err != nil {
			return fmt.Errorf("video: %w", err)
		}
		forceKey = false
		if len(frame) == 0 {
			s.Stats.Dropped.Add(1)
			continue
		}
		if key {
			s.Stats.Keyframes.Add(1)
		}
		// The sample lasts until the next one; a camera sets its own pace.
		if err := track.WriteSample(media.Sample{Data: frame, Duration: now.Sub(last)}); err != nil {
			return fmt.Errorf("send video: %w", err)
		}
		last = now
		s.Stats.Frames.Add(1)
	}
}

func (s *Sender) runAudio(ctx context.Context, track *webrtc.TrackLocalStaticSample) error {
	defer s.Sounds.Close()
	enc, err := opus.NewEncoder(32000)
	if err != nil {
		return err
	}
	defer enc.Close()
	pcm := make([]int16, 2*opus.FrameSamples)
	for {
		err := s.Sounds.Fill(ctx, pcm)
		if ctx.Err() != nil {
			return nil
		}
		if err != nil {
			return fmt.Errorf("audio source: %w", err)
		}
		pkt, err := enc.Encode(pcm)
		if err != nil {
			return fmt.Errorf("audio: %w", err)
		}
		if err := track.WriteSample(media.Sample{Data: pkt, Duration: 20 * time.Millisecond}); err != nil {
			return fmt.Errorf("send audio: %w", err)
		}
		s.Stats.AudioPackets.Add(1)
	}
}
