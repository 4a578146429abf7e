package report

import (
	"fmt"
	"strings"
	"time"

	"github.com/igf-floor/floor/app/floor"
)

// PlanRow is one speaking-time budget, plan against actual, over the
// finished turns the report counts.
type PlanRow struct {
	Dimension, Category string
	PlannedPercent      float64       // the budget's share of the session
	Planned             time.Duration // that share of the session's length; 0 without one
	Spoke               time.Duration
	Percent             int // of all the time spoken
	Turns               int
}

// Left is what the budget had still to speak; negative when it ran over.
func (p PlanRow) Left() time.Duration { return p.Planned - p.Spoke }

// LeftWords is Left in words: "10:00 left", "1:30 over", "—" without a
// planned time.
func (p PlanRow) LeftWords() string {
	switch {
	case p.Planned <= 0:
		return "—"
	case p.Left() < 0:
		return Clock(-p.Left()) + " over"
	}
	return Clock(p.Left()) + " left"
}

// PlannedWords is "20 % (12:00)", or "20 %" without a session length.
func (p PlanRow) PlannedWords() string {
	pct := strings.TrimSuffix(strings.TrimSuffix(fmt.Sprintf("%.1f", p.PlannedPercent), "0"), ".") + " %"
	if p.Planned <= 0 {
		return pct
	}
	return pct + " (" + Clock(p.Planned) + ")"
}

// plan is the session's budgets against the finished turns; none without
// a plan.
func (r *Report) plan(fs floor.State) {
	if fs.Plan == nil {
		return
	}
	r.PlanSession = fs.Plan.Session
	for _, u := range floor.Use(*fs.Plan, fs.Interventions) {
		r.Plan = append(r.Plan, PlanRow{Dimension: u.Budget.Dimension.String(), Category: u.Budget.Category,
			PlannedPercent: float64(u.Budget.Permille) / 10, Planned: u.Planned, Spoke: u.Used,
			Percent: Percent(u.Used, r.SpeakingTime), Turns: u.Turns})
	}
}

// typed counts the finished turns of each request type but regular.
func (r *Report) typed(ivs []floor.Intervention) {
	for _, iv := range ivs {
		switch iv.Speaker.Type.Norm() {
		case floor.PointOfOrder:
			r.PointsOfOrder++
		case floor.DirectReply:
			r.DirectReplies++
		}
	}
}

// TurnName is how the report names a turn's speaker: with the request's
// type when it was a point of order or a direct reply.
func TurnName(iv floor.Intervention) string {
	if iv.Speaker.Type.IsZero() {
		return iv.Speaker.Name
	}
	return iv.Speaker.Name + " (" + iv.Speaker.Type.Words() + ")"
}

// TypedWords is "2 points of order, 1 direct reply", "" when none.
func (r Report) TypedWords() string {
	var parts []string
	if r.PointsOfOrder > 0 {
		parts = append(parts, Plural(r.PointsOfOrder, "point")+" of order")
	}
	switch {
	case r.DirectReplies == 1:
		parts = append(parts, "1 direct reply")
	case r.DirectReplies > 1:
		parts = append(parts, itoa(r.DirectReplies)+" direct replies")
	}
	return strings.Join(parts, ", ")
}

// planMarkdown is the plan-against-actual section.
func planMarkdown(r Report) string {
	if len(r.Plan) == 0 {
		return ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, "\n### Speaking-time budgets: plan against actual\n\n")
	if r.PlanSession > 0 {
		fmt.Fprintf(&b, "Shares of the session's %s, against the %s spoken in finished turns.\n\n", Clock(r.PlanSession), Clock(r.SpeakingTime))
	}
	b.WriteString("| Budget | Planned | Spoke | Share of time spoken | Left | Turns |\n|---|---:|---:|---:|---:|---:|\n")
	for _, p := range r.Plan {
		fmt.Fprintf(&b, "| %s: %s | %s | %s | %d %% | %s | %d |\n", cell(title(p.Dimension)), cell(p.Category), p.PlannedWords(),
			Clock(p.Spoke), p.Percent, p.LeftWords(), p.Turns)
	}
	return b.String()
}
