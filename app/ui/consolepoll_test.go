package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/storage"
)

func labelsOf(objs []fyne.CanvasObject) []string {
	var out []string
	for _, o := range objs {
		switch w := o.(type) {
		case *widget.Label:
			out = append(out, w.Text)
		case *fyne.Container:
			out = append(out, labelsOf(w.Objects)...)
		}
	}
	return out
}

// pollConsole is a console with its Polls and Report tabs and a speaker
// display.
type pollConsole struct {
	v       *ConsoleView
	w       fyne.Window
	clock   *stepClock
	polls   *app.Polls
	display *SpeakerDisplay
	dir     string // where reports are written
	db      *storage.DB
}

func newPollConsole(t *testing.T) pollConsole {
	t.Helper()
	v, w, clock, db := newConsoleOn(t)
	s := v.session
	polls, err := app.OpenPolls(context.Background(), db, clock, app.ModerationKey(s.Source, s.GUID))
	if err != nil {
		t.Fatal(err)
	}
	pc := pollConsole{v: v, w: w, clock: clock, polls: polls, display: NewSpeakerDisplay(), dir: t.TempDir(), db: db}
	v.EnablePolls(polls)
	v.EnableReport(app.SessionReports{Store: db, Clock: clock, Session: s, Dir: pc.dir})
	v.AttachDisplay(pc.display, nil)
	return pc
}

func TestConsoleStepsQuestionsRunsAPollAndExportsTheReport(t *testing.T) {
	ctx := context.Background()
	pc := newPollConsole(t)
	v, w, clock, polls, d, dir, s := pc.v, pc.w, pc.clock, pc.polls, pc.display, pc.dir, pc.v.session

	// Policy questions: none on the table, then the first, the second.
	if !strings.HasPrefix(v.questions.Text.Text, "No policy question on the table (7 in this session)") || !v.questions.Prev.Disabled() {
		t.Errorf("question row %q", v.questions.Text.Text)
	}
	test.Tap(v.questions.Next)
	test.Tap(v.questions.Next)
	if fs := v.m.Floor(); fs.Question != 2 || !strings.HasPrefix(v.questions.Text.Text, "Policy question 2 of 7: What are the guiding principles") {
		t.Errorf("after two steps: %d %q", fs.Question, v.questions.Text.Text)
	}
	if !d.Question.Visible() || !strings.HasPrefix(d.Question.Text, "Policy question 2: ") {
		t.Errorf("speaker display question %q", d.Question.Text)
	}

	// A poll with no options is refused in words; a good one is written.
	p := v.pollPanel
	p.Question.SetText("Who should certify connected products?")
	test.Tap(p.Write)
	if !strings.Contains(v.Status.Text, "needs at least two options") {
		t.Errorf("status %q", v.Status.Text)
	}
	p.Options.SetText("Vendors\nRegulators\n\nThird parties")
	test.Tap(p.Write)
	cur, ok := polls.Current()
	if !ok || len(cur.Options) != 3 || p.Open.Disabled() || !p.Close.Disabled() {
		t.Fatalf("written poll %+v", cur)
	}
	test.Tap(p.Open)
	for i, b := range []floor.Ballot{
		{Voter: "device:a", Place: "in the room", Choices: []int{2}},
		{Voter: "device:b", Place: "in the room", Choices: []int{2}},
		{Voter: "hub:nbo", Place: "Nairobi", Choices: []int{0}},
	} {
		if err := polls.Vote(ctx, cur.ID, []floor.Ballot{b}); err != nil {
			t.Fatalf("vote %d: %v", i, err)
		}
	}
	v.Tick()
	got := strings.Join(labelsOf(p.results.Objects), " | ")
	if got != "Vendors  1 (33%) | Regulators  0 (0%) | Third parties  2 (67%)" {
		t.Errorf("results %q", got)
	}
	if !strings.Contains(p.Info.Text, "OPEN") || !strings.Contains(p.Info.Text, "3 votes (1 Nairobi, 2 in the room)") {
		t.Errorf("info %q", p.Info.Text)
	}
	if d.poll.Visible() {
		t.Error("results on the speaker display before the moderator asked")
	}
	test.Tap(p.OnDisplay)
	if !d.poll.Visible() || !strings.Contains(strings.Join(labelsOf(d.poll.Objects), "|"), "Third parties  2 (67%)") {
		t.Errorf("speaker display poll %q", labelsOf(d.poll.Objects))
	}
	test.Tap(p.Close)
	if err := polls.Vote(ctx, cur.ID, []floor.Ballot{{Voter: "device:late", Place: "in the room", Choices: []int{1}}}); err == nil {
		t.Error("a vote after closing counted")
	}

	// The report: a bad count is refused in words; the PDF is written.
	r := v.reportPanel
	r.Takeaways.SetText("Security by default")
	r.InRoom.SetText("thirty")
	test.Tap(r.Export["pdf"])
	if !strings.Contains(r.Result.Text, `“thirty” for in the room is not a number`) {
		t.Errorf("result %q", r.Result.Text)
	}
	r.InRoom.SetText("30")
	clock.now = clock.now.Add(time.Hour)
	test.Tap(r.Export["pdf"])
	path := filepath.Join(dir, app.ReportFileName(s, "pdf"))
	if r.Result.Text != "Report written to "+path {
		t.Errorf("result %q", r.Result.Text)
	}
	if b, err := os.ReadFile(path); err != nil || !strings.HasPrefix(string(b), "%PDF-") {
		t.Errorf("report file: %v", err)
	}
	v.Tabs.SelectIndex(1)
	test.AssertRendersToMarkup(t, "console/polls.xml", w.Canvas())
}

// A closed poll's results stay on the speaker display until the next turn
// begins; that speaker gets the room without last poll's question.
func TestClosedPollLeavesTheDisplayAtTheNextTurn(t *testing.T) {
	pc := newPollConsole(t)
	v, p, d := pc.v, pc.v.pollPanel, pc.display
	p.Question.SetText("Who should certify connected products?")
	p.Options.SetText("Vendors\nRegulators")
	test.Tap(p.Write)
	test.Tap(p.Open)
	test.Tap(p.OnDisplay)
	pc.clock.now = pc.clock.now.Add(time.Minute)
	test.Tap(p.Close)
	v.Tick()
	if !d.poll.Visible() {
		t.Fatal("the closed poll's results left the display before anyone spoke")
	}
	if err := v.m.Ask(v.ctx, floor.Speaker{Name: "Barrack Otieno"}); err != nil {
		t.Fatal(err)
	}
	pc.clock.now = pc.clock.now.Add(time.Second)
	v.giveNext()
	v.Tick()
	if d.poll.Visible() {
		t.Error("the closed poll is still on the display during the next turn")
	}
}
