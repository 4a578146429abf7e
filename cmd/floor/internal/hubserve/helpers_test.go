package hubserve

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/media/whip"
	"github.com/igf-floor/floor/storage"
)

// openTestRoom opens the session "igf/ws234" to hubs on loopback over a
// fresh database, with the test tone as the room's sound; adjust changes
// the configuration before opening. Everything closes with the test.
func openTestRoom(t testing.TB, adjust func(*Config)) (*Serving, *storage.DB, *app.Moderator) {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	db, err := storage.Open(ctx, filepath.Join(dir, "floor.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	m, err := app.OpenModerator(ctx, db, app.SystemClock{}, "igf/ws234")
	if err != nil {
		t.Fatal(err)
	}
	cert, err := whip.LoadOrCreateCertificate(dir, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	c := Config{DB: db, Moderator: m, SessionTitle: "Security of digital products", SessionKey: "igf/ws234",
		Listen: "127.0.0.1:0", Certificate: cert, Clock: app.SystemClock{}, RoomSound: "test"}
	if adjust != nil {
		adjust(&c)
	}
	s, err := Open(ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, db, m
}
