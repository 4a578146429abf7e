package frab

import (
	"strings"
	"testing"

	"github.com/igf-floor/floor/app/agenda"
)

// The real schedules that give track colours: 38C3's schedule.xml and
// RomHack Camp's pretalx XML write <track color="…"> under <conference>;
// the CCC hub's schedule.json v2 gives "colors" with a light and a dark
// one. Each session carries its track's colour, as "#rrggbb"; schedules
// that give none (DebConf 23, pretalx democon) leave it empty.
// parse reads a schedule.xml or schedule.json by its name.
func parse(name string, data []byte) (agenda.Schedule, agenda.Report, error) {
	if strings.HasSuffix(name, ".json") {
		return ParseJSON(data)
	}
	return ParseXML(data)
}

func TestTrackColoursFromRealSchedules(t *testing.T) {
	for _, c := range []struct {
		file  string
		want  map[string]string // guid → track colour
		track map[string]string // guid → track
	}{
		{"eventfahrplan-38c3-trimmed.xml",
			map[string]string{"270fa44c-821a-577f-8ca3-33e8d4a8c2a7": "#f2f006", "78910469-adfa-5c79-8529-1a9d66ef9e6a": "#e40429",
				"1c8f06f9-ce0d-51bc-9bf3-0a1f71e8e484": "#4d4d4c"},
			map[string]string{"270fa44c-821a-577f-8ca3-33e8d4a8c2a7": "CCC", "78910469-adfa-5c79-8529-1a9d66ef9e6a": "Ethics, Society & Politics",
				"1c8f06f9-ce0d-51bc-9bf3-0a1f71e8e484": "Entertainment"}},
		{"giggity-romhack-camp-2026-trimmed.xml",
			map[string]string{"89839af4-ef15-5a58-8e2f-fc9263688830": "#a52a2a", "ff2b4a74-f281-520d-8470-088d727a707e": "#7b2fbf"},
			map[string]string{"89839af4-ef15-5a58-8e2f-fc9263688830": "Orga", "ff2b4a74-f281-520d-8470-088d727a707e": "Entertainment"}},
		{"voc-hub-schedule2.json",
			// The same opening as 38C3's XML: the same colour from the other format.
			map[string]string{"270fa44c-821a-577f-8ca3-33e8d4a8c2a7": "#f2f006", "b1740c2f-0c44-5f1b-89ed-456a9eecf0b8": "#685b9d"},
			map[string]string{"270fa44c-821a-577f-8ca3-33e8d4a8c2a7": "CCC", "b1740c2f-0c44-5f1b-89ed-456a9eecf0b8": "Hardware & Making"}},
		{"giggity-debconf23.xml", map[string]string{"455d075f-48c0-2ec2-24b3-f5add30c383a": ""}, nil},
		{"voc-pretalx-democon.json", map[string]string{"8079583e-8321-506c-95af-fd2903a5f075": ""}, nil},
	} {
		sched, _, err := parse(c.file, fixture(t, c.file))
		if err != nil {
			t.Fatalf("%s: %v", c.file, err)
		}
		found := 0
		for _, s := range sched.Sessions {
			want, ok := c.want[s.GUID]
			if !ok {
				continue
			}
			found++
			if s.TrackColour != want || (c.track != nil && s.Track != c.track[s.GUID]) {
				t.Errorf("%s %s: track %q colour %q, want %q %q", c.file, s.GUID, s.Track, s.TrackColour, c.track[s.GUID], want)
			}
		}
		if found != len(c.want) {
			t.Errorf("%s: %d of the %d sessions asserted were found", c.file, found, len(c.want))
		}
	}
}

