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

// A participant subscribes from the window, the publisher moves a session
// in their agenda, and the next sync says so on the desktop and in What
// changed; a failed sync keeps the agenda and says since when.
func TestSubscribeAndWhatChanged(t *testing.T) {
	data, err := os.ReadFile("../agenda/ical/testdata/giggity-kielux_2020.ics")
	if err != nil {
		t.Fatal(err)
	}
	var body atomic.Value
	body.Store(string(data))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(body.Load().(string)))
	}))
	defer srv.Close()

	db, im := seededDB(t)
	ctx := context.Background()
	p := app.NewParticipant(db, fixedClock{}, time.UTC)
	p.Load(ctx)
	w := test.NewWindow(nil)
	defer w.Close()
	v := NewParticipantView(ctx, p, w, "UTC")
	w.SetContent(v.Content())
	w.Resize(fyne.NewSize(1100, 700))
	sy := app.Syncer{Importer: im, Subs: db, Client: srv.Client()}
	v.EnableSync(Syncing{
		Sync:    sy.Sync,
		Changes: func(ctx context.Context) ([]agenda.ChangeRecord, error) { return db.Changes(ctx, time.Time{}, 200) },
		Run:     func(fn func()) { fn() },
	}, w)

	url := srv.URL + "/kielux.ics"
	v.Subscribe(url)
	if v.Status.Text != "18. Kieler Open Source und Linux Tage: 24 added, 0 updated, 0 removed, 0 changes" || p.SessionCount() != 25 {
		t.Fatalf("after subscribing: %q, %d sessions", v.Status.Text, p.SessionCount())
	}
	first, _ := db.FindSession(ctx, "460@KOLT20")
	if _, err := p.ToggleFavourite(ctx, first.ID); err != nil {
		t.Fatal(err)
	}
	body.Store(strings.Replace(body.Load().(string), "LOCATION:Ravensberg", "LOCATION:Audimax", 1))
	test.AssertNotificationSent(t, &fyne.Notification{Title: "Changed in My agenda", Content: first.Title}, func() {
		v.Subscribe(url)
	})
	if !strings.HasSuffix(v.Status.Text, "1 changes") {
		t.Errorf("status after the edit: %q", v.Status.Text)
	}
	// The session keeps its history, shown under its details.
	v.showDetail(first.ID)
	if text := richText(v); !strings.Contains(text, "Change history") || !strings.Contains(text, "Audimax") {
		t.Errorf("no change history in the detail pane:\n%s", text)
	}
	v.ShowChanges()
	if w.Canvas().Overlays().Top() == nil {
		t.Fatal("What changed opened no dialog")
	}
	w.Canvas().Overlays().Top().Hide()

	srv.Close()
	v.Subscribe(url)
	if !strings.HasPrefix(v.Status.Text, "Not synced: ") || !strings.Contains(v.Status.Text, "last good sync: 2026-11-2") {
		t.Errorf("offline: %q", v.Status.Text)
	}
	if p.SessionCount() != 25 {
		t.Errorf("%d sessions after a failed sync", p.SessionCount())
	}
}
