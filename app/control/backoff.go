package control

import "time"

// Backoff is how a hub (or a seat) spaces its attempts to reach the room
// again: doubling from Base to at most Max, each spread by ±Jitter so
// sixteen hubs that lost a restarted room do not knock at once.
type Backoff struct {
	Base, Max time.Duration
	Jitter    float64 // 0.2: ±20 %
}

// Reconnect is the backoff hubs use: 0.5 s doubling to 10 s, ±20 %.
func Reconnect() Backoff {
	return Backoff{Base: 500 * time.Millisecond, Max: 10 * time.Second, Jitter: 0.2}
}

// SeatReconnect is the backoff seats use: 0.5 s doubling to 2 s, ±20 %.
// At most eight seats knock, each with one HTTPS request, so a seat may try
// more often than a hub: after a room restart of half a minute it is back
// within 2.4 s of the room listening, where the hubs' 10 s took up to 12 s.
func SeatReconnect() Backoff {
	return Backoff{Base: 500 * time.Millisecond, Max: 2 * time.Second, Jitter: 0.2}
}

// Delay is the wait before attempt n+1 after attempt n (from 1) failed; u
// is a uniform random number in [0, 1) that places it within the jitter.
func (b Backoff) Delay(n int, u float64) time.Duration {
	d := b.Base
	for i := 1; i < n && d < b.Max; i++ {
		d *= 2
	}
	d = min(d, b.Max)
	spread := 1 + b.Jitter*(2*u-1)
	return time.Duration(float64(d) * spread)
}
