package whip

import (
	"slices"
	"time"

	"github.com/pion/webrtc/v4"

	"github.com/igf-floor/floor/app/floor"
)

// Quality is one connected hub's link as the console shows it.
type Quality struct {
	Hub         floor.Hub
	Session     string
	State       string // "new", "connecting", "connected", "disconnected"
	Lost        bool   // Disconnected: "hub lost?"
	ControlOpen bool   // the hub speaks the control protocol
	Joined      time.Time
	Connected   time.Duration // POST → connected
	FirstRTP    time.Duration // POST → first media packet
	RTT         time.Duration
	Jitter      time.Duration // video, as the room measures it
	PacketsLost int64
	Packets     int64
	Kbps        float64 // since the previous Quality call
	FPS         float64
	CapKbps     int // what the room asks of the hub (REMB)
}

// Quality reads every connected hub's link, first joined first. Rates are
// over the time since the previous call.
func (s *Server) Quality() []Quality {
	s.mu.Lock()
	all := make([]*session, 0, len(s.sessions))
	for _, sess := range s.sessions {
		all = append(all, sess)
	}
	s.mu.Unlock()
	now := s.cfg.Now()
	out := make([]Quality, 0, len(all))
	for _, sess := range all {
		out = append(out, sess.quality(now))
	}
	slices.SortFunc(out, func(a, b Quality) int { return a.Joined.Compare(b.Joined) })
	return out
}

func (sess *session) quality(now time.Time) Quality {
	q := Quality{Hub: sess.hub, Session: sess.id, Joined: sess.opened, Packets: sess.packets.Load()}
	var stats webrtc.StatsReport
	if sess.statsSafe(now) {
		stats = sess.pc.GetStats()
	}
	for _, st := range stats {
		switch v := st.(type) {
		case webrtc.ICECandidatePairStats:
			if v.Nominated && v.CurrentRoundTripTime > 0 {
				q.RTT = time.Duration(v.CurrentRoundTripTime * float64(time.Second))
			}
		case webrtc.InboundRTPStreamStats:
			q.PacketsLost += int64(v.PacketsLost)
			if v.Kind == "video" {
				q.Jitter = time.Duration(v.Jitter * float64(time.Second))
			}
		}
	}
	bytes, frames := sess.bytes.Load(), sess.videoFrames.Load()
	sess.mu.Lock()
	defer sess.mu.Unlock()
	q.State = sess.state.String()
	q.Lost = sess.state == webrtc.PeerConnectionStateDisconnected
	q.ControlOpen = sess.hasDataChann
	q.CapKbps = int(sess.bitrateCap / 1000)
	if !sess.connectedAt.IsZero() {
		q.Connected = sess.connectedAt.Sub(sess.opened)
	}
	if !sess.firstRTP.IsZero() {
		q.FirstRTP = sess.firstRTP.Sub(sess.opened)
	}
	if prev := sess.lastQuality; !prev.at.IsZero() {
		if dt := now.Sub(prev.at).Seconds(); dt > 0 {
			q.Kbps = float64(bytes-prev.bytes) * 8 / 1000 / dt
			q.FPS = float64(frames-prev.frames) / dt
		}
	}
	sess.lastQuality = qualitySample{at: now, bytes: bytes, frames: frames}
	return q
}

// RTT is the round-trip time to hub as ICE measures it, 0 when unknown.
func (s *Server) RTT(hubID string) time.Duration {
	s.mu.Lock()
	sess := s.sessionOf(hubID)
	s.mu.Unlock()
	if sess == nil || !sess.statsSafe(s.cfg.Now()) {
		return 0
	}
	for _, st := range sess.pc.GetStats() {
		if p, ok := st.(webrtc.ICECandidatePairStats); ok && p.Nominated && p.CurrentRoundTripTime > 0 {
			return time.Duration(p.CurrentRoundTripTime * float64(time.Second))
		}
	}
	return 0
}

// statsSafe says whether the PeerConnection's stats may be read: pion's
// GetStats reads each remote track's codec without the lock under which
// the track's first packet writes it (the race detector caught the room's
// RTT read racing a hub's second track starting), so the stats wait until
// every track has had its first packet, or 10 s after the first media for
// a track a hub offered and never sends.
func (sess *session) statsSafe(now time.Time) bool {
	var want int64
	for _, tr := range sess.pc.GetTransceivers() {
		if r := tr.Receiver(); r != nil {
			want += int64(len(r.Tracks()))
		}
	}
	if sess.tracks.Load() >= want {
		return true
	}
	sess.mu.Lock()
	first := sess.firstRTP
	sess.mu.Unlock()
	return !first.IsZero() && now.Sub(first) > 10*time.Second
}
