package app_test

import (
	"context"
	"strings"
	"testing"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/agenda"
	"github.com/igf-floor/floor/assets"
)

// The IGF site's page of WS #234 names no organiser (group and region only)
// and no moderator, online moderator or rapporteur.
const sitePage = "agenda/igf/testdata/igf-2020-ws234-site.txt"

func roleNames(s agenda.Session, r agenda.Role) string {
	var ns []string
	for _, p := range s.PeopleWith(r) {
		ns = append(ns, p.DisplayName())
	}
	return strings.Join(ns, "; ")
}

// Issue 17: a second page of a known session completes it and never erases
// what the first page said.
func TestSecondIGFPageOfASessionKeepsWhatTheFirstSaid(t *testing.T) {
	ctx := context.Background()
	im, db := newImporter(t)
	if _, err := app.EnsureBuiltInAgenda(ctx, im, assets.BuiltInAgendaName, assets.BuiltInAgenda()); err != nil {
		t.Fatal(err)
	}
	before, err := db.FindSession(ctx, "WS #234")
	if err != nil {
		t.Fatal(err)
	}
	res, err := im.ImportFile(ctx, sitePage)
	if err != nil {
		t.Fatal(err)
	}
	if res.Saved.Added != 0 || res.Saved.Updated != 1 {
		t.Fatalf("saved = %+v", res.Saved)
	}
	s, err := db.FindSession(ctx, "WS #234")
	if err != nil {
		t.Fatal(err)
	}
	if s.ID != before.ID {
		t.Errorf("the session changed id: %d → %d", before.ID, s.ID)
	}
	// A name beats "(name not given)": the organisers keep their names and
	// gain the groups and regions the site gives.
	if got, want := roleNames(s, agenda.RoleOrganiser), "Jonas Grätz-Hoffmann; Anastasiya Kazakova; Vladimir Radunovic; Marilia Maciel; Virginia (Ginger) Paque"; got != want {
		t.Errorf("organisers = %q, want %q", got, want)
	}
	if org := s.PeopleWith(agenda.RoleOrganiser); len(org) == 5 {
		if org[0].Affiliation != "FDFA Switzerland" || org[0].Group != agenda.GroupGovernment || org[0].Region != agenda.RegionWEOG {
			t.Errorf("first organiser = %+v", org[0])
		}
	}
	// Roles the site does not mention are kept.
	for r, want := range map[agenda.Role]string{
		agenda.RoleModerator:       "Marilia Maciel",
		agenda.RoleOnlineModerator: "Virginia (Ginger) Paque",
		agenda.RoleRapporteur:      "Vladimir Radunovic",
	} {
		if got := roleNames(s, r); got != want {
			t.Errorf("%s = %q, want %q", r, got, want)
		}
	}
	// The site's speaker list (its order, David Koh's group) is the newer word.
	if got, want := roleNames(s, agenda.RoleSpeaker), "Jon Albert Fanzun; Barrack Otieno; Anastasiya Kazakova; Sebastian Stranieri; David Koh"; got != want {
		t.Errorf("speakers = %q, want %q", got, want)
	}
	if sp := s.PeopleWith(agenda.RoleSpeaker); len(sp) == 5 && (sp[4].Group != agenda.GroupGovernment || !strings.HasPrefix(sp[4].Affiliation, "Chief Executive")) {
		t.Errorf("David Koh = %+v", sp[4])
	}
	// Fields the site leaves empty keep the old value; what it gives replaces.
	if s.Description != before.Description || s.Issues != before.Issues || s.ExpectedOutcomes != before.ExpectedOutcomes ||
		len(s.SDGs) != len(before.SDGs) || s.OnlineFormat != before.OnlineFormat {
		t.Errorf("a field the site leaves empty was not kept: %+v", s)
	}
	if strings.Contains(s.Description, "About this Session") || !strings.HasPrefix(s.Abstract, "Building on the Geneva Dialogue on Responsible Behavior in Cyberspace - a project") {
		t.Errorf("abstract %q / description starts %q", s.Abstract, s.Description[:min(80, len(s.Description))])
	}
	if s.Room != "Room 3" || app.FormatStart(s) != "2020-11-11 11:20 UTC" {
		t.Errorf("room %q start %q", s.Room, app.FormatStart(s))
	}
	// The import says what it kept and why.
	var notes []string
	for _, w := range res.Report.Warnings {
		notes = append(notes, w.Text)
	}
	all := strings.Join(notes, "\n")
	for _, want := range []string{
		"IGF 2020 WS #234: kept the names of 5 organisers from the earlier import (this page gives them without names, and a name beats \"(name not given)\")",
		"IGF 2020 WS #234: kept moderator, online moderator, rapporteur from the earlier import (this page does not mention them)",
		"kept online format, description, issues, expected outcomes, SDGs",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("notes do not say %q:\n%s", want, all)
		}
	}
	// Each change is a field-level change record.
	changes, err := db.SessionChanges(ctx, s.Source, s.GUID)
	if err != nil {
		t.Fatal(err)
	}
	if len(changes) != 1 || changes[0].Change.Field != "people" ||
		!strings.Contains(changes[0].Change.New, "Jonas Grätz-Hoffmann") || strings.Contains(changes[0].Change.New, "(name not given)") {
		t.Errorf("changes = %+v", changes)
	}

	// The built-in page again: the organisers keep the site's groups, the
	// speakers go back to its order, nothing is lost either way.
	if _, err := im.ImportBytes(ctx, assets.BuiltInAgendaName, assets.BuiltInAgenda()); err != nil {
		t.Fatal(err)
	}
	again, _ := db.FindSession(ctx, "WS #234")
	if org := again.PeopleWith(agenda.RoleOrganiser); len(org) != 5 || org[0].Name != "Jonas Grätz-Hoffmann" || org[0].Group != agenda.GroupGovernment {
		t.Errorf("organisers after the built-in page again = %+v", org)
	}
	if n := len(again.People); n != 13 {
		t.Errorf("%d people after both pages twice, want 13: %+v", n, again.People)
	}
}

// In the other order — the site's page first, then the built-in one — the
// named organisers replace the nameless ones, one for one.
func TestNamedPageReplacesNamelessOrganisersOneForOne(t *testing.T) {
	ctx := context.Background()
	im, db := newImporter(t)
	if _, err := im.ImportFile(ctx, sitePage); err != nil {
		t.Fatal(err)
	}
	if _, err := im.ImportBytes(ctx, assets.BuiltInAgendaName, assets.BuiltInAgenda()); err != nil {
		t.Fatal(err)
	}
	s, _ := db.FindSession(ctx, "WS #234")
	org := s.PeopleWith(agenda.RoleOrganiser)
	if len(org) != 5 || org[2].Name != "Vladimir Radunovic" || org[2].Group != agenda.GroupCivilSociety || org[2].Region != agenda.RegionEasternEuropean {
		t.Errorf("organisers = %+v", org)
	}
}
