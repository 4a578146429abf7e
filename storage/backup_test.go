package storage

import (
	"context"
	"github.com/igf-floor/floor/app/agenda"
	"path/filepath"
	"strings"
	"testing"
)

func TestBackupIsAnIdenticalCheckedCopy(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	if _, err := db.SaveSchedule(ctx, reference(t), agenda.ImportRecord{At: t0}); err != nil {
		t.Fatal(err)
	}
	want, err := db.Fingerprint(ctx)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "backup.db")
	if err := db.Backup(ctx, path); err != nil {
		t.Fatal(err)
	}
	copyDB, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer copyDB.Close()
	if got, err := copyDB.Fingerprint(ctx); err != nil || got != want {
		t.Fatalf("the copy differs: %v", err)
	}
	if err := db.Backup(ctx, path); err == nil || !strings.Contains(err.Error(), "exists") {
		t.Fatalf("overwrote a backup: %v", err)
	}
}
