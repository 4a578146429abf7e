package cli

import (
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/qr"
	"github.com/igf-floor/floor/storage"
)

func (o *options) shareCmd() *cobra.Command {
	var qrFile string
	cmd := &cobra.Command{
		Use:   "share",
		Short: "Print My agenda as a floor://agenda link (and its QR code) that another Floor adds with 'floor share add'",
		Long: `Print My agenda as a floor://agenda link: the sessions' keys and nothing else
(no name, no account). Another Floor adds them to its own My agenda with
'floor share add LINK'; sessions of schedules it has not imported yet join
its My agenda when it imports them.`,
		Args: exactArgs(0),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return o.withDB(cmd, func(db *storage.DB) error {
				p := app.NewParticipant(db, o.env.Clock, o.env.Local)
				link, n, err := p.ShareMyAgenda(cmd.Context())
				if err != nil {
					return err
				}
				out := cmd.OutOrStdout()
				fmt.Fprintf(out, "My agenda: %s\n%s\n", plural(n, "session"), link)
				if qrFile == "" {
					return nil
				}
				png, err := qr.PNG(link, 512)
				if err != nil {
					return fmt.Errorf("%w: send the link instead", err)
				}
				if err := os.WriteFile(qrFile, png, 0o644); err != nil {
					return fmt.Errorf("write the QR code: %w", err)
				}
				fmt.Fprintf(out, "QR code written to %s\n", qrFile)
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&qrFile, "qr", "", "also write the link's QR code to this PNG file")
	var picture string
	add := &cobra.Command{
		Use:   "add LINK | add --picture FILE",
		Short: "Add a shared My agenda's sessions to this one, from its link or a picture of its QR code",
		Args: func(cmd *cobra.Command, args []string) error {
			if picture != "" {
				return exactArgs(0)(cmd, args)
			}
			return exactArgs(1)(cmd, args)
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			link := ""
			if picture != "" {
				data, err := readBounded(picture, qr.MaxPictureBytes)
				if err != nil {
					return err
				}
				if link, err = qr.ReadPicture(data); err != nil {
					return fmt.Errorf("%s: %w", picture, err)
				}
			} else {
				link = args[0]
			}
			return o.withDB(cmd, func(db *storage.DB) error {
				p := app.NewParticipant(db, o.env.Clock, o.env.Local)
				got, err := p.ImportShared(cmd.Context(), link)
				if err != nil {
					return err
				}
				fmt.Fprintf(cmd.OutOrStdout(), "%d of its %d sessions added to My agenda.\n", got.Added, got.Sessions)
				if got.Unknown > 0 {
					fmt.Fprintf(cmd.OutOrStdout(), "%d are of schedules this Floor has not imported: they join My agenda when you import them.\n", got.Unknown)
				}
				return nil
			})
		},
	}
	add.Flags().StringVar(&picture, "picture", "", "a PNG or JPEG picture of the QR code (a saved code, a screenshot, a photo)")
	cmd.AddCommand(add)
	return cmd
}

// readBounded reads a file of at most limit bytes, refusing a larger one.
func readBounded(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("read %s: more than %d MB: not a picture of a QR code", path, limit>>20)
	}
	return data, nil
}
