package playback

import (
	"sync"
	"time"

	"github.com/pion/rtcp"
)

// Clock rates of the hubs' RTP: Opus at 48 kHz, video at 90 kHz.
const (
	audioRate = 48000
	videoRate = 90000
)

// MaxHold is the longest a picture is held back for its sound: past that
// the sound is too late to wait for (a stalled hub, a huge buffer) and the
// picture goes out as soon as it is decoded.
const MaxHold = 250 * time.Millisecond

// senderClock maps one stream's RTP timestamps to the hub's wall clock, from
// its latest RTCP sender report.
type senderClock struct {
	ntp  time.Time
	rtp  uint32
	rate float64
	set  bool
}

// at is when the hub captured (or sent) the media stamped ts.
func (c senderClock) at(ts uint32) time.Time {
	return c.ntp.Add(time.Duration(float64(int32(ts-c.rtp)) / c.rate * float64(time.Second)))
}

// ntpTime reads RTCP's 32.32 fixed-point NTP time.
func ntpTime(v uint64) time.Time {
	const unixToNTP = 2208988800
	secs := int64(v>>32) - unixToNTP
	frac := int64((v & 0xffffffff) * uint64(time.Second) >> 32)
	return time.Unix(secs, frac)
}

// Sync keeps one hub's pictures in step with its sound. Both streams' sender
// reports put their RTP timestamps on the hub's one clock, so "how long
// after capture does the room hear this" and "how long after capture would
// it see this" can be compared though the two machines' clocks differ. The
// sound waits in the jitter buffer and the device; the picture is held back
// by the difference, up to MaxHold, so the lips move with the words.
type Sync struct {
	mu           sync.Mutex
	audio, video senderClock
	heard        time.Duration // latest sound: when played minus when captured, on the hub's clock
	hasHeard     bool
	lastHold     time.Duration
}

// SenderReport takes a hub's RTCP sender report for its audio or video.
func (s *Sync) SenderReport(audio bool, sr *rtcp.SenderReport) {
	c := senderClock{ntp: ntpTime(sr.NTPTime), rtp: sr.RTPTime, rate: videoRate, set: true}
	s.mu.Lock()
	defer s.mu.Unlock()
	if audio {
		c.rate = audioRate
		s.audio = c
	} else {
		s.video = c
	}
}

// AudioPlayed says the sound stamped ts leaves the speaker at at.
func (s *Sync) AudioPlayed(ts uint32, at time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.audio.set {
		return
	}
	d := at.Sub(s.audio.at(ts))
	if !s.hasHeard {
		s.heard, s.hasHeard = d, true
		return
	}
	// Smoothed over about eight frames: the device takes sound in bursts.
	s.heard += (d - s.heard) / 8
}

// Hold is how long to hold the picture stamped ts, decoded at decoded,
// before showing it: zero until both streams have reported.
func (s *Sync) Hold(ts uint32, decoded time.Time) time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.video.set || !s.hasHeard {
		return 0
	}
	seen := decoded.Sub(s.video.at(ts))
	hold := min(max(s.heard-seen, 0), MaxHold)
	s.lastHold = hold
	return hold
}

// LastHold is the hold given to the latest picture, for the console.
func (s *Sync) LastHold() time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.lastHold
}

// Forget drops what was learned of the sound: the hub left the floor and
// its buffer starts again.
func (s *Sync) Forget() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.hasHeard = false
}
