package playback

import (
	"context"
	"image"
	"image/draw"
	"io"
	"sync"
	"time"

	"github.com/pion/rtp"
	"github.com/pion/webrtc/v4"
)

// Room plays the hubs in the room: every hub's video is assembled, only the
// hubs on the floor are decoded, and the latest picture of each is kept for
// the screens.
type Room struct {
	// RequestKeyframe sends a PLI to a hub (whip.Server.RequestKeyframe).
	RequestKeyframe func(hubID string)
	// Changed is called (from a network goroutine) when a new picture is ready.
	Changed func(hubID string)
	// Latencies, when set, gets each hub's capture → decoded latencies.
	Latencies func(hubID string, d time.Duration)
	// RTT is a hub's round trip (whip.Server.RTT), to size the NACK wait.
	RTT func(hubID string) time.Duration

	mu     sync.Mutex
	live   map[string]bool
	hubs   map[string]*hubVideo
	cancel map[string]context.CancelFunc
}

type hubVideo struct {
	video   *Video
	picture *image.RGBA
	fresh   bool
	at      time.Time // when the last picture was decoded
}

// NewRoom makes an empty room.
func NewRoom() *Room {
	return &Room{live: map[string]bool{}, hubs: map[string]*hubVideo{}, cancel: map[string]context.CancelFunc{}}
}

// OnTrack takes a hub's VP8 video track (whip.Config.OnTrack) and returns
// the sink its packets go to; audio is not played yet.
func (r *Room) OnTrack(hubID string, t *webrtc.TrackRemote) (func(*rtp.Packet), bool) {
	if t.Kind() != webrtc.RTPCodecTypeVideo || t.Codec().MimeType != webrtc.MimeTypeVP8 {
		return nil, false
	}
	v, err := NewVideo(60 * time.Millisecond)
	if err != nil {
		return nil, false
	}
	// A burst of a second at 30 fps fits; past that the receiver is too
	// slow and the oldest news is dropped (the assembler asks a keyframe).
	queue := make(chan *rtp.Packet, 1024)
	sink := func(p *rtp.Packet) {
		if p == nil {
			close(queue)
			return
		}
		select {
		case queue <- p:
		default:
		}
	}
	h := &hubVideo{video: v}
	ctx, cancel := context.WithCancel(context.Background())
	r.mu.Lock()
	if old := r.cancel[hubID]; old != nil {
		old()
	}
	r.hubs[hubID], r.cancel[hubID] = h, cancel
	r.mu.Unlock()
	v.Decode = func() bool { r.mu.Lock(); defer r.mu.Unlock(); return r.live[hubID] }
	v.RequestKeyframe = func() {
		if r.RequestKeyframe != nil {
			r.RequestKeyframe(hubID)
		}
	}
	v.Latencies = func(d time.Duration) {
		if r.Latencies != nil {
			r.Latencies(hubID, d)
		}
	}
	v.Show = func(img *image.YCbCr, _ time.Time) { r.keep(hubID, h, img) }
	if r.RTT != nil {
		v.RTT = func() time.Duration { return r.RTT(hubID) }
	}
	go func() {
		v.Run(ctx, func() (*rtp.Packet, error) {
			p, ok := <-queue
			if !ok {
				return nil, io.EOF
			}
			return p, nil
		})
		r.mu.Lock()
		if r.hubs[hubID] == h {
			delete(r.hubs, hubID)
			delete(r.cancel, hubID)
		}
		r.mu.Unlock()
		cancel()
	}()
	return sink, true
}

// keep converts the picture for the screen, reusing the hub's RGBA.
func (r *Room) keep(hubID string, h *hubVideo, img *image.YCbCr) {
	r.mu.Lock()
	if h.picture == nil || h.picture.Rect != img.Rect {
		h.picture = image.NewRGBA(img.Rect)
	}
	draw.Draw(h.picture, img.Rect, img, img.Rect.Min, draw.Src)
	h.fresh, h.at = true, time.Now()
	changed := r.Changed
	r.mu.Unlock()
	if changed != nil {
		changed(hubID)
	}
}

// SetLive says which hubs are on the floor: only they are decoded.
func (r *Room) SetLive(live map[string]bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.live = live
}

// Picture copies hub's latest picture into *dst and reports whether it is
// newer than the last one taken, and how old it is (a frozen picture).
func (r *Room) Picture(hubID string, dst **image.RGBA) (fresh bool, age time.Duration, ok bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	h := r.hubs[hubID]
	if h == nil || h.picture == nil {
		return false, 0, false
	}
	age = time.Since(h.at)
	if !h.fresh {
		return false, age, true
	}
	if *dst == nil || (*dst).Rect != h.picture.Rect {
		*dst = image.NewRGBA(h.picture.Rect)
	}
	copy((*dst).Pix, h.picture.Pix)
	h.fresh = false
	return true, age, true
}

// Stats are hub's video counters, or nil.
func (r *Room) Stats(hubID string) *VideoStats {
	r.mu.Lock()
	defer r.mu.Unlock()
	if h := r.hubs[hubID]; h != nil {
		return &h.video.Stats
	}
	return nil
}

// Close stops every receiver.
func (r *Room) Close() {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, c := range r.cancel {
		c()
	}
}
