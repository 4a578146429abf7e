package storage

import (
	"context"
	"path/filepath"
	"testing"
	"time"
)

func TestRoomLeftOpenUntilClosed(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "floor.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2020, 11, 11, 11, 20, 0, 0, time.UTC)
	if open, _, err := db.RoomLeftOpen(ctx, "igf/ws234"); err != nil || open {
		t.Fatalf("never opened: %v %v", open, err)
	}
	if err := db.RecordRoom(ctx, "igf/ws234", true, ":8443", at); err != nil {
		t.Fatal(err)
	}
	db.Close() // as a killed process leaves it
	if db, err = Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if open, listen, err := db.RoomLeftOpen(ctx, "igf/ws234"); err != nil || !open || listen != ":8443" {
		t.Fatalf("left open: %v %q %v", open, listen, err)
	}
	if open, _, _ := db.RoomLeftOpen(ctx, "igf/other"); open {
		t.Error("another session's room is open")
	}
	if err := db.RecordRoom(ctx, "igf/ws234", false, "", at.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if open, _, _ := db.RoomLeftOpen(ctx, "igf/ws234"); open {
		t.Error("closed by the moderator, still open")
	}
}
