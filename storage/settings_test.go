package storage

import (
	"context"
	"path/filepath"
	"testing"
)

// A setting is kept in the file: set, close, reopen, read.
func TestSettingSurvivesReopening(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "floor.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.SetSetting(ctx, "agenda.zone", "Asia/Kolkata"); err != nil {
		t.Fatal(err)
	}
	if err := db.SetSetting(ctx, "agenda.zone", "America/New_York"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if v, ok, err := db.Setting(ctx, "agenda.zone"); err != nil || !ok || v != "America/New_York" {
		t.Errorf("after reopening: %q %v %v", v, ok, err)
	}
}

// Settings are per database: another file does not have them.
func TestSettingIsPerDatabase(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	a, err := Open(ctx, filepath.Join(dir, "a.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := Open(ctx, filepath.Join(dir, "b.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if err := a.SetSetting(ctx, "agenda.day", "Monday 11 September 2023"); err != nil {
		t.Fatal(err)
	}
	if v, ok, err := b.Setting(ctx, "agenda.day"); err != nil || ok {
		t.Errorf("b has a's setting: %q %v %v", v, ok, err)
	}
}

// A watcher on one handle sees a commit through another handle on the
// same file, once, and nothing when nobody wrote.
func TestWatcherSeesAnotherHandlesCommit(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "floor.db")
	mine, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer mine.Close()
	other, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	w, err := mine.Watch(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if changed, err := w.Changed(ctx); err != nil || changed {
		t.Fatalf("changed %v before any write (%v)", changed, err)
	}
	if err := other.SetSetting(ctx, "agenda.day", "x"); err != nil {
		t.Fatal(err)
	}
	if changed, err := w.Changed(ctx); err != nil || !changed {
		t.Fatalf("the other handle's commit not seen (%v)", err)
	}
	if changed, err := w.Changed(ctx); err != nil || changed {
		t.Fatalf("the same commit seen twice (%v)", err)
	}
}
