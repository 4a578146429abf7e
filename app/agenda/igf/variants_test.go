package igf

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/igf-floor/floor/app/agenda"
)

func TestParseVariantPage(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "igf-2020-of-variant.txt"))
	if err != nil {
		t.Fatal(err)
	}
	sched, rep, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	s := sched.Sessions[0]
	if s.GUID != "IGF 2020 OF #12" || s.Number != "OF #12" || s.Title != "Trust in the Digital Economy" {
		t.Errorf("identity = %q %q %q", s.GUID, s.Number, s.Title)
	}
	wantStart := time.Date(2020, 11, 11, 11, 20, 0, 0, time.UTC)
	if !s.Start.Equal(wantStart) || s.End.Sub(s.Start) != time.Hour {
		t.Errorf("time = %v – %v", s.Start, s.End)
	}
	if s.Room != "Auditorium B" {
		t.Errorf("room = %q", s.Room)
	}
	if s.Format != "Panel - Auditorium" || s.Planned != 90*time.Minute || s.Online != 0 {
		t.Errorf("format = %q %v %v", s.Format, s.Planned, s.Online)
	}
	org := s.PeopleWith(agenda.RoleOrganiser)
	if len(org) != 2 || org[0].Name != "" || org[0].Group != agenda.GroupGovernment || org[0].Region != agenda.RegionWEOG {
		t.Errorf("organisers = %+v", org)
	}
	if org[1].Group != agenda.GroupIntergovernmental || org[1].Region != agenda.RegionIntergovernmental {
		t.Errorf("organiser 2 = %+v", org[1])
	}
	sp := s.PeopleWith(agenda.RoleSpeaker)
	if len(sp) != 3 || sp[1].Region != agenda.RegionAsiaPacific || sp[2].Region != agenda.RegionGRULAC {
		t.Errorf("speakers = %+v", sp)
	}
	if len(s.PolicyQuestions) != 3 || s.PolicyQuestions[2] != "What can users demand?" || s.PolicyIntro != "" {
		t.Errorf("questions = %q (intro %q)", s.PolicyQuestions, s.PolicyIntro)
	}
	if len(s.SDGs) != 1 || len(s.AgendaItems) != 2 || s.AgendaItems[0] != "Opening" {
		t.Errorf("SDGs %v agenda %q", s.SDGs, s.AgendaItems)
	}
	// The stray line after the title and the bad SDG line cannot be placed:
	// they must be in the description and in the report, not lost.
	for _, lost := range []string{"Zoom breakout notes were lost", "not a goal at all"} {
		if !strings.Contains(s.Description, lost) {
			t.Errorf("description lost %q: %q", lost, s.Description)
		}
	}
	if len(rep.Warnings) != 2 || rep.Warnings[0].Line != 2 || rep.Warnings[1].Line != 18 {
		t.Errorf("report = %+v, want lines 2 and 18", rep.Warnings)
	}
	if s.PolicyQuestions[0] != "Who is responsible for secure defaults?" {
		t.Errorf("question 1 = %q", s.PolicyQuestions[0])
	}
}

func TestPolicyQuestionsOneALine(t *testing.T) {
	intro, qs := policyQuestions([]line{{n: 1, text: "Policy questions for the room:"}, {n: 2, text: "1. First?"}, {n: 3, text: "- Second, cross-border?"}, {n: 4, text: "Third?"}})
	if intro != "Policy questions for the room:" || strings.Join(qs, "|") != "First?|Second, cross-border?|Third?" {
		t.Errorf("intro %q questions %q", intro, qs)
	}
}

// A dash splits questions only after a question, an intro's colon or at
// the start of the line: a dash inside a question is part of it.
func TestPolicyQuestionDashes(t *testing.T) {
	_, qs := policyQuestions([]line{{n: 1, text: "- Who decides? – How, and by whom – in practice? — What next?"}})
	if strings.Join(qs, "|") != "Who decides?|How, and by whom – in practice?|What next?" {
		t.Errorf("questions %q", qs)
	}
}

