package ui

import (
	"context"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/storage"
)

// An import through another handle on the same file (as a command-line
// import in another process) shows in the list at the next tick.
func TestListFollowsAnImportByAnotherHandle(t *testing.T) {
	test.NewTempApp(t)
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "floor.db")
	first := startAgenda(t, path) // an empty database
	defer first.end()
	watcher, err := first.db.Watch(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer watcher.Close()
	cli, err := storage.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer cli.Close()
	im := app.Importer{Store: cli, Clock: fixedClock{}}
	if _, err := im.ImportFile(ctx, "../agenda/frab/testdata/giggity-debconf23.xml"); err != nil {
		t.Fatal(err)
	}
	changed, err := watcher.Changed(ctx)
	if err != nil {
		t.Fatal(err)
	}
	first.v.FollowTick(changed)
	if rowOf(first.v, "Bits from the DPL") < 0 || first.v.Status.Text != "117 sessions" {
		t.Errorf("after the other handle's import the list says %q", first.v.Status.Text)
	}
}

// countingWatcher says "changed" every time and counts the questions.
type countingWatcher struct {
	asked  atomic.Int32
	closed atomic.Bool
}

func (w *countingWatcher) Changed(context.Context) (bool, error) {
	w.asked.Add(1)
	return true, nil
}

func (w *countingWatcher) Close() error {
	w.closed.Store(true)
	return nil
}

// The follower asks at each tick, and ends with its context, closing the
// watcher.
func TestFollowerAsksAtEachTickAndEnds(t *testing.T) {
	v, _ := newView(t)
	ctx, cancel := context.WithCancel(context.Background())
	ticks := make(chan time.Time)
	w := &countingWatcher{}
	done := v.follow(ctx, w, ticks)
	ticks <- time.Time{}
	ticks <- time.Time{} // taken only once the first tick's question was asked
	cancel()
	<-done
	if n := w.asked.Load(); n < 1 || n > 2 || !w.closed.Load() {
		t.Errorf("asked %d times, closed %v", n, w.closed.Load())
	}
}
