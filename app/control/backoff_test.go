package control

import (
	"testing"
	"time"
)

func TestReconnectBackoffDoublesToItsCap(t *testing.T) {
	for n, want := range map[int]time.Duration{1: 500 * time.Millisecond, 2: time.Second, 3: 2 * time.Second,
		5: 8 * time.Second, 6: 10 * time.Second, 60: 10 * time.Second} {
		if got := Reconnect().Delay(n, 0.5); got != want {
			t.Errorf("attempt %d: %v, want %v", n, got, want)
		}
	}
	if lo, hi := Reconnect().Delay(6, 0), Reconnect().Delay(6, 0.999999); lo != 8*time.Second || hi < 11999*time.Millisecond || hi > 12*time.Second {
		t.Errorf("jitter at the cap: %v to %v, want 8 s to 12 s", lo, hi)
	}
}

// A mended link says it is back, and how, only while Down is set.
func TestLinkStateWordsAfterAMend(t *testing.T) {
	for _, c := range []struct {
		s    LinkState
		want string
	}{
		{LinkState{}, "connected to the room"},
		{LinkState{Down: 4200 * time.Millisecond, Restarted: true}, "back with the room after 4 s (the same session)"},
		{LinkState{Down: 300 * time.Millisecond}, "back with the room after 1 s (a new session; the room kept this hub's place)"},
		{LinkState{Mending: true, Attempt: 3, Next: 2 * time.Second}, "reconnecting to the room (attempt 4, next in 2.0 s)"},
	} {
		if got := c.s.Words(); got != c.want {
			t.Errorf("%+v: %q, want %q", c.s, got, c.want)
		}
	}
}
