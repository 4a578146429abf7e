package cli

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Issue 18: an invite made for another port must be able to match the
// console. floor moderate --listen opens the console's room there, and
// floor hubs add says which --listen its invite needs.
func TestModerateListensWhereTheInvitesPoint(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	var got Window
	var out, errb bytes.Buffer
	code := Run(context.Background(), []string{"--db", db, "moderate", "WS #234", "--listen", "127.0.0.1:9443"}, Env{
		Stdout: &out, Stderr: &errb, Clock: fixedClock{}, Local: time.UTC, Version: "test",
		Getenv:     func(string) string { return "" },
		OpenWindow: func(_ context.Context, w Window) error { got = w; return nil },
	})
	if code != 0 || got.Console == nil || got.Console.Listen != "127.0.0.1:9443" {
		t.Fatalf("exit %d, console %+v: %s", code, got.Console, errb.String())
	}

	r := run(t, nil, "--db", db, "hubs", "add", "Nairobi", "--host", "192.0.2.7:9443")
	if r.code != 0 || !strings.Contains(r.stdout, "floor moderate SESSION --listen :9443") {
		t.Errorf("hubs add for another port: %+v", r)
	}
	r = run(t, nil, "--db", db, "hubs", "add", "Lagos", "--host", "192.0.2.7:8443")
	if r.code != 0 || strings.Contains(r.stdout, "--listen") {
		t.Errorf("hubs add for the console's own port: %+v", r)
	}
}

// floor moderate --no-display asks for the console alone; without it the
// speaker display's window opens too.
func TestModerateNoDisplayOpensTheConsoleAlone(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	for _, want := range []bool{true, false} {
		args := []string{"--db", db, "moderate", "WS #234"}
		if want {
			args = append(args, "--no-display")
		}
		var got Window
		var out, errb bytes.Buffer
		code := Run(context.Background(), args, Env{
			Stdout: &out, Stderr: &errb, Clock: fixedClock{}, Local: time.UTC, Version: "test",
			Getenv:     func(string) string { return "" },
			OpenWindow: func(_ context.Context, w Window) error { got = w; return nil },
		})
		if code != 0 || got.Console == nil || got.Console.NoDisplay != want {
			t.Errorf("%v: exit %d, console %+v: %s", args, code, got.Console, errb.String())
		}
	}
}
