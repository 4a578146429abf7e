package cli

import (
	"crypto/tls"
	"fmt"
	"net"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/cmd/floor/internal/hubserve"
	"github.com/igf-floor/floor/media/whip"
	"github.com/igf-floor/floor/storage"
)

// hubFlags are the certificate and address flags hubs and serve share.
type hubFlags struct {
	cert, key string
	host      string
}

func (f *hubFlags) register(cmd *cobra.Command) {
	cmd.Flags().StringVar(&f.cert, "cert", "", "your own certificate (PEM) instead of Floor's self-signed one")
	cmd.Flags().StringVar(&f.key, "key", "", "the key (PEM) for --cert")
}

// certificate is the user's, or Floor's own kept beside the database.
func (o *options) certificate(f *hubFlags) (tls.Certificate, error) {
	if (f.cert == "") != (f.key == "") {
		return tls.Certificate{}, usageError{fmt.Errorf("--cert and --key go together")}
	}
	if f.cert != "" {
		return whip.LoadCertificate(f.cert, f.key)
	}
	path, err := o.path()
	if err != nil {
		return tls.Certificate{}, err
	}
	return whip.LoadOrCreateCertificate(filepath.Dir(path), o.env.Clock.Now())
}

func (o *options) hubsCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "hubs",
		Short: "Invite, list and revoke remote hubs",
		Long: `Remote hubs join the session with an invite: a floor:// link for the desktop hub
and an https link for a browser. Each invite carries a 256-bit token that is
shown once and stored only as a hash, and the SHA-256 of this Floor's
certificate, so the hub cannot be fooled by a machine in between.`,
		Args: cobra.NoArgs,
	}
	cmd.AddCommand(o.hubsAddCmd(), o.hubsListCmd(), o.hubsRevokeCmd(), o.hubsAuditCmd())
	return cmd
}

func (o *options) hubsAddCmd() *cobra.Command {
	var n app.NewHub
	var f hubFlags
	cmd := &cobra.Command{
		Use:   "add NAME",
		Short: "Invite a hub and print its invite",
		Args:  exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			n.Name = args[0]
			cert, err := o.certificate(&f)
			if err != nil {
				return err
			}
			return o.withDB(cmd, func(db *storage.DB) error {
				h, token, err := app.HubDirectory{Store: db, Clock: o.env.Clock}.Add(cmd.Context(), n)
				if err != nil {
					return err
				}
				inv := app.Invite{Host: hubserve.AdvertisedHost(f.host), Hub: h.ID, Token: token, Pin: whip.Pin(cert)}
				out := cmd.OutOrStdout()
				fmt.Fprintf(out, "Invited %s (%s).\n", h.Name, h.ID)
				fmt.Fprintf(out, "Desktop hub:  floor hub '%s' --request-floor\n", inv.URL())
				fmt.Fprintf(out, "Browser link: %s\n", inv.BrowserURL())
				fmt.Fprintln(out, "The token is shown only now; send the invite privately. 'floor hubs revoke "+h.ID+"' ends it.")
				if _, port, err := net.SplitHostPort(inv.Host); err == nil && port != strconv.Itoa(hubserve.DefaultPort) {
					// The console listens on the default port unless told: an
					// invite for another can never reach it otherwise.
					fmt.Fprintf(out, "This invite dials port %s: open the room with 'floor moderate SESSION --listen :%s' (or 'floor serve --listen :%s').\n", port, port, port)
				}
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&n.City, "city", "", "the hub's city")
	cmd.Flags().StringVar(&n.Group, "group", "", "stakeholder group: Government, Private Sector, Civil Society, Technical Community, Intergovernmental")
	cmd.Flags().StringVar(&n.Region, "region", "", "UN regional group: African, Asia-Pacific, Eastern European, GRULAC, WEOG")
	cmd.Flags().StringVar(&f.host, "host", fmt.Sprintf(":%d", hubserve.DefaultPort), "the address hubs dial, HOST:PORT (default: this machine's address)")
	f.register(cmd)
	return cmd
}

func (o *options) hubsListCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "List invited hubs",
		Args:  exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			return o.withDB(cmd, func(db *storage.DB) error {
				hubs, err := db.Hubs(cmd.Context())
				if err != nil {
					return err
				}
				if len(hubs) == 0 {
					fmt.Fprintln(cmd.OutOrStdout(), "No hubs invited. 'floor hubs add NAME' invites one.")
					return nil
				}
				tw := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 0, 2, ' ', 0)
				fmt.Fprintln(tw, "ID\tNAME\tCITY\tGROUP\tREGION\tINVITED\tSTATE")
				for _, h := range hubs {
					state := "active"
					if !h.Active() {
						state = "revoked " + h.Revoked.In(o.env.Local).Format("2006-01-02 15:04")
					}
					fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", h.ID, h.Name, dash(h.City), dash(h.Group), dash(h.Region),
						h.Created.In(o.env.Local).Format("2006-01-02 15:04"), state)
				}
				return tw.Flush()
			})
		},
	}
}

func (o *options) hubsRevokeCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "revoke ID",
		Short: "End a hub's invite at once (a connected hub is cut off within seconds)",
		Args:  exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return o.withDB(cmd, func(db *storage.DB) error {
				h, err := app.HubDirectory{Store: db, Clock: o.env.Clock}.Revoke(cmd.Context(), args[0])
				if err != nil {
					return err
				}
				fmt.Fprintf(cmd.OutOrStdout(), "Revoked %s (%s): its token no longer works.\n", h.Name, h.ID)
				return nil
			})
		},
	}
}

func (o *options) hubsAuditCmd() *cobra.Command {
	var limit int
	cmd := &cobra.Command{
		Use:   "audit",
		Short: "Show the hubs' security record: failed logins, joins, leaves, revocations",
		Args:  exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			return o.withDB(cmd, func(db *storage.DB) error {
				events, err := db.Audit(cmd.Context(), limit)
				if err != nil {
					return err
				}
				for _, e := range events {
					fmt.Fprintln(cmd.OutOrStdout(), auditLine(e, o))
				}
				return nil
			})
		},
	}
	cmd.Flags().IntVar(&limit, "last", 50, "how many lines")
	return cmd
}

func auditLine(e floor.AuditEvent, o *options) string {
	parts := []string{e.At.In(o.env.Local).Format("2006-01-02 15:04:05"), e.Kind}
	for _, p := range []string{e.Hub, e.Remote, e.Detail} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, "  ")
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// withDB opens the database (seeded) for one command.
func (o *options) withDB(cmd *cobra.Command, run func(*storage.DB) error) error {
	db, _, err := o.open(cmd.Context(), true)
	if err != nil {
		return err
	}
	defer db.Close()
	return run(db)
}
