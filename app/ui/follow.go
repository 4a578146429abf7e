package ui

import (
	"context"
	"io"
	"time"

	"fyne.io/fyne/v2"

	"github.com/igf-floor/floor/app"
)

// FollowDatabase asks w every interval, from a goroutine of its own,
// whether another process changed the database, and reloads the list when
// it did (widgets are reached through fyne.Do only). It owns w: w is
// closed, when it can be, once ctx ends.
func (v *ParticipantView) FollowDatabase(ctx context.Context, w app.ChangeWatcher, every time.Duration) {
	tick := time.NewTicker(every)
	done := v.follow(ctx, w, tick.C)
	go func() {
		<-done
		tick.Stop()
	}()
}

// follow is FollowDatabase over ticks; done closes when it has stopped.
func (v *ParticipantView) follow(ctx context.Context, w app.ChangeWatcher, ticks <-chan time.Time) (done <-chan struct{}) {
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		if c, ok := w.(io.Closer); ok {
			defer c.Close()
		}
		for {
			select {
			case <-ctx.Done():
				return
			case <-ticks:
			}
			changed, err := w.Changed(ctx)
			fyne.Do(func() { v.FollowTick(changed && err == nil) })
		}
	}()
	return stopped
}

// FollowTick reloads the list when the database changed, keeping the
// filters and the session shown while the list still has it; and keeps
// the window's size for the next start.
func (v *ParticipantView) FollowTick(changed bool) {
	v.keepWindowSize()
	if !changed {
		return
	}
	v.do(v.p.Load(v.ctx))
}
