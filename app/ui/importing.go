package ui

import (
	"context"
	"errors"
	"fmt"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	fynestorage "fyne.io/fyne/v2/storage"

	"github.com/igf-floor/floor/app"
)

// AgendaImporter imports agenda documents; app.Importer is one.
type AgendaImporter interface {
	ImportReader(ctx context.Context, name string, r io.Reader) (app.ImportResult, error)
}

// EnableImport adds "Import…" to the view and accepts agenda files dropped
// on the window. A file is imported whole or not at all; a refusal is shown
// in a dialog that names the file and line.
func (v *ParticipantView) EnableImport(im AgendaImporter, w fyne.Window) {
	v.importer, v.window = im, w
	v.ImportButton.Show()
	w.SetOnDropped(func(_ fyne.Position, uris []fyne.URI) {
		for _, u := range uris {
			v.importURI(u)
		}
	})
}

func (v *ParticipantView) showImportDialog() {
	if v.importer == nil {
		return
	}
	dialog.ShowFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil {
			dialog.ShowError(err, v.window)
			return
		}
		if rc == nil {
			return // cancelled
		}
		defer rc.Close()
		v.importFrom(rc.URI().Name(), rc)
	}, v.window)
}

func (v *ParticipantView) importURI(u fyne.URI) {
	if u.Scheme() != "file" {
		dialog.ShowError(errors.New(tr("import {{.Name}}: only local files can be dropped here", "Name", u.Name())), v.window)
		return
	}
	rc, err := storageReader(u)
	if err != nil {
		dialog.ShowError(fmt.Errorf("%s: %w", tr("import {{.Name}}", "Name", u.Name()), err), v.window)
		return
	}
	defer rc.Close()
	v.importFrom(u.Name(), rc)
}

// importFrom imports one document and shows what happened.
func (v *ParticipantView) importFrom(name string, r io.Reader) {
	res, err := v.importer.ImportReader(v.ctx, name, r)
	if err != nil {
		dialog.ShowError(err, v.window)
		return
	}
	v.do(v.p.Load(v.ctx))
	msg := tr("Imported {{.Name}}: {{.Added}} added, {{.Updated}} updated", "Name", name, "Added", res.Saved.Added, "Updated", res.Saved.Updated)
	if n := res.Saved.Unchanged; n > 0 {
		msg += tr(", {{.Count}} unchanged", "Count", n)
	}
	if n := len(res.Report.Warnings); n > 0 {
		msg += " " + tr("({{.N}} notes; 'floor import' lists them)", "N", n)
	}
	v.Status.SetText(msg)
}

func storageReader(u fyne.URI) (fyne.URIReadCloser, error) { return fynestorage.Reader(u) }
