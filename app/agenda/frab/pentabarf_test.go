package frab

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/igf-floor/floor/app/agenda"
)

// FOSDEM 2007 as Pentabarf wrote it: events straight under their <day>, no
// <room> element around them, each naming its room; no zone, no <date>.
func TestPentabarfEventsInTheDay(t *testing.T) {
	sched, rep, err := ParseXML(fixture(t, "mttcrsp-fosdem-2007-trimmed.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(sched.Sessions) != 3 || sched.Event.Title != "FOSDEM 2007" || sched.Event.Zone != "UTC" {
		t.Fatalf("%d sessions, event %+v", len(sched.Sessions), sched.Event)
	}
	for i, w := range []struct {
		title, room, person string
		start               time.Time
		minutes             int
	}{
		{"AIGLX", "Chavanne", "Kristian Høgsberg", time.Date(2007, 2, 25, 15, 0, 0, 0, time.UTC), 45},
		{"Belgian eID card on CentOS", "H.2214", "Fabian Arrotin", time.Date(2007, 2, 25, 16, 0, 0, 0, time.UTC), 30},
		{"Bacula", "Janson", "Kern Sibbald", time.Date(2007, 2, 26, 12, 0, 0, 0, time.UTC), 45},
	} {
		s := sched.Sessions[i]
		if s.Title != w.title || s.Room != w.room || !s.Start.Equal(w.start) || s.Duration() != time.Duration(w.minutes)*time.Minute ||
			!slices.Equal(names(s), []string{w.person}) {
			t.Errorf("session %d: %q in %q at %v for %v by %q", i, s.Title, s.Room, s.Start, s.Duration(), names(s))
		}
	}
	aiglx := sched.Sessions[0]
	if !strings.HasPrefix(aiglx.Abstract, "In this talk, Kristian will take a look at technologies") ||
		!strings.Contains(aiglx.Description, "AIGLX (http://fedoraproject.org/wiki/RenderingProject/aiglx) is a new feature") ||
		strings.Contains(aiglx.Description, "<") || len(aiglx.Links) != 1 || aiglx.Links[0].Label != "Video (Ogg/Theora)" {
		t.Errorf("AIGLX texts and links: %q / %q / %+v", aiglx.Abstract, aiglx.Description, aiglx.Links)
	}
	if text := notes(rep); !strings.Contains(text, "names no time zone") || !strings.Contains(text, "3 events have no guid") {
		t.Errorf("notes:\n%s", text)
	}
}

// FOSDEM 2025 (pretalx): a <person> is one person, whatever its name
// holds, as the frab schema defines it; nobody is invented from a comma.
func TestOnePersonElementIsOnePerson(t *testing.T) {
	sched, rep, err := ParseXML(fixture(t, "mttcrsp-fosdem-2025-trimmed.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(sched.Sessions) != 2 || sched.Event != (agenda.Event{ID: "fosdem-2025", Title: "FOSDEM 2025", Zone: "Europe/Brussels"}) {
		t.Fatalf("%d sessions, event %+v", len(sched.Sessions), sched.Event)
	}
	nix, ham := sched.Sessions[0], sched.Sessions[1]
	if !strings.HasPrefix(nix.Title, "NixOS @ Doctors Without Borders (MSF)") || nix.Room != "K.3.601" ||
		!nix.Start.Equal(time.Date(2025, 2, 1, 9, 45, 0, 0, time.UTC)) ||
		!slices.Equal(names(nix), []string{"Ian Sollars, Sohel Sarder & Ramses de Norre", "Sohel Sarder"}) {
		t.Errorf("event 5165: %q in %q at %v by %q", nix.Title, nix.Room, nix.Start, names(nix))
	}
	if ham.Title != "HAMNET - Status Update" || ham.Room != "UB2.147" || !ham.Start.Equal(time.Date(2025, 2, 1, 12, 30, 0, 0, time.UTC)) ||
		!slices.Equal(names(ham), []string{"Jann Traschewski, DG8NGN"}) || ham.People[0].Role != agenda.RoleSpeaker {
		t.Errorf("event 6523: %q in %q at %v by %q", ham.Title, ham.Room, ham.Start, names(ham))
	}
	if text := notes(rep); strings.Contains(text, "people") {
		t.Errorf("a note about people:\n%s", text)
	}
}

// 39C3 from the CCC hub: a link's text as a <title> child, and the
// c3voc schema's feedback_url and origin_url, kept as the session's links.
func TestHubLinksAndFeedback(t *testing.T) {
	sched, _, err := ParseXML(fixture(t, "eventfahrplan-39c3-trimmed.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(sched.Sessions) != 4 || sched.Event.Zone != "Europe/Berlin" {
		t.Fatalf("%d sessions, event %+v", len(sched.Sessions), sched.Event)
	}
	fraud := sched.Sessions[0]
	want := []agenda.Link{
		{Label: "Session page", URL: "https://events.ccc.de/congress/2025/hub/event/detail/all-my-deutschlandtickets-gone-fraud-at-an-industrial-scale"},
		{Label: "Zügli", URL: "https://zügli.app"},
		{Label: "Feedback", URL: "https://cfp.cccv.de/39c3/talk/JZ9A3E/feedback/"},
		{Label: "Submission page", URL: "https://cfp.cccv.de/39c3/talk/JZ9A3E/"},
	}
	if !slices.Equal(fraud.Links, want) || !slices.Equal(names(fraud), []string{"Q Misell", "maya / 551724"}) ||
		!fraud.Start.Equal(time.Date(2025, 12, 27, 15, 0, 0, 0, time.UTC)) || fraud.Duration() != time.Hour || fraud.Room != "One" {
		t.Errorf("event 1254: links %+v people %q at %v", fraud.Links, names(fraud), fraud.Start)
	}
	// The hub indents a text's later lines to the element's depth: the
	// document's layout, taken off; the paragraphs stay.
	if !strings.HasPrefix(fraud.Abstract, "The Deutschlandticket was the flagship transport policy") ||
		!strings.Contains(fraud.Abstract, "keep the system afloat, and nobody willing to take responsibility.\n\nThis talk will cover") ||
		strings.Contains(fraud.Abstract, "\n ") || strings.Contains(fraud.Description, "\n ") || strings.Count(fraud.Description, "\n\n") != 2 {
		t.Errorf("event 1254 texts:\n%s\n---\n%s", fraud.Abstract, fraud.Description)
	}
}

// 39C3's merged schedule.json (c3voc schema v1 as voc/schedule writes it
// in 2025): persons as objects with guid, avatar and biography, a list of
// rooms in the conference, links with types, origin_url and feedback_url.
func TestMergedCongressJSON(t *testing.T) {
	sched, rep, err := ParseJSON(fixture(t, "voc-39c3-everything-trimmed.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(sched.Sessions) != 3 || sched.Event != (agenda.Event{ID: "39c3", Title: "39th Chaos Communications Congress", Zone: "Europe/Berlin"}) {
		t.Fatalf("%d sessions, event %+v", len(sched.Sessions), sched.Event)
	}
	byGUID := map[string]agenda.Session{}
	for _, s := range sched.Sessions {
		byGUID[s.GUID] = s
	}
	open := byGUID["0c8b0cb4-6cf9-5ff8-928a-0a0f49558c48"]
	if open.Title != "Opening Ceremony" || open.Room != "One" || !open.Start.Equal(time.Date(2025, 12, 27, 9, 30, 0, 0, time.UTC)) ||
		open.Duration() != 30*time.Minute || open.Track != "CCC & Community" || open.Format != "Ceremony" ||
		!slices.Equal(names(open), []string{"pajowu", "Stella"}) ||
		!slices.Equal(open.Links, []agenda.Link{
			{Label: "Session page", URL: "https://events.ccc.de/congress/2025/hub/event/detail/opening-ceremony"},
			{Label: "Submission page", URL: "https://cfp.cccv.de/39c3/talk/POWER1/"}}) {
		t.Errorf("opening %+v", open)
	}
	punk := byGUID["370014cf-61b8-5e82-b4b4-a20eabfbdf3c"]
	if punk.Title != "No-Input" || punk.Room != "Am Spätverkauf" || punk.Duration() != 3*time.Hour ||
		!slices.Equal(names(punk), []string{"CooperfrauMelissengeist"}) || len(punk.Links) != 5 ||
		punk.Links[1] != (agenda.Link{Label: "Bandcamp: Cooperfrau Melissengeist", URL: "https://cooperfraumelissengeist.bandcamp.com/"}) ||
		punk.Links[3] != (agenda.Link{Label: "Feedback", URL: "https://cfp.cccv.de/39c3-call-for-punk/talk/SSVAZA/feedback/"}) ||
		punk.Links[4] != (agenda.Link{Label: "Submission page", URL: "https://cfp.cccv.de/39c3-call-for-punk/talk/SSVAZA/"}) {
		t.Errorf("No-Input %+v", punk)
	}
	gdpr := byGUID["aa41d9d4-3034-54c7-9051-312a1efdd574"]
	if gdpr.Room != "FNF Assembly" || !gdpr.Start.Equal(time.Date(2025, 12, 27, 13, 0, 0, 0, time.UTC)) ||
		!slices.Equal(names(gdpr), []string{"Lorenz", "Benni"}) || len(gdpr.Links) != 3 {
		t.Errorf("office hours %+v", gdpr)
	}
	if len(rep.Warnings) != 0 {
		t.Errorf("notes:\n%s", notes(rep))
	}
}
