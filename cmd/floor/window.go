package main

import (
	"github.com/igf-floor/floor/app/seatlink"

	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/agenda"
	"github.com/igf-floor/floor/app/phonepage"
	"github.com/igf-floor/floor/app/ui"
	"github.com/igf-floor/floor/assets"
	"github.com/igf-floor/floor/cmd/floor/internal/cli"
	"github.com/igf-floor/floor/cmd/floor/internal/hubserve"
)

// appID identifies Floor to the desktop (preferences, notifications).
const appID = "org.igf-floor.floor"

// openWindow runs the participant window until it is closed or ctx ends.
func openWindow(ctx context.Context, w cli.Window, start time.Time) error {
	debug.SetGCPercent(50) // a window's heap is small and mostly live: collect at 1.5× it, not 2×
	a := fyneapp.NewWithID(appID)
	a.SetIcon(fyne.NewStaticResource("Icon.png", assets.Icon()))
	ui.LoadAppearance(a).Apply(a) // high contrast and text size, as last chosen
	translations, dir := assets.Translations()
	if err := ui.UseLanguage(a, translations, dir); err != nil {
		fyne.LogError("translations", err)
	}
	if w.Console != nil {
		return runConsole(ctx, a, w.Console)
	}
	win := a.NewWindow("Floor — Agenda")
	// Size first, content second: the detail pane's long texts are then laid
	// out once, at the final width, instead of at every intermediate size.
	win.Resize(fyne.NewSize(1180, 760))
	if w.Damaged != nil {
		win.SetContent(repairContent(ctx, a, win, w.Damaged))
	} else {
		win.SetContent(agendaContent(ctx, a, win, w))
	}
	view := ui.ViewMenu(a)
	view.Items = append(view.Items, fyne.NewMenuItemSeparator(), ui.LanguageMenu(a, win))
	win.SetMainMenu(fyne.NewMainMenu(view, fyne.NewMenu(lang.L("Help"), fyne.NewMenuItem(lang.L("About Floor"), func() {
		info, _ := debug.ReadBuildInfo()
		dialog.ShowInformation("About Floor", cli.VersionText(version, info)+
			"\nA desktop companion for hybrid round-table sessions.\nMIT licence. "+
			"Report a vulnerability privately through the repository's security advisories.", win)
	}))))
	win.SetMaster()

	// OnStarted runs once the window is shown and its content laid out;
	// the queued call runs after the first frame's events are handled.
	a.Lifecycle().SetOnStarted(func() {
		fyne.Do(func() {
			if os.Getenv("FLOOR_TRACE_STARTUP") != "" && w.Participant != nil {
				var m runtime.MemStats
				runtime.ReadMemStats(&m)
				fmt.Fprintf(os.Stderr, "floor: agenda visible %d ms after start (%d sessions, Go heap %d MiB)\n",
					time.Since(start).Milliseconds(), w.Participant.SessionCount(), m.HeapInuse>>20)
			}
			// Starting up (translations, fonts, the first layout) leaves
			// garbage twice the window's live heap; give it back once shown.
			time.AfterFunc(2*time.Second, debug.FreeOSMemory)
			time.AfterFunc(6*time.Second, debug.FreeOSMemory) // a large agenda's first layouts end later
		})
	})
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

// runConsole runs the moderator's console until it is closed or ctx ends.
func runConsole(ctx context.Context, a fyne.App, c *cli.Console) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	win := openConsole(ctx, a, c)
	win.SetMaster()
	stop := context.AfterFunc(ctx, func() { fyne.Do(a.Quit) })
	defer stop()
	a.Run()
	return nil
}

