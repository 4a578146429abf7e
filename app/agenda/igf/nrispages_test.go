package igf

import (
	"os"
	"path/filepath"
	"testing"
)

// The NRIs' coordination sessions (testdata/SOURCES): the session's type is
// its whole title ("IGF 2022 NRIs Annual Coordination Session", one a
// year), and the 2021 page opens its text with a question heading right
// under the date line, where other pages name the room.
var nrisPages = []want{{
	file: "igf-2022-nris-coordination.txt", guid: "IGF 2022 NRIS ANNUAL COORDINATION SESSION",
	number: "NRIs Annual Coordination Session", title: "NRIs Annual Coordination Session",
	start: utc(2022, 11, 28, 10, 0), end: utc(2022, 11, 28, 11, 10), room: "Banquet Hall B",
	abstractStart: "Interactive roundtable dialogue open to everyone to join.\nIt is an established practice that the NRIs summarize",
}, {
	file: "igf-2021-nris-coordination.txt", guid: "IGF 2021 NRIS COORDINATION SESSION",
	number: "NRIs Coordination Session", title: "NRIs Coordination Session",
	start: utc(2021, 12, 6, 11, 0), end: utc(2021, 12, 6, 12, 30),
	// No heading Floor knows: every line is kept in the description, each
	// with a note.
	descStart: "What is the NRIs Coordination Session?\n\nIt is an established practice that the NRIs summarize",
	lost:      []string{"1. Welcome and introduction", "• Financial sustainability", "4. Closing", "Session Time"},
	warnings:  17,
}}

func TestParseNRIsPages(t *testing.T) {
	for _, w := range nrisPages {
		t.Run(w.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", w.file))
			if err != nil {
				t.Fatal(err)
			}
			sched, rep, err := Parse(data)
			if err != nil {
				t.Fatal(err)
			}
			checkSession(t, sched, rep, w)
			if s := sched.Sessions[0]; len(s.People) != 0 || len(s.SDGs) != 0 || s.Format != "" {
				t.Errorf("people %v goals %v format %q: the page names none", s.People, s.SDGs, s.Format)
			}
		})
	}
}