// Colours are a rule of the formats: "#RGB" is widened, a <tracks> list
// and pretalx's "color" count too, and anything that is not a colour is
// left out with a note naming the track.
func TestTrackColourRules(t *testing.T) {
	xmlDoc := func(tracks string) []byte {
		return []byte(`<schedule><conference><acronym>x</acronym><title>X</title><time_zone_name>UTC</time_zone_name>` + tracks +
			`</conference><day date="2024-01-01"><room name="A"><event id="1" guid="g1"><date>2024-01-01T10:00:00+00:00</date>` +
			`<start>10:00</start><duration>00:30</duration><room>A</room><title>T</title><track>Art</track></event></room></day></schedule>`)
	}
	jsonDoc := func(tracks string) []byte {
		return []byte(`{"schedule":{"conference":{"acronym":"x","title":"X","time_zone_name":"UTC","tracks":` + tracks +
			`,"days":[{"rooms":{"A":[{"id":1,"guid":"g1","date":"2024-01-01T10:00:00+00:00","start":"10:00","duration":"00:30",` +
			`"room":"A","title":"T","track":"Art"}]}}]}}}`)
	}
	for _, c := range []struct {
		name string
		file string
		data []byte
		want string
		note string
	}{
		{"short hex", "s.xml", xmlDoc(`<track name="Art" color="#F0A"/>`), "#ff00aa", ""},
		{"a tracks list", "s.xml", xmlDoc(`<tracks><track name="Art" color="#00CC88"/></tracks>`), "#00cc88", ""},
		{"a name is no colour", "s.xml", xmlDoc(`<track name="Art" color="red"/>`), "", `track "Art": the colour "red" is not #rrggbb`},
		{"pretalx color", "s.json", jsonDoc(`[{"name":"Art","color":"#123456"}]`), "#123456", ""},
		{"v2 colors", "s.json", jsonDoc(`[{"name":"Art","colors":{"light":"#ABCDEF","dark":"#000000"}}]`), "#abcdef", ""},
		{"alpha refused", "s.json", jsonDoc(`[{"name":"Art","color":"#12345678"}]`), "", `the colour "#12345678" is not #rrggbb`},
		{"no colour", "s.json", jsonDoc(`["Art"]`), "", ""},
	} {
		sched, rep, err := parse(c.file, c.data)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if got := sched.Sessions[0].TrackColour; got != c.want {
			t.Errorf("%s: colour %q, want %q", c.name, got, c.want)
		}
		if text := notes(rep); (c.note == "") != !strings.Contains(text, "colour") || !strings.Contains(text, c.note) {
			t.Errorf("%s: notes %q, want %q", c.name, text, c.note)
		}
	}
}

// A conference listing more tracks than a schedule can have is refused as
// the list is read, before it costs memory (one element is ~10 bytes of
// input and ~100 of decoded struct).
func TestTooManyTracksAreRefused(t *testing.T) {
	doc := `<schedule><conference><acronym>x</acronym>` + strings.Repeat(`<track/>`, 2*MaxEvents+1) + `</conference></schedule>`
	_, _, err := ParseXML([]byte(doc))
	if err == nil || !strings.Contains(err.Error(), "more than 100000 track elements") {
		t.Errorf("err = %v", err)
	}
}

// Floor's own schedule.json export lists the tracks with their colours,
// so reading the export back keeps them.
func TestWriteJSONKeepsTrackColours(t *testing.T) {
	in, _, err := ParseXML(fixture(t, "eventfahrplan-38c3-trimmed.xml"))
	if err != nil {
		t.Fatal(err)
	}
	var buf strings.Builder
	if err := WriteJSON(&buf, "38C3", "38c3", in.Sessions, "test"); err != nil {
		t.Fatal(err)
	}
	out, _, err := ParseJSON([]byte(buf.String()))
	if err != nil {
		t.Fatal(err)
	}
	colours := map[string]string{}
	for _, s := range in.Sessions {
		colours[s.GUID] = s.TrackColour
	}
	coloured := 0
	for _, s := range out.Sessions {
		if s.TrackColour != "" {
			coloured++
		}
		if s.TrackColour != colours[s.GUID] {
			t.Errorf("%s (%s): colour %q back, %q written", s.GUID, s.Track, s.TrackColour, colours[s.GUID])
		}
	}
	if coloured < 20 { // of 23; 38C3's sessions without a track have no colour
		t.Errorf("%d of %d sessions came back with a colour", coloured, len(out.Sessions))
	}
}
