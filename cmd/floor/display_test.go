package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestMain lets a test run Floor's real main in a child process.
func TestMain(m *testing.M) {
	if os.Getenv("FLOOR_TEST_RUN_MAIN") == "1" {
		os.Args = append([]string{"floor"}, strings.Fields(os.Getenv("FLOOR_TEST_ARGS"))...)
		main()
		return
	}
	os.Exit(m.Run())
}

// A window asked for where no display can be reached says so in words,
// and which commands work without one, instead of a Go stack trace.
func TestAWindowWithoutADisplaySaysSo(t *testing.T) {
	db := filepath.Join(t.TempDir(), "floor.db")
	for _, c := range []struct{ name, display, want string }{
		{"no display set", "", "no display is set"},
		{"a display nobody serves", ":59", `the display ":59" could not be opened`},
	} {
		t.Run(c.name, func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "-test.run=^$")
			cmd.Env = append(os.Environ(), "FLOOR_TEST_RUN_MAIN=1", "FLOOR_TEST_ARGS=--db "+db, "DISPLAY="+c.display, "WAYLAND_DISPLAY=")
			out, err := cmd.CombinedOutput()
			if err == nil {
				t.Fatalf("floor opened a window without a display:\n%s", out)
			}
			s := string(out)
			if !strings.Contains(s, c.want) || !strings.Contains(s, "floor serve") || strings.Contains(s, "goroutine ") {
				t.Errorf("floor said:\n%s", s)
			}
		})
	}
}
