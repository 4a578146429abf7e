package whip

import (
	"math"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// limiters keeps one token bucket per key (a client address, a hub), made
// on first use and forgotten after an idle while, so a flood of addresses
// cannot grow the map without end.
type limiters struct {
	mu      sync.Mutex
	every   rate.Limit
	burst   int
	buckets map[string]*bucket
	swept   time.Time
}

type bucket struct {
	lim  *rate.Limiter
	used time.Time
}

const (
	limiterIdle = 10 * time.Minute
	maxBuckets  = 100_000
)

func newLimiters(perSecond float64, burst int) *limiters {
	return &limiters{every: rate.Limit(perSecond), burst: burst, buckets: map[string]*bucket{}}
}

// allow takes one token for key at now; when none is left it says how long
// until one is (for Retry-After).
func (l *limiters) allow(key string, now time.Time) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	b := l.bucket(key, now)
	r := b.lim.ReserveN(now, 1)
	if d := r.DelayFrom(now); d > 0 {
		r.CancelAt(now)
		return false, d
	}
	return true, 0
}

// check says whether key has a token left at now, without taking it; when
// not, how long until it has.
func (l *limiters) check(key string, now time.Time) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	left := l.bucket(key, now).lim.TokensAt(now)
	if left >= 1 {
		return true, 0
	}
	return false, time.Duration((1 - left) / float64(l.every) * float64(time.Second))
}

// bucket is key's, made on first use; l.mu is held.
func (l *limiters) bucket(key string, now time.Time) *bucket {
	if now.Sub(l.swept) > time.Minute || len(l.buckets) > maxBuckets {
		for k, b := range l.buckets {
			if now.Sub(b.used) > limiterIdle {
				delete(l.buckets, k)
			}
		}
		l.swept = now
	}
	b, ok := l.buckets[key]
	if !ok {
		b = &bucket{lim: rate.NewLimiter(l.every, l.burst)}
		l.buckets[key] = b
	}
	b.used = now
	return b
}

// retryAfter is a delay in whole seconds, at least one, as Retry-After wants.
func retryAfter(d time.Duration) int {
	return max(1, int(math.Ceil(d.Seconds())))
}
