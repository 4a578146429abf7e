package cli

import (
	"fmt"
	"net"
	"strconv"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/cmd/floor/internal/hubserve"
	"github.com/igf-floor/floor/media/whip"
	"github.com/igf-floor/floor/storage"
)

func (o *options) seatsCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "seats",
		Short: "Invite, list and revoke the session team's seats (online moderator, rapporteur, co-moderator)",
		Long: `The online moderator, the rapporteur and a co-moderator work on the session from
their own machines with a seat: an invite like a hub's (a 256-bit token shown
once and stored as a hash, this Floor's certificate pinned), on the room's one
port. The room stays the only writer of the session's log; a seat's commands
are applied there, with the seat's name, and only what its role allows.`,
		Args: cobra.NoArgs,
	}
	cmd.AddCommand(o.seatsAddCmd(), o.seatsListCmd(), o.seatsRevokeCmd(), o.seatsGiveCmd())
	return cmd
}

func (o *options) seatsAddCmd() *cobra.Command {
	var role string
	var noGive bool
	var f hubFlags
	cmd := &cobra.Command{
		Use:   "add NAME --role online-moderator|rapporteur|co-moderator",
		Short: "Invite a seat and print its invite",
		Args:  exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			r, err := floor.ParseSeatRole(role)
			if err != nil {
				return usageError{err}
			}
			cert, err := o.certificate(&f)
			if err != nil {
				return err
			}
			return o.withDB(cmd, func(db *storage.DB) error {
				s, token, err := app.SeatDirectory{Store: db, Clock: o.env.Clock}.Add(cmd.Context(),
					app.NewSeat{Name: args[0], Role: r, GiveRemote: r == floor.OnlineModerator && !noGive})
				if err != nil {
					return err
				}
				inv := app.Invite{Host: hubserve.AdvertisedHost(f.host), Seat: s.ID, Token: token, Pin: whip.Pin(cert)}
				out := cmd.OutOrStdout()
				fmt.Fprintf(out, "Invited %s as %s (%s).\n", s.Name, s.Role.Words(), s.ID)
				fmt.Fprintf(out, "Seat: floor seat '%s'\n", inv.URL())
				fmt.Fprintln(out, "The token is shown only now; send the invite privately. 'floor seats revoke "+s.ID+"' ends it.")
				if _, port, err := net.SplitHostPort(inv.Host); err == nil && port != strconv.Itoa(hubserve.DefaultPort) {
					// As for a hub's: the room listens on the default port
					// unless told, and this seat would knock in vain.
					fmt.Fprintf(out, "This invite dials port %s: open the room with 'floor moderate SESSION --listen :%s' (or 'floor serve --listen :%s').\n", port, port, port)
				}
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&role, "role", "", "online-moderator, rapporteur or co-moderator")
	cmd.Flags().BoolVar(&noGive, "no-give", false, "an online moderator who may not give the floor to remote requests")
	cmd.Flags().StringVar(&f.host, "host", fmt.Sprintf(":%d", hubserve.DefaultPort), "the address the seat dials, HOST:PORT (default: this machine's address)")
	f.register(cmd)
	return cmd
}

func (o *options) seatsListCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "List the invited seats",
		Args:  exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			return o.withDB(cmd, func(db *storage.DB) error {
				seats, err := db.Seats(cmd.Context())
				if err != nil {
					return err
				}
				if len(seats) == 0 {
					fmt.Fprintln(cmd.OutOrStdout(), "No seats invited. 'floor seats add NAME --role rapporteur' invites one.")
					return nil
				}
				tw := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 0, 2, ' ', 0)
				fmt.Fprintln(tw, "ID\tNAME\tROLE\tINVITED\tSTATE")
				for _, s := range seats {
					state := "active"
					if !s.Active() {
						state = "revoked " + s.Revoked.In(o.env.Local).Format("2006-01-02 15:04")
					}
					role := s.Role.Words()
					if s.Role == floor.OnlineModerator && !s.GiveRemote {
						role += " (may not give the floor)"
					}
					fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", s.ID, s.Name, role, s.Created.In(o.env.Local).Format("2006-01-02 15:04"), state)
				}
				return tw.Flush()
			})
		},
	}
}

func (o *options) seatsRevokeCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "revoke ID",
		Short: "End a seat's invite (a room open now lets it go within a second)",
		Args:  exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return o.withDB(cmd, func(db *storage.DB) error {
				s, err := app.SeatDirectory{Store: db, Clock: o.env.Clock}.Revoke(cmd.Context(), args[0])
				if err != nil {
					return err
				}
				fmt.Fprintf(cmd.OutOrStdout(), "Revoked the seat of %s.\n", s.Name)
				return nil
			})
		},
	}
}

func (o *options) seatsGiveCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "give-remote ID on|off",
		Short: "Let an online moderator's seat give the floor to remote requests, or stop it (at once, even while it follows the room)",
		Args:  exactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			var on bool
			switch args[1] {
			case "on":
				on = true
			case "off":
			default:
				return usageError{fmt.Errorf("give-remote ID on|off, not %q", args[1])}
			}
			return o.withDB(cmd, func(db *storage.DB) error {
				s, err := app.SeatDirectory{Store: db, Clock: o.env.Clock}.SetGiveRemote(cmd.Context(), args[0], on)
				if err != nil {
					return err
				}
				if on {
					fmt.Fprintf(cmd.OutOrStdout(), "%s may give the floor to remote requests.\n", s.Name)
				} else {
					fmt.Fprintf(cmd.OutOrStdout(), "%s may no longer give the floor.\n", s.Name)
				}
				return nil
			})
		},
	}
}
