package ical

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/igf-floor/floor/app/agenda"
)

func speaker(name, aff string) agenda.Person {
	return agenda.Person{Role: agenda.RoleSpeaker, Name: name, Affiliation: aff}
}

// Sched's export of KubeCon + CloudNativeCon Europe 2026 (testdata/SOURCES.md):
// eight sessions, their times in UTC as written, speakers out of the titles,
// rooms without the city and country every room repeats, HTML entities
// decoded, and two notes that say so.
func TestSchedKubeConEurope2026(t *testing.T) {
	sched, info, rep, err := ParseCalendar(testdata(t, "sched-kubecon-eu-2026-trimmed.ics"))
	if err != nil {
		t.Fatal(err)
	}
	if len(sched.Sessions) != 8 || sched.Event != (agenda.Event{ID: "kccnceu2026", Title: "KubeCon + CloudNativeCon Europe 2026", Zone: "UTC"}) ||
		info.Name != "kccnceu2026" {
		t.Fatalf("%d sessions, event %+v, calendar %+v", len(sched.Sessions), sched.Event, info)
	}
	at := func(d, h, m int) time.Time { return time.Date(2026, 3, d, h, m, 0, 0, time.UTC) }
	for _, c := range []struct {
		i            int
		guid, title  string
		start, end   time.Time
		room, track  string
		people       []agenda.Person
		descContains string
	}{
		{0, "bdeb89fcb7b271c2053791f3789faff7", "Badge Pick-Up", at(22, 7, 0), at(22, 17, 0), "Entrance C", "REGISTRATION", nil, ""},
		// " - " without a list of names after it stays in the title; an
		// address without the city suffix is kept whole.
		{1, "2ae546040d9c69588b5308e6e48878fe",
			"Hands-On Workshop to Accelerate Platform Engineering on Kubernetes Hosted by Amazon Web Services - AM SESSION | SEPARATE REGISTRATIONS REQUIRED",
			at(23, 7, 30), at(23, 11, 0), "Leonardo Royal Hotel Amsterdam, Paul van Vlissingenstraat 24, Amsterdam NH 1096 BK Room: Amstel 1-2",
			"SPONSOR-HOSTED CO-LOCATED EVENT", nil, "governance at scale. \n\nJoin this hands-on workshop"},
		// "&" between whole "Name, Title, Org" entries.
		{2, "6d33234981cf5b14145b63b75fa9e0c0", "Keynote: Welcome + Opening Remarks", at(24, 8, 0), at(24, 8, 35), "Hall 12", "KEYNOTE SESSIONS",
			[]agenda.Person{speaker("Jonathan Bryce", "Executive Director, Cloud and Infrastructure, Linux Foundation"),
				speaker("Chris Aniszczyk", "CTO, Cloud and Infrastructure, Linux Foundation")}, ""},
		// A title with " - " of its own: the last one leads to the speakers.
		{3, "24d5aad35c9ec75d9eb2abcc7a3638fd",
			"Keynote: Riding the Waves: Around the World in an Electric Glider - Powered by Nature, Data, and Open Science",
			at(24, 9, 32), at(24, 9, 42), "Hall 12", "KEYNOTE SESSIONS",
			[]agenda.Person{speaker("Ricardo Rocha", "Lead Platforms Infrastructure, CERN"), speaker("Klaus Ohlmann", "Founder, Mountain-Wave-Project")},
			"an electric glider - an aircraft"},
		// ";" between affiliations, "&" between people who share one.
		{4, "b3baba1cfb52fdb5cb4924e1a19d9e52", "Kubernetes Network Driver Unpacked: Modularity, Trade-offs and the Road Ahead",
			at(24, 14, 15), at(24, 14, 45), "Hall 7 | Room B", "CONNECTIVITY",
			[]agenda.Person{speaker("Lionel Jouin", "Red Hat"), speaker("Sebastian Scheinkman", "Red Hat"), speaker("Antonio Ojea", "Google"),
				speaker("Sunyanan Choochotkaew", "IBM")}, "Kubernetes Network (DRA) Drivers"},
		{5, "1b6c898a4d4631932a8746f83b8b3d16", "🚨 Contribfest: Testing the Waters: Getting Started With Kgateway",
			at(24, 13, 30), at(24, 14, 45), "G106", "🚨 CONTRIBFEST",
			[]agenda.Person{speaker("Nina Polshakova", "Solo.io"), speaker("Mayowa Fajobi", "Marsh McLennan"), speaker("David Jumani", "Solo.io"),
				speaker("Steven Thwaites", "Solo.io")}, ""},
		{6, "0a20699f6d6236437376cb7f62ebd6a7", "Laughter Workshop", at(24, 12, 45), at(24, 13, 30), "Europe Foyer", "EXPERIENCES", nil, `"brain break"`},
		{7, "11aadf2c21d5df8791a40ecbe4d02263", "Rust Vs. Go: Building a Container Network Stack From Scratch",
			at(24, 14, 15), at(24, 14, 45), "Hall 8 | Room E", "APPLICATION DEVELOPMENT",
			[]agenda.Person{speaker("Matt Heon", "Red Hat"), speaker("Shivang K Raghuvanshi", "Podman Container Tools")}, "Netavark and Aardvark"},
	} {
		s := sched.Sessions[c.i]
		if s.GUID != c.guid || s.Title != c.title || !s.Start.Equal(c.start) || !s.End.Equal(c.end) || s.Zone != "UTC" ||
			s.Room != c.room || s.Track != c.track || !reflect.DeepEqual(s.People, c.people) || !strings.Contains(s.Description, c.descContains) {
			t.Errorf("session %d:\n got %q %q %v–%v %s room %q track %q %+v\nwant %q %q %v–%v room %q track %q %+v",
				c.i, s.GUID, s.Title, s.Start, s.End, s.Zone, s.Room, s.Track, s.People, c.guid, c.title, c.start, c.end, c.room, c.track, c.people)
		}
		if strings.Contains(s.Description, "&nbsp") || strings.ContainsRune(s.Description, '\u00a0') {
			t.Errorf("session %d keeps an HTML entity: %q", c.i, s.Description)
		}
	}
	if want := "Sched names speakers in the title: 5 titles were split into title and speakers\n" +
		"the city and country most rooms repeat (\"Amsterdam, Netherlands\") are left out of the rooms\n"; notes(rep) != want {
		t.Errorf("notes:\n%s\nwant\n%s", notes(rep), want)
	}
}

