package app

import (
	"time"

	"github.com/igf-floor/floor/app/agenda"
)

// Reminders says, once per session, when a session in My agenda is about to
// start. Before is how long ahead (0: no reminders).
type Reminders struct {
	Before time.Duration
	told   map[int64]time.Time // session → the start it was reminded of
}

// Due returns the favourites that start within Before of now and have not
// been reminded of for that start (a moved session is reminded again).
func (r *Reminders) Due(sessions []agenda.Session, favourite func(id int64) bool, now time.Time) []agenda.Session {
	if r.Before <= 0 {
		return nil
	}
	if r.told == nil {
		r.told = map[int64]time.Time{}
	}
	var out []agenda.Session
	for _, s := range sessions {
		if !s.Scheduled() || !favourite(s.ID) {
			continue
		}
		until := s.Start.Sub(now)
		if until < 0 || until > r.Before {
			continue
		}
		if told, ok := r.told[s.ID]; ok && told.Equal(s.Start) {
			continue
		}
		r.told[s.ID] = s.Start
		out = append(out, s)
	}
	return out
}

// DefaultRefresh is how often a subscription without REFRESH-INTERVAL is
// synced in the background; RetryAfter is the wait after a failed sync.
const (
	DefaultRefresh = time.Hour
	RetryAfter     = 5 * time.Minute
	MinRefresh     = 5 * time.Minute // a publisher asking for less is not obeyed
)

// DueForSync returns the subscriptions to sync at now: past their
// REFRESH-INTERVAL (or DefaultRefresh) since the last success, and not
// retried within RetryAfter of a failure.
func DueForSync(subs []agenda.Subscription, now time.Time) []agenda.Subscription {
	var out []agenda.Subscription
	for _, s := range subs {
		every := s.Refresh
		if every <= 0 {
			every = DefaultRefresh
		}
		every = max(every, MinRefresh)
		if s.LastError != "" && now.Sub(s.CheckedAt) < RetryAfter {
			continue
		}
		if s.SyncedAt.IsZero() || now.Sub(s.SyncedAt) >= every {
			out = append(out, s)
		}
	}
	return out
}
