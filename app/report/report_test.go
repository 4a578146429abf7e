package report_test

import (
	"bytes"
	"image/png"
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

var t0 = time.Date(2020, 11, 11, 11, 20, 0, 0, time.UTC)

func input(t *testing.T) report.Input {
	t.Helper()
	log := []floor.Command{
		{Kind: floor.Take, At: t0, Speaker: floor.Speaker{Name: "Marilia Maciel", Group: "Civil Society"}},
		{Kind: floor.Question, At: t0.Add(time.Minute), Pos: 1, Text: "Who is responsible?"},
		{Kind: floor.Take, At: t0.Add(2 * time.Minute), Spoke: 2 * time.Minute, Speaker: floor.Speaker{Name: "Evil | name <script>", Group: "Private Sector", Region: "African Group", Remote: true, Hub: "Nairobi"}},
		{Kind: floor.Take, At: t0.Add(5 * time.Minute), Spoke: 3 * time.Minute, Speaker: floor.Speaker{Name: "Ćosić Ωmega Жанна", Group: "Government"}},
		{Kind: floor.End, At: t0.Add(6 * time.Minute), Spoke: time.Minute},
	}
	fs, err := floor.Replay(log)
	if err != nil {
		t.Fatal(err)
	}
	p := floor.Poll{ID: 1, Question: "Who certifies?", Kind: floor.Single, Options: []string{"Vendors", "Regulators"}, Opened: t0}
	tally := floor.Count(p, []floor.Ballot{
		{Voter: "device:a", Place: "in the room", Choices: []int{1}},
		{Voter: "hub:nbo", Place: "Nairobi", Choices: []int{0}},
		{Voter: "device:a", Place: "in the room", Choices: []int{0}}, // a second vote, not counted
	})
	return report.Input{
		Session: agenda.Session{Title: "Security of digital products", Number: "WS #234", Start: t0, End: t0.Add(time.Hour), Room: "Room 3",
			PolicyQuestions: []string{"Who is responsible?"}},
		Floor: fs, Polls: []floor.Tally{tally},
		Notes:      floor.Rapporteur{Takeaways: "- Secure by default\n\n* Updates matter", InRoom: 20, Women: 9},
		Headcounts: []floor.Headcount{{Hub: "Nairobi", People: 12}},
		Generated:  t0.Add(2 * time.Hour),
	}
}

func TestBuildGroupsTurnsByQuestionAndAddsUp(t *testing.T) {
	r := report.Build(input(t))
	if len(r.Questions) != 2 || r.Questions[0].Number != 0 || r.Questions[1].Number != 1 || len(r.Questions[1].Turns) != 2 {
		t.Fatalf("questions %+v", r.Questions)
	}
	if r.Interventions != 3 || r.SpeakingTime != 6*time.Minute || r.Questions[1].Time != 4*time.Minute {
		t.Errorf("%d turns, %v, question 1 %v", r.Interventions, r.SpeakingTime, r.Questions[1].Time)
	}
	for _, d := range r.Balance {
		var sum time.Duration
		for _, s := range d.Shares {
			sum += s.Time
		}
		if sum != r.SpeakingTime {
			t.Errorf("balance by %s adds up to %v, not %v", d.Name, sum, r.SpeakingTime)
		}
	}
	pa := r.Participation
	if pa.Total != 32 || pa.RoomVoters != 1 || pa.HubVoters != 1 || len(r.Takeaways) != 2 || r.Takeaways[1] != "Updates matter" {
		t.Errorf("participation %+v, takeaways %q", pa, r.Takeaways)
	}
}

func TestMarkdownAndHTMLShowHostileNamesAsText(t *testing.T) {
	r := report.Build(input(t))
	md := report.Markdown(r, nil, nil)
	if !strings.Contains(md, `| Evil \| name &lt;script&gt; | Private Sector |`) {
		t.Errorf("a name with | and markup breaks the table:\n%s", md)
	}
	html, err := report.HTML(r, nil)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(html, []byte("<script>")) || !bytes.Contains(html, []byte("Evil | name &lt;script&gt;")) {
		t.Errorf("html does not escape the name")
	}
}

// The PDF is turned into PNG pages with Debian's pdftoppm, as a reader
// would see it; .ci/setup installs poppler-utils.
func TestPDFRendersAsPages(t *testing.T) {
	r := report.Build(input(t))
	charts, err := report.Charts(r)
	if err != nil {
		t.Fatal(err)
	}
	if len(charts) != 4 { // group, region, place, and the poll
		t.Errorf("%d charts", len(charts))
	}
	pdf, err := report.PDF(r, charts)
	if err != nil {
		t.Fatal(err)
	}
	pdftoppm, err := exec.LookPath("pdftoppm")
	if err != nil {
		t.Skip("pdftoppm (poppler-utils) is not installed")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "report.pdf")
	os.WriteFile(in, pdf, 0o600)
	if out, err := exec.Command(pdftoppm, "-r", "40", "-png", in, filepath.Join(dir, "page")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	pages, _ := filepath.Glob(filepath.Join(dir, "page-*.png"))
	if len(pages) < 2 {
		t.Fatalf("%d pages", len(pages))
	}
	f, _ := os.Open(pages[0])
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	// A page with text on it has dark pixels; a blank or broken one has none.
	dark := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if r, _, _, _ := img.At(x, y).RGBA(); r < 0x4000 {
				dark++
			}
		}
	}
	if dark < 500 {
		t.Errorf("page 1 has %d dark pixels: nothing printed", dark)
	}
}

