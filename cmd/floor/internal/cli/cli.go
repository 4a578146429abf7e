// Package cli is Floor's command line: flags, subcommands, messages and exit
// codes. The window is opened through Env.OpenWindow, so this package (and
// its tests) never needs a display or OpenGL.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/agenda"
	"github.com/igf-floor/floor/assets"
	"github.com/igf-floor/floor/cmd/floor/internal/hubserve"
	"github.com/igf-floor/floor/storage"
)

// Exit codes, as a shell user expects them.
const (
	ExitOK    = 0
	ExitError = 1 // the command ran and failed: bad file, unknown session
	ExitUsage = 2 // the command line itself is wrong
)

// Env is everything the commands take from the outside world.
type Env struct {
	Stdin          io.Reader // commands for 'floor serve'; nil reads nothing
	Stdout, Stderr io.Writer
	Getenv         func(string) string
	Clock          app.Clock
	Local          *time.Location
	Version        string
	// OpenWindow shows the participant window and returns when it closes.
	OpenWindow func(ctx context.Context, w Window) error
	// OpenHubWindow shows the remote hub's window and returns when it closes.
	OpenHubWindow func(ctx context.Context, h HubWindow) error
	// OpenSeatWindow shows a seat's console on inv's room and returns when
	// it closes.
	OpenSeatWindow func(ctx context.Context, inv app.Invite) error
}

// HubWindow is what the hub window needs: how to join, and an invite to
// fill in.
type HubWindow struct {
	Invite string
	Join   app.HubJoin
	// Preflight checks the machine's devices and the room before joining;
	// UseDevices hears the camera and microphone picked for the join.
	Preflight  app.HubPreflight
	UseDevices func(camera, mic string)
}

// Window is what the window needs, opened and seeded by the command line.
// With Console set, the moderator's console opens instead of the agenda.
type Window struct {
	DB          *storage.DB
	Importer    app.Importer
	Participant *app.Participant
	Console     *Console
	Damaged     *Damage // the database could not be used: offer to rebuild it
}

// Console is a session to moderate.
type Console struct {
	Session   agenda.Session
	Moderator *app.Moderator
	DB        *storage.DB   // hubs and their invites
	Polls     *app.Polls    // the session's polls
	Audience  *app.Audience // the room's phones: requests and questions
	// OpenToHubs opens the session to remote hubs as the console starts.
	OpenToHubs bool
	// Listen is where to open to hubs ("" for the default :8443).
	Listen string
	// RoomSound is what the hubs hear of the room: auto, mic or test.
	RoomSound string
	// NoDisplay opens no speaker display window: one screen, the display
	// on a tablet through the room's /display page.
	NoDisplay bool
}

type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// Run executes the command line args (without the program name) and
// returns the exit code.
func Run(ctx context.Context, args []string, env Env) int {
	root := newRoot(env)
	root.SetArgs(args)
	// Everything but an export goes through termWriter (see term.go).
	root.SetOut(termWriter{env.Stdout})
	root.SetErr(termWriter{env.Stderr})
	err := root.ExecuteContext(ctx)
	if err == nil {
		return ExitOK
	}
	fmt.Fprintf(root.ErrOrStderr(), "floor: %v\n", err)
	var ue usageError
	if errors.As(err, &ue) {
		fmt.Fprintln(env.Stderr, "Run 'floor --help' for usage.")
		return ExitUsage
	}
	return ExitError
}

type options struct {
	env        Env
	dbPath     string
	openToHubs bool
	noDisplay  bool // floor moderate --no-display
	roomSound  string
	listen     string // where the console opens to hubs; "" for the default or where it was left open
}

func newRoot(env Env) *cobra.Command {
	o := &options{env: env}
	root := &cobra.Command{
		Use:   "floor",
		Short: "Floor: the desktop companion for hybrid round-table sessions",
		Long: `Floor follows a session agenda offline and, for moderators, runs the floor.

With no command it opens the agenda window. On first start it shows its
built-in agenda, IGF 2020 WS #234 "Security of digital products".

The database is FLOOR_DB, or --db, or ` + "`floor.db`" + ` in the user's config directory.`,
		Version:       env.Version,
		SilenceErrors: true,
		SilenceUsage:  true,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usageError{fmt.Errorf("unknown command %q", args[0])}
			}
			return nil
		},
		RunE: o.runWindow,
	}
	root.PersistentFlags().StringVar(&o.dbPath, "db", "", "database file (default $FLOOR_DB, else the config directory's floor/floor.db)")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	root.AddCommand(o.repairCmd(), o.importCmd(), o.agendaCmd(), o.showCmd(), o.favouriteCmd(), o.shareCmd(), o.reportCmd(), o.moderateCmd(), o.exportCmd(), o.changesCmd(), o.syncCmd(), o.conflictsCmd(), o.nowCmd(),
		o.hubsCmd(), o.serveCmd(), o.hubCmd(), o.seatsCmd(), o.seatCmd(), o.versionCmd(), o.backupCmd())
	return root
}

// exactArgs is cobra.ExactArgs with a usage error.
func exactArgs(n int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := cobra.ExactArgs(n)(cmd, args); err != nil {
			return usageError{err}
		}
		return nil
	}
}

func (o *options) path() (string, error) {
	if o.dbPath != "" {
		return o.dbPath, nil
	}
	if p := o.env.Getenv("FLOOR_DB"); p != "" {
		return p, nil
	}
	return storage.DefaultPath()
}

