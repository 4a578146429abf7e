package report_test

import (
	"strings"
	"testing"
	"time"

	"github.com/igf-floor/floor/app/agenda"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/report"
)

// typedInput is a session with budgets for Civil Society (20 %) and those
// online (half), a regular turn, a point of order and a direct reply, asked
// and given as the console does.
func typedInput(t *testing.T) report.Input {
	t.Helper()
	at := func(m int) time.Time { return t0.Add(time.Duration(m) * time.Minute) }
	plan := &floor.Plan{Session: time.Hour, Budgets: []floor.Budget{
		{Dimension: floor.ByGroup, Category: "Civil Society", Permille: 200},
		{Dimension: floor.ByPlace, Category: floor.Online, Permille: 500},
	}}
	log := []floor.Command{
		{Kind: floor.Budgets, At: at(0), Plan: plan},
		{Kind: floor.Ask, At: at(0), Speaker: floor.Speaker{Name: "Marilia Maciel", Group: "Civil Society"}},
		{Kind: floor.Give, At: at(1), ID: 1, Allotted: 3 * time.Minute},
		{Kind: floor.Ask, At: at(2), Speaker: floor.Speaker{Name: "Grace", Group: "Government", Remote: true, Hub: "Nairobi", Type: floor.DirectReply}},
		{Kind: floor.Ask, At: at(3), Speaker: floor.Speaker{Name: "Vladimir Radunovic", Group: "Civil Society", Type: floor.PointOfOrder}},
		{Kind: floor.Give, At: at(4), ID: 3, Allotted: time.Minute, Spoke: 3 * time.Minute},
		{Kind: floor.Give, At: at(5), ID: 2, Allotted: 2 * time.Minute, Spoke: time.Minute},
		{Kind: floor.End, At: at(7), Spoke: 2*time.Minute + 30*time.Second},
	}
	fs, err := floor.Replay(log)
	if err != nil {
		t.Fatal(err)
	}
	return report.Input{Session: agenda.Session{Title: "Security of digital products", Start: t0, End: t0.Add(time.Hour)}, Floor: fs, Generated: at(60)}
}

// The plan's figures are the log's: each budget's time is the sum of its
// speakers' finished turns.
func TestPlanAgainstActualIsTheLogs(t *testing.T) {
	in := typedInput(t)
	r := report.Build(in)
	if len(r.Plan) != 2 {
		t.Fatalf("plan rows %+v", r.Plan)
	}
	for i, b := range in.Floor.Plan.Budgets {
		var spoke time.Duration
		turns := 0
		for _, iv := range in.Floor.Interventions {
			if b.Matches(iv.Speaker) {
				spoke += iv.Spoke
				turns++
			}
		}
		if p := r.Plan[i]; p.Spoke != spoke || p.Turns != turns || p.Planned != b.Of(time.Hour) {
			t.Errorf("%s: %+v, want %v in %d turns of %v", b.Category, p, spoke, turns, b.Of(time.Hour))
		}
	}
}

// The Markdown report compares plan and actual in a table.
func TestMarkdownHasThePlanAgainstActual(t *testing.T) {
	md := report.Markdown(report.Build(typedInput(t)), nil, func(report.Chart) string { return "" })
	for _, want := range []string{
		"### Speaking-time budgets: plan against actual",
		"| Stakeholder group: Civil Society | 20 % (12:00) | 4:00 | 62 % | 8:00 left | 2 |",
		"| Place: remote | 50 % (30:00) | 2:30 | 38 % | 27:30 left | 1 |",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("no %q in:\n%s", want, md)
		}
	}
}

// Typed turns are listed as such, and counted.
func TestMarkdownListsTypedTurnsAsSuch(t *testing.T) {
	md := report.Markdown(report.Build(typedInput(t)), nil, func(report.Chart) string { return "" })
	for _, want := range []string{
		"3 interventions, 6:30 of speaking time. Among them 1 point of order, 1 direct reply.",
		"| Vladimir Radunovic (point of order) | Civil Society |",
		"| Grace (direct reply) | Government |",
		"| Marilia Maciel | Civil Society |",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("no %q in:\n%s", want, md)
		}
	}
}

// The HTML and PDF reports carry the same plan and types.
func TestHTMLAndPDFHaveThePlan(t *testing.T) {
	r := report.Build(typedInput(t))
	html, err := report.HTML(r, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<td>Stakeholder group: Civil Society</td><td class=\"n\">20 % (12:00)</td>", "Grace (direct reply)", "Among them 1 point of order, 1 direct reply."} {
		if !strings.Contains(string(html), want) {
			t.Errorf("no %q in the HTML", want)
		}
	}
	if _, err := report.PDF(r, nil); err != nil {
		t.Fatal(err)
	}
}

// Without budgets the report has no plan section.
func TestNoPlanNoSection(t *testing.T) {
	md := report.Markdown(report.Build(input(t)), nil, func(report.Chart) string { return "" })
	if strings.Contains(md, "plan against actual") || strings.Contains(md, "Among them") {
		t.Errorf("a plan section without budgets:\n%s", md)
	}
}
