package report_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/igf-floor/floor/app/agenda"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/report"
)

// The report says a session of 23:30–00:30 CET, Sunday into Monday, in
// Berlin's time at both ends with both weekdays (it said "22:30–23:30 UTC"
// on the Sunday), and the team's notes in the same zone, in every format.
func TestReportSaysTheSpanInTheSessionsZone(t *testing.T) {
	start := time.Date(2019, 12, 29, 22, 30, 0, 0, time.UTC)
	in := report.Input{
		Session:   agenda.Session{Title: "Late talk", Start: start, End: start.Add(time.Hour), Zone: "Europe/Berlin"},
		Team:      []floor.TeamNote{{Kind: floor.Takeaway, Text: "Sleep matters", By: "Ana", At: start.Add(45 * time.Minute)}},
		Generated: start.Add(2 * time.Hour),
	}
	r := report.Build(in)
	const when = "2019-12-29 23:30 (Sunday) to 2019-12-30 00:30 CET (Monday)"
	if r.When != when {
		t.Errorf("when %q, want %q", r.When, when)
	}
	md := report.Markdown(r, nil, func(report.Chart) string { return "" })
	for _, want := range []string{when, "Sleep matters (Ana, 00:15 CET)", "30 December 2019 01:30 CET"} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown has no %q:\n%s", want, md)
		}
	}
	html, err := report.HTML(r, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(html), when) {
		t.Errorf("html has no %q", when)
	}
	pdf, err := report.PDF(r, nil)
	if err != nil {
		t.Fatal(err)
	}
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	file := filepath.Join(t.TempDir(), "report.pdf")
	if err := os.WriteFile(file, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(pdftotext, "-layout", file, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	if text := strings.Join(strings.Fields(string(out)), " "); !strings.Contains(text, when) {
		t.Errorf("pdf has no %q:\n%s", when, text)
	}
}
