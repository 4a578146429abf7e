package main

import (
	"context"
	"errors"

	"github.com/igf-floor/floor/cmd/floor/internal/cli"
)

func openWindow(ctx context.Context, w cli.Window) error { return errors.New("todo") }
