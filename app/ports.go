// Package app holds Floor's use cases — importing agendas, the participant's
// view — over small interfaces (ports) that storage and media implement.
package app

import (
	"context"
	"time"

	"github.com/igf-floor/floor/app/agenda"
)

// AgendaStore is what the agenda use cases need from storage.
type AgendaStore interface {
	SaveSchedule(ctx context.Context, s agenda.Schedule, rec agenda.ImportRecord) (agenda.SaveResult, error)
	ListSessions(ctx context.Context, f agenda.Filter) (agenda.Listing, error)
	Session(ctx context.Context, id int64) (agenda.Session, error)
	FindSession(ctx context.Context, ref string) (agenda.Session, error)
	Event(ctx context.Context, id string) (agenda.Event, error)
	SetFavourite(ctx context.Context, id int64, on bool, now time.Time) error
	FavouriteIDs(ctx context.Context) (map[int64]bool, error)
	// AddFavouriteKeys marks sessions by key, known here or not yet.
	AddFavouriteKeys(ctx context.Context, keys []agenda.Key, now time.Time) (added, known int, err error)
	CountSessions(ctx context.Context) (int, error)
	// SessionChanges is one session's change history, newest first.
	SessionChanges(ctx context.Context, source, guid string) ([]agenda.ChangeRecord, error)
}

// Clock tells the time; tests inject a fixed one.
type Clock interface {
	Now() time.Time
}

// SystemClock is the real clock.
type SystemClock struct{}

// Now returns the current time.
func (SystemClock) Now() time.Time { return time.Now() }
