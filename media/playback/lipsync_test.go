package playback

import (
	"testing"
	"time"

	"github.com/pion/rtcp"
)

// ntp is t in RTCP's 32.32 fixed point.
func ntp(t time.Time) uint64 {
	secs := uint64(t.Unix() + 2208988800)
	frac := uint64(t.Nanosecond()) << 32 / uint64(time.Second)
	return secs<<32 | frac
}

func TestNTPTimeReadsBack(t *testing.T) {
	at := time.Date(2020, 11, 11, 11, 20, 0, 250_000_000, time.UTC)
	if got := ntpTime(ntp(at)); got.Sub(at).Abs() > time.Microsecond {
		t.Fatalf("%v, want %v", got, at)
	}
}

// The hub's clock is 3.7 s off the room's; its streams start at unrelated
// RTP timestamps. The sound is heard 130 ms after capture and the picture
// is decoded 10 ms after: held 120 ms. Too late a sound is not waited for
// past MaxHold, and nothing is held before both reports came.
func TestHoldIsTheSoundsLeadOnTheHubsClock(t *testing.T) {
	room := time.Date(2020, 11, 11, 11, 20, 0, 0, time.UTC)
	hub := room.Add(-3700 * time.Millisecond)
	var s Sync
	if h := s.Hold(1000, room); h != 0 {
		t.Fatalf("held %v before any report", h)
	}
	s.SenderReport(true, &rtcp.SenderReport{NTPTime: ntp(hub), RTPTime: 5_000})
	s.SenderReport(false, &rtcp.SenderReport{NTPTime: ntp(hub), RTPTime: 900_000})
	// Audio stamped 1 s after the report (48 000 ticks), heard 130 ms later.
	s.AudioPlayed(5_000+48_000, room.Add(time.Second+130*time.Millisecond))
	// Video stamped 1 s after its report (90 000 ticks), decoded 10 ms later.
	if h := s.Hold(900_000+90_000, room.Add(time.Second+10*time.Millisecond)); (h - 120*time.Millisecond).Abs() > time.Millisecond {
		t.Fatalf("held %v, want 120 ms", h)
	}
	if h := s.Hold(900_000+90_000, room.Add(time.Second+200*time.Millisecond)); h != 0 {
		t.Fatalf("a late picture held %v", h)
	}
	s.AudioPlayed(5_000+96_000, room.Add(2*time.Second+2*time.Second)) // the sound fell far behind
	s.Forget()
	s.AudioPlayed(5_000+96_000, room.Add(2*time.Second+2*time.Second))
	if h := s.Hold(900_000+180_000, room.Add(2*time.Second)); h != MaxHold {
		t.Fatalf("held %v, want MaxHold", h)
	}
}
