package seatlink

import (
	"context"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/control"
)

// A seat whose room is down for a minute keeps knocking at most every
// 2.4 s, so it is back within that of the room listening again (with the
// hubs' backoff it waited up to 12 s: measured 7.6–11.1 s after a room
// killed for 20 s listened again).
func TestASeatKnocksOftenEnoughToBeBackSoonAfterARestart(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var mu sync.Mutex
		var waits []time.Duration
		var c *Client
		c = NewClient(app.Invite{Host: "127.0.0.1:1", Seat: "s1", Token: "t", Pin: "00"}, func() {
			if l := c.Status().Link; l.Mending && l.Next > 0 {
				mu.Lock()
				waits = append(waits, l.Next)
				mu.Unlock()
			}
		})
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan struct{})
		go func() { defer close(done); _ = c.Run(ctx) }()
		time.Sleep(time.Minute)
		cancel()
		<-done
		mu.Lock()
		defer mu.Unlock()
		if len(waits) < 20 {
			t.Fatalf("%d attempts in a minute: %v", len(waits), waits)
		}
		for i, w := range waits {
			if w > control.SeatReconnect().Max*12/10 {
				t.Errorf("attempt %d waited %v", i+1, w)
			}
		}
	})
}