// Issue 20, 4: the report of a session nobody moderated yet lists its
// policy questions and says there is no speaking time, rather than an
// empty heading.
func TestUnmoderatedReportIsWhole(t *testing.T) {
	s := agenda.Session{Title: "Security of digital products", PolicyQuestions: []string{"One?", "Two?", "Three?"}}
	md := report.Markdown(report.Build(report.Input{Session: s}), nil, func(report.Chart) string { return "" })
	for _, want := range []string{"### Policy question 1: One?", "### Policy question 3: Three?", "_No turns under this question yet._",
		"## Speaking-time balance\n\n_No speaking time recorded yet._"} {
		if !strings.Contains(md, want) {
			t.Errorf("no %q in\n%s", want, md)
		}
	}
}

// Issue 20, 4: the team's record is in the report, each line with who
// wrote it and when, and the seats as they served beside the planned roles.
func TestReportHasTheTeamsRecord(t *testing.T) {
	at := time.Date(2020, 11, 11, 11, 42, 0, 0, time.UTC)
	fs := floor.State{Interventions: []floor.Intervention{{Speaker: floor.Speaker{Name: "Kwame"}, Spoke: time.Minute}}}
	in := report.Input{Session: agenda.Session{Title: "WS"}, Floor: fs,
		Team: []floor.TeamNote{
			{Kind: floor.Takeaway, Text: "Security by design needs incentives", By: "Vladimir Radunovic", Role: floor.RapporteurSeat, At: at},
			{Kind: floor.KeyPoint, Turn: 1, Text: "Liability", By: "Vladimir Radunovic", Role: floor.RapporteurSeat, At: at},
		},
		Served: []floor.Seat{{Name: "Ginger Paque", Role: floor.OnlineModerator}, {Name: "Vladimir Radunovic", Role: floor.RapporteurSeat}}}
	md := report.Markdown(report.Build(in), nil, func(report.Chart) string { return "" })
	for _, want := range []string{"- Security by design needs incentives (Vladimir Radunovic, rapporteur, 11:42 UTC)",
		"## Key points\n\n- Turn 1 — Kwame: Liability (Vladimir Radunovic, rapporteur, 11:42 UTC)",
		"**Online moderator (served, from their seat):** Ginger Paque", "**Rapporteur (served, from their seat):** Vladimir Radunovic"} {
		if !strings.Contains(md, want) {
			t.Errorf("no %q in\n%s", want, md)
		}
	}
	if _, err := report.HTML(report.Build(in), nil); err != nil {
		t.Fatal(err)
	}
	if _, err := report.PDF(report.Build(in), nil); err != nil {
		t.Fatal(err)
	}
}
