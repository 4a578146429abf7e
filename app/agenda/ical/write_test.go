package ical

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/igf-floor/floor/app/agenda"
	"github.com/igf-floor/floor/app/agenda/frab"
)

// Exporting DebConf 23 and reading the export back keeps every session:
// title, times, room, people and a stable UID.
func TestExportRoundTrip(t *testing.T) {
	data, err := os.ReadFile("../frab/testdata/giggity-debconf23.xml")
	if err != nil {
		t.Fatal(err)
	}
	in, _, err := frab.ParseXML(data)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	now := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	if err := Write(&buf, "DebConf 23 (Floor export)", in.Sessions, now); err != nil {
		t.Fatal(err)
	}
	out, _, err := Parse(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Sessions) != len(in.Sessions) {
		t.Fatalf("%d sessions back of %d", len(out.Sessions), len(in.Sessions))
	}
	for i, a := range in.Sessions {
		b := out.Sessions[i]
		if b.GUID != UID(a) || b.Title != a.Title || !b.Start.Equal(a.Start) || !b.End.Equal(a.End) || b.Room != a.Room ||
			len(b.People) != len(a.People) || b.Track != a.Track {
			t.Fatalf("session %d changed:\n in %+v\nout %+v", i, a, b)
		}
	}
	var again bytes.Buffer
	Write(&again, "DebConf 23 (Floor export)", in.Sessions, now)
	if !bytes.Equal(again.Bytes(), buf.Bytes()) {
		t.Error("two exports of the same agenda differ")
	}
}

// Line breaks and controls in a title, a room, a name or a description (a
// database written before the readers cleaned fields holds them) are
// escaped or left out, never a reason to stop half way; every line is
// folded at 75 octets, and the calendar reads back.
func TestExportEscapesLineBreaksAndFolds(t *testing.T) {
	start := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	long := strings.Repeat("Überprüfung der Sicherheit – ", 20)
	sessions := []agenda.Session{
		{Source: "x", GUID: "a", Title: "Line one\r\nBEGIN:VALARM", Room: "Room\r7", Start: start, End: start.Add(time.Hour),
			Description: long + "\r\nsecond\rthird\x00\x1b[31m", People: []agenda.Person{{Role: agenda.RoleSpeaker, Name: "Ada \"the\"\r\nLovelace"}}},
		{Source: "x", GUID: "b\r\nc", Title: "evil\x1b[2J", Start: start, End: start.Add(time.Hour)},
	}
	var buf bytes.Buffer
	if err := Write(&buf, "Cal\r\nX-INJECTED:1", sessions, start); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if !strings.HasSuffix(out, "END:VCALENDAR\r\n") {
		t.Fatalf("no END:VCALENDAR:\n%s", out)
	}
	for i, line := range strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n") {
		if len(line) > 75 || !utf8.ValidString(line) || strings.ContainsAny(line, "\r\n\x00\x1b") {
			t.Errorf("line %d (%d octets) %q", i+1, len(line), line)
		}
		if strings.HasPrefix(line, "BEGIN:VALARM") || strings.HasPrefix(line, "X-INJECTED") {
			t.Errorf("line %d was injected: %q", i+1, line)
		}
	}
	if !strings.Contains(out, `SUMMARY:Line one\nBEGIN:VALARM`) {
		t.Errorf("the title's line break is not \\n:\n%s", out)
	}
	back, _, err := Parse(buf.Bytes())
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if len(back.Sessions) != 2 || !strings.Contains(back.Sessions[0].Description, strings.TrimSpace(long)) ||
		!strings.Contains(back.Sessions[0].Description, "second\nthird") || len(back.Sessions[0].People) != 1 {
		t.Errorf("read back %+v", back.Sessions)
	}
}
