package app_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/storage"
)

func newDirectory(t *testing.T) (app.HubDirectory, *storage.DB) {
	t.Helper()
	db, err := storage.Open(context.Background(), filepath.Join(t.TempDir(), "floor.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return app.HubDirectory{Store: db, Clock: now}, db
}

func TestHubTokenAuthenticatesUntilRevoked(t *testing.T) {
	ctx := context.Background()
	d, db := newDirectory(t)
	hub, token, err := d.Add(ctx, app.NewHub{Name: "Nairobi University", City: "Nairobi", Group: "technical", Region: "African Group"})
	if err != nil {
		t.Fatal(err)
	}
	if len(token) != 43 || hub.Group != "Technical Community" || hub.Region != "African Group" {
		t.Fatalf("token %q (%d chars), hub %+v", token, len(token), hub)
	}
	got, err := d.Authenticate(ctx, token)
	if err != nil || got.ID != hub.ID {
		t.Fatalf("authenticate: %+v %v", got, err)
	}
	for _, bad := range []string{"", token[:42], token + "x", strings.Repeat("a", 5000)} {
		if _, err := d.Authenticate(ctx, bad); !errors.Is(err, app.ErrUnauthorized) {
			t.Errorf("token %.10q: %v", bad, err)
		}
	}
	if _, err := d.Revoke(ctx, hub.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := d.Authenticate(ctx, token); !errors.Is(err, app.ErrUnauthorized) {
		t.Fatalf("revoked token: %v", err)
	}
	if _, err := d.Revoke(ctx, "nope"); !errors.Is(err, storage.ErrNotFound) {
		t.Fatalf("revoke unknown: %v", err)
	}
	audit, err := db.Audit(ctx, 10)
	if err != nil || len(audit) != 1 || audit[0].Kind != "revoked" || audit[0].Hub != hub.ID {
		t.Fatalf("audit %+v %v", audit, err)
	}
	db.Close()
	if storedInClear(t, db.Path(), token) {
		t.Fatal("the token is stored in clear")
	}
}

// storedInClear reports whether s appears in the database's files, read
// after the database is closed.
func storedInClear(t *testing.T, path, s string) bool {
	t.Helper()
	for _, f := range []string{path, path + "-wal"} {
		b, err := os.ReadFile(f)
		if err == nil && bytes.Contains(b, []byte(s)) {
			return true
		}
	}
	return false
}

func TestHubNeedsANameAndKnownGroup(t *testing.T) {
	d, _ := newDirectory(t)
	for _, n := range []app.NewHub{{}, {Name: "x", Group: "Martians"}, {Name: "x", Region: "Moon"}, {Name: "bad\u202eRTL"}} {
		if _, _, err := d.Add(context.Background(), n); err == nil {
			t.Errorf("%+v was accepted", n)
		}
	}
}

func TestInviteRoundTrip(t *testing.T) {
	in := app.Invite{Host: "192.0.2.7:8443", Hub: "h0a1b2c3d4e5f", Token: "tok-en_1", Pin: strings.Repeat("ab", 32)}
	got, err := app.ParseInvite(in.URL())
	if err != nil || got != in {
		t.Fatalf("%s → %+v %v", in.URL(), got, err)
	}
	if !strings.HasPrefix(in.BrowserURL(), "https://192.0.2.7:8443/hub#hub=") {
		t.Fatal(in.BrowserURL())
	}
	for _, bad := range []string{"https://x:1/?hub=a&token=b&pin=" + in.Pin, "floor://x/?hub=a&token=b&pin=" + in.Pin,
		"floor://x:1/?token=b&pin=" + in.Pin, "floor://x:1/?hub=a&pin=" + in.Pin, "floor://x:1/?hub=a&token=b&pin=12",
		"floor://x:1/?hub=a&token=b&pin=" + strings.Repeat("zz", 32)} {
		if _, err := app.ParseInvite(bad); err == nil {
			t.Errorf("%s was accepted", bad)
		}
	}
}
