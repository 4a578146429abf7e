package cli

import (
	"fmt"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"
)

func (o *options) changesCmd() *cobra.Command {
	var since time.Duration
	var favourites bool
	cmd := &cobra.Command{
		Use:   "changes",
		Short: "What changed in the agenda: titles, times, rooms, people, new and removed sessions",
		Long: `List what each import or sync changed, newest first: one line per changed
field of a session. Sessions in My agenda are marked with ★ and listed first
with --favourites.`,
		Args: exactArgs(0),
		RunE: func(cmd *cobra.Command, _ []string) error {
			db, _, err := o.open(cmd.Context(), true)
			if err != nil {
				return err
			}
			defer db.Close()
			var from time.Time
			if since > 0 {
				from = o.env.Clock.Now().Add(-since)
			}
			changes, err := db.Changes(cmd.Context(), from, 0)
			if err != nil {
				return err
			}
			tw := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 4, 2, ' ', 0)
			n := 0
			for _, c := range changes {
				if favourites && !c.Favourite {
					continue
				}
				star := " "
				if c.Favourite {
					star = "★"
				}
				fmt.Fprintf(tw, "%s\t%s\t%s %s\t%s\n", c.At.In(o.env.Local).Format("2006-01-02 15:04"), termText(c.File), star, termText(c.Title), termText(c.Change.String()))
				n++
			}
			if err := tw.Flush(); err != nil {
				return err
			}
			if n == 0 {
				fmt.Fprintln(cmd.ErrOrStderr(), "floor: no changes recorded")
			}
			return nil
		},
	}
	cmd.Flags().DurationVar(&since, "since", 0, "only changes from imports this recent (e.g. 24h)")
	cmd.Flags().BoolVar(&favourites, "favourites", false, "only changes to sessions in My agenda")
	return cmd
}
