package app_test

import (
	"context"
	"os"
	"testing"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/assets"
)

// A speaker's sessions across events: Marilia Maciel moderates WS #234 (the
// built-in IGF agenda) and speaks twice at Camp A, spelt two ways; the
// closing session only mentions her name and is not hers.
func TestSessionsWithAPersonAcrossEvents(t *testing.T) {
	ctx := context.Background()
	p := twoCamps(t)
	got, err := p.SessionsWith(ctx, "Marilia Maciel")
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, s := range got {
		titles = append(titles, s.Title)
	}
	want := []string{"Security of digital products: Industry and enhancing trust", "Liability for insecure products", "Security by design, a panel"}
	if len(titles) != len(want) {
		t.Fatalf("sessions with Marilia Maciel: %q", titles)
	}
	for _, w := range want {
		found := false
		for _, g := range titles {
			found = found || g == w
		}
		if !found {
			t.Errorf("%q is not among %q", w, titles)
		}
	}
}

// Two overlapping sessions in My agenda are marked in the list; the third
// is not, and unmarking one clears the other.
func TestClashingFavouritesAreMarked(t *testing.T) {
	ctx := context.Background()
	p := twoCamps(t)
	ids := map[string]int64{}
	for _, r := range p.Rows() {
		if !r.IsDay() {
			ids[r.Session.Title] = r.Session.ID
		}
	}
	for _, title := range []string{"Liability for insecure products", "Security by design, a panel", "Closing"} {
		if _, err := p.ToggleFavourite(ctx, ids[title]); err != nil {
			t.Fatal(err)
		}
	}
	clash := map[string]bool{}
	for _, r := range p.Rows() {
		if r.Clash {
			clash[r.Session.Title] = true
		}
	}
	if !clash["Liability for insecure products"] || !clash["Security by design, a panel"] || clash["Closing"] || len(clash) != 2 {
		t.Fatalf("marked as clashing: %v", clash)
	}
	if _, err := p.ToggleFavourite(ctx, ids["Security by design, a panel"]); err != nil {
		t.Fatal(err)
	}
	if p.Clashes(ids["Liability for insecure products"]) {
		t.Error("still marked after the other left My agenda")
	}
}

func twoCamps(t *testing.T) *app.Participant {
	t.Helper()
	ctx := context.Background()
	im, _ := newImporter(t)
	if _, err := im.ImportBytes(ctx, "seed", assets.BuiltInAgenda()); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile("testdata/two-camps.xml")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := im.ImportBytes(ctx, "two-camps.xml", data); err != nil {
		t.Fatal(err)
	}
	p := app.NewParticipant(im.Store, now, nil)
	if err := p.Load(ctx); err != nil {
		t.Fatal(err)
	}
	return p
}
