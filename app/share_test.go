package app_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/agenda"
)

func TestShareLinkCarriesTheKeysAndNothingElse(t *testing.T) {
	keys := []agenda.Key{{Source: "igf", GUID: "igf-2020-ws-234"}, {Source: "frab:camp-a", GUID: "6a1e7a2c-0001-4b5e-9d1c-000000000002"}}
	link, err := app.ShareLink(keys)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(link, "floor://agenda/?") || strings.Contains(link, "ws-234") {
		t.Errorf("link %q", link)
	}
	got, err := app.ReadShareLink("  " + link + "\n")
	if err != nil || len(got) != 2 || got[0] != keys[0] || got[1] != keys[1] {
		t.Fatalf("read back %v, %v", got, err)
	}
	empty, _ := app.ShareLink(nil)
	if got, err := app.ReadShareLink(empty); err != nil || len(got) != 0 {
		t.Fatalf("an empty agenda read back as %v, %v", got, err)
	}
}

// Fifty favourites with pretalx-style UUIDs fit one QR code (2 953 bytes at
// the lowest correction level).
func TestFiftySessionsFitAQRCode(t *testing.T) {
	var keys []agenda.Key
	for i := range 50 {
		keys = append(keys, agenda.Key{Source: "frab:fosdem2026", GUID: strings.Repeat(string(rune('a'+i%26)), 8) + "-91c2-4f0e-b1d7-" + strings.Repeat("0", 10) + string(rune('a'+i/26))})
	}
	link, err := app.ShareLink(keys)
	if err != nil {
		t.Fatal(err)
	}
	if len(link) > 2953 {
		t.Errorf("a link of %d bytes", len(link))
	}
}

func TestHostileShareLinksAreRefused(t *testing.T) {
	for name, link := range map[string]string{
		"https":      "https://agenda/?v=1&k=AAAA",
		"other host": "floor://hub.example:8443/?seat=s1",
		"version":    "floor://agenda/?v=9&k=AAAA",
		"not base64": "floor://agenda/?v=1&k=%%%",
		"not flate":  "floor://agenda/?v=1&k=aGVsbG8",
	} {
		if _, err := app.ReadShareLink(link); !errors.Is(err, app.ErrNotAShare) {
			t.Errorf("%s: %v", name, err)
		}
	}
	if _, err := app.ShareLink([]agenda.Key{{Source: "igf", GUID: "a\tb"}}); err == nil {
		t.Error("a key with a tab was written")
	}
	if _, err := app.ShareLink([]agenda.Key{{Source: "igf", GUID: "\u202egnp.exe"}}); err == nil {
		t.Error("a key with a direction override was written")
	}
}

func FuzzReadShareLink(f *testing.F) {
	good, _ := app.ShareLink([]agenda.Key{{Source: "igf", GUID: "igf-2020-ws-234"}})
	f.Add(good)
	f.Add("floor://agenda/?v=1&k=")
	f.Fuzz(func(t *testing.T, link string) {
		keys, err := app.ReadShareLink(link)
		if err != nil {
			return
		}
		if len(keys) > app.MaxSharedKeys {
			t.Fatalf("%d keys", len(keys))
		}
		again, err := app.ShareLink(keys)
		if err != nil {
			t.Fatalf("keys read from a link cannot be written again: %v", err)
		}
		if back, err := app.ReadShareLink(again); err != nil || len(back) != len(keys) {
			t.Fatalf("round trip: %v, %v", back, err)
		}
	})
}

// Ana shares My agenda; Ben's Floor, which has the IGF agenda but not Camp
// A, takes it in: the IGF session is in his My agenda at once, the Camp A
// ones are kept and appear when he imports Camp A.
func TestSharedAgendaTravelsToAnotherFloor(t *testing.T) {
	ctx := context.Background()
	ana := twoCamps(t)
	for _, r := range ana.Rows() {
		if !r.IsDay() && (r.Session.Number == "WS #234" || r.Session.Title == "Closing") {
			if _, err := ana.ToggleFavourite(ctx, r.Session.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	link, n, err := ana.ShareMyAgenda(ctx)
	if err != nil || n != 2 {
		t.Fatalf("share: %d sessions, %v", n, err)
	}
	ben := newParticipant(t, "UTC") // the IGF agenda only
	got, err := ben.ImportShared(ctx, link)
	if err != nil {
		t.Fatal(err)
	}
	if got != (app.SharedImport{Sessions: 2, Added: 2, Unknown: 1}) {
		t.Fatalf("import: %+v", got)
	}
	if err := ben.SetFavouritesOnly(ctx, true); err != nil {
		t.Fatal(err)
	}
	if ben.SessionCount() != 1 || ben.Rows()[1].Session.Number != "WS #234" {
		t.Fatalf("Ben's My agenda: %s", rowsText(ben))
	}
	if again, _ := ben.ImportShared(ctx, link); again.Added != 0 {
		t.Errorf("the same link twice added %d", again.Added)
	}
}
