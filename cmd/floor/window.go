package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"github.com/igf-floor/floor/app/ui"
	"github.com/igf-floor/floor/assets"
	"github.com/igf-floor/floor/cmd/floor/internal/cli"
)

// appID identifies Floor to the desktop (preferences, notifications).
const appID = "org.igf-floor.floor"

// openWindow runs the participant window until it is closed or ctx ends.
func openWindow(ctx context.Context, w cli.Window, start time.Time) error {
	a := fyneapp.NewWithID(appID)
	a.SetIcon(fyne.NewStaticResource("Icon.png", assets.Icon()))
	if w.Console != nil {
		return openConsole(ctx, a, w.Console)
	}
	win := a.NewWindow("Floor — Agenda")
	// Size first, content second: the detail pane's long texts are then laid
	// out once, at the final width, instead of at every intermediate size.
	win.Resize(fyne.NewSize(1180, 760))
	view := ui.NewParticipantView(ctx, w.Participant, win, localZoneName())
	view.EnableImport(w.Importer, win)
	win.SetContent(view.Content())
	win.SetMaster()

	if os.Getenv("FLOOR_TRACE_STARTUP") != "" {
		// OnStarted runs once the window is shown and its content laid out;
		// the queued call runs after the first frame's events are handled.
		a.Lifecycle().SetOnStarted(func() {
			fyne.Do(func() {
				var m runtime.MemStats
				runtime.ReadMemStats(&m)
				fmt.Fprintf(os.Stderr, "floor: agenda visible %d ms after start (%d sessions, Go heap %d MiB)\n",
					time.Since(start).Milliseconds(), w.Participant.SessionCount(), m.HeapInuse>>20)
			})
		})
	}
	stop := context.AfterFunc(ctx, func() { fyne.Do(a.Quit) })
	defer stop()
	win.ShowAndRun()
	return nil
}

// localZoneName names the computer's time zone for the zone chooser:
// $TZ, else the zoneinfo file /etc/localtime points to, else "UTC".
func localZoneName() string {
	if tz := os.Getenv("TZ"); tz != "" {
		return strings.TrimPrefix(tz, ":")
	}
	if target, err := filepath.EvalSymlinks("/etc/localtime"); err == nil {
		if i := strings.Index(target, "zoneinfo/"); i >= 0 {
			return target[i+len("zoneinfo/"):]
		}
	}
	if time.Local.String() != "Local" {
		return time.Local.String()
	}
	return "UTC"
}

// openConsole runs the moderator's console, with the speaker display in a
// second window, until the console is closed or ctx ends.
func openConsole(ctx context.Context, a fyne.App, c *cli.Console) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	win := a.NewWindow("Floor — Moderator · " + c.Session.Number)
	win.Resize(fyne.NewSize(1280, 780))
	console := ui.NewConsoleView(ctx, c.Moderator, c.Session, win)
	win.SetContent(console.Content())
	win.SetMaster()

	display := ui.NewSpeakerDisplay()
	dwin := a.NewWindow("Floor — Speaker display")
	dwin.SetContent(display.Content())
	dwin.Resize(fyne.NewSize(800, 480))
	dwin.Canvas().SetOnTypedKey(func(e *fyne.KeyEvent) {
		switch e.Name {
		case fyne.KeyF11:
			dwin.SetFullScreen(!dwin.FullScreen())
		case fyne.KeyEscape:
			dwin.SetFullScreen(false)
		}
	})
	console.AttachDisplay(display)
	console.Animate(ctx)
	stop := context.AfterFunc(ctx, func() { fyne.Do(a.Quit) })
	defer stop()
	win.Show()
	dwin.Show()
	a.Run()
	return nil
}