// windowPageCache is a window's SQLite page cache per connection, in KiB:
// 4.5 MB less resident with 10 000 sessions than SQLite's 2 000 KiB.
const windowPageCache = 256

// open opens the database; with seed, an empty one gets the built-in agenda.
func (o *options) open(ctx context.Context, seed bool, opts ...storage.Option) (*storage.DB, app.Importer, error) {
	path, err := o.path()
	if err != nil {
		return nil, app.Importer{}, err
	}
	db, err := storage.Open(ctx, path, opts...)
	if err != nil {
		return nil, app.Importer{}, damaged(err)
	}
	im := app.Importer{Store: db, Clock: o.env.Clock}
	if seed {
		if _, err := app.EnsureBuiltInAgenda(ctx, im, assets.BuiltInAgendaName, assets.BuiltInAgenda()); err != nil {
			db.Close()
			return nil, im, err
		}
	}
	return db, im, nil
}

func (o *options) runWindow(cmd *cobra.Command, _ []string) error {
	return o.openWindow(cmd, "")
}

// agendaWindow is the agenda window's content over db.
func (o *options) agendaWindow(ctx context.Context, db *storage.DB) (Window, error) {
	p := app.NewParticipant(db, o.env.Clock, o.env.Local)
	if err := p.Load(ctx); err != nil {
		return Window{}, err
	}
	return Window{DB: db, Importer: app.Importer{Store: db, Clock: o.env.Clock}, Participant: p}, nil
}

// openWindow opens the agenda window, or with ref the console for that session.
func (o *options) openWindow(cmd *cobra.Command, ref string) error {
	if o.env.OpenWindow == nil {
		return errors.New("this build of Floor has no window")
	}
	ctx := cmd.Context()
	db, _, err := o.open(ctx, true, storage.PageCacheKiB(windowPageCache))
	if errors.Is(err, storage.ErrNotADatabase) && ref == "" {
		// The window offers the repair instead of closing on an error.
		path, _ := o.path()
		return o.env.OpenWindow(ctx, Window{Damaged: &Damage{Problem: err.Error(), Rebuild: func(ctx context.Context) (Window, string, error) {
			db, said, err := o.rebuild(ctx, path)
			if err != nil {
				return Window{}, "", err
			}
			w, err := o.agendaWindow(ctx, db)
			return w, said, err
		}}})
	}
	if err != nil {
		return err
	}
	defer db.Close()
	w, err := o.agendaWindow(ctx, db)
	if err != nil {
		return err
	}
	if ref != "" {
		s, err := db.FindSession(ctx, ref)
		if err != nil {
			return err
		}
		m, err := app.OpenModerator(ctx, db, o.env.Clock, app.ModerationKey(s.Source, s.GUID))
		if err != nil {
			return err
		}
		polls, err := app.OpenPolls(ctx, db, o.env.Clock, app.ModerationKey(s.Source, s.GUID))
		if err != nil {
			return err
		}
		aud, err := app.OpenAudience(ctx, db, m, o.env.Clock, app.ModerationKey(s.Source, s.GUID))
		if err != nil {
			return err
		}
		// A room that died while open to hubs opens again, on its address:
		// the hubs are trying to come back (a moderator's Close keeps it closed).
		leftOpen, listen, err := db.RoomLeftOpen(ctx, app.ModerationKey(s.Source, s.GUID))
		if err != nil {
			return err
		}
		w.Console = &Console{Session: s, Moderator: m, DB: db, Polls: polls, Audience: aud, OpenToHubs: o.openToHubs || leftOpen, RoomSound: o.roomSound,
			NoDisplay: o.noDisplay}
		if leftOpen {
			w.Console.Listen = listen
			fmt.Fprintf(o.env.Stderr, "Reopened to hubs on %s: Floor was open when it stopped.\n", listen)
		}
		if o.listen != "" { // the moderator's word over where it was left open
			w.Console.Listen = o.listen
		}
	}
	return o.env.OpenWindow(ctx, w)
}

func (o *options) moderateCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "moderate SESSION",
		Short: "Open the moderator's console for a session, e.g. \"WS #234\"",
		Long: `Open the moderator's console: the session clock, the speaker timer, the queue
for the floor and the speaking-time balance. Every action is written to the
database before it shows, so after a crash 'floor moderate' shows the same
timers, still running. Keys: Space pause/resume, N next speaker, + and -
30 seconds, Esc end the turn (not while typing in a field).

With --open-to-hubs the console starts open to remote hubs, as if "Open to
hubs" were pressed: the hub on the floor is seen, heard and recorded.`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error { return o.openWindow(cmd, args[0]) },
	}
	cmd.Flags().BoolVar(&o.openToHubs, "open-to-hubs", false, "start open to remote hubs (HTTPS and UDP on :8443)")
	cmd.Flags().StringVar(&o.roomSound, "room-sound", "auto", "what the hubs hear of the room: auto (a microphone or mixer input when there is one, else a test tone), mic, test")
	cmd.Flags().StringVar(&o.listen, "listen", "", fmt.Sprintf("where to open to hubs, HOST:PORT, as the invites' --host says (default :%d)", hubserve.DefaultPort))
	cmd.Flags().BoolVar(&o.noDisplay, "no-display", false, "open no speaker display window (one screen; a tablet can show the room's /display page)")
	return cmd
}
