package ical

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/igf-floor/floor/app/agenda"
)

var update = flag.Bool("update", false, "write testdata/export-roles.golden.ics from the example")

// A round table from 23:30 to 00:30 CET, with every role a session has.
func rolesSession() agenda.Session {
	start := time.Date(2019, 12, 29, 22, 30, 0, 0, time.UTC)
	return agenda.Session{Source: "igf", GUID: "ws-99", Number: "WS #99", Title: "Night owls and the Internet",
		Start: start, End: start.Add(time.Hour), Zone: "Europe/Berlin", Room: "Room 3",
		People: []agenda.Person{
			{Role: agenda.RoleOrganiser, Name: "Ana Pérez"},
			{Role: agenda.RoleOrganiser, Name: "Kwame Mensah"},
			{Role: agenda.RoleOrganiser}, // no name: not written
			{Role: agenda.RoleSpeaker, Name: "Jon Albert Fanzun"},
			{Role: agenda.RoleSpeaker, Name: "David \"Dave\" Koh"},
			{Role: agenda.RoleModerator, Name: "Ritu Srivastava"},
			{Role: agenda.RoleOnlineModerator, Name: "Lee Min"},
			{Role: agenda.RoleRapporteur, Name: "Vladimir Radunovic"},
		}}
}

// The export names the first organiser as the event's ORGANIZER (RFC 5545
// has one), speakers as required participants, moderators as chairs and
// the others as attendees for information, each with a name; the file
// matches testdata/export-roles.golden.ics, and reads back with every
// role and both times.
func TestExportWritesOneOrganizerAndRoles(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, "IGF 2019", []agenda.Session{rolesSession()}, time.Date(2019, 12, 1, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "export-roles.golden.ics")
	if *update {
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("export differs from %s:\n%s", golden, buf.String())
	}
	back, _, err := Parse(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	in, out := rolesSession(), back.Sessions[0]
	if !out.Start.Equal(in.Start) || !out.End.Equal(in.End) {
		t.Errorf("times %v–%v, want %v–%v", out.Start, out.End, in.Start, in.End)
	}
	var named []agenda.Person
	for _, p := range in.People {
		if p.Name != "" {
			named = append(named, p)
		}
	}
	named[3].Name = "David 'Dave' Koh" // a parameter value cannot hold a double quote
	if len(out.People) != len(named) {
		t.Fatalf("people back %+v", out.People)
	}
	for i, p := range named {
		if out.People[i].Role != p.Role || out.People[i].Name != p.Name {
			t.Errorf("person %d back as %+v, want %+v", i, out.People[i], p)
		}
	}
}

// Another calendar's chair is a moderator, and its other attendees speakers.
func TestChairIsAModerator(t *testing.T) {
	cal := "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//EN\r\nBEGIN:VEVENT\r\nUID:a@x\r\nDTSTAMP:20240101T000000Z\r\n" +
		"DTSTART:20240102T100000Z\r\nDTEND:20240102T110000Z\r\nSUMMARY:Panel\r\n" +
		"ATTENDEE;ROLE=CHAIR;CN=Chair Person:mailto:c@x\r\nATTENDEE;ROLE=REQ-PARTICIPANT;CN=Panel Ist:mailto:p@x\r\n" +
		"ATTENDEE;CN=No Role:mailto:n@x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
	sch, _, err := Parse([]byte(cal))
	if err != nil {
		t.Fatal(err)
	}
	got := sch.Sessions[0].People
	if len(got) != 3 || got[0].Role != agenda.RoleModerator || got[1].Role != agenda.RoleSpeaker || got[2].Role != agenda.RoleSpeaker {
		t.Errorf("people %+v", got)
	}
}
