package whip_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/igf-floor/floor/media"
)

// Each hub's link cut completely for 2 s, 10 s and 60 s, with the hub
// queued and with it on the floor, on the product's ICE timeouts (lost
// after 5 s, failed after 25 s): a 2 s cut is ridden out, a 10 s cut
// mends with an ICE restart on the same session, a 60 s cut outlives the
// session and the hub posts again. Every time the queue and its order,
// the next request id (no duplicate request) and the floor are as before,
// and nobody clicked anything (cutAndRestoreWith checks all of it).
func TestLinkCutsOfEveryLengthComeBack(t *testing.T) {
	for _, c := range []struct {
		cut  time.Duration
		live bool
	}{{2 * time.Second, false}, {2 * time.Second, true}, {10 * time.Second, false}, {10 * time.Second, true},
		{60 * time.Second, false}, {60 * time.Second, true}} {
		place := "queued"
		if c.live {
			place = "on-the-floor"
		}
		t.Run(fmt.Sprintf("%v-%s", c.cut, place), func(t *testing.T) {
			if testing.Short() && c.cut > 10*time.Second {
				t.Skip("a minute's cut")
			}
			t.Parallel()
			back, words := cutAndRestoreWith(t, c.cut, c.live, media.Config{})
			t.Logf("%v cut, %s: the hub heard the room again %v after the link; it said %q", c.cut, place, back.Round(time.Millisecond), words)
			if c.cut > 25*time.Second && !saidReconnecting(words) {
				t.Errorf("a cut past the session's end, and the hub never said it was reconnecting: %q", words)
			}
		})
	}
}

func saidReconnecting(words []string) bool {
	for _, w := range words {
		if w != "connected to the room" {
			return true
		}
	}
	return false
}
