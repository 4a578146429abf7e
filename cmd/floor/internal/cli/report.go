package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/agenda"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/storage"
)

func (o *options) reportCmd() *cobra.Command {
	report := &cobra.Command{
		Use:   "report",
		Short: "Reports on a moderated session",
		Args:  exactArgs(0),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return usageError{fmt.Errorf("report needs a kind, such as 'balance'")}
		},
	}
	report.AddCommand(&cobra.Command{
		Use:   "balance SESSION",
		Short: "Speaking time by stakeholder group, region, in the room or remote, and youth, as CSV",
		Long: `Print the speaking-time balance of a moderated session as CSV: one row per
category (dimension, category, turns, seconds, percent). Each dimension adds
up to the session's interventions; a turn still on the floor is not counted.`,
		Args: exactArgs(1),
		RunE: o.withSession(func(cmd *cobra.Command, db *storage.DB, s agenda.Session) error {
			log, err := db.FloorLog(cmd.Context(), app.ModerationKey(s.Source, s.GUID))
			if err != nil {
				return err
			}
			st, err := floor.Replay(log)
			if err != nil {
				return err
			}
			if st.Current != nil {
				fmt.Fprintf(cmd.ErrOrStderr(), "floor: %s still has the floor; that turn is not counted yet\n", st.Current.Speaker.Name)
			}
			return floor.WriteBalanceCSV(cmd.OutOrStdout(), st.Interventions)
		}),
	})
	return report
}