// The speaker rule is Sched's, for every Sched title: names joined by
// "and" share an affiliation; an "&" inside an affiliation stays there;
// a text after " - " that is no list of names stays in the title.
func TestSchedSpeakerRule(t *testing.T) {
	for _, c := range []struct {
		summary, title string
		people         []agenda.Person
	}{
		{"Talk - Ana Li and Bo Ek, KodeKloud", "Talk", []agenda.Person{speaker("Ana Li", "KodeKloud"), speaker("Bo Ek", "KodeKloud")}},
		{"Talk - Ana Li, Johnson & Johnson", "Talk", []agenda.Person{speaker("Ana Li", "Johnson & Johnson")}},
		{"Talk - Ana Li, Org; Bo Ek", "Talk", []agenda.Person{speaker("Ana Li", "Org"), {Role: agenda.RoleSpeaker, Name: "Bo Ek"}}},
		{"ArgoCon Hosted by CNCF - Full-Day Event | ALL ACCESS PASS REQUIRED", "ArgoCon Hosted by CNCF - Full-Day Event | ALL ACCESS PASS REQUIRED", nil},
		{"Learning Lounge: The CKA Exam Has Evolved - Are You Ready? -Chad M. Crowell, Akamai",
			"Learning Lounge: The CKA Exam Has Evolved - Are You Ready? -Chad M. Crowell, Akamai", nil},
		{"A talk - about many things at once, really, truly", "A talk - about many things at once, really, truly", nil},
		{"Project Lightning Talk: A Curator’s Guide - Katherine Druckman", "Project Lightning Talk: A Curator’s Guide - Katherine Druckman", nil},
	} {
		title, people := schedSpeakers(c.summary)
		if title != c.title || !reflect.DeepEqual(people, c.people) {
			t.Errorf("%q: %q %+v, want %q %+v", c.summary, title, people, c.title, c.people)
		}
	}
}

// Only Sched's calendars are read by Sched's rules: another calendar's
// " - " title and common location suffix are kept as written.
func TestSchedRulesOnlyForSched(t *testing.T) {
	cal := "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Other//EN\r\nX-WR-CALNAME:Other\r\n"
	for i, room := range []string{"Hall 1, Amsterdam, Netherlands", "Hall 2, Amsterdam, Netherlands", "Hall 3, Amsterdam, Netherlands"} {
		cal += "BEGIN:VEVENT\r\nUID:" + string(rune('a'+i)) + "@x\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20260102T100000Z\r\n" +
			"DTEND:20260102T110000Z\r\nSUMMARY:Talk - Ana Li\\, Org\r\nLOCATION:" + strings.ReplaceAll(room, ",", "\\,") + "\r\nEND:VEVENT\r\n"
	}
	sched, _, err := Parse([]byte(cal + "END:VCALENDAR\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	if s := sched.Sessions[0]; s.Title != "Talk - Ana Li, Org" || s.Room != "Hall 1, Amsterdam, Netherlands" || len(s.People) != 0 {
		t.Errorf("%+v", s)
	}
}
