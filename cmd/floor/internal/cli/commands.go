package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/agenda"
	"github.com/igf-floor/floor/storage"
)

func (o *options) importCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "import FILE...",
		Short: "Import agenda files (IGF session pages saved as text)",
		Long: `Import agenda files into the database. The format is recognised from the
content, not the file name. A file is imported whole or not at all: a file
Floor cannot read leaves the database as it was, and the error names the file
and line. Importing another page of a session already known (same "IGF 2020
WS #234") updates it; favourites are kept.`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageError{errors.New("import needs at least one FILE")}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			db, im, err := o.open(cmd.Context(), false)
			if err != nil {
				return err
			}
			defer db.Close()
			failed := 0
			for _, path := range args {
				res, err := im.ImportFile(cmd.Context(), path)
				if err != nil {
					fmt.Fprintf(cmd.ErrOrStderr(), "floor: %v\n", err)
					failed++
					continue
				}
				printImport(cmd, res)
			}
			if failed > 0 {
				return fmt.Errorf("%d of %d files not imported; the database keeps what it had", failed, len(args))
			}
			return nil
		},
	}
}

func printImport(cmd *cobra.Command, res app.ImportResult) {
	out := cmd.OutOrStdout()
	fmt.Fprintf(out, "%s: %s, %d added, %d updated", termText(res.Name), termText(res.Event.Title), res.Saved.Added, res.Saved.Updated)
	if n := res.Saved.Unchanged; n > 0 {
		fmt.Fprintf(out, ", %d unchanged", n)
	}
	if res.Saved.Removed > 0 {
		fmt.Fprintf(out, ", %d removed", res.Saved.Removed)
	}
	fmt.Fprintln(out)
	for _, s := range res.Sessions {
		fmt.Fprintf(out, "  %s  %s  %s\n", termText(s.Number), app.FormatSpan(s), termText(s.Title))
	}
	for _, w := range res.Report.Warnings {
		if w.Line > 0 {
			fmt.Fprintf(cmd.ErrOrStderr(), "%s:%d: note: %s\n", termText(res.Name), w.Line, termText(w.Text))
		} else {
			fmt.Fprintf(cmd.ErrOrStderr(), "%s: note: %s\n", termText(res.Name), termText(w.Text))
		}
	}
}

func (o *options) agendaCmd() *cobra.Command {
	var (
		search     string
		asJSON     bool
		favourites bool
		filters    sessionFilters
	)
	cmd := &cobra.Command{
		Use:   "agenda",
		Short: "List sessions, one a line: id, number, start and end in the event's zone, title",
		Args:  exactArgs(0),
		RunE: o.withListing(func() (agenda.Filter, error) {
			return agenda.Filter{Search: search, FavouritesOnly: favourites}, filters.check()
		}, func(cmd *cobra.Command, db *storage.DB, listing agenda.Listing) error {
			listing.Sessions = filters.apply(listing.Sessions)
			favs, err := db.FavouriteIDs(cmd.Context())
			if err != nil {
				return err
			}
			if asJSON {
				out := make([]sessionJSON, 0, len(listing.Sessions))
				for _, s := range listing.Sessions {
					out = append(out, toJSON(s, favs[s.ID]))
				}
				return writeJSON(cmd, out)
			}
			tw := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 4, 2, ' ', 0)
			for _, s := range listing.Sessions {
				star := ""
				if favs[s.ID] {
					star = "  ★"
				}
				fmt.Fprintf(tw, "%d\t%s\t%s\t%s%s\n", s.ID, termText(s.Number), app.FormatSpan(s), termText(s.Title), star)
			}
			if err := tw.Flush(); err != nil {
				return err
			}
			if listing.Truncated {
				fmt.Fprintf(cmd.ErrOrStderr(), "floor: showing the first %d matches; add words to narrow the search\n", len(listing.Sessions))
			}
			if len(listing.Sessions) == 0 && search != "" {
				fmt.Fprintf(cmd.ErrOrStderr(), "floor: no session matches %q\n", search)
			}
			return nil
		}),
	}
	cmd.Flags().StringVar(&search, "search", "", "only sessions matching these words (titles, people, descriptions, policy questions)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON instead of lines")
	cmd.Flags().BoolVar(&favourites, "favourites", false, "only sessions in My agenda")
	filters.register(cmd)
	return cmd
}

func (o *options) showCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "show SESSION",
		Short: "Show every field of a session, by id (from 'floor agenda') or number such as \"WS #234\"",
		Args:  exactArgs(1),
		RunE: o.withSession(func(cmd *cobra.Command, db *storage.DB, s agenda.Session) error {
			favs, err := db.FavouriteIDs(cmd.Context())
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(cmd, toJSON(s, favs[s.ID]))
			}
			ev, err := db.Event(cmd.Context(), s.EventID)
			if err != nil {
				ev = agenda.Event{ID: s.EventID, Title: s.EventID}
			}
			writeSession(cmd.OutOrStdout(), s, ev, favs[s.ID])
			return nil
		}),
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func (o *options) favouriteCmd() *cobra.Command {
	var remove bool
	cmd := &cobra.Command{
		Use:   "favourite SESSION",
		Short: "Add a session to My agenda (or take it out with --remove)",
		Args:  exactArgs(1),
		RunE: o.withSession(func(cmd *cobra.Command, db *storage.DB, s agenda.Session) error {
			if err := db.SetFavourite(cmd.Context(), s.ID, !remove, o.env.Clock.Now()); err != nil {
				return err
			}
			verb := "added to"
			if remove {
				verb = "removed from"
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%s %s My agenda\n", s.Number, verb)
			return nil
		}),
	}
	cmd.Flags().BoolVar(&remove, "remove", false, "take the session out of My agenda")
	return cmd
}

// withListing checks the command line's filter, opens the database (with
// the built-in agenda when it is empty) and lists the sessions it selects.
func (o *options) withListing(filter func() (agenda.Filter, error), run func(*cobra.Command, *storage.DB, agenda.Listing) error) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, _ []string) error {
		f, err := filter()
		if err != nil {
			return err
		}
		db, _, err := o.open(cmd.Context(), true)
		if err != nil {
			return err
		}
		defer db.Close()
		listing, err := db.ListSessions(cmd.Context(), f)
		if err != nil {
			return err
		}
		return run(cmd, db, listing)
	}
}

// withSession opens the database and finds the session args[0] names.
func (o *options) withSession(run func(*cobra.Command, *storage.DB, agenda.Session) error) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, args []string) error {
		db, _, err := o.open(cmd.Context(), true)
		if err != nil {
			return err
		}
		defer db.Close()
		s, err := db.FindSession(cmd.Context(), args[0])
		if err != nil {
			return err
		}
		return run(cmd, db, s)
	}
}

func writeJSON(cmd *cobra.Command, v any) error {
	enc := json.NewEncoder(cmd.OutOrStdout())
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