// "<format> - <n> Min" is the format where no section is open (2022–2025
// pages whose headings were lost), and an item inside an agenda.
func TestShortFormatLine(t *testing.T) {
	page := "IGF 2023 WS #1 T\n\nPanel - 60 Min\n\nAgenda:\nOpening - 5 min\nDebate - 40 minutes\n"
	sched, rep, err := Parse([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	s := sched.Sessions[0]
	if s.Format != "Panel" || s.Planned != time.Hour || strings.Join(s.AgendaItems, "|") != "Opening - 5 min|Debate - 40 minutes" || len(rep.Warnings) != 0 {
		t.Errorf("format %q planned %v agenda %q report %+v", s.Format, s.Planned, s.AgendaItems, rep.Warnings)
	}
}

func TestBadInput(t *testing.T) {
	title := "IGF 2020 WS #1 A title\n"
	tests := []struct {
		name, input, want string
	}{
		{"empty", "", "empty"},
		{"blank", " \n\t\n", "empty"},
		{"not an IGF page", "BEGIN:VCALENDAR\nEND:VCALENDAR\n", "not an IGF session page"},
		{"invalid UTF-8", title + "Description:\nbad \xff byte\n", "line 3: invalid UTF-8"},
		{"control character", title + "Description: bell \a here\n", "line 2: control character U+0007"},
		{"bidi override", title + "Speaker 1: Eve\u202E, Civil Society\n", "line 2: bidirectional override U+202E"},
		{"no such date", title + "Monday, 31st November, 2020 (11:20 UTC) - Monday, 31st November, 2020 (12:20 UTC)\n", "line 2: 31 November 2020 does not exist"},
		{"wrong weekday", title + "Tuesday, 11th November, 2020 (11:20 UTC) - Tuesday, 11th November, 2020 (12:20 UTC)\n", "is a Wednesday, not a Tuesday"},
		{"end before start", title + "Wednesday, 11th November, 2020 (12:20 UTC) - Wednesday, 11th November, 2020 (11:20 UTC)\n", "ends (2020-11-11 11:20) before it starts"},
		{"bad hour", title + "Wednesday, 11th November, 2020 (25:20 UTC) - Wednesday, 11th November, 2020 (26:20 UTC)\n", "not a time of day"},
		{"no end", title + "Wednesday, 11th November, 2020 (11:20 UTC)\n", "no end time"},
		{"no title", "IGF 2020 WS #1\n", "no title"},
		{"too large", title + strings.Repeat("x", MaxSize), "more than an IGF session page"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := Parse([]byte(tc.input))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

func TestLooks(t *testing.T) {
	if !Looks(readFixture(t)) {
		t.Error("the reference page is not recognised")
	}
	for _, s := range []string{"", "BEGIN:VCALENDAR", "<?xml version=\"1.0\"?><schedule/>", `{"schedule":{}}`} {
		if Looks([]byte(s)) {
			t.Errorf("%q recognised as an IGF page", s)
		}
	}
}

// A page that repeats a label on every line parses in linear time (adding
// to a string per repeat took minutes on such a page found by fuzzing; the
// test's deadline catches a return of that).
func TestRepeatedLabelsStayLinear(t *testing.T) {
	page := "IGF 2020 WS #1 T\n" + strings.Repeat("Issues: x\n", 100_000)
	sched, rep, err := Parse([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(sched.Sessions[0].Issues, "x"); n != 100_000 {
		t.Errorf("%d paragraphs kept, want 100000", n)
	}
	if len(rep.Warnings) != 100_000-1 {
		t.Errorf("%d warnings", len(rep.Warnings))
	}
}

func FuzzParse(f *testing.F) {
	f.Add(readFixture(f))
	f.Add([]byte("IGF 2021 NRIs Coordination Session\n\nMonday, 6th December, 2021 (11:00 UTC) - Monday, 6th December, 2021 (12:30 UTC)\n\nWhat is the NRIs Coordination Session?\n"))
	f.Add([]byte("IGF 2020 WS #1 T\nWednesday, 11th November, 2020 (11:20 UTC) - Wednesday, 11th November, 2020 (12:20 UTC)\nRoom 3\n"))
	f.Add([]byte("IGF 2021 OF #3 T\nPolicy Question(s): – a? – b?\nSpeaker 1: ,,,\n"))
	f.Add([]byte("IGF 2023 Town Hall #25 T\n\nRound Table - 60 Min\n\n\nText.\nAgenda:\nOpening - 5 min\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		sched, rep, err := Parse(data)
		if err != nil {
			return
		}
		s := sched.Sessions[0]
		if s.GUID == "" || s.Title == "" || s.EventID == "" {
			t.Fatalf("accepted a session without identity: %+v", s)
		}
		if s.Scheduled() && !s.End.After(s.Start) {
			t.Fatalf("accepted end %v before start %v", s.End, s.Start)
		}
		for _, w := range rep.Warnings {
			if w.Line < 0 {
				t.Fatalf("warning with line %d", w.Line)
			}
		}
	})
}

func BenchmarkParseReferencePage(b *testing.B) {
	data := readFixture(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := Parse(data); err != nil {
			b.Fatal(err)
		}
	}
}
