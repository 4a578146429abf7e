package igf

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/igf-floor/floor/app/agenda"
)

func readFixture(t testing.TB) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "igf-2020-ws234.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// The copy in testdata must stay the shared fixture, byte for byte.
func TestFixtureIsTheSharedOne(t *testing.T) {
	shared, err := os.ReadFile(filepath.Join("..", "..", "..", "..", "shared", "fixtures", "igf-2020-ws234.txt"))
	if err != nil {
		t.Skip("../shared/fixtures not beside this clone")
	}
	if !bytes.Equal(shared, readFixture(t)) {
		t.Fatal("testdata/igf-2020-ws234.txt differs from ../shared/fixtures")
	}
}

func TestParseReferenceSession(t *testing.T) {
	sched, rep, err := Parse(readFixture(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(sched.Sessions) != 1 {
		t.Fatalf("got %d sessions, want 1", len(sched.Sessions))
	}
	s := sched.Sessions[0]
	if sched.Event != (agenda.Event{ID: "igf-2020", Title: "IGF 2020", Zone: "UTC"}) {
		t.Errorf("event = %+v", sched.Event)
	}
	check := func(name, got, want string) {
		t.Helper()
		if got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	check("guid", s.GUID, "IGF 2020 WS #234")
	check("number", s.Number, "WS #234")
	check("title", s.Title, "Security of digital products: Industry and enhancing trust")
	check("format", s.Format, "Round Table – Circle")
	check("online format", s.OnlineFormat, "Round Table")
	if s.Planned != 90*time.Minute || s.Online != 60*time.Minute {
		t.Errorf("planned %v online %v, want 1h30m and 1h0m", s.Planned, s.Online)
	}
	if s.Scheduled() {
		t.Errorf("the fixture has no date line, got start %v", s.Start)
	}
	if !strings.HasPrefix(s.Abstract, "Building on the Geneva Dialogue") {
		t.Errorf("abstract = %q", shorten(s.Abstract))
	}
	if !strings.HasPrefix(s.Description, "Vulnerabilities of digital products") || strings.Contains(s.Description, "Loading Events") {
		t.Errorf("description = %q", shorten(s.Description))
	}
	if !strings.HasPrefix(s.Issues, "What are the main guiding principles") {
		t.Errorf("issues = %q", shorten(s.Issues))
	}
	if !strings.HasPrefix(s.ExpectedOutcomes, "Discussion will feed into") {
		t.Errorf("outcomes = %q", shorten(s.ExpectedOutcomes))
	}

	organisers := s.PeopleWith(agenda.RoleOrganiser)
	wantOrg := []agenda.Person{
		{Role: agenda.RoleOrganiser, Name: "Jonas Grätz-Hoffmann", Affiliation: "FDFA Switzerland"},
		{Role: agenda.RoleOrganiser, Name: "Anastasiya Kazakova", Affiliation: "Kaspersky"},
		{Role: agenda.RoleOrganiser, Name: "Vladimir Radunovic", Affiliation: "DiploFoundation"},
		{Role: agenda.RoleOrganiser, Name: "Marilia Maciel", Affiliation: "DiploFoundation"},
		{Role: agenda.RoleOrganiser, Name: "Virginia (Ginger) Paque", Affiliation: "DiploFoundation"},
	}
	comparePeople(t, "organisers", organisers, wantOrg)

	wantSpeakers := []agenda.Person{
		{Role: agenda.RoleSpeaker, Name: "Jon Albert Fanzun", Group: agenda.GroupGovernment, Region: agenda.RegionWEOG},
		{Role: agenda.RoleSpeaker, Name: "David Koh", Affiliation: "Chief Executive of the Cyber Security Agency of Singapore and Singapore’s Commissioner of Cyber Security for Singapore"},
		{Role: agenda.RoleSpeaker, Name: "Barrack Otieno", Group: agenda.GroupTechnicalCommunity, Region: agenda.RegionAfrican},
		{Role: agenda.RoleSpeaker, Name: "Anastasiya Kazakova", Group: agenda.GroupPrivateSector, Region: agenda.RegionEasternEuropean},
		{Role: agenda.RoleSpeaker, Name: "Sebastian Stranieri", Group: agenda.GroupPrivateSector, Region: agenda.RegionGRULAC},
	}
	comparePeople(t, "speakers", s.PeopleWith(agenda.RoleSpeaker), wantSpeakers)
	comparePeople(t, "moderator", s.PeopleWith(agenda.RoleModerator), []agenda.Person{
		{Role: agenda.RoleModerator, Name: "Marilia Maciel", Group: agenda.GroupCivilSociety, Region: agenda.RegionGRULAC}})
	comparePeople(t, "online moderator", s.PeopleWith(agenda.RoleOnlineModerator), []agenda.Person{
		{Role: agenda.RoleOnlineModerator, Name: "Virginia (Ginger) Paque", Group: agenda.GroupCivilSociety, Region: agenda.RegionWEOG}})
	comparePeople(t, "rapporteur", s.PeopleWith(agenda.RoleRapporteur), []agenda.Person{
		{Role: agenda.RoleRapporteur, Name: "Vladimir Radunovic", Group: agenda.GroupCivilSociety, Region: agenda.RegionEasternEuropean}})

	check("policy intro", s.PolicyIntro, "Tentative policy questions:")
	if len(s.PolicyQuestions) != 7 {
		t.Fatalf("got %d policy questions, want 7: %q", len(s.PolicyQuestions), s.PolicyQuestions)
	}
	check("question 1", s.PolicyQuestions[0], "How is trust in cyberspace influenced by the security of digital products; across various sectors and geographies?")
	check("question 2", s.PolicyQuestions[1], "What are the guiding principles for resilience and security of products? What can we take from existing multilateral and multistakeholder initiatives, and what should be added?")
	check("question 7", s.PolicyQuestions[6], "What are the next steps for the industry and other stakeholders?")

	wantGoals := []int{8, 9, 10, 11, 16, 17}
	if len(s.SDGs) != len(wantGoals) {
		t.Fatalf("SDGs = %v", s.SDGs)
	}
	for i, g := range wantGoals {
		if s.SDGs[i].Goal != g {
			t.Errorf("SDG %d = %v, want goal %d", i, s.SDGs[i], g)
		}
	}
	check("SDG 16", s.SDGs[4].Title, "Peace, Justice and Strong Institutions")
	if len(s.AgendaItems) != 0 {
		t.Errorf("\"Agenda: TBC\" gave items %q", s.AgendaItems)
	}
	wantLinks := []agenda.Link{{Label: "Register here"}, {Label: "genevadialogue.ch", URL: "https://genevadialogue.ch"}}
	if len(s.Links) != len(wantLinks) {
		t.Fatalf("links = %+v", s.Links)
	}
	for i := range wantLinks {
		if s.Links[i] != wantLinks[i] {
			t.Errorf("link %d = %+v, want %+v", i, s.Links[i], wantLinks[i])
		}
	}
	var labels []string
	for _, n := range s.Notes {
		labels = append(labels, n.Label)
	}
	check("notes", strings.Join(labels, "|"), "Relevance to Internet Governance|Relevance to Theme|Discussion Facilitation|Online Participation|Additional Tools proposed")
	if len(rep.Warnings) != 1 || rep.Warnings[0].Line != 3 || !strings.Contains(rep.Warnings[0].Text, "Loading Events") {
		t.Errorf("report = %+v, want one note about the web-page text on line 3", rep.Warnings)
	}
}

func comparePeople(t *testing.T, what string, got, want []agenda.Person) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: got %d, want %d: %+v", what, len(got), len(want), got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("%s %d = %+v, want %+v", what, i+1, got[i], want[i])
		}
	}
}
