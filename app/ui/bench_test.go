package ui

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/assets"
	"github.com/igf-floor/floor/storage"
)

// BenchmarkDetailLayout lays out the reference session's detail pane at a
// new width each time, as a window resize or a newly selected session does.
func BenchmarkDetailLayout(b *testing.B) {
	test.NewTempApp(b)
	ctx := context.Background()
	db, err := storage.Open(ctx, filepath.Join(b.TempDir(), "floor.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	im := app.Importer{Store: db, Clock: app.SystemClock{}}
	if _, err := im.ImportBytes(ctx, "seed", assets.BuiltInAgenda()); err != nil {
		b.Fatal(err)
	}
	p := app.NewParticipant(db, app.SystemClock{}, time.UTC)
	p.Load(ctx)
	d, err := p.Detail(ctx, p.Rows()[1].Session.ID)
	if err != nil {
		b.Fatal(err)
	}
	rt := widget.NewRichText(detailSegments(d, nil)...)
	rt.Wrapping = fyne.TextWrapWord
	w := test.NewWindow(rt)
	defer w.Close()
	width := float32(600)
	for b.Loop() {
		width = 1300 - width // alternate 600 and 700
		rt.Resize(fyne.NewSize(width, 4000))
		rt.Refresh()
		_ = rt.MinSize()
	}
}
