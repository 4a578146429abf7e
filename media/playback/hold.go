package playback

import (
	"image"
	"time"

	"github.com/pion/rtcp"
	"github.com/pion/webrtc/v4"
)

// hubVideo is what the screens get of one hub: the picture on show, and
// pictures decoded but held back for their sound (lip sync).
type hubVideo struct {
	video   *Video
	picture *image.RGBA
	fresh   bool
	at      time.Time // when the picture on show was decoded
	queued  uint64    // pictures handed to keep
	shown   uint64    // the number of the picture on show
	spare   []*image.RGBA
}

// maxSpare bounds the pictures kept for reuse: MaxHold at 30 fps.
const maxSpare = 8

// syncOf is hub's lip sync, made on first use.
func (r *Room) syncOf(hubID string) *Sync {
	r.mu.Lock()
	defer r.mu.Unlock()
	s := r.syncs[hubID]
	if s == nil {
		s = &Sync{}
		r.syncs[hubID] = s
	}
	return s
}

// SenderReport takes a hub's RTCP sender report for its audio or video
// track (whip.Config.OnSenderReport): the clock lip sync runs on.
func (r *Room) SenderReport(hubID string, kind webrtc.RTPCodecType, sr *rtcp.SenderReport) {
	r.syncOf(hubID).SenderReport(kind == webrtc.RTPCodecTypeAudio, sr)
}

// LipSyncHold is how long hub's latest picture was held back for its sound.
func (r *Room) LipSyncHold(hubID string) time.Duration { return r.syncOf(hubID).LastHold() }

// keep converts the picture for the screen into a spare picture and puts it
// on show after hold; a picture overtaken by a later one is dropped.
func (r *Room) keep(hubID string, h *hubVideo, img *image.YCbCr, hold time.Duration) {
	r.mu.Lock()
	var pic *image.RGBA
	if n := len(h.spare); n > 0 {
		pic, h.spare = h.spare[n-1], h.spare[:n-1]
	}
	h.queued++
	number := h.queued
	r.mu.Unlock()
	pic = toScreen(pic, img) // outside the lock: the screens keep reading
	decoded := time.Now()
	if hold <= 0 {
		r.show(hubID, h, pic, number, decoded)
		return
	}
	time.AfterFunc(hold, func() { r.show(hubID, h, pic, number, decoded) })
}

func (r *Room) show(hubID string, h *hubVideo, pic *image.RGBA, number uint64, decoded time.Time) {
	r.mu.Lock()
	if number < h.shown {
		h.recycle(pic)
		r.mu.Unlock()
		return
	}
	if h.picture != nil {
		h.recycle(h.picture)
	}
	h.picture, h.shown = pic, number
	h.fresh, h.at = true, decoded
	changed := r.Changed
	r.mu.Unlock()
	if changed != nil {
		changed(hubID)
	}
}

func (h *hubVideo) recycle(pic *image.RGBA) {
	if len(h.spare) < maxSpare {
		h.spare = append(h.spare, pic)
	}
}
