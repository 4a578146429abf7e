package frab

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/igf-floor/floor/app/agenda"
)

func names(s agenda.Session) []string {
	var out []string
	for _, p := range s.People {
		out = append(out, p.Name)
	}
	return out
}

func notes(rep agenda.Report) string {
	var b strings.Builder
	for _, w := range rep.Warnings {
		b.WriteString(w.Text + "\n")
	}
	return b.String()
}

// 36C3's merged schedule names no zone, writes every time at +01:00 and
// has one DEL in one description: it is read, with one note for each.
func TestCongress36C3(t *testing.T) {
	sched, rep, err := ParseXML(fixture(t, "giggity-36c3-trimmed.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(sched.Sessions) != 4 || sched.Event != (agenda.Event{ID: "36c3", Title: "36th Chaos Communication Congress", Zone: "Etc/GMT-1"}) {
		t.Fatalf("%d sessions, event %+v", len(sched.Sessions), sched.Event)
	}
	open := sched.Sessions[0]
	if open.Title != "Opening Ceremony" || !open.Start.Equal(time.Date(2019, 12, 27, 10, 0, 0, 0, time.UTC)) ||
		open.Duration() != 30*time.Minute || open.Room != "Ada" || open.Zone != "Etc/GMT-1" ||
		!slices.Equal(names(open), []string{"bleeptrack", "blinry"}) {
		t.Errorf("opening %+v", open)
	}
	loc, _ := time.LoadLocation(open.Zone)
	if got := open.Start.In(loc).Format("15:04 -07:00"); got != "11:00 +01:00" {
		t.Errorf("opening shown at %s, want 11:00 +01:00 as the schedule writes it", got)
	}
	kink := sched.Sessions[2]
	if kink.GUID != "f8a7bdb6-2009-482a-a17f-1b93b4c7d190" || kink.Room != "Lecture room M3" || kink.Duration() != 2*time.Hour ||
		strings.ContainsRune(kink.Description, 0x7f) || !strings.Contains(kink.Description, "Safety and anatomy") ||
		!slices.Equal(names(kink), []string{"Lil-Missy"}) {
		t.Errorf("event 1098 %+v", kink)
	}
	text := notes(rep)
	if strings.Count(text, "time zone") != 1 || !strings.Contains(text, "every time it gives is at +01:00, so Floor uses that fixed offset (Etc/GMT-1") ||
		strings.Contains(text, "read as UTC") {
		t.Errorf("want one zone note, got:\n%s", text)
	}
	if !strings.Contains(text, `event 1098 ("KinkyGeeks - Bondage für Anfänger Wor..."), description: removed U+007F`) {
		t.Errorf("no note naming event 1098's description:\n%s", text)
	}
}

// The CCC hub's schedule.json v2: a flat event list with start and end,
// rooms and tracks by reference, participants with roles.
func TestHubScheduleV2(t *testing.T) {
	data := fixture(t, "voc-hub-schedule2.json")
	if !LooksJSON(data) {
		t.Fatal("not recognised as schedule.json")
	}
	sched, rep, err := ParseJSON(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(sched.Sessions) != 2 || sched.Event != (agenda.Event{ID: "38c3", Title: "38C3", Zone: "Europe/Berlin"}) {
		t.Fatalf("%d sessions, event %+v", len(sched.Sessions), sched.Event)
	}
	open := sched.Sessions[0]
	if open.Title != "38C3: Opening Ceremony" || open.GUID != "270fa44c-821a-577f-8ca3-33e8d4a8c2a7" ||
		!open.Start.Equal(time.Date(2024, 12, 27, 9, 30, 0, 0, time.UTC)) || open.Duration() != 30*time.Minute ||
		open.Room != "Saal 1" || open.Track != "CCC" || open.Format != "OTHER" ||
		!slices.Equal(names(open), []string{"Gabriela Bogk", "Aline Blankertz", "Senficon"}) || open.People[0].Role != agenda.RoleSpeaker {
		t.Errorf("opening %+v", open)
	}
	nfs := sched.Sessions[1]
	if !nfs.Start.Equal(time.Date(2024, 12, 27, 23, 15, 0, 0, time.UTC)) || nfs.Duration() != 40*time.Minute ||
		nfs.Room != "Saal ZIGZAG" || nfs.Track != "Hardware & Making" || !strings.HasPrefix(nfs.Abstract, "Most Wanted Using Deep") ||
		!slices.Equal(names(nfs), []string{"Sebastian Schwarz"}) {
		t.Errorf("second session %+v", nfs)
	}
	// The hub's CONTRIBUTOR has no Floor role: said, not dropped.
	if len(rep.Warnings) != 1 || rep.Warnings[0].Text != `event HQCCYH: Senficon's role "CONTRIBUTOR" is not one Floor knows; read as speaker` {
		t.Errorf("notes:\n%s", notes(rep))
	}
	v2 := `{"schedule": {"version": "1", "conference": {"acronym": "x", "time_zone_name": "Europe/Berlin"}, "events": [
		{"guid": "g1", "title": "T", "start": "2024-06-01T10:00:00+02:00", "end": "2024-06-01T09:00:00+02:00", "room": {"name": "A"}}]}}`
	if _, _, err := ParseJSON([]byte(v2)); err == nil || !strings.Contains(err.Error(), "ends") {
		t.Errorf("end before start: %v", err)
	}
	both := `{"schedule": {"conference": {"acronym": "x", "days": [{"rooms": {"A": [{"id": 1, "guid": "g1", "title": "T", "date": "2024-06-01T10:00:00+02:00", "duration": "0:30"}]}}]},
		"events": [{"guid": "g1", "title": "T", "start": "2024-06-01T10:00:00+02:00", "end": "2024-06-01T10:30:00+02:00", "room": "A", "abstract": {"de": "Hallo", "en": "Hello"}, "language": "de"}]}}`
	sched, rep, err = ParseJSON([]byte(both))
	if err != nil || len(sched.Sessions) != 1 || sched.Sessions[0].Abstract != "Hallo" || sched.Sessions[0].Room != "A" ||
		!strings.Contains(notes(rep), "lists its events twice") {
		t.Errorf("both forms: %v %+v\n%s", err, sched.Sessions, notes(rep))
	}
}

// Some generators write <person> straight under <event>.
func TestPersonsDirectlyUnderEvent(t *testing.T) {
	doc := `<?xml version="1.0"?><schedule><conference><acronym>t</acronym><time_zone_name>Europe/Oslo</time_zone_name></conference>
<day date="2024-06-01"><room name="A">
<event id="1" guid="a"><date>2024-06-01</date><start>10:00</start><duration>00:30</duration><title>Direct</title><person id="7">Ann Lee</person><person id="8">Bo Ek</person></event>
<event id="2" guid="b"><date>2024-06-01</date><start>11:00</start><duration>00:30</duration><title>Wrapped</title><persons><person id="9">Cy Po</person></persons></event>
</room></day></schedule>`
	sched, _, err := ParseXML([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if got := names(sched.Sessions[0]); !slices.Equal(got, []string{"Ann Lee", "Bo Ek"}) {
		t.Errorf("direct persons: %q", got)
	}
	if got := names(sched.Sessions[1]); !slices.Equal(got, []string{"Cy Po"}) {
		t.Errorf("wrapped persons: %q", got)
	}
}

// Harmless controls are removed with a note naming session and field;
// NUL, escape sequences and bidi controls in labels are refused, whether
// written raw or as a JSON escape.
func TestControlCharacters(t *testing.T) {
	js := func(title, desc string) []byte {
		return []byte(`{"schedule": {"conference": {"acronym": "x", "time_zone_name": "UTC", "days": [{"rooms": {"A": [{"id": 1, "guid": "g", "title": "` +
			title + `", "description": "` + desc + `", "date": "2024-06-01T10:00:00+00:00", "duration": "0:30"}]}}]}}}`)
	}
	xm := func(title, desc string) []byte {
		return []byte(`<?xml version="1.0"?><schedule><conference><acronym>t</acronym><time_zone_name>UTC</time_zone_name></conference><day><room name="A">` +
			`<event id="1" guid="g"><date>2024-06-01</date><start>10:00</start><duration>00:30</duration><title>` + title +
			`</title><description>` + desc + `</description></event></room></day></schedule>`)
	}
	for name, tc := range map[string]struct {
		parse     func([]byte) (agenda.Schedule, agenda.Report, error)
		in        []byte
		desc, err string
	}{
		"json DEL":             {ParseJSON, js("T", `a\u007fb`), "ab", ""},
		"json C1 and BEL":      {ParseJSON, js("T", `a\u0085b\u0007c`), "abc", ""},
		"json lone ESC":        {ParseJSON, js("T", `a\u001b`), "a", ""},
		"json bidi in text":    {ParseJSON, js("T", `a\u202eb`), "ab", ""},
		"json bidi in title":   {ParseJSON, js(`T\u202e`, "d"), "", "title: bidirectional control U+202E"},
		"json NUL":             {ParseJSON, js("T", `a\u0000b`), "", "description: a NUL character"},
		"json escape sequence": {ParseJSON, js("T", `\u001b[31mred`), "", "description: a terminal escape sequence"},
		"raw DEL in xml":       {ParseXML, xm("T", "a\x7fb"), "ab", ""},
		"raw C0 in xml":        {ParseXML, xm("T", "a\x01b\x1fc"), "abc", ""},
		"raw C0 in json":       {ParseJSON, js("T", "a\x01b"), "ab", ""},
		"xml bidi reference":   {ParseXML, xm("&#x202E;T", "d"), "", "title: bidirectional control U+202E"},
		"raw NUL in xml":       {ParseXML, xm("T", "a\x00b"), "", "line 1: a NUL character"},
		"raw escape in xml":    {ParseXML, xm("T", "\x1b]0;x\x07"), "", "line 1: a terminal escape sequence"},
	} {
		sched, rep, err := tc.parse(tc.in)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%s: err = %v, want %q", name, err, tc.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if got := sched.Sessions[0].Description; got != tc.desc || !strings.Contains(notes(rep), `event 1 ("T"), description: removed U+`) {
			t.Errorf("%s: description %q, notes:\n%s", name, got, notes(rep))
		}
	}
}

// A schedule without a zone: one note, whatever its offsets are.
func TestZoneInference(t *testing.T) {
	doc := func(dates ...string) []byte {
		s := `<?xml version="1.0"?><schedule><conference><acronym>t</acronym></conference><day><room name="A">`
		for i, d := range dates {
			s += sprintf(`<event id="%d" guid="g%d"><date>%s</date><start>10:00</start><duration>00:30</duration><title>T</title></event>`, i, i, d)
		}
		return []byte(s + `</room></day></schedule>`)
	}
	for name, tc := range map[string]struct {
		in         []byte
		zone, note string
	}{
		"west of UTC":   {doc("2024-06-01T10:00:00-05:00", "2024-06-02T10:00:00-05:00"), "Etc/GMT+5", "every time it gives is at -05:00"},
		"half hour":     {doc("2024-06-01T10:00:00+05:30"), "UTC", "+05:30, which no fixed IANA zone holds"},
		"mixed offsets": {doc("2024-06-01T10:00:00+01:00", "2024-08-01T10:00:00+02:00"), "UTC", "gives times at +01:00, +02:00"},
		"no offsets":    {doc("2024-06-01"), "UTC", "times without an offset are read as UTC"},
	} {
		sched, rep, err := ParseXML(tc.in)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if sched.Event.Zone != tc.zone || len(rep.Warnings) != 1 || !strings.Contains(rep.Warnings[0].Text, tc.note) {
			t.Errorf("%s: zone %s, notes:\n%s", name, sched.Event.Zone, notes(rep))
		}
	}
}
