package floor

import (
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"
	"time"
)

// Spoken is every turn as it stands: the interventions, then the turn on
// the floor and those who joined it, as if it ended with live its speaking
// time so far (the speaker timer's elapsed time, pauses excluded).
func (st State) Spoken(live time.Duration) []Intervention {
	ivs := slices.Clone(st.Interventions)
	if st.Current == nil {
		return ivs
	}
	live = max(0, live)
	iv := *st.Current
	iv.Spoke = live
	ivs = append(ivs, iv)
	for _, w := range st.With {
		w.Spoke = max(0, live-w.Spoke) // w.Spoke is the turn's time when it joined
		ivs = append(ivs, w)
	}
	return ivs
}

// LiveAt is the turn on the floor's time at now counted from its start,
// pauses included: for a caller without the speaker timer.
func (st State) LiveAt(now time.Time) time.Duration {
	if st.Current == nil {
		return 0
	}
	return max(0, now.Sub(st.Current.Start))
}

// Usage is one budget against the time spoken: plan and actual.
type Usage struct {
	Budget  Budget
	Planned time.Duration // the budget's share of the session; 0 when the plan has no session length
	Used    time.Duration // what its speakers spoke
	Turns   int
	// Share is Used as a part of all the time spoken (0 to 1); the plan's
	// part is Budget.Permille/1000.
	Share float64
}

// Left is the budget's time still to speak; negative when it is over.
func (u Usage) Left() time.Duration { return u.Planned - u.Used }

// Ratio is how far the budget is spent against the time spoken: its share
// of the time over its planned share (1: on plan, below 1: behind).
func (u Usage) Ratio() float64 { return u.Share * 1000 / float64(u.Budget.Permille) }

// String says it in words: "Civil Society has spoken 2:00 of its 12:00",
// or in shares when the plan has no session length.
func (u Usage) String() string {
	if u.Planned > 0 {
		return fmt.Sprintf("%s has spoken %s of its %s", u.Budget.Category, Clock(u.Used), Clock(u.Planned))
	}
	return fmt.Sprintf("%s has had %.0f%% of the time spoken, its share is %.0f%%", u.Budget.Category, 100*u.Share, float64(u.Budget.Permille)/10)
}

// Use is each budget of p, in p's order, against the turns ivs.
func Use(p Plan, ivs []Intervention) []Usage {
	var total time.Duration
	for _, iv := range ivs {
		total += iv.Spoke
	}
	out := make([]Usage, 0, len(p.Budgets))
	for _, b := range p.Budgets {
		u := Usage{Budget: b, Planned: b.Of(p.Session)}
		for _, iv := range ivs {
			if b.Matches(iv.Speaker) {
				u.Used += iv.Spoke
				u.Turns++
			}
		}
		if total > 0 {
			u.Share = float64(u.Used) / float64(total)
		}
		out = append(out, u)
	}
	return out
}

// Usage is the state's plan against every
// turn so far, the one on the floor at live.
func (st State) Usage(live time.Duration) []Usage {
	if st.Plan == nil {
		return nil
	}
	return Use(*st.Plan, st.Spoken(live))
}

// Clock writes d as M:SS, or H:MM:SS from an hour; negative with a "-".
func Clock(d time.Duration) string {
	sign := ""
	if d < 0 {
		sign, d = "-", -d
	}
	s := int(d.Round(time.Second) / time.Second)
	if s >= 3600 {
		return fmt.Sprintf("%s%d:%02d:%02d", sign, s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%s%d:%02d", sign, s/60, s%60)
}

// WritePlanCSV writes plan against actual for the report, one budget a
// row: dimension, category, planned percent and seconds, spoken seconds,
// seconds left (negative: over), percent of the time spoken, turns.
func WritePlanCSV(w io.Writer, p Plan, ivs []Intervention) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"dimension", "category", "planned percent", "planned seconds", "spoke seconds", "left seconds", "percent", "turns"})
	secs := func(d time.Duration) string { return strconv.FormatFloat(d.Seconds(), 'f', 1, 64) }
	for _, u := range Use(p, ivs) {
		cw.Write([]string{u.Budget.Dimension.String(), u.Budget.Category,
			strconv.FormatFloat(float64(u.Budget.Permille)/10, 'f', 1, 64), secs(u.Planned), secs(u.Used), secs(u.Left()),
			strconv.FormatFloat(100*u.Share, 'f', 1, 64), strconv.Itoa(u.Turns)})
	}
	cw.Flush()
	return cw.Error()
}

// SpeakerUsage is the budgets the speaker on the floor counts against, as
// they stand with live the turn's time so far: what the speaker display
// shows beside the timer. nil when nobody has the floor or there is no plan.
func (st State) SpeakerUsage(live time.Duration) []Usage {
	if st.Current == nil {
		return nil
	}
	var out []Usage
	for _, u := range st.Usage(live) {
		if u.Budget.Matches(st.Current.Speaker) {
			out = append(out, u)
		}
	}
	return out
}
