package frab

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/igf-floor/floor/app/agenda"
)

// span is what a session must read as: its guid (or title when the file
// has none), its start and end in the event's zone as the file writes
// them, its room and its people.
type span struct {
	key, start, end, room string
	people                []string
}

// checkSpans finds each wanted session by guid or title and compares it.
func checkSpans(t *testing.T, sched agenda.Schedule, want []span) {
	t.Helper()
	loc, err := time.LoadLocation(sched.Event.Zone)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range want {
		i := slices.IndexFunc(sched.Sessions, func(s agenda.Session) bool { return s.GUID == w.key || s.Title == w.key })
		if i < 0 {
			t.Errorf("no session %q", w.key)
			continue
		}
		s := sched.Sessions[i]
		const layout = "Mon 2006-01-02 15:04 -07:00"
		got := []string{s.Start.In(loc).Format(layout), s.End.In(loc).Format(layout), s.Room, s.Zone}
		if exp := []string{w.start, w.end, w.room, sched.Event.Zone}; !slices.Equal(got, exp) {
			t.Errorf("%s: start, end, room, zone = %q, want %q", w.key, got, exp)
		}
		if !slices.Equal(names(s), w.people) {
			t.Errorf("%s: people %q, want %q", w.key, names(s), w.people)
		}
	}
}

func readReal(t *testing.T, name string) (agenda.Schedule, string) {
	t.Helper()
	data := fixture(t, name)
	parse := ParseXML
	if strings.HasSuffix(name, ".json") {
		parse = ParseJSON
	}
	sched, rep, err := parse(data)
	if err != nil {
		t.Fatal(err)
	}
	return sched, notes(rep)
}

// FOSDEM 2021 (Pentabarf's layout): no <date> in events, only the day's
// date and <start>; no zone; HTML abstracts; no guids.
func TestFOSDEM2021Pentabarf(t *testing.T) {
	sched, text := readReal(t, "giggity-fosdem-2021-trimmed.xml")
	if len(sched.Sessions) != 8 || sched.Event != (agenda.Event{ID: "fosdem-2021", Title: "FOSDEM 2021", Zone: "UTC"}) {
		t.Fatalf("%d sessions, event %+v", len(sched.Sessions), sched.Event)
	}
	checkSpans(t, sched, []span{
		{"Welcome to FOSDEM 2021", "Sat 2021-02-06 09:00 +00:00", "Sat 2021-02-06 09:25 +00:00", "K.fosdem", nil},
		{"Empowering the school of the future", "Sat 2021-02-06 10:00 +00:00", "Sat 2021-02-06 10:30 +00:00", "M.community", []string{"Marco Marinello", "Paolo Dongilli"}},
		{"The Democratization of Databases", "Sat 2021-02-06 14:00 +00:00", "Sat 2021-02-06 15:00 +00:00", "M.community", []string{"Bruce Momjian"}},
		{"Closing FOSDEM 2021", "Sun 2021-02-07 18:00 +00:00", "Sun 2021-02-07 18:10 +00:00", "K.fosdem", []string{"FOSDEM Staff"}},
	})
	if a := sched.Sessions[0]; a.Abstract != "FOSDEM welcome and opening talk." || a.Description != "Welcome to FOSDEM 2021!" {
		t.Errorf("HTML kept: abstract %q description %q", a.Abstract, a.Description)
	}
	if strings.Count(text, "\n") != 3 {
		t.Errorf("want three notes, one of each kind:\n%s", text)
	}
	for _, want := range []string{"names no time zone; times without an offset are read as UTC", "of 7 events are HTML", "8 events have no guid; Floor derived each one from its id (events 11795, 11164, 11064 and 5 more)"} {
		if !strings.Contains(text, want) {
			t.Errorf("no note %q in:\n%s", want, text)
		}
	}
}

