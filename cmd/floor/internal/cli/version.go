package cli

import (
	"fmt"
	"runtime/debug"

	cdx "github.com/CycloneDX/cyclonedx-go"
	"github.com/spf13/cobra"

	"github.com/igf-floor/floor/storage"
)

func (o *options) versionCmd() *cobra.Command {
	var sbom bool
	cmd := &cobra.Command{
		Use:   "version [--sbom]",
		Short: "Print Floor's version and build, or its software bill of materials",
		Long: `Print the version, the commit it was built from and the Go toolchain. With
--sbom, print a CycloneDX 1.5 JSON bill of materials of this very binary: every
Go module linked into it, with its version and Go's module checksum, as Go
recorded them at build time.`,
		Args: exactArgs(0),
		RunE: func(cmd *cobra.Command, _ []string) error {
			info, ok := debug.ReadBuildInfo()
			if !ok {
				return fmt.Errorf("this binary carries no build information")
			}
			if sbom {
				return writeSBOM(cmd, info, o.env.Version)
			}
			fmt.Fprint(cmd.OutOrStdout(), VersionText(o.env.Version, info))
			return nil
		},
	}
	cmd.Flags().BoolVar(&sbom, "sbom", false, "print a CycloneDX bill of materials (JSON)")
	return cmd
}

// writeSBOM describes the binary's modules as CycloneDX; cyclonedx-go is the
// format's own Go library, so the output follows the schema.
func writeSBOM(cmd *cobra.Command, info *debug.BuildInfo, version string) error {
	bom := cdx.NewBOM()
	bom.SpecVersion = cdx.SpecVersion1_5
	bom.Metadata = &cdx.Metadata{Component: &cdx.Component{
		Type: cdx.ComponentTypeApplication, Name: "floor", Version: version,
		BOMRef: "pkg:golang/" + info.Main.Path + "@" + version, PackageURL: "pkg:golang/" + info.Main.Path + "@" + version,
	}}
	var comps []cdx.Component
	for _, d := range info.Deps {
		m := d
		if d.Replace != nil {
			m = d.Replace
		}
		purl := "pkg:golang/" + m.Path + "@" + m.Version
		c := cdx.Component{Type: cdx.ComponentTypeLibrary, Name: m.Path, Version: m.Version, BOMRef: purl, PackageURL: purl}
		if m.Sum != "" {
			// Go's h1: sum hashes the module's file tree, not one file, so it is
			// a property rather than a CycloneDX hash.
			c.Properties = &[]cdx.Property{{Name: "golang:module-sum", Value: m.Sum}}
		}
		comps = append(comps, c)
	}
	bom.Components = &comps
	enc := cdx.NewBOMEncoder(cmd.OutOrStdout(), cdx.BOMFileFormatJSON)
	enc.SetPretty(true)
	return enc.Encode(bom)
}

func (o *options) backupCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "backup FILE",
		Short: "Write a checked copy of the database to FILE (SQLite VACUUM INTO)",
		Long: `Write a consistent copy of Floor's database — agenda, favourites, moderation
logs, hubs, recordings list — to FILE, while Floor may be running, and check
the copy. FILE must not exist. To restore, use the copy with --db FILE.`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return o.withDB(cmd, func(db *storage.DB) error {
				if err := db.Backup(cmd.Context(), args[0]); err != nil {
					return err
				}
				fmt.Fprintf(cmd.OutOrStdout(), "Backed up to %s (checked).\n", args[0])
				return nil
			})
		},
	}
}

// VersionText is the version, the commit and the toolchain, as `floor
// version` prints them and the window's About shows them.
func VersionText(version string, info *debug.BuildInfo) string {
	text := "Floor " + version + "\n"
	if info == nil {
		return text
	}
	rev, at, dirty := "", "", ""
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			at = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = " (with uncommitted changes)"
			}
		}
	}
	if rev != "" {
		text += fmt.Sprintf("commit %s %s%s\n", rev, at, dirty)
	}
	return text + fmt.Sprintf("built with %s, %d modules\n", info.GoVersion, len(info.Deps))
}
