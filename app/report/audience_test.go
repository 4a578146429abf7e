package report_test

import (
	"strings"
	"testing"
	"time"

	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/report"
)

// The report lists every audience question and what became of it, its
// figures from the floor log and the questions as stored.
func TestTheReportSaysWhatBecameOfTheAudiencesQuestions(t *testing.T) {
	in := input(t)
	log := []floor.Command{
		{Kind: floor.Ask, At: t0, Speaker: floor.Speaker{Name: "Amina", Source: floor.FromPhone, Device: "d1"}},
		{Kind: floor.Ask, At: t0, Speaker: floor.Speaker{Name: "Audience question", Source: floor.FromPhone, Device: "d2"}},
		{Kind: floor.Give, At: t0.Add(time.Minute), ID: 1},
		{Kind: floor.End, At: t0.Add(3 * time.Minute), Spoke: 2 * time.Minute},
	}
	fs, err := floor.Replay(log)
	if err != nil {
		t.Fatal(err)
	}
	in.Floor = fs
	in.Audience = []floor.AudienceQuestion{
		{ID: 1, Text: "Who certifies?", Name: "Amina", State: floor.Queued, Request: 1, Upvotes: 7},
		{ID: 2, Text: "<script>x</script> | pipes", State: floor.Queued, Request: 2, Upvotes: 1},
		{ID: 3, Text: "What about updates?", State: floor.Answered, Answer: "Five years at least.", Upvotes: 3},
		{ID: 4, Text: "spam", State: floor.Dismissed},
		{ID: 5, Text: "Later?", State: floor.Pending},
	}
	r := report.Build(in)
	a := r.Audience
	if a.Queued != 2 || a.Answered != 1 || a.Dismissed != 1 || a.Undecided != 1 || a.Upvotes != 11 || a.PhoneTurns != 1 || a.PhoneTime != 2*time.Minute {
		t.Fatalf("audience %+v", a)
	}
	if a.Questions[0].Outcome != "taken into the queue; spoke 2:00" || a.Questions[1].Outcome != "taken into the queue; not given the floor" ||
		a.Questions[2].Outcome != "answered: Five years at least." {
		t.Errorf("outcomes %+v", a.Questions)
	}
	md := report.Markdown(r, nil, nil)
	for _, want := range []string{"## Audience questions", "5 questions from phones in the room: 2 taken into the queue, 1 answered as text, 1 dismissed, 1 not decided; 11 upvotes.",
		"| 1 | Who certifies? (Amina) | 7 | taken into the queue; spoke 2:00 |", `\|`} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q:\n%s", want, md)
		}
	}
	if strings.Contains(md, "<script>") {
		t.Error("Markdown carries the phone's markup")
	}
	html, err := report.HTML(r, nil)
	if err != nil || !strings.Contains(string(html), "&lt;script&gt;x&lt;/script&gt;") || !strings.Contains(string(html), "<h2>Audience questions</h2>") {
		t.Errorf("HTML: %v", err)
	}
	if _, err := report.PDF(r, nil); err != nil {
		t.Errorf("PDF: %v", err)
	}
}
