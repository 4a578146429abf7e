package frab

import (
	"strings"
	"testing"
	"time"

	"github.com/igf-floor/floor/app/agenda"
)

// An event without <date> is on its day's date, or the next one when it
// starts before the schedule's day_change (Pentabarf's rule).
func TestDateOfDay(t *testing.T) {
	for _, tc := range []struct{ day, start, change, want string }{
		{"2018-02-03", "10:00", "09:00:00", "2018-02-03"},
		{"2018-02-03", "01:30", "09:00:00", "2018-02-04"},
		{"2018-02-28", "00:30", "04:00", "2018-03-01"},
		{"2021-02-06", "00:00", "00:00:00", "2021-02-06"},
		{"2021-02-06", "23:55", "", "2021-02-06"},
		{"not a day", "10:00", "09:00", "not a day"},
	} {
		if got := dateOfDay(tc.day, tc.start, tc.change); got != tc.want {
			t.Errorf("dateOfDay(%q, %q, %q) = %q, want %q", tc.day, tc.start, tc.change, got, tc.want)
		}
	}
	doc := `<?xml version="1.0"?><schedule><conference><acronym>p</acronym><time_zone_name>Europe/Brussels</time_zone_name><day_change>09:00:00</day_change></conference>
		<day index="1" date="2018-02-03"><room name="A"><event id="1"><start>01:00</start><duration>00:30</duration><title>Late</title></event></room></day></schedule>`
	sched, _, err := ParseXML([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if s := sched.Sessions[0]; !s.Start.Equal(time.Date(2018, 2, 4, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("start %v, want 01:00 Brussels on the next day", s.Start)
	}
	// A day without a date still fails, naming the event.
	bad := strings.Replace(doc, ` date="2018-02-03"`, "", 1)
	if _, _, err := ParseXML([]byte(bad)); err == nil || !strings.Contains(err.Error(), `event 1 ("Late"): cannot read its date`) {
		t.Errorf("err = %v", err)
	}
}

// Abstracts and descriptions with HTML's text tags are read as text; a
// text without them is left as it is.
func TestHTMLText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"<p>One.</p>\n<p>Two &amp; three.</p>", "One.\n\nTwo & three."},
		{"See <a href=\"https://x.example/\">the site</a> and <a href=\"https://y.example\">https://y.example</a>.", "See the site (https://x.example/) and https://y.example."},
		{"Intro:<ul><li>a</li><li><em>b</em></li></ul>End<br/>line", "Intro:\n\n- a\n- b\n\nEnd\nline"},
		{"Para one.\r\n\r\nPara <strong>two</strong>.", "Para one.\n\nPara two."},
	} {
		if !agenda.LooksHTML(tc.in) {
			t.Errorf("%q not seen as HTML", tc.in)
		}
		if got := agenda.HTMLText(tc.in); got != tc.want {
			t.Errorf("agenda.HTMLText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	for _, plain := range []string{"a < b and c > d", "I <3 Go", "use <stdio.h>", "**Markdown** [link](https://x.example)"} {
		if agenda.LooksHTML(plain) {
			t.Errorf("%q taken for HTML", plain)
		}
	}
	// An escaped control character meets the same check as a raw one.
	doc := `<?xml version="1.0"?><schedule><conference><acronym>h</acronym><time_zone_name>UTC</time_zone_name></conference>
		<day date="2024-06-01"><room name="A"><event id="1" guid="g"><date>2024-06-01T10:00:00Z</date><duration>00:30</duration><title>T</title>
		<abstract>&lt;p&gt;red &amp;#27;[31m text&lt;/p&gt;</abstract></event></room></day></schedule>`
	if _, _, err := ParseXML([]byte(doc)); err == nil || err.Error() != `event 1 ("T"): abstract: a terminal escape sequence (ESC '[')` {
		t.Errorf("err = %v, want the escape sequence refused", err)
	}
}

// Only the indent all later lines share goes; the first line, blank lines
// and indents relative to the rest stay.
func TestDedentLater(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"one\n\n        two\n          - three\n        four", "one\n\ntwo\n  - three\nfour"},
		{"one\n  two\nthree", "one\n  two\nthree"},
		{"  one", "  one"},
		{"one\n\t\ttwo\n\tthree", "one\n\ttwo\nthree"},
		{"one\n   \n   two", "one\n\ntwo"},
	} {
		if got := dedentLater(tc.in); got != tc.want {
			t.Errorf("dedentLater(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
