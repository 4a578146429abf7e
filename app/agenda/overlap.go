package agenda

import (
	"sort"
	"time"
)

// Conflict is two sessions that overlap in time.
type Conflict struct {
	A, B    Session
	Overlap time.Duration
}

// Conflicts returns every overlapping pair of scheduled sessions, across
// events, earliest first. A sweep over the sessions sorted by start keeps
// it O(n log n + pairs).
func Conflicts(sessions []Session) []Conflict {
	var ss []Session
	for _, s := range sessions {
		if s.Scheduled() && s.End.After(s.Start) {
			ss = append(ss, s)
		}
	}
	sort.SliceStable(ss, func(i, j int) bool { return ss[i].Start.Before(ss[j].Start) })
	var out []Conflict
	var open []Session // sessions that may still overlap the next ones
	for _, s := range ss {
		kept := open[:0]
		for _, o := range open {
			if o.End.After(s.Start) {
				kept = append(kept, o)
				end := o.End
				if s.End.Before(end) {
					end = s.End
				}
				out = append(out, Conflict{A: o, B: s, Overlap: end.Sub(s.Start)})
			}
		}
		open = append(kept, s)
	}
	return out
}

// NowAndNext splits sessions into those running at now and those starting
// within the window after it, each in agenda order.
func NowAndNext(sessions []Session, now time.Time, window time.Duration) (running, next []Session) {
	for _, s := range sessions {
		switch {
		case !s.Scheduled():
		case !s.Start.After(now) && s.End.After(now):
			running = append(running, s)
		case s.Start.After(now) && !s.Start.After(now.Add(window)):
			next = append(next, s)
		}
	}
	return running, next
}
