package seatlink

import (
	"context"
	"net"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/control"
	"github.com/igf-floor/floor/app/floor"
)

// delayProxy relays TCP to target, holding every chunk for oneWay in each
// direction, in order: a link with a round trip of 2×oneWay.
func delayProxy(t testing.TB, target string, oneWay time.Duration) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	var conns []net.Conn
	t.Cleanup(func() {
		ln.Close()
		mu.Lock()
		for _, c := range conns {
			c.Close()
		}
		mu.Unlock()
		wg.Wait()
	})
	relay := func(dst, src net.Conn) {
		defer wg.Done()
		type chunk struct {
			at time.Time
			b  []byte
		}
		q := make(chan chunk, 1024)
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer dst.Close()
			for c := range q {
				time.Sleep(time.Until(c.at))
				if _, err := dst.Write(c.b); err != nil {
					return
				}
			}
		}()
		defer close(q)
		buf := make([]byte, 32<<10)
		for {
			n, err := src.Read(buf)
			if n > 0 {
				q <- chunk{at: time.Now().Add(oneWay), b: slices.Clone(buf[:n])}
			}
			if err != nil {
				return
			}
		}
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			s, err := net.Dial("tcp", target)
			if err != nil {
				c.Close()
				continue
			}
			mu.Lock()
			conns = append(conns, c, s)
			mu.Unlock()
			wg.Add(2)
			go relay(s, c)
			go relay(c, s)
		}
	}()
	return ln.Addr().String()
}

// BenchmarkSeatActionSeenByOtherSeat: one seat's command (a request added,
// then withdrawn) → the other seat's screen has it, on loopback and
// through a link with a 100 ms round trip. p50 and p95 of b.N actions,
// one every 120 ms (the room takes ten a second from a seat); and how far
// the seat's estimate of the room's clock, from which it renders the
// timers, is from the room's.
func BenchmarkSeatActionSeenByOtherSeat(b *testing.B) {
	for _, c := range []struct {
		name   string
		oneWay time.Duration
	}{{"loopback", 0}, {"rtt-100ms", 50 * time.Millisecond}} {
		b.Run(c.name, func(b *testing.B) {
			r := newRig(b)
			host := strings.TrimPrefix(r.https.URL, "https://")
			if c.oneWay > 0 {
				host = delayProxy(b, host, c.oneWay)
			}
			seen := make(chan struct{}, 1)
			mk := func(n app.NewSeat, onChange func()) *Client {
				s, token, err := r.dir.Add(context.Background(), n)
				if err != nil {
					b.Fatal(err)
				}
				cl := NewClient(app.Invite{Host: host, Seat: s.ID, Token: token, Pin: r.pin}, onChange)
				ctx, cancel := context.WithCancel(context.Background())
				done := make(chan struct{})
				go func() { defer close(done); _ = cl.Run(ctx) }()
				b.Cleanup(func() { cancel(); <-done })
				return cl
			}
			actor := mk(app.NewSeat{Name: "Ginger Paque", Role: floor.OnlineModerator}, nil)
			watcher := mk(app.NewSeat{Name: "Co", Role: floor.CoModerator}, func() {
				select {
				case seen <- struct{}{}:
				default:
				}
			})
			eventually(b, "both seats following", func() bool { return !actor.Status().Stale && !watcher.Status().Stale })
			ctx := context.Background()
			var lat []time.Duration
			b.ResetTimer()
			for i := range b.N {
				want := actor.Status().State.Base.Floor + 1
				cmd := control.SeatCommandWire{Verb: "ask", Speaker: &control.SpeakerWire{Name: "Kwame"}}
				if q := actor.Status().State.Queue; i%2 == 1 && len(q) > 0 {
					cmd = control.SeatCommandWire{Verb: "withdraw", ID: q[0].ID}
				}
				for len(seen) > 0 {
					<-seen
				}
				start := time.Now()
				if err := actor.Do(ctx, cmd); err != nil {
					b.Fatal(err)
				}
				for watcher.Status().State.Base.Floor < want {
					<-seen
				}
				lat = append(lat, time.Since(start))
				eventually(b, "the actor seeing its own command", func() bool { return actor.Status().State.Base.Floor >= want })
				b.StopTimer()
				time.Sleep(120 * time.Millisecond) // a person's pace: the room takes ten commands a second from a seat
				b.StartTimer()
			}
			b.StopTimer()
			slices.Sort(lat)
			b.ReportMetric(float64(lat[len(lat)/2])/1e6, "p50-ms")
			b.ReportMetric(float64(lat[(len(lat)-1)*95/100])/1e6, "p95-ms")
			// The seat renders the timers at its estimate of the room's
			// clock; both run on this machine's, so the estimate's error is
			// how far it is from now.
			eventually(b, "the seat's clock estimate", func() bool { c := watcher.Status().Clock; return c.Samples() > 0 })
			b.ReportMetric(float64((watcher.RoomNow().Sub(time.Now())).Abs())/1e6, "clock-error-ms")
		})
	}
}