// openConsole shows the console and, in a second window unless told not
// to, the speaker display; closing the console closes the display and
// stops the ticking.
func openConsole(ctx context.Context, a fyne.App, c *cli.Console) fyne.Window {
	ctx, cancel := context.WithCancel(ctx)
	win := a.NewWindow("Floor — Moderator · " + c.Session.Number)
	win.SetMainMenu(fyne.NewMainMenu(ui.ViewMenu(a)))
	win.Resize(fyne.NewSize(1280, 780))
	console := ui.NewConsoleView(ctx, c.Moderator, c.Session, win)
	hubs := &hubserve.Access{DB: c.DB, Moderator: c.Moderator, SessionTitle: c.Session.Title,
		SessionKey: app.ModerationKey(c.Session.Source, c.Session.GUID), Clock: app.SystemClock{}, Polls: c.Polls, Audience: c.Audience, RoomSound: c.RoomSound, Session: &c.Session, Listen: c.Listen}
	console.EnableHubs(hubs, win)
	if c.Polls != nil {
		console.EnablePolls(c.Polls)
	}
	console.EnableFairFloor()
	if c.Audience != nil {
		console.EnableAudience(c.Audience, func(address string) ([]byte, error) {
			png, _, err := phonepage.QR(address, 512)
			return png, err
		})
	}
	console.EnableDisplayPrefs(c.DB, win)
	console.EnableReport(app.SessionReports{Store: c.DB, Clock: app.SystemClock{}, Session: c.Session,
		Dir: filepath.Join(filepath.Dir(c.DB.Path()), "reports")})
	if c.OpenToHubs {
		console.OpenToHubs()
	}
	win.SetContent(console.Content())
	var dwin fyne.Window
	if !c.NoDisplay {
		dwin = openDisplay(a, console)
	}
	console.Animate(ctx)
	console.AnimateVideo(ctx)
	win.SetOnClosed(func() {
		hubs.Close()
		cancel()
		if dwin != nil {
			dwin.Close()
		}
	})
	win.Show()
	if dwin != nil {
		dwin.Show()
	}
	return win
}

// openDisplay is the speaker display's window, driven by console: F11
// there (or the console's button) toggles full screen, Esc leaves it.
func openDisplay(a fyne.App, console *ui.ConsoleView) fyne.Window {
	display := ui.NewSpeakerDisplay()
	dwin := a.NewWindow("Floor — Speaker display")
	dwin.SetContent(display.Content())
	dwin.Resize(fyne.NewSize(800, 480))
	toggle := func() { dwin.SetFullScreen(!dwin.FullScreen()) }
	dwin.Canvas().SetOnTypedKey(func(e *fyne.KeyEvent) {
		switch e.Name {
		case fyne.KeyF11:
			toggle()
		case fyne.KeyEscape:
			dwin.SetFullScreen(false)
		}
	})
	console.AttachDisplay(display, toggle)
	console.DisplayKeys(dwin.Canvas())
	return dwin
}

// openHubWindow runs the remote hub's window until it is closed or ctx
// ends; closing it leaves the room.
func openHubWindow(ctx context.Context, h cli.HubWindow) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	a, win := singleWindow("Floor — Remote hub")
	view := ui.NewHubView(ctx, h.Join)
	view.Invite.SetText(h.Invite)
	view.EnablePreflight(h.Preflight)
	view.OnDevices = h.UseDevices
	win.SetContent(view.Content())
	view.Animate(ctx)
	win.SetOnClosed(view.Close)
	runUntil(ctx, a, win)
	return nil
}

// openSeatWindow runs a seat's console on inv's room until it is closed
// or ctx ends.
func openSeatWindow(ctx context.Context, inv app.Invite) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	client := seatlink.NewClient(inv, nil)
	go func() { _ = client.Run(ctx) }()
	a, win := singleWindow("Floor — Seat")
	view := ui.NewSeatView(ctx, client)
	win.SetContent(view.Content())
	view.Animate(ctx)
	runUntil(ctx, a, win)
	return nil
}

// singleWindow is an app with Floor's look and language and its one
// window, titled title.
func singleWindow(title string) (fyne.App, fyne.Window) {
	a := fyneapp.NewWithID(appID)
	a.SetIcon(fyne.NewStaticResource("Icon.png", assets.Icon()))
	ui.LoadAppearance(a).Apply(a)
	translations, dir := assets.Translations()
	if err := ui.UseLanguage(a, translations, dir); err != nil {
		fyne.LogError("translations", err)
	}
	win := a.NewWindow(title)
	win.SetMainMenu(fyne.NewMainMenu(ui.ViewMenu(a)))
	win.Resize(fyne.NewSize(1280, 780)) // as the console: at 1100×700 the queue showed two or three requests
	win.SetMaster()
	return a, win
}

