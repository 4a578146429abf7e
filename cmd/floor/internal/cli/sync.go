package cli

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/igf-floor/floor/app"
)

func (o *options) syncCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "sync [URL...]",
		Short: "Subscribe to schedules on the web and bring them up to date",
		Long: `Fetch each URL (an IGF page, a frab schedule.xml, a c3voc schedule.json or an
iCalendar file) and import it; with no URL, sync every subscription. The ETag
and Last-Modified of the last sync are sent, so an unchanged schedule costs one
'304 Not Modified'. If the server cannot be reached or answers with anything
but a schedule, the agenda stays as it was and the time of the last good sync
is shown. 'floor changes' lists what a sync changed.`,
		RunE: func(cmd *cobra.Command, urls []string) error {
			ctx := cmd.Context()
			db, im, err := o.open(ctx, false)
			if err != nil {
				return err
			}
			defer db.Close()
			if len(urls) == 0 {
				subs, err := db.Subscriptions(ctx)
				if err != nil {
					return err
				}
				for _, s := range subs {
					urls = append(urls, s.URL)
				}
				if len(urls) == 0 {
					return usageError{errors.New("no subscriptions yet: give a URL")}
				}
			}
			sy := app.Syncer{Importer: im, Subs: db}
			failed := 0
			for _, u := range urls {
				res, err := sy.Sync(ctx, u)
				out := cmd.OutOrStdout()
				switch {
				case err != nil:
					failed++
					switch {
					case res.Subscription.URL == "":
						fmt.Fprintf(cmd.ErrOrStderr(), "floor: %s\n", termText(err.Error()))
					case res.Subscription.SyncedAt.IsZero():
						// Kept, so 'floor sync' tries it again: a schedule is often
						// announced before it is published.
						fmt.Fprintf(cmd.ErrOrStderr(), "floor: %s\n  kept as a subscription that has not yet answered; 'floor sync' tries it again\n", termText(err.Error()))
					default:
						last := res.Subscription.SyncedAt.In(o.env.Local).Format("2006-01-02 15:04")
						fmt.Fprintf(cmd.ErrOrStderr(), "floor: %s\n  the agenda is kept as of the last good sync: %s\n", termText(err.Error()), last)
					}
				case res.NotModified:
					fmt.Fprintf(out, "%s: not modified\n", termText(u))
				default:
					s := res.Import.Saved
					fmt.Fprintf(out, "%s: %s, %d added, %d updated, %d removed, %d changes\n",
						termText(u), termText(res.Import.Event.Title), s.Added, s.Updated, s.Removed, s.Changes)
				}
			}
			if failed > 0 {
				return fmt.Errorf("%d of %d schedules not synced", failed, len(urls))
			}
			return nil
		},
	}
}
