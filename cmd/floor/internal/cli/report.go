package cli

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/agenda"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/storage"
)

func (o *options) reportCmd() *cobra.Command {
	var format, out string
	report := &cobra.Command{
		Use:   "report SESSION",
		Short: "The rapporteur's session report (md, html or pdf), or one of the CSV reports below",
		Long: `Write the rapporteur's report of a moderated session: the session's facts, key
takeaways and calls to action (see 'report notes'), the interventions grouped by
policy question, the speaking-time balance with charts, the polls, and the
participation. Markdown writes its charts beside the file as PNG; HTML and PDF
hold them. Without --out the file is named after the session in the current
directory; its path is printed.`,
		Args: exactArgs(1),
		RunE: o.withSession(func(cmd *cobra.Command, db *storage.DB, s agenda.Session) error {
			if !slices.Contains(app.ReportFormats, format) {
				return usageError{fmt.Errorf("--format %q: use md, html or pdf", format)}
			}
			r, err := app.BuildReport(cmd.Context(), db, o.env.Clock, s)
			if err != nil {
				return err
			}
			path := out
			if path == "" {
				path = app.ReportFileName(s, format)
			}
			if err := app.WriteReport(r, format, path); err != nil {
				return err
			}
			if r.StillSpeaking != "" {
				fmt.Fprintf(cmd.ErrOrStderr(), "floor: %s still has the floor; that turn is not counted yet\n", r.StillSpeaking)
			}
			fmt.Fprintln(cmd.OutOrStdout(), path)
			return nil
		}),
	}
	report.Flags().StringVar(&format, "format", "md", "md, html or pdf")
	report.Flags().StringVarP(&out, "out", "o", "", "file to write")
	report.AddCommand(o.reportNotes())
	report.AddCommand(o.floorReport("balance", "Speaking time by stakeholder group, region, in the room or remote, and youth, as CSV",
		`Print the speaking-time balance of a moderated session as CSV: one row per
category (dimension, category, turns, seconds, percent). Each dimension adds
up to the session's interventions; a turn still on the floor is not counted.`,
		turns(floor.WriteBalanceCSV)))
	report.AddCommand(o.floorReport("interventions", "Every turn at the floor as CSV: who, from where, when, how long, how far over",
		`Print the intervention log of a moderated session as CSV, one finished turn a
row. The balance report adds up to these rows.`,
		turns(floor.WriteInterventionsCSV)))
	report.AddCommand(o.floorReport("plan", "The speaking-time budgets, plan against actual, as CSV",
		`Print a moderated session's speaking-time budgets as CSV, one budget a row:
dimension, category, planned percent and seconds, spoken seconds, seconds left
(negative: over), percent of the time spoken, turns. A turn still on the floor
is not counted.`,
		func(w io.Writer, st floor.State) error {
			if st.Plan == nil {
				return errors.New("the session has no speaking-time budgets")
			}
			return floor.WritePlanCSV(w, *st.Plan, st.Interventions)
		}))
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
// turns adapts a report of the finished turns to floorReport.
func turns(write func(io.Writer, []floor.Intervention) error) func(io.Writer, floor.State) error {
	return func(w io.Writer, st floor.State) error { return write(w, st.Interventions) }
}

func (o *options) floorReport(name, short, long string, write func(io.Writer, floor.State) error) *cobra.Command {
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
			return write(cmd.OutOrStdout(), st)
		}),
	}
}

// reportNotes sets what the rapporteur writes and the moderator estimates,
// for a report made without the window.
func (o *options) reportNotes() *cobra.Command {
	var n floor.Rapporteur
	cmd := &cobra.Command{
		Use:   "notes SESSION",
		Short: "Set the report's takeaways, calls to action and participation figures",
		Long: `Set what the session report says beyond the logs. Flags not given keep their
value; takeaways and calls to action take one item a line.`,
		Args: exactArgs(1),
		RunE: o.withSession(func(cmd *cobra.Command, db *storage.DB, s agenda.Session) error {
			key := app.ModerationKey(s.Source, s.GUID)
			cur, err := db.Rapporteur(cmd.Context(), key)
			if err != nil {
				return err
			}
			fl := cmd.Flags()
			if fl.Changed("takeaways") {
				cur.Takeaways = n.Takeaways
			}
			if fl.Changed("calls") {
				cur.CallsToAction = n.CallsToAction
			}
			for name, dst := range map[string]*int{"in-room": &cur.InRoom, "online": &cur.Online, "women": &cur.Women} {
				if fl.Changed(name) {
					v, _ := fl.GetInt(name)
					if v < 0 || v > 1000000 {
						return usageError{fmt.Errorf("--%s %d: a count of people, 0 or more", name, v)}
					}
					*dst = v
				}
			}
			cur.Updated = o.env.Clock.Now()
			return db.SaveRapporteur(cmd.Context(), key, cur)
		}),
	}
	cmd.Flags().StringVar(&n.Takeaways, "takeaways", "", "key takeaways, one a line")
	cmd.Flags().StringVar(&n.CallsToAction, "calls", "", "calls to action, one a line")
	cmd.Flags().IntVar(&n.InRoom, "in-room", 0, "people in the room")
	cmd.Flags().IntVar(&n.Online, "online", 0, "people following online, outside the hubs")
	cmd.Flags().IntVar(&n.Women, "women", 0, "estimate of women and gender-diverse participants")
	return cmd
}