// FOSDEM 2018 as Sojourner keeps it: Pentabarf with a 09:00 day change.
func TestFOSDEM2018DayChange(t *testing.T) {
	sched, text := readReal(t, "sojourner-fosdem-2018.xml")
	if len(sched.Sessions) != 2 || sched.Event.ID != "fosdem-2018" {
		t.Fatalf("%d sessions, event %+v", len(sched.Sessions), sched.Event)
	}
	checkSpans(t, sched, []span{
		{"Consensus as a Service", "Sat 2018-02-03 10:00 +00:00", "Sat 2018-02-03 10:50 +00:00", "Janson", []string{"Simon Phipps", "Italo Vignoli"}},
		{"Unix Architecture Evolution from the 1970 PDP-7 to the 2017 FreeBSD", "Sat 2018-02-03 12:00 +00:00", "Sat 2018-02-03 12:50 +00:00", "Janson", []string{"Diomidis Spinellis"}},
	})
	if s := sched.Sessions[0]; !strings.HasPrefix(s.Description, "Open source software is now ubiquitous") || strings.Contains(s.Description, "<p>") {
		t.Errorf("description %q", s.Description)
	}
	if !strings.Contains(text, "of 1 event is HTML") || !strings.Contains(text, "2 events have no guid; Floor derived each one from its id (events 6245, 6230)") {
		t.Errorf("notes:\n%s", text)
	}
}

// 38C3's schedule.xml from the CCC hub (as EventFahrplan tests it): events
// listed by title, not time; a talk after midnight; three hours of karaoke
// without people.
func TestHub38C3XML(t *testing.T) {
	sched, text := readReal(t, "eventfahrplan-38c3-trimmed.xml")
	if len(sched.Sessions) != 23 || sched.Event != (agenda.Event{ID: "38c3", Title: "38C3", Zone: "Europe/Berlin"}) {
		t.Fatalf("%d sessions, event %+v", len(sched.Sessions), sched.Event)
	}
	checkSpans(t, sched, []span{
		{"270fa44c-821a-577f-8ca3-33e8d4a8c2a7", "Fri 2024-12-27 10:30 +01:00", "Fri 2024-12-27 11:00 +01:00", "Saal 1", []string{"Gabriela Bogk", "Senficon", "Aline Blankertz"}},
		{"19b141f2-0f27-5d84-9e90-0d2474d37b7e", "Sat 2024-12-28 01:10 +01:00", "Sat 2024-12-28 02:40 +01:00", "Saal 1", []string{"Fefe", "Atoth"}},
		{"9a3e408b-bb70-5d39-a117-12a4d4527a46", "Fri 2024-12-27 23:00 +01:00", "Sat 2024-12-28 02:00 +01:00", "Am Spätverkauf", nil},
		{"6cce986f-4677-5d59-8f52-f49d357566b6", "Mon 2024-12-30 16:40 +01:00", "Mon 2024-12-30 17:40 +01:00", "Saal 1", []string{"Ron", "Constanze Kurz"}},
	})
	people := 0
	for _, s := range sched.Sessions {
		people += len(s.People)
	}
	if people != 41 || text != "" {
		t.Errorf("%d people (the file names 41), notes:\n%s", people, text)
	}
}

// CCCamp 2019 from frab as schedule.json v1: day 1, both stages.
func TestFrabCamp2019JSON(t *testing.T) {
	sched, text := readReal(t, "voc-frab-camp2019-day1.json")
	if len(sched.Sessions) != 17 || sched.Event != (agenda.Event{ID: "Camp2019", Title: "Chaos Communication Camp 2019", Zone: "Europe/Berlin"}) {
		t.Fatalf("%d sessions, event %+v", len(sched.Sessions), sched.Event)
	}
	checkSpans(t, sched, []span{
		{"a0a0fcfe-b7fb-46e3-84b6-97a5406016b4", "Wed 2019-08-21 11:00 +02:00", "Wed 2019-08-21 11:30 +02:00", "Curie", []string{"jinxx", "smtw"}},
		{"d8db148c-39e4-4f1e-af23-a26a477c82ee", "Wed 2019-08-21 22:00 +02:00", "Wed 2019-08-21 23:30 +02:00", "Curie", []string{"Markus Ossevorth", "Marc-André Janizewski", "Tim Pritlove"}},
		{"977957d7-ef42-4ea0-8380-b9a48bd583f0", "Wed 2019-08-21 12:00 +02:00", "Wed 2019-08-21 12:45 +02:00", "Meitner", []string{`Lukas "cube" Hannen`}},
	})
	// Markdown with inline HTML links: the link is text with its address,
	// the paragraphs stay.
	doh := sched.Sessions[slices.IndexFunc(sched.Sessions, func(s agenda.Session) bool { return s.Title == "DoH or Don't" })]
	if !strings.Contains(doh.Description, "DNS-over-TLS RFC 7858 (https://tools.ietf.org/html/rfc7858) (DoT)") ||
		!strings.Contains(doh.Description, "(aka metadata).\n\nTwo new protocols") || strings.Contains(doh.Description, "<a ") {
		t.Errorf("description %q", doh.Description)
	}
	if strings.TrimSpace(text) != "the abstract or description of 2 events are HTML; Floor reads it as text (paragraphs, lists and link addresses kept)" {
		t.Errorf("notes:\n%s", text)
	}
}

