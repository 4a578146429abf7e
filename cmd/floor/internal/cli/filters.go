package cli

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/agenda"
	"github.com/igf-floor/floor/storage"
)

// sessionFilters narrow a list by event, day, track, room and type
// (app.Narrow, which the window uses too).
type sessionFilters struct {
	n app.Narrow
}

func (f *sessionFilters) register(cmd *cobra.Command) {
	cmd.Flags().StringVar(&f.n.Event, "event", "", "only this event id (e.g. igf-2020, debconf23)")
	cmd.Flags().StringVar(&f.n.Day, "day", "", "only this day, YYYY-MM-DD, in the event's time zone")
	cmd.Flags().StringVar(&f.n.Track, "track", "", "only this track")
	cmd.Flags().StringVar(&f.n.Room, "room", "", "only this room")
	cmd.Flags().StringVar(&f.n.Type, "type", "", "only this session type or format (e.g. Talk, Round Table)")
}

func (f *sessionFilters) check() error {
	if f.n.Day != "" {
		if _, err := time.Parse("2006-01-02", f.n.Day); err != nil {
			return usageError{fmt.Errorf("--day %q is not a date like 2023-09-11", f.n.Day)}
		}
	}
	return nil
}

func (f *sessionFilters) apply(ss []agenda.Session) []agenda.Session { return f.n.Apply(ss) }

func (o *options) conflictsCmd() *cobra.Command {
	var all bool
	cmd := &cobra.Command{
		Use:   "conflicts",
		Short: "Sessions in My agenda that overlap in time (across events); --all for every session",
		Args:  exactArgs(0),
		RunE: o.withListing(func() (agenda.Filter, error) {
			return agenda.Filter{FavouritesOnly: !all}, nil
		}, func(cmd *cobra.Command, _ *storage.DB, listing agenda.Listing) error {
			conflicts := agenda.Conflicts(listing.Sessions)
			for _, c := range conflicts {
				fmt.Fprintf(cmd.OutOrStdout(), "%s  %s\n  overlaps %s by %d min: %s  %s\n",
					app.FormatSpan(c.A), termText(c.A.Title), app.FormatSpan(c.B), int(c.Overlap.Minutes()), termText(c.B.Title), termText(c.B.Room))
			}
			if len(conflicts) == 0 {
				fmt.Fprintln(cmd.ErrOrStderr(), "floor: no overlapping sessions")
			}
			return nil
		}),
	}
	cmd.Flags().BoolVar(&all, "all", false, "look at every session, not only My agenda")
	return cmd
}

func (o *options) nowCmd() *cobra.Command {
	var within time.Duration
	cmd := &cobra.Command{
		Use:   "now",
		Short: "What is on now and what starts next, across all events",
		Args:  exactArgs(0),
		RunE: o.withListing(func() (agenda.Filter, error) { return agenda.Filter{}, nil },
			func(cmd *cobra.Command, db *storage.DB, listing agenda.Listing) error {
				favs, err := db.FavouriteIDs(cmd.Context())
				if err != nil {
					return err
				}
				running, next := agenda.NowAndNext(listing.Sessions, o.env.Clock.Now(), within)
				out := cmd.OutOrStdout()
				for _, part := range []struct {
					heading string
					ss      []agenda.Session
				}{{"Now", running}, {fmt.Sprintf("Next %v", within), next}} {
					fmt.Fprintf(out, "%s\n", part.heading)
					if len(part.ss) == 0 {
						fmt.Fprintln(out, "  nothing")
					}
					for _, s := range part.ss {
						star := ""
						if favs[s.ID] {
							star = "  ★"
						}
						fmt.Fprintf(out, "  %s  %s  %s%s\n", app.FormatSpan(s), termText(s.Title), termText(s.Room), star)
					}
				}
				return nil
			}),
	}
	cmd.Flags().DurationVar(&within, "within", 2*time.Hour, "how far ahead 'next' looks")
	return cmd
}
