package ical

import (
	"bytes"
	"os"
	"testing"
	"time"

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
