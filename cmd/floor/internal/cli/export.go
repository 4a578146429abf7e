package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/igf-floor/floor/app/agenda"
	"github.com/igf-floor/floor/app/agenda/ical"
)

func (o *options) exportCmd() *cobra.Command {
	export := &cobra.Command{
		Use:   "export",
		Short: "Export the agenda in a standard format",
		Args:  exactArgs(0),
		RunE: func(*cobra.Command, []string) error {
			return usageError{fmt.Errorf("export needs a format, such as 'ics'")}
		},
	}
	var favourites bool
	var event string
	ics := &cobra.Command{
		Use:   "ics",
		Short: "Write the agenda (or My agenda, or one event) as iCalendar to standard output",
		Long: `Write sessions as an iCalendar file to standard output, for a calendar app.
Each session keeps the same UID in every export, so a calendar that imports
the file again updates its events instead of adding copies.`,
		Args: exactArgs(0),
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			db, _, err := o.open(ctx, true)
			if err != nil {
				return err
			}
			defer db.Close()
			listing, err := db.ListSessions(ctx, agenda.Filter{FavouritesOnly: favourites})
			if err != nil {
				return err
			}
			var sessions []agenda.Session
			for _, light := range listing.Sessions {
				if event != "" && light.EventID != event {
					continue
				}
				s, err := db.Session(ctx, light.ID)
				if err != nil {
					return err
				}
				sessions = append(sessions, s)
			}
			name := "Floor agenda"
			switch {
			case favourites:
				name = "My agenda (Floor)"
			case event != "":
				if ev, err := db.Event(ctx, event); err == nil {
					name = ev.Title
				} else {
					return fmt.Errorf("no event %q (see the event ids in 'floor agenda --json')", event)
				}
			}
			// Raw: an iCalendar file is data, not text for a terminal (see term.go).
			return ical.Write(o.env.Stdout, name, sessions, o.env.Clock.Now())
		},
	}
	ics.Flags().BoolVar(&favourites, "favourites", false, "only sessions in My agenda")
	ics.Flags().StringVar(&event, "event", "", "only the sessions of this event id (e.g. igf-2020, debconf23)")
	export.AddCommand(ics)
	return export
}
