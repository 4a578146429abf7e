package cli

import (
	"fmt"
	"strings"

	"github.com/igf-floor/floor/app/control"
	"github.com/igf-floor/floor/app/floor"
)

// describeFairFloor writes what a moderator's seat has beyond the rest:
// the phones' questions still to decide (and how many were decided), the
// budgets used and left, and the fair order's suggestion with its reasons.
func describeFairFloor(b *strings.Builder, s control.TeamStateWire) {
	if len(s.Audience) > 0 {
		decided := 0
		var open []control.AudienceQuestionWire
		for _, q := range s.Audience {
			if q.State == "pending" || q.State == "shown" {
				open = append(open, q)
			} else {
				decided++
			}
		}
		fmt.Fprintf(b, "Audience questions: %d to decide, %d decided\n", len(open), decided)
		for _, q := range open {
			name := q.Name
			if name == "" {
				name = "anonymous"
			}
			fmt.Fprintf(b, "  [%d] %s, %d upvotes (%s): %s\n", q.ID, q.State, q.Upvotes, name, q.Text)
		}
	}
	if len(s.Suggested) > 0 && suggestsAMove(s) {
		names := queueNames(s)
		order := make([]string, len(s.Suggested))
		for i, sg := range s.Suggested {
			order[i] = fmt.Sprintf("[%d] %s", sg.Request, names[sg.Request])
		}
		fmt.Fprintf(b, "Fair order suggests: %s (type fair for the reasons)\n", strings.Join(order, ", "))
	}
}

// describeFair is the budgets used and left and the fair order with its
// reasons, as they stand now: asked for with "fair", since they change
// every second someone speaks.
func describeFair(s control.TeamStateWire) string {
	var b strings.Builder
	if len(s.Budgets) == 0 {
		fmt.Fprintln(&b, "Budgets: none (the fair order shares the time equally between the room and online)")
	} else {
		fmt.Fprintln(&b, "Budgets:")
	}
	for _, w := range s.Budgets {
		u := w.Usage()
		left := ""
		if u.Planned > 0 {
			left = ", " + floor.Clock(u.Left()) + " left"
		}
		fmt.Fprintf(&b, "  %s: %s spoken%s (%.0f%% of the time, plan %.0f%%)\n", u.Budget.Category, floor.Clock(u.Used), left, 100*u.Share, float64(u.Budget.Permille)/10)
	}
	if len(s.Suggested) == 0 {
		fmt.Fprintln(&b, "Fair order: the queue is empty")
		return b.String()
	}
	names := queueNames(s)
	fmt.Fprintln(&b, "Fair order (a suggestion; the queue's order is the moderators'):")
	for i, sg := range s.Suggested {
		why := make([]string, len(sg.Reasons))
		for j, r := range sg.Reasons {
			why[j] = r.Reason().String()
		}
		fmt.Fprintf(&b, "  %d. [%d] %s (now %d): %s\n", i+1, sg.Request, names[sg.Request], sg.From+1, strings.Join(why, "; "))
	}
	return b.String()
}

func queueNames(s control.TeamStateWire) map[int]string {
	names := map[int]string{}
	for _, q := range s.Queue {
		names[q.ID] = q.Speaker.Name
	}
	return names
}

// suggestsAMove reports whether the fair order differs from the queue's:
// otherwise it says nothing the queue does not.
func suggestsAMove(s control.TeamStateWire) bool {
	for i, sg := range s.Suggested {
		if sg.From != i {
			return true
		}
	}
	return false
}
