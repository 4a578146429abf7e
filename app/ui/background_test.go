package ui

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/agenda"
)

// The window while it stays open: a subscription syncs again when its
// interval is up, the sync state says when the agenda was last current, a
// favourite about to start raises a reminder, and the list narrows by event
// and shows conflicts and what is on now.
func TestBackgroundSyncRemindersFiltersAndNowNext(t *testing.T) {
	data, err := os.ReadFile("../agenda/ical/testdata/giggity-kielux_2020.ics")
	if err != nil {
		t.Fatal(err)
	}
	var requests atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		w.Write(data)
	}))
	defer srv.Close()
	ctx := context.Background()
	db, im := seededDB(t)
	clock := &stepClock{time.Date(2020, 11, 11, 10, 0, 0, 0, time.UTC)}
	im.Clock = clock
	p := app.NewParticipant(db, clock, time.UTC)
	if err := p.Load(ctx); err != nil {
		t.Fatal(err)
	}
	w := test.NewWindow(nil)
	defer w.Close()
	v := NewParticipantView(ctx, p, w, "UTC")
	w.SetContent(v.Content())
	w.Resize(fyne.NewSize(1100, 700))
	sy := app.Syncer{Importer: im, Subs: db, Client: srv.Client()}
	v.EnableSync(Syncing{
		Sync:          sy.Sync,
		Changes:       func(ctx context.Context) ([]agenda.ChangeRecord, error) { return db.Changes(ctx, time.Time{}, 200) },
		Run:           func(fn func()) { fn() },
		Subscriptions: db.Subscriptions,
	}, w)
	v.Subscribe(srv.URL + "/kielux.ics")

	// Not due yet; then an hour on, synced again without being asked.
	v.BackgroundTick()
	if requests.Load() != 1 || v.SyncState.Text != "1 subscription · last synced 11 Nov 10:00" {
		t.Fatalf("right after subscribing: %d requests, %q", requests.Load(), v.SyncState.Text)
	}
	clock.now = clock.now.Add(61 * time.Minute)
	v.BackgroundTick()
	if requests.Load() != 2 || v.SyncState.Text != "1 subscription · last synced 11 Nov 11:01" {
		t.Fatalf("an hour later: %d requests, %q", requests.Load(), v.SyncState.Text)
	}
	srv.Close()
	clock.now = clock.now.Add(2 * time.Hour)
	v.BackgroundTick()
	if !strings.HasPrefix(v.SyncState.Text, "Offline or failing (1 of 1) · agenda as of 11 Nov 11:01") {
		t.Fatalf("offline: %q", v.SyncState.Text)
	}
	clock.now = time.Date(2020, 11, 11, 11, 12, 0, 0, time.UTC)

	// A reminder, once, for WS #234 in My agenda (10 minutes by default).
	ws, err := db.FindSession(ctx, "WS #234")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.ToggleFavourite(ctx, ws.ID); err != nil {
		t.Fatal(err)
	}
	want := &fyne.Notification{Title: "In 8 min: WS #234 · " + ws.Title, Content: v.sessionLine(ws) + " · Room 3"}
	test.AssertNotificationSent(t, want, v.BackgroundTick)
	test.AssertNotificationSent(t, nil, v.BackgroundTick)
	v.Remind.SetSelected("Remind: off")
	if v.reminders.Before != 0 || fyne.CurrentApp().Preferences().Int(reminderKey) != 0 {
		t.Fatal("reminders not turned off")
	}

	// Narrow to one event; conflicts and now & next.
	v.filters.Event.SetSelected("igf-2020")
	if p.SessionCount() != 1 {
		t.Fatalf("igf-2020 only: %d sessions", p.SessionCount())
	}
	v.filters.Event.SetSelected(anyChoice())
	if p.SessionCount() != 25 {
		t.Fatalf("all again: %d", p.SessionCount())
	}
	v.ShowConflicts()
	if v.lastText != "No two sessions in My agenda overlap." {
		t.Fatalf("conflicts: %q", v.lastText)
	}
	clock.now = time.Date(2020, 11, 11, 11, 30, 0, 0, time.UTC)
	v.ShowNowNext()
	if !strings.HasPrefix(v.lastText, "On now:\n  Wed 11 Nov 11:20 · WS #234 · Security of digital products") {
		t.Fatalf("now & next: %q", v.lastText)
	}
}
