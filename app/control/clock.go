package control

import "time"

// Sample is one ping/pong exchange: t0 sent and t3 received on the hub's
// clock, t1 received and t2 sent on the room's.
type Sample struct {
	Offset time.Duration // room clock minus hub clock
	RTT    time.Duration // the network's share of the round trip
	At     time.Time     // t3, on the hub's clock
}

// NewSample computes NTP's offset and delay from the four timestamps.
func NewSample(t0, t1, t2, t3 time.Time) Sample {
	return Sample{
		Offset: (t1.Sub(t0) + t2.Sub(t3)) / 2,
		RTT:    t3.Sub(t0) - t2.Sub(t1),
		At:     t3,
	}
}

// ClockSync estimates the room's clock from ping/pong samples, NTP-style:
// the sample with the lowest round trip has the least queueing in it and so
// the truest offset. Only the last Keep samples count, so a clock that
// drifts is followed.
type ClockSync struct {
	Keep    int // samples remembered; 0 means 8
	samples []Sample
}

// Add records a sample; a negative round trip (a clock stepped mid-ping)
// is dropped.
func (c *ClockSync) Add(s Sample) {
	if s.RTT < 0 {
		return
	}
	keep := c.Keep
	if keep <= 0 {
		keep = 8
	}
	c.samples = append(c.samples, s)
	if len(c.samples) > keep {
		c.samples = c.samples[len(c.samples)-keep:]
	}
}

// Best is the lowest-RTT sample kept, and false before the first.
func (c *ClockSync) Best() (Sample, bool) {
	if len(c.samples) == 0 {
		return Sample{}, false
	}
	best := c.samples[0]
	for _, s := range c.samples[1:] {
		if s.RTT < best.RTT {
			best = s
		}
	}
	return best, true
}

// RoomTime turns a reading of the hub's clock into the room's.
func (c *ClockSync) RoomTime(local time.Time) time.Time {
	best, _ := c.Best()
	return local.Add(best.Offset)
}

// Samples is how many samples are kept.
func (c *ClockSync) Samples() int { return len(c.samples) }
