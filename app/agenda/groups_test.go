package agenda

import (
	"os/exec"
	"strings"
	"testing"
	"time"
)

func TestParseRegionSpellings(t *testing.T) {
	for in, want := range map[string]Region{
		"African Group":                               RegionAfrican,
		"Asia Pacific Group":                          RegionAsiaPacific,
		"Asia-Pacific Group":                          RegionAsiaPacific,
		"Eastern European Group":                      RegionEasternEuropean,
		"Latin American and Caribbean Group (GRULAC)": RegionGRULAC,
		"GRULAC": RegionGRULAC,
		"Western European and Others Group (WEOG)": RegionWEOG,
		"weog":                           RegionWEOG,
		"Intergovernmental Organization": RegionIntergovernmental,
	} {
		got, err := ParseRegion(in)
		if err != nil || got != want {
			t.Errorf("ParseRegion(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "Kaspersky", "Europe", "(WEOG"} {
		if r, err := ParseRegion(bad); err == nil {
			t.Errorf("ParseRegion(%q) = %v, want an error", bad, r)
		}
	}
	for _, r := range AllRegions() {
		if got, err := ParseRegion(r.String()); err != nil || got != r {
			t.Errorf("round trip of %v gave %v, %v", r, got, err)
		}
		if got, err := ParseRegion(r.Short()); err != nil || got != r {
			t.Errorf("round trip of short %q gave %v, %v", r.Short(), got, err)
		}
	}
}

func TestParseGroupSpellings(t *testing.T) {
	for in, want := range map[string]StakeholderGroup{
		"Government": GroupGovernment, "Private Sector": GroupPrivateSector, "private-sector": GroupPrivateSector,
		"Civil Society": GroupCivilSociety, "Technical Community": GroupTechnicalCommunity,
		"Intergovernmental Organisation": GroupIntergovernmental,
	} {
		if got, err := ParseGroup(in); err != nil || got != want {
			t.Errorf("ParseGroup(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	if _, err := ParseGroup("DiploFoundation"); err == nil {
		t.Error("an organisation parsed as a stakeholder group")
	}
	for _, g := range AllGroups() {
		if got, _ := ParseGroup(g.String()); got != g {
			t.Errorf("round trip of %v gave %v", g, got)
		}
	}
	for _, r := range AllRoles() {
		if got, _ := ParseRole(r.String()); got != r {
			t.Errorf("round trip of role %v gave %v", r, got)
		}
	}
}

func TestCheckText(t *testing.T) {
	if err := CheckText([]byte("\uFEFFok – ’ü\ttab\r\n")); err != nil {
		t.Errorf("clean text rejected: %v", err)
	}
	for in, want := range map[string]string{
		"a\nb\n\x00":      "line 3: control character U+0000",
		"\u0085":          "control character U+0085",
		"x\u2067y":        "bidirectional override U+2067",
		"a\n\xc3":         "line 2: invalid UTF-8",
		"mid \uFEFF mark": "byte-order mark",
	} {
		err := CheckText([]byte(in))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("CheckText(%q) = %v, want %q", in, err, want)
		}
	}
}

func TestMergeKeepsWhatANewPageOmits(t *testing.T) {
	start := time.Date(2020, 11, 11, 11, 20, 0, 0, time.UTC)
	prev := Session{Title: "Old", Start: start, End: start.Add(time.Hour), Room: "Room 3", PolicyQuestions: []string{"q"}}
	next, kept := Merge(prev, Session{Title: "New", Room: "Room 4"})
	if next.Title != "New" || next.Room != "Room 4" || !next.Start.Equal(start) || len(next.PolicyQuestions) != 1 {
		t.Errorf("merged = %+v", next)
	}
	if len(kept) != 2 || kept[0] != (Kept{"time", KeptNotGiven}) || kept[1] != (Kept{"policy questions", KeptNotGiven}) {
		t.Errorf("kept = %q", kept)
	}
}

// Domain packages stay pure: no Fyne, Pion or SQLite below app/agenda, nor
// in the timer, the floor, or the hubs' control protocol.
func TestDomainImportsNoFrameworks(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "./...", "../timer", "../floor", "../control").CombinedOutput()
	if err != nil {
		t.Skipf("go list: %v\n%s", err, out)
	}
	for _, dep := range strings.Fields(string(out)) {
		// database/sql/driver is allowed: github.com/google/uuid implements
		// its interfaces without opening anything.
		for _, banned := range []string{"fyne.io/", "github.com/pion/", "modernc.org/", "github.com/igf-floor/floor/storage", "github.com/igf-floor/floor/media"} {
			if strings.HasPrefix(dep, banned) {
				t.Errorf("a domain package depends on %s", dep)
			}
		}
	}
}
