package frab

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/igf-floor/floor/app/agenda"
)

func fixture(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	if shared, err := os.ReadFile(filepath.Join("..", "..", "..", "..", "shared", "fixtures", name)); err == nil && !bytes.Equal(shared, data) {
		t.Fatalf("testdata/%s differs from ../shared/fixtures", name)
	}
	return data
}

func TestDebConf23(t *testing.T) {
	data := fixture(t, "giggity-debconf23.xml")
	if !LooksXML(data) || LooksJSON(data) {
		t.Fatal("not recognised as schedule.xml")
	}
	sched, rep, err := ParseXML(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(sched.Sessions) != 117 || sched.Event != (agenda.Event{ID: "debconf23", Title: "DebConf 23", Zone: "Asia/Kolkata"}) || !sched.Complete {
		t.Fatalf("%d sessions, event %+v", len(sched.Sessions), sched.Event)
	}
	first := sched.Sessions[0]
	// <date> is UTC (05:00Z) while <start> is local (10:30 in Kolkata): the same instant.
	if first.Title != "Opening Ceremony" || !first.Start.Equal(time.Date(2023, 9, 10, 5, 0, 0, 0, time.UTC)) ||
		first.Duration() != 20*time.Minute || first.Room != "Anamudi" || first.GUID != "455d075f-48c0-2ec2-24b3-f5add30c383a" {
		t.Errorf("first session %+v", first)
	}
	if len(first.People) != 1 || first.People[0].Name != "Sruthi Chandran" || first.Track == "" {
		t.Errorf("people %+v track %q", first.People, first.Track)
	}
	if len(rep.Warnings) != 1 || rep.Warnings[0].Text != "117 events give <date> in another offset than their local <start>; both name the same instant, which is kept" {
		t.Errorf("warnings %+v", rep.Warnings)
	}
}

func TestDemoConJSON(t *testing.T) {
	data := fixture(t, "voc-pretalx-democon.json")
	if !LooksJSON(data) || LooksXML(data) {
		t.Fatal("not recognised as schedule.json")
	}
	sched, rep, err := ParseJSON(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(sched.Sessions) != 36 || sched.Event.ID != "democon" || sched.Event.Zone != "UTC" {
		t.Fatalf("%d sessions, event %+v", len(sched.Sessions), sched.Event)
	}
	var zoneNote bool
	for _, w := range rep.Warnings {
		zoneNote = zoneNote || strings.Contains(w.Text, "says its zone is UTC, but gives times at +01:00")
	}
	if !zoneNote {
		t.Errorf("no warning that the zone contradicts the offsets: %+v", rep.Warnings)
	}
	s := sched.Sessions[0]
	if s.People[0].Name == "" || !s.Start.Equal(time.Date(2020, 12, 14, 8, 0, 0, 0, time.UTC)) {
		t.Errorf("first session %+v", s)
	}
}

func TestLenientRepairsAreReported(t *testing.T) {
	doc := `<?xml version="1.0"?><schedule><conference><title>T</title><acronym>t</acronym><time_zone_name>Europe/Oslo</time_zone_name></conference>
<day date="2024-06-01"><room name="A">
<event id="1"><date>2024-06-01</date><start>23:30</start><duration>1:00:00</duration><title>Late</title><persons><person>Ann, Bo</person></persons></event>
<event id="2" guid="g"><date>2024-06-01</date><start>10:00</start><duration>00:30</duration><title>Two</title></event>
<event id="3" guid="g"><date>2024-06-01</date><start>11:00</start><duration>00:30</duration><title>Three</title></event>
</room></day></schedule>`
	sched, rep, err := ParseXML([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	late := sched.Sessions[0]
	if !late.Start.Equal(time.Date(2024, 6, 1, 21, 30, 0, 0, time.UTC)) || late.Duration() != time.Hour || len(late.People) != 1 || late.People[0].Name != "Ann, Bo" {
		t.Errorf("late session %+v", late)
	}
	if sched.Sessions[1].GUID == sched.Sessions[2].GUID {
		t.Error("a repeated guid was kept twice")
	}
	text := ""
	for _, w := range rep.Warnings {
		text += w.Text + "\n"
	}
	for _, want := range []string{"has no guid", "read as hours:minutes:seconds", "repeats the guid g"} {
		if !strings.Contains(text, want) {
			t.Errorf("no warning %q in:\n%s", want, text)
		}
	}
}

func TestHostileSchedules(t *testing.T) {
	conf := `<conference><title>T</title><acronym>t</acronym><time_zone_name>%s</time_zone_name></conference>`
	ev := `<day><room name="A"><event id="1"><date>%s</date><start>10:00</start><duration>00:30</duration><title>%s</title></event></room></day>`
	doc := func(zone, date, title string) string {
		return `<?xml version="1.0"?><schedule>` + sprintf(conf, zone) + sprintf(ev, date, title) + `</schedule>`
	}
	laughs := `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><schedule><conference><title>&lol2;</title></conference></schedule>`
	for name, tc := range map[string]struct{ in, want string }{
		"billion laughs":  {laughs, "invalid character entity &lol2;"},
		"deep nesting":    {`<?xml version="1.0"?><schedule>` + strings.Repeat("<x>", 100_000) + strings.Repeat("</x>", 100_000) + `</schedule>`, "no events"},
		"deep in a field": {doc("UTC", "2024-06-01", strings.Repeat("<b>", 20_000)+strings.Repeat("</b>", 20_000)), "no title"},
		"unknown zone":    {doc("Mars/Olympus", "2024-06-01", "T"), `unknown time zone "Mars/Olympus"`},
		"year 9999":       {doc("UTC", "9999-06-01", "T"), "year 9999 is not plausible"},
		"no events":       {`<?xml version="1.0"?><schedule><conference><acronym>t</acronym></conference></schedule>`, "no events"},
		"huge title":      {doc("UTC", "2024-06-01", strings.Repeat("x", MaxField+1)), "longer than"},
		"truncated":       {doc("UTC", "2024-06-01", "T")[:200], "not a well-formed schedule.xml"},
		"html error page": {`<?xml version="1.0"?><html><body>502 Bad Gateway</body></html>`, "not a schedule.xml"},
	} {
		_, _, err := ParseXML([]byte(tc.in))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want %q", name, err, tc.want)
		}
	}
	if _, _, err := ParseJSON([]byte(`{"schedule": {"conference": {"acronym": "x", "days": [{"rooms": {"A": [{"id": 1, "title": "T", "date": "2024-06-01T10:00:00+02:00", "duration": "soon"}]}}]}}}`)); err == nil || !strings.Contains(err.Error(), `"soon" is not a duration`) {
		t.Errorf("bad duration: %v", err)
	}
	if _, _, err := ParseJSON([]byte(`{"schedule": {"conference": `)); err == nil || !strings.Contains(err.Error(), "not") {
		t.Errorf("truncated json: %v", err)
	}
}

func FuzzParseXML(f *testing.F) {
	f.Add(fixture(f, "giggity-debconf23.xml")[:4000])
	f.Add(fixture(f, "sojourner-fosdem-2018.xml"))
	f.Add(fixture(f, "mttcrsp-fosdem-2007-trimmed.xml")) // events straight in their day
	f.Add(fixture(f, "eventfahrplan-39c3-trimmed.xml"))  // link titles, feedback, indented texts
	f.Add([]byte(`<?xml version="1.0"?><schedule><conference><acronym>t</acronym></conference><day><room><event id="1"><date>2024-06-01</date><start>10:00</start><title>T</title></event></room></day></schedule>`))
	f.Fuzz(func(t *testing.T, data []byte) { checkParsed(t, ParseXML, data) })
}

func FuzzParseJSON(f *testing.F) {
	f.Add(fixture(f, "voc-pretalx-democon.json")[:3000])
	f.Add(fixture(f, "voc-39c3-everything-trimmed.json"))
	f.Add([]byte(`{"schedule": {"conference": {"acronym": "x", "days": [{"rooms": {"A": [{"id": 1, "title": "T", "date": "2024-06-01T10:00:00+02:00", "duration": "0:30"}]}}]}}}`))
	f.Fuzz(func(t *testing.T, data []byte) { checkParsed(t, ParseJSON, data) })
}

func checkParsed(t *testing.T, parse func([]byte) (agenda.Schedule, agenda.Report, error), data []byte) {
	sched, _, err := parse(data)
	if err != nil {
		return
	}
	guids := map[string]bool{}
	for _, s := range sched.Sessions {
		if s.GUID == "" || s.Title == "" || guids[s.GUID] || s.End.Before(s.Start) {
			t.Fatalf("accepted a session without identity, title or order: %+v", s)
		}
		guids[s.GUID] = true
	}
}

func BenchmarkImportDebConf23Parse(b *testing.B) {
	data := fixture(b, "giggity-debconf23.xml")
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, _, err := ParseXML(data); err != nil {
			b.Fatal(err)
		}
	}
}

func sprintf(format string, args ...any) string { return fmt.Sprintf(format, args...) }

// What Floor serves as schedule.json reads back with its own reader: the
// same sessions, times, rooms and people.
func TestWriteJSONRoundTrips(t *testing.T) {
	start := time.Date(2020, 11, 11, 11, 20, 0, 0, time.UTC)
	in := []agenda.Session{{GUID: "IGF 2020 WS #234", Number: "WS #234", Title: "Security of digital products", Start: start,
		End: start.Add(time.Hour), Online: time.Hour, Zone: "Europe/Warsaw", Room: "Room 3", Format: "Round Table",
		PolicyQuestions: []string{"Who is responsible?"}, People: []agenda.Person{{Name: "Barrack Otieno", Role: agenda.RoleSpeaker}}}}
	var buf bytes.Buffer
	if err := WriteJSON(&buf, "IGF 2020", "igf2020", in, "test"); err != nil {
		t.Fatal(err)
	}
	sched, _, err := ParseJSON(buf.Bytes())
	if err != nil {
		t.Fatalf("%v\n%s", err, buf.String())
	}
	if len(sched.Sessions) != 1 {
		t.Fatalf("%d sessions", len(sched.Sessions))
	}
	got := sched.Sessions[0]
	if got.GUID != in[0].GUID || !got.Start.Equal(start) || got.Duration() != time.Hour || got.Room != "Room 3" ||
		len(got.People) != 1 || got.People[0].Name != "Barrack Otieno" || !strings.Contains(got.Description, "1. Who is responsible?") {
		t.Errorf("read back %+v", got)
	}
	if err := WriteJSON(&buf, "x", "x", []agenda.Session{{Title: "unscheduled"}}, "test"); err == nil {
		t.Error("nothing scheduled, yet written")
	}
}
