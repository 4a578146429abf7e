package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/assets"
	"github.com/igf-floor/floor/storage"
)

// Damage is a database Floor could not use: the window offers Rebuild.
type Damage struct {
	Problem string
	// Rebuild moves the damaged file aside, makes a new database with the
	// built-in agenda and the subscriptions salvaged, and returns the
	// window to show then, with what was done in words.
	Rebuild func(ctx context.Context) (Window, string, error)
}

// damaged explains a database that cannot be opened and what to do.
func damaged(err error) error {
	if errors.Is(err, storage.ErrNotADatabase) {
		return fmt.Errorf("%w\n'floor repair' moves it aside (nothing is deleted) and rebuilds it from the built-in agenda and your subscriptions", err)
	}
	return err
}

func (o *options) repairCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "repair",
		Short: "Move a damaged database aside and rebuild it from the built-in agenda and your subscriptions",
		Long: `When Floor says its database is damaged, repair renames the damaged file (and
its -wal and -shm files) to FILE.damaged-TIME, so nothing is lost, makes a new
database with the built-in agenda, and brings back the subscriptions it can read
from the damaged file, syncing each (those that cannot be reached now sync later).
Favourites and moderation logs of the damaged file are not carried over.`,
		Args: exactArgs(0),
		RunE: func(cmd *cobra.Command, _ []string) error {
			path, err := o.path()
			if err != nil {
				return err
			}
			if db, err := storage.Open(cmd.Context(), path); err == nil {
				db.Close()
				fmt.Fprintf(cmd.OutOrStdout(), "%s is not damaged: nothing to repair.\n", path)
				return nil
			}
			db, said, err := o.rebuild(cmd.Context(), path)
			if err != nil {
				return err
			}
			db.Close()
			fmt.Fprint(cmd.OutOrStdout(), said)
			return nil
		},
	}
}

// rebuild moves path aside and makes a new database in its place.
func (o *options) rebuild(ctx context.Context, path string) (*storage.DB, string, error) {
	moved, err := storage.MoveAside(path, o.env.Clock.Now())
	if err != nil {
		return nil, "", err
	}
	subs := storage.SalvageSubscriptions(ctx, moved)
	db, err := storage.Open(ctx, path)
	if err != nil {
		return nil, "", err
	}
	im := app.Importer{Store: db, Clock: o.env.Clock}
	if _, err := app.EnsureBuiltInAgenda(ctx, im, assets.BuiltInAgendaName, assets.BuiltInAgenda()); err != nil {
		db.Close()
		return nil, "", err
	}
	var b stringsBuilder
	fmt.Fprintf(&b, "The damaged database is kept as %s.\nA new one has the built-in agenda", moved)
	if len(subs) == 0 {
		fmt.Fprintf(&b, "; no subscription could be read from the damaged file.\n")
		return db, b.String(), nil
	}
	fmt.Fprintf(&b, " and %d subscription(s):\n", len(subs))
	sy := app.Syncer{Importer: im, Subs: db}
	for _, s := range subs {
		if err := db.SaveSubscription(ctx, s); err != nil {
			fmt.Fprintf(&b, "  %s: not kept: %v\n", s.URL, err)
			continue
		}
		sctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		_, err := sy.Sync(sctx, s.URL)
		cancel()
		if err != nil {
			fmt.Fprintf(&b, "  %s: kept; it syncs when it can be reached (%v)\n", s.URL, err)
		} else {
			fmt.Fprintf(&b, "  %s: synced\n", s.URL)
		}
	}
	return db, b.String(), nil
}

// stringsBuilder is an io.Writer for the report.
type stringsBuilder struct{ s []byte }

func (b *stringsBuilder) Write(p []byte) (int, error) { b.s = append(b.s, p...); return len(p), nil }
func (b *stringsBuilder) String() string              { return string(b.s) }

var _ io.Writer = (*stringsBuilder)(nil)
