package app_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/assets"
)

func newParticipant(t *testing.T, local string) *app.Participant {
	t.Helper()
	ctx := context.Background()
	im, _ := newImporter(t)
	if _, err := im.ImportBytes(ctx, "seed", assets.BuiltInAgenda()); err != nil {
		t.Fatal(err)
	}
	if _, err := im.ImportFile(ctx, "agenda/igf/testdata/igf-2020-of-variant.txt"); err != nil {
		t.Fatal(err)
	}
	loc, err := time.LoadLocation(local)
	if err != nil {
		t.Fatal(err)
	}
	p := app.NewParticipant(im.Store, now, loc)
	if err := p.Load(ctx); err != nil {
		t.Fatal(err)
	}
	return p
}

func rowsText(p *app.Participant) string {
	var b strings.Builder
	for _, r := range p.Rows() {
		if r.IsDay() {
			b.WriteString("# " + r.Day + "\n")
			continue
		}
		star := " "
		if r.Favourite {
			star = "★"
		}
		b.WriteString(star + " " + r.When + " | " + r.EventWhen + " | " + r.Session.Number + "\n")
	}
	return b.String()
}

func TestParticipantZones(t *testing.T) {
	p := newParticipant(t, "Asia/Tokyo")
	want := "# Wednesday 11 November 2020\n  11:20–12:20 UTC |  | WS #234\n  11:20–12:20 UTC |  | OF #12\n"
	if got := rowsText(p); got != want {
		t.Errorf("event time:\n%s\nwant\n%s", got, want)
	}
	p.SetZone(app.ZoneChoice{Mode: app.ZoneLocal})
	want = "# Wednesday 11 November 2020\n  20:20–21:20 JST | 11:20–12:20 UTC | WS #234\n  20:20–21:20 JST | 11:20–12:20 UTC | OF #12\n"
	if got := rowsText(p); got != want {
		t.Errorf("local time:\n%s\nwant\n%s", got, want)
	}
	z, err := app.NamedZone("Pacific/Auckland")
	if err != nil {
		t.Fatal(err)
	}
	p.SetZone(z)
	if got := rowsText(p); !strings.HasPrefix(got, "# Thursday 12 November 2020\n  00:20–01:20 NZDT | 11:20–12:20 UTC") {
		t.Errorf("Auckland: the day must follow the viewer's zone:\n%s", got)
	}
	if _, err := app.NamedZone("Mars/Olympus"); err == nil {
		t.Error("an unknown zone was accepted")
	}
}

func TestParticipantSearchAndFavourites(t *testing.T) {
	ctx := context.Background()
	p := newParticipant(t, "UTC")
	if p.Status() != "2 sessions" {
		t.Errorf("status %q", p.Status())
	}
	if err := p.SetSearch(ctx, "otieno"); err != nil {
		t.Fatal(err)
	}
	if p.SessionCount() != 1 || p.Rows()[1].Session.Number != "WS #234" {
		t.Fatalf("search otieno: %s", rowsText(p))
	}
	p.SetSearch(ctx, "zzz")
	if p.Status() != "No session matches “zzz”" {
		t.Errorf("status %q", p.Status())
	}
	p.SetSearch(ctx, "")
	p.SetFavouritesOnly(ctx, true)
	if p.SessionCount() != 0 || !strings.HasPrefix(p.Status(), "My agenda is empty") {
		t.Errorf("favourites: %d, %q", p.SessionCount(), p.Status())
	}
	p.SetFavouritesOnly(ctx, false)
	id := p.Rows()[1].Session.ID
	if on, err := p.ToggleFavourite(ctx, id); err != nil || !on {
		t.Fatalf("toggle = %v, %v", on, err)
	}
	p.SetFavouritesOnly(ctx, true)
	if p.SessionCount() != 1 || !p.Rows()[1].Favourite {
		t.Errorf("my agenda: %s", rowsText(p))
	}
	d, err := p.Detail(ctx, id)
	if err != nil || !d.Favourite || d.Event.Title != "IGF 2020" || app.Length(d.Session) != "60 min online (planned 90 min)" {
		t.Errorf("detail = %+v, %v", d, err)
	}
	if d.When != "Wednesday 11 November 2020, 11:20–12:20 UTC" || d.EventWhen != "" {
		t.Errorf("when %q event %q", d.When, d.EventWhen)
	}
}
