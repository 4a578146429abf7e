package playback

import (
	"context"
	"image"
	"io"
	"sync"
	"time"

	"github.com/pion/rtp"
	"github.com/pion/webrtc/v4"

	"github.com/igf-floor/floor/media/fec"
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
	// Dir, when set, is where each turn on the floor is recorded.
	Dir string
	// Recorded is told when a recording starts (done false) and ends.
	Recorded func(hubID string, rec *Recording, done bool)

	// Mixer is the room's sound: the hubs on the floor, for the audio output.
	Mixer *Mixer
	// Tap, when set, gets every sound packet of a hub on the floor (the
	// return feed mixes them into the other hubs' sound). It must not block.
	Tap func(hubID string, p *rtp.Packet)

	mu     sync.Mutex
	live   map[string]bool
	hubs   map[string]*hubVideo
	cancel map[string]context.CancelFunc
	recs   map[string]*Recording
	sound  map[string]*AudioBuffer
	syncs  map[string]*Sync
}

// NewRoom makes an empty room.
func NewRoom() *Room {
	return &Room{Mixer: NewMixer(), live: map[string]bool{}, hubs: map[string]*hubVideo{}, cancel: map[string]context.CancelFunc{},
		recs: map[string]*Recording{}, sound: map[string]*AudioBuffer{}, syncs: map[string]*Sync{}}
}

// OnTrack takes a hub's VP8 or H.264 video and Opus audio (whip.Config.OnTrack) and
// returns the sink their packets go to.
func (r *Room) OnTrack(hubID string, t *webrtc.TrackRemote) (func(*rtp.Packet), bool) {
	if t.Kind() == webrtc.RTPCodecTypeAudio && t.Codec().MimeType == webrtc.MimeTypeOpus {
		return r.onAudio(hubID)
	}
	if t.Kind() != webrtc.RTPCodecTypeVideo {
		return nil, false
	}
	if t.Codec().MimeType == fec.MimeType {
		return r.onRepair(hubID), true
	}
	codec := VP8
	switch t.Codec().MimeType {
	case webrtc.MimeTypeVP8:
	case webrtc.MimeTypeH264:
		codec = H264 // OBS and some browsers send only H.264
	default:
		return nil, false
	}
	v, err := NewVideoOf(codec, 60*time.Millisecond)
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
	live, rec := r.live[hubID], r.recs[hubID]
	r.mu.Unlock()
	if rec != nil {
		rec.ResumeVideo() // the hub came back during its turn
	}
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
	lips := r.syncOf(hubID)
	v.Show = func(img *image.YCbCr, ts uint32, _ time.Time) {
		now := time.Now()
		r.keep(hubID, h, img, lips.Hold(ts, now))
	}
	v.RecordFrame = func(f Frame) {
		if rec := r.recording(hubID); rec != nil {
			_ = rec.WriteFrame(f)
		}
	}
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
	if live && r.RequestKeyframe != nil {
		// Back on a new connection during its turn: a picture now, not at
		// the encoder's next keyframe.
		r.RequestKeyframe(hubID)
	}
	return sink, true
}

// onRepair hands a hub's repair packets to its video receiver, whichever
// is current when each arrives.
func (r *Room) onRepair(hubID string) func(*rtp.Packet) {
	return func(p *rtp.Packet) {
		if p == nil {
			return
		}
		r.mu.Lock()
		h := r.hubs[hubID]
		r.mu.Unlock()
		if h != nil {
			h.video.Repair(p)
		}
	}
}

// onAudio plays a hub's sound while it is on the floor, and records it.
func (r *Room) onAudio(hubID string) (func(*rtp.Packet), bool) {
	buf, err := NewAudioBuffer()
	if err != nil {
		return nil, false
	}
	buf.Played = r.syncOf(hubID).AudioPlayed
	r.mu.Lock()
	r.sound[hubID] = buf
	live, rec := r.live[hubID], r.recs[hubID]
	r.mu.Unlock()
	if rec != nil {
		rec.ResumeAudio() // the hub came back during its turn
	}
	if live {
		r.Mixer.Set(hubID, buf)
	}
	return func(p *rtp.Packet) {
		if p == nil {
			r.mu.Lock()
			current := r.sound[hubID] == buf
			if current {
				delete(r.sound, hubID)
			}
			r.mu.Unlock()
			if current { // an old connection ending after a new one came must not mute it
				r.Mixer.Set(hubID, nil)
			}
			buf.Close()
			return
		}
		r.mu.Lock()
		live, rec, tap := r.live[hubID], r.recs[hubID], r.Tap
		r.mu.Unlock()
		if rec != nil {
			_ = rec.WriteAudio(p)
		}
		if live {
			buf.Push(p)
			if tap != nil {
				tap(hubID, p)
			}
		}
	}, true
}

func (r *Room) recording(hubID string) *Recording {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.recs[hubID]
}

// SetLive says which hubs are on the floor: only they are decoded, and each
// turn is recorded from the moment it starts to the moment it ends.
func (r *Room) SetLive(live map[string]bool) {
	r.mu.Lock()
	type finished struct {
		id  string
		rec *Recording
	}
	var started, ended []string
	var done []finished
	for id := range live {
		if !r.live[id] {
			started = append(started, id)
		}
	}
	for id := range r.live {
		if !live[id] {
			ended = append(ended, id)
		}
	}
	r.live = live
	for _, id := range ended {
		if rec := r.recs[id]; rec != nil {
			done = append(done, finished{id, rec})
			delete(r.recs, id)
		}
	}
	dir, told := r.Dir, r.Recorded
	for _, id := range ended {
		if b := r.sound[id]; b != nil {
			r.Mixer.Set(id, nil) // the room stops hearing the hub at once
			b.Reset()
		}
		if s := r.syncs[id]; s != nil {
			s.Forget()
		}
	}
	for _, id := range started {
		if b := r.sound[id]; b != nil {
			r.Mixer.Set(id, b)
		}
	}
	r.mu.Unlock()
	for _, f := range done {
		f.rec.Close()
		if told != nil {
			told(f.id, f.rec, true)
		}
	}
	if dir == "" {
		return
	}
	for _, id := range started {
		rec, err := StartRecording(dir, time.Now().UTC().Format("20060102-150405.000")+"-"+id)
		if err != nil {
			continue
		}
		r.mu.Lock()
		r.recs[id] = rec
		r.mu.Unlock()
		if told != nil {
			told(id, rec, false)
		}
	}
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

// Close stops every receiver and finishes every recording.
func (r *Room) Close() {
	r.SetLive(map[string]bool{})
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, c := range r.cancel {
		c()
	}
}
