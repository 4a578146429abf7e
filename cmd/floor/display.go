package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime"
	"strings"
)

// errNoDisplay is what a window command says on a machine with no desktop
// to draw on: which commands work without one.
var errNoDisplay = errors.New("Floor's windows need a desktop display. Without one, run the room with " +
	"`floor serve`, a hub with `floor hub INVITE` (no window unless --window) and a seat with `floor seat INVITE --headless`")

// needsDisplay checks, before Fyne is started, that a window can be shown
// where one can be missing (Linux and the BSDs; macOS and Windows always
// have their desktop).
func needsDisplay(getenv func(string) string) error {
	switch runtime.GOOS {
	case "darwin", "windows", "android", "ios":
		return nil
	}
	if getenv("DISPLAY") == "" && getenv("WAYLAND_DISPLAY") == "" {
		return fmt.Errorf("no display is set (neither DISPLAY nor WAYLAND_DISPLAY): %w", errNoDisplay)
	}
	return nil
}

// withDisplay runs a window command, turning the panic Fyne's GLFW driver
// raises when the display cannot be reached (DISPLAY names no running X
// server) into an error that says so, instead of a Go stack trace.
func withDisplay(ctx context.Context, run func(context.Context) error) (err error) {
	if err := needsDisplay(os.Getenv); err != nil {
		return err
	}
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		what := strings.TrimSpace(fmt.Sprint(r))
		err = fmt.Errorf("the display %q could not be opened (%s): %w", os.Getenv("DISPLAY"), what, errNoDisplay)
	}()
	return run(ctx)
}