// rC3 2020 from pretalx as schedule.json v1: no zone, every time at
// +01:00; an event without people; two events with the same title.
func TestPretalxRC3JSON(t *testing.T) {
	sched, text := readReal(t, "voc-pretalx-rc3-days1-4.json")
	if len(sched.Sessions) != 19 || sched.Event != (agenda.Event{ID: "rc3-channels-2020", Title: "rC3 Channels", Zone: "Etc/GMT-1"}) {
		t.Fatalf("%d sessions, event %+v", len(sched.Sessions), sched.Event)
	}
	checkSpans(t, sched, []span{
		{"d5691650-57d7-5787-aadc-ea515b2276da", "Sun 2020-12-27 13:00 +01:00", "Sun 2020-12-27 15:00 +01:00", "r3s - Monheim/Rhein", []string{"Stefania Maurizi", "John Goetz"}},
		{"f3099af2-26e2-54b0-aa5d-52d89d309ca1", "Wed 2020-12-30 10:00 +01:00", "Wed 2020-12-30 10:40 +01:00", "r3s - Monheim/Rhein", nil},
		{"52fc5180-b16c-5218-a4ba-9319eb02a15e", "Sun 2020-12-27 22:00 +01:00", "Sun 2020-12-27 22:40 +01:00", "r3s - Monheim/Rhein", []string{"Calvin Buckley", "Techfury90", "thequux"}},
		{"1cd19e87-f488-5e5f-b782-4984dfff7859", "Sun 2020-12-27 20:00 +01:00", "Sun 2020-12-27 22:00 +01:00", "Chaos-West TV - Ennepetal", []string{"L3D"}},
	})
	if strings.Count(text, "\n") != 2 || !strings.Contains(text, "every time it gives is at +01:00") || !strings.Contains(text, "of 2 events are HTML") {
		t.Errorf("want the zone and HTML notes, got:\n%s", text)
	}
	lost := sched.Sessions[slices.IndexFunc(sched.Sessions, func(s agenda.Session) bool { return s.GUID == "52fc5180-b16c-5218-a4ba-9319eb02a15e" })]
	if !strings.Contains(lost.Description, "we'll discuss\n\n- IBM i, with emphasis") || !strings.Contains(lost.Description, "OS standard\n\nMore may be added") || strings.Contains(lost.Description, "<li>") {
		t.Errorf("list read as %q", lost.Description)
	}
}

// RomHack Camp 2026 from pretalx 2026.2.1 as schedule.xml: a <generator>,
// a night session that ends after midnight.
func TestPretalx2026XML(t *testing.T) {
	sched, text := readReal(t, "giggity-romhack-camp-2026-trimmed.xml")
	if len(sched.Sessions) != 3 || sched.Event != (agenda.Event{ID: "romhack-camp-2026", Title: "RomHack Camp 2026", Zone: "Europe/Rome"}) {
		t.Fatalf("%d sessions, event %+v", len(sched.Sessions), sched.Event)
	}
	checkSpans(t, sched, []span{
		{"89839af4-ef15-5a58-8e2f-fc9263688830", "Fri 2026-10-02 11:00 +02:00", "Fri 2026-10-02 11:40 +02:00", "STAGE 1", []string{"Cyber Saiyan"}},
		{"ff2b4a74-f281-520d-8470-088d727a707e", "Fri 2026-10-02 22:30 +02:00", "Sat 2026-10-03 00:30 +02:00", "STAGE 1", []string{"Cyber Saiyan"}},
		{"fb41af49-1448-5da8-9aac-312aaae73711", "Sun 2026-10-04 12:30 +02:00", "Sun 2026-10-04 13:00 +02:00", "STAGE 1", []string{"Cyber Saiyan"}},
	})
	closing := sched.Sessions[2]
	if closing.Track != "Orga" || !strings.Contains(closing.Abstract, "it’s time to gather") || !strings.HasPrefix(sched.Sessions[0].Abstract, "**Welcome") {
		t.Errorf("track %q abstract %q", closing.Track, closing.Abstract)
	}
	if text != "" {
		t.Errorf("notes:\n%s", text)
	}
}