// runUntil shows win until it is closed or ctx ends.
func runUntil(ctx context.Context, a fyne.App, win fyne.Window) {
	stop := context.AfterFunc(ctx, func() { fyne.Do(a.Quit) })
	defer stop()
	win.ShowAndRun()
}

// agendaContent is the participant's agenda over w, with import, sync and
// the moderator's console a click away.
func agendaContent(ctx context.Context, a fyne.App, win fyne.Window, w cli.Window) fyne.CanvasObject {
	view := ui.NewParticipantView(ctx, w.Participant, win, localZoneName())
	view.EnableImport(w.Importer, win)
	syncer := app.Syncer{Importer: w.Importer, Subs: w.DB}
	view.EnableSync(ui.Syncing{
		Sync: syncer.Sync,
		Changes: func(ctx context.Context) ([]agenda.ChangeRecord, error) {
			return w.DB.Changes(ctx, time.Time{}, 500)
		},
		Run:           func(fn func()) { go fn() },
		Subscriptions: w.DB.Subscriptions,
	}, win)
	view.RunBackground(ctx)
	view.EnableMemory(w.DB, win) // filters, day, zone and size as last left
	if watcher, err := w.DB.Watch(ctx); err == nil {
		view.FollowDatabase(ctx, watcher, time.Second) // imports and syncs by other processes
	} else {
		fyne.LogError("follow the database", err)
	}
	view.EnableModerate(func(ctx context.Context, id int64) error {
		s, err := w.DB.Session(ctx, id)
		if err != nil {
			return err
		}
		key := app.ModerationKey(s.Source, s.GUID)
		m, err := app.OpenModerator(ctx, w.DB, app.SystemClock{}, key)
		if err != nil {
			return err
		}
		polls, err := app.OpenPolls(ctx, w.DB, app.SystemClock{}, key)
		if err != nil {
			return err
		}
		openConsole(ctx, a, &cli.Console{Session: s, Moderator: m, DB: w.DB, Polls: polls})
		return nil
	})
	return view.Content()
}

// repairContent says the database is damaged and offers to rebuild it;
// the agenda replaces it once rebuilt.
func repairContent(ctx context.Context, a fyne.App, win fyne.Window, d *cli.Damage) fyne.CanvasObject {
	problem := widget.NewLabel("Floor cannot use its database: " + d.Problem)
	problem.Wrapping = fyne.TextWrapWord
	status := widget.NewLabel("")
	status.Wrapping = fyne.TextWrapWord
	var rebuild *widget.Button
	rebuild = widget.NewButton("Move it aside and rebuild", func() {
		rebuild.Disable()
		status.SetText("Rebuilding from the built-in agenda and your subscriptions…")
		go func() {
			w, said, err := d.Rebuild(ctx)
			fyne.Do(func() {
				if err != nil {
					status.SetText("Not rebuilt: " + err.Error())
					rebuild.Enable()
					return
				}
				win.SetContent(agendaContent(ctx, a, win, w))
				dialog.ShowInformation("Database rebuilt", said, win)
			})
		}()
	})
	rebuild.Importance = widget.HighImportance
	quit := widget.NewButton("Quit", a.Quit)
	explain := widget.NewLabel("Rebuilding keeps the damaged file beside the new one (nothing is deleted), brings back the built-in agenda and the subscriptions that can still be read, and syncs them. Favourites and moderation logs stay in the damaged file.")
	explain.Wrapping = fyne.TextWrapWord
	return container.NewPadded(container.NewVBox(
		widget.NewLabelWithStyle("The database is damaged", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		problem, explain,
		container.NewHBox(rebuild, quit), status))
}
