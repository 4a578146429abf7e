package cli

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"time"

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
	report.AddCommand(o.floorReport("balance", "Speaking time by stakeholder group, region, in the room or remote, and youth, as CSV",
		`Print the speaking-time balance of a moderated session as CSV: one row per
category (dimension, category, turns, seconds, percent). Each dimension adds
up to the session's interventions; a turn still on the floor is not counted.`,
		floor.WriteBalanceCSV))
	report.AddCommand(o.floorReport("interventions", "Every turn at the floor as CSV: who, from where, when, how long, how far over",
		`Print the intervention log of a moderated session as CSV, one finished turn a
row. The balance report adds up to these rows.`,
		floor.WriteInterventionsCSV))
	report.AddCommand(&cobra.Command{
		Use:   "recordings SESSION",
		Short: "The recorded remote turns as CSV: request, hub, start, seconds, video and audio files",
		Long: `Print the recordings of a session's remote turns as CSV, one turn a row, with
the floor request each answered (the 'request' of 'report interventions').
Video is IVF (VP8) and sound Ogg (Opus), as the hub sent them.`,
		Args: exactArgs(1),
		RunE: o.withSession(func(cmd *cobra.Command, db *storage.DB, s agenda.Session) error {
			recs, err := db.Recordings(cmd.Context(), app.ModerationKey(s.Source, s.GUID))
			if err != nil {
				return err
			}
			w := csv.NewWriter(cmd.OutOrStdout())
			w.Write([]string{"request", "hub", "started", "seconds", "video", "audio"})
			for _, r := range recs {
				secs := ""
				if !r.Ended.IsZero() {
					secs = strconv.FormatFloat(r.Ended.Sub(r.Started).Seconds(), 'f', 1, 64)
				}
				w.Write([]string{strconv.Itoa(r.Request), r.Hub, r.Started.Format(time.RFC3339), secs, r.Video, r.Audio})
			}
			w.Flush()
			return w.Error()
		}),
	})
	return report
}

// floorReport is a report computed from the session's floor log.
func (o *options) floorReport(name, short, long string, write func(io.Writer, []floor.Intervention) error) *cobra.Command {
	return &cobra.Command{
		Use:   name + " SESSION",
		Short: short,
		Long:  long,
		Args:  exactArgs(1),
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
			return write(cmd.OutOrStdout(), st.Interventions)
		}),
	}
}
