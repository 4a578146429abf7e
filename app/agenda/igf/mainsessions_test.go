package igf

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Main sessions (testdata/SOURCES): no "#n" in the title, the type's name
// instead; "Time" and "Room" headings each above their value, or the date
// and room lines bare; "About the session", "Key policy questions" and
// "Session Agenda" headings. Every field is asserted, the texts whole.
var mainPages = []want{{
	file: "igf-2021-main-inclusion.txt", guid: "IGF 2021 MAIN SESSION: Economic and Social Inclusion and Human Rights",
	number: "Main Session", title: "Economic and Social Inclusion and Human Rights",
	start: utc(2021, 12, 9, 8, 30), end: utc(2021, 12, 9, 10, 0), room: "Plenary Room",
	questions: []string{
		"How can the rising significance of inclusion and human rights in societal debates and public awareness be explained?",
		"What new risks have emerged since the pandemic?",
		"How can we use new opportunities offered by digital technologies and the internet for positive change?",
		"What is the role of the IGF to promote economic and social inclusion and human rights?",
	},
	// The page gives its prose after the room without a heading: kept as the
	// description, each paragraph with a note.
	descStart: "While the topic of economic and social inclusion and human rights is not new to internet governance, " +
		"this issue area has been gaining strength as compared to previous IGFs.\n\n" +
		"High-level speakers from government, business, academia, and civil society will discuss emerging trends, challenges, and opportunities.",
	agenda: []string{
		"Introductory remarks by a moderator, welcome to the audience, short description of the topic, and introduction of speakers (5 minutes)",
		"First block - Discussion of trends, new opportunities, and risks (35 min)",
		"Short input talks o", // the stored copy ends there
	},
	warnings: 2,
}, {
	file: "igf-2021-main-pnma.txt", guid: "IGF 2021 MAIN SESSION: Policy Network on Meaningful Access",
	number: "Main Session", title: "Policy Network on Meaningful Access",
	start: utc(2021, 12, 8, 12, 50), end: utc(2021, 12, 8, 14, 20), room: "Plenary Room",
	abstractStart: "This is a main session organized to showcase and discuss the Policy Network on Meaningful Access.\n" +
		"Given the state of affordable and meaningful connectivity across rural areas",
	// The page quotes its questions; the quotes are its own.
	questions: []string{`"How to improve use and quality of connectivity"`, `"What is the impact of connectivity"`},
	// A line with a colon that is no heading stays an agenda item.
	agenda: []string{"Co-Moderation by the PNMA MWG Co-Chairs: Mrs. Son"},
}}

func TestParseMainSessionPages(t *testing.T) {
	for _, w := range mainPages {
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
			s := sched.Sessions[0]
			if len(s.People) != 0 || len(s.Links) != 0 || len(s.SDGs) != 0 || s.Format != "" {
				t.Errorf("people %v links %v goals %v format %q: the page names none", s.People, s.Links, s.SDGs, s.Format)
			}
		})
	}
	// The whole texts, not only their start.
	data, _ := os.ReadFile(filepath.Join("testdata", "igf-2021-main-pnma.txt"))
	sched, _, _ := Parse(data)
	if a := sched.Sessions[0].Abstract; strings.Count(a, "\n") != 6 ||
		!strings.HasSuffix(a, "since it is already covered in other fora.") || sched.Sessions[0].Description != "" {
		t.Errorf("abstract %q description %q", a, sched.Sessions[0].Description)
	}
	data, _ = os.ReadFile(filepath.Join("testdata", "igf-2021-main-inclusion.txt"))
	if sched, _, _ = Parse(data); sched.Sessions[0].Description != mainPages[0].descStart {
		t.Errorf("description %q", sched.Sessions[0].Description)
	}
}

// The session types the IGF names rather than numbers, as a rule of the
// titles: each year's main sessions are told apart by their titles, a
// numbered high-level session by its numeral; other titles are not taken.
func TestUnnumberedSessionTitles(t *testing.T) {
	for _, c := range []struct{ line, number, guid, title string }{
		{"IGF 2021 Main Session Economic and Social Inclusion and Human Rights", "Main Session",
			"IGF 2021 MAIN SESSION: Economic and Social Inclusion and Human Rights", "Economic and Social Inclusion and Human Rights"},
		{"IGF 2022 High-Level Leaders Session I: Universal, Affordable & Meaningful Connectivity", "High-Level Leaders Session I",
			"IGF 2022 HIGH-LEVEL LEADERS SESSION I", "Universal, Affordable & Meaningful Connectivity"},
		{"IGF 2023 Parliamentary Track Session 2: AI and democracy", "Parliamentary Track Session 2",
			"IGF 2023 PARLIAMENTARY TRACK SESSION 2", "AI and democracy"},
		{"IGF 2021 NRIs Collaborative Session: E-commerce challenges and opportunities in 2021", "NRIs Collaborative Session",
			"IGF 2021 NRIS COLLABORATIVE SESSION: E-commerce challenges and opportunities in 2021", "E-commerce challenges and opportunities in 2021"},
		{"IGF 2024 Main Session I want my data back", "Main Session", "IGF 2024 MAIN SESSION: I want my data back", "I want my data back"},
	} {
		_, number, guid, title, ok := matchTitle(c.line)
		if !ok || number != c.number || guid != c.guid || title != c.title {
			t.Errorf("%q: %v %q %q %q", c.line, ok, number, guid, title)
		}
	}
	for _, line := range []string{"IGF 2021 – Day 2 – Main Session Policy Network on Meaningful Access",
		"IGF 2022 Day 2 Leadership Panel Roundtable – RAW", "IGF 2023 Suggestions (2022 Stocktaking)"} {
		if _, _, _, _, ok := matchTitle(line); ok {
			t.Errorf("%q was taken for a session title", line)
		}
	}
}
