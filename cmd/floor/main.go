// Command floor is Floor's program: the agenda window and the command line.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
	"time"
	_ "time/tzdata" // time zones work on machines without a zoneinfo database

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/cmd/floor/internal/cli"
	_ "github.com/igf-floor/floor/cmd/floor/internal/quietlocale" // before Fyne reads the locale
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

func main() {
	start := time.Now()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Run(ctx, os.Args[1:], cli.Env{
		Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv,
		Clock: app.SystemClock{}, Local: time.Local, Version: version,
		OpenWindow: func(ctx context.Context, w cli.Window) error {
			return withDisplay(ctx, func(ctx context.Context) error { return openWindow(ctx, w, start) })
		},
		OpenHubWindow: func(ctx context.Context, h cli.HubWindow) error {
			return withDisplay(ctx, func(ctx context.Context) error { return openHubWindow(ctx, h) })
		},
		OpenSeatWindow: func(ctx context.Context, inv app.Invite) error {
			return withDisplay(ctx, func(ctx context.Context) error { return openSeatWindow(ctx, inv) })
		},
	})
	stop()
	os.Exit(code)
}
