package cli

import (
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/agenda"
	"github.com/igf-floor/floor/storage"
)

// sessionFilters narrow a list by event, day, track, room and type; each
// matches whole words of the field, ignoring case.
type sessionFilters struct {
	event, day, track, room, kind string
}

func (f *sessionFilters) register(cmd *cobra.Command) {
	cmd.Flags().StringVar(&f.event, "event", "", "only this event id (e.g. igf-2020, debconf23)")
	cmd.Flags().StringVar(&f.day, "day", "", "only this day, YYYY-MM-DD, in the event's time zone")
	cmd.Flags().StringVar(&f.track, "track", "", "only this track")
	cmd.Flags().StringVar(&f.room, "room", "", "only this room")
	cmd.Flags().StringVar(&f.kind, "type", "", "only this session type or format (e.g. Talk, Round Table)")
}

func (f *sessionFilters) check() error {
	if f.day != "" {
		if _, err := time.Parse("2006-01-02", f.day); err != nil {
			return usageError{fmt.Errorf("--day %q is not a date like 2023-09-11", f.day)}
		}
	}
	return nil
}

func (f *sessionFilters) keep(s agenda.Session) bool {
	if f.event != "" && !strings.EqualFold(s.EventID, f.event) {
		return false
	}
	if f.day != "" && (!s.Scheduled() || app.EventDay(s) != f.day) {
		return false
	}
	return contains(s.Track, f.track) && contains(s.Room, f.room) && contains(s.Format, f.kind)
}

func (f *sessionFilters) apply(ss []agenda.Session) []agenda.Session {
	var out []agenda.Session
	for _, s := range ss {
		if f.keep(s) {
			out = append(out, s)
		}
	}
	return out
}

func contains(field, want string) bool {
	return want == "" || strings.Contains(strings.ToLower(field), strings.ToLower(want))
}

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
					app.FormatStart(c.A), c.A.Title, app.FormatStart(c.B), int(c.Overlap.Minutes()), c.B.Title, c.B.Room)
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
						fmt.Fprintf(out, "  %s  %s  %s%s\n", app.FormatStart(s), s.Title, s.Room, star)
					}
				}
				return nil
			}),
	}
	cmd.Flags().DurationVar(&within, "within", 2*time.Hour, "how far ahead 'next' looks")
	return cmd
}
