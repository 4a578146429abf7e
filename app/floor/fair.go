package floor

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// MaxPassed bounds how unfair the fair order may be to one request: among
// the regular requests, at most MaxPassed asked after a request are placed
// before it. Points of order and direct replies to the turn go first by
// their own rules and are not counted.
const MaxPassed = 3

// ReasonKind is why a request is where the fair order puts it.
type ReasonKind int

// Reasons.
const (
	UnknownReason   ReasonKind = iota
	ForOrder                   // a point of order: first
	ForReply                   // a direct reply to the turn (Name): right after it
	ForBehind                  // its budget (Usage) is behind its share
	ForOver                    // its budget (Usage) is over its share: others go first
	ForFirstFromHub            // the first turn from its hub (Name)
	ForYouth                   // a youth participant, and the plan budgets youth
	ForWaited                  // passed by Passed later requests: no more may pass it
	ForFirstCome               // first come, first served
)

// Reason is one reason in words, with what a translation needs.
type Reason struct {
	Kind   ReasonKind
	Usage  Usage  // ForBehind, ForOver: the budget as it stands now
	Name   string // ForReply: the speaker replied to; ForFirstFromHub: the hub
	Passed int    // ForWaited
}

// String is the reason in English: "Civil Society has spoken 2:00 of its
// 12:00", "first from Nairobi", "youth".
func (r Reason) String() string {
	switch r.Kind {
	case ForOrder:
		return "point of order"
	case ForReply:
		if r.Name == "" {
			return "direct reply to the turn"
		}
		return "direct reply to " + r.Name
	case ForBehind, ForOver:
		return r.Usage.String()
	case ForFirstFromHub:
		if r.Name == "" {
			return "first from a hub"
		}
		return "first from " + r.Name
	case ForYouth:
		return "youth"
	case ForWaited:
		return fmt.Sprintf("passed by %d later requests: its turn", r.Passed)
	case ForFirstCome:
		return "first come, first served"
	}
	return "no reason"
}

// Suggestion is a request in the fair order, with why it is there.
type Suggestion struct {
	Request Request
	From    int // its place in the queue now; 0 is next
	Reasons []Reason
}

// Why is the reasons in one line.
func (s Suggestion) Why() string {
	words := make([]string, len(s.Reasons))
	for i, r := range s.Reasons {
		words[i] = r.String()
	}
	return strings.Join(words, "; ")
}

// Order is the request ids of a suggestion, in its order.
func Order(ss []Suggestion) []int {
	ids := make([]int, len(ss))
	for i, s := range ss {
		ids[i] = s.Request.ID
	}
	return ids
}

// Suggest is the queue in the order that brings the speaking time closest
// to plan p (no budgets: equal shares for the room and those online), with
// the reasons beside each request. It changes nothing: the moderator
// decides, and the log records the moderator's moves.
//
// The rule: points of order first, then direct replies to the turn on the
// floor (or the one just ended), both in queue order. Then the regular
// requests, one at a time: the one whose budgets are furthest behind (the
// mean, over the budgets it counts against, of its share of the time spoken
// over its planned share; 1 when it counts against none or nothing has been
// spoken), then a hub's first turn, then the one waiting longest (asked
// first, then the lower id) — unless that would pass one already passed
// MaxPassed times. Each placed turn is assumed to take the mean turn so far
// (3 minutes before any), and counts for the next choice. So requests of the
// same weight (the same budgets and the same hub or the room) keep first
// come, first served, and with no budgets or everyone alike the order is
// first come, first served. The turn on the floor counts from its start to
// now, pauses included; SuggestLive takes its time from the speaker timer.
func Suggest(st State, p Plan, now time.Time) []Suggestion {
	return SuggestLive(st, p, st.LiveAt(now))
}

// SuggestLive is Suggest with live the speaking time of the turn on the
// floor so far.
func SuggestLive(st State, p Plan, live time.Duration) []Suggestion {
	if len(p.Budgets) == 0 {
		p = EqualPlaces(p.Session)
	}
	spoken := st.Spoken(live)
	t := newTally(p, spoken)
	spokeAny := t.total > 0
	turn := 3 * time.Minute
	if len(spoken) > 0 {
		turn = max(time.Second, t.total/time.Duration(len(spoken)))
	}
	start, hasTurn := st.turnStart()
	var replyTo string
	if st.Current != nil {
		replyTo = st.Current.Speaker.Name
	}
	var orders, replies, rest []int
	for i, r := range st.Queue {
		switch typ := r.Speaker.Type.Norm(); {
		case typ == PointOfOrder:
			orders = append(orders, i)
		case typ == DirectReply && hasTurn && !r.At.Before(start):
			replies = append(replies, i)
		default:
			rest = append(rest, i)
		}
	}
	out := make([]Suggestion, 0, len(st.Queue))
	place := func(i int, reasons []Reason) {
		r := st.Queue[i]
		out = append(out, Suggestion{Request: r, From: i, Reasons: reasons})
		t.add(r.Speaker, st.Times.Allotted(r.Speaker.Type, turn))
	}
	for _, i := range orders {
		place(i, []Reason{{Kind: ForOrder}})
	}
	for _, i := range replies {
		place(i, []Reason{{Kind: ForReply, Name: replyTo}})
	}
	slices.SortStableFunc(rest, func(a, b int) int {
		if c := st.Queue[a].At.Compare(st.Queue[b].At); c != 0 {
			return c
		}
		return st.Queue[a].ID - st.Queue[b].ID
	})
	actual := Use(p, spoken)
	if !spokeAny {
		actual = nil // nothing spoken yet: no budget is behind or over
	}
	passed := make([]int, len(rest))
	done := make([]bool, len(rest))
	for range rest {
		best := -1
		for j := range rest {
			if done[j] {
				continue
			}
			if best < 0 || t.better(st.Queue[rest[j]].Speaker, st.Queue[rest[best]].Speaker) {
				best = j
			}
			if passed[j] >= MaxPassed {
				break // nobody asked after it may pass it
			}
		}
		sp := st.Queue[rest[best]].Speaker
		reasons := t.reasons(sp, actual)
		if passed[best] >= MaxPassed {
			reasons = append([]Reason{{Kind: ForWaited, Passed: passed[best]}}, reasons...)
		}
		if len(reasons) == 0 {
			reasons = []Reason{{Kind: ForFirstCome}}
		}
		for j := range best {
			if !done[j] {
				passed[j]++
			}
		}
		done[best] = true
		place(rest[best], reasons)
	}
	return out
}

// tally is the time spoken per budget as the suggestion places turns.
type tally struct {
	plan  Plan
	used  []time.Duration
	total time.Duration
	hubs  map[string]bool // hubs that have had a turn
}

func newTally(p Plan, ivs []Intervention) *tally {
	t := &tally{plan: p, used: make([]time.Duration, len(p.Budgets)), hubs: map[string]bool{}}
	for _, iv := range ivs {
		t.add(iv.Speaker, iv.Spoke)
	}
	return t
}

func (t *tally) add(s Speaker, d time.Duration) {
	for i, b := range t.plan.Budgets {
		if b.Matches(s) {
			t.used[i] += d
		}
	}
	t.total += d
	if h := hubKey(s); h != "" {
		t.hubs[h] = true
	}
}

// need is s's weight: the mean over its budgets of share spoken over share
// planned; 1 (on plan) when it has none or nothing has been spoken.
func (t *tally) need(s Speaker) float64 {
	sum, n := 0.0, 0
	for i, b := range t.plan.Budgets {
		if b.Matches(s) {
			sum += float64(t.used[i]) * 1000 / (float64(t.total) * float64(b.Permille))
			n++
		}
	}
	if n == 0 || t.total == 0 {
		return 1
	}
	return sum / float64(n)
}

func (t *tally) firstFromHub(s Speaker) bool {
	h := hubKey(s)
	return h != "" && !t.hubs[h]
}

// better reports whether a goes before b, who asked earlier.
func (t *tally) better(a, b Speaker) bool {
	if na, nb := t.need(a), t.need(b); na != nb {
		return na < nb
	}
	return t.firstFromHub(a) && !t.firstFromHub(b)
}

// reasons are s's: its budget furthest behind (or, when none is, furthest
// over), a hub's first turn, youth (unless its budget was named).
func (t *tally) reasons(s Speaker, actual []Usage) []Reason {
	var rs []Reason
	var behind, over *Usage
	for i := range actual {
		u := &actual[i]
		if !u.Budget.Matches(s) {
			continue
		}
		switch r := u.Ratio(); {
		case r < 1 && (behind == nil || r < behind.Ratio()):
			behind = u
		case r > 1 && (over == nil || r > over.Ratio()):
			over = u
		}
	}
	switch {
	case behind != nil:
		rs = append(rs, Reason{Kind: ForBehind, Usage: *behind})
	case over != nil:
		rs = append(rs, Reason{Kind: ForOver, Usage: *over})
	}
	if t.firstFromHub(s) {
		rs = append(rs, Reason{Kind: ForFirstFromHub, Name: s.Hub})
	}
	named := behind != nil && behind.Budget.Dimension == ByYouth
	if s.Youth && !named && slices.ContainsFunc(t.plan.Budgets, func(b Budget) bool { return b.Dimension == ByYouth && b.Category == Youth }) {
		rs = append(rs, Reason{Kind: ForYouth})
	}
	return rs
}

// hubKey names s's hub: its id, else (older logs) its name; "" in the room.
func hubKey(s Speaker) string {
	switch {
	case !s.Remote:
		return ""
	case s.HubID != "":
		return "id:" + s.HubID
	case s.Hub != "":
		return "name:" + s.Hub
	}
	return ""
}

// Reorder is the moves that put the queue in order (a permutation of its
// ids, as Order gives): Move commands at at, none for a request already in
// its place. Applied in turn they give exactly that order.
func (st State) Reorder(order []int, at time.Time) ([]Command, error) {
	q := make([]int, 0, len(st.Queue))
	for _, r := range st.Queue {
		q = append(q, r.ID)
	}
	if len(order) != len(q) || !sameIDs(q, order) {
		return nil, fmt.Errorf("%w: the order %v is not the queue %v", ErrNoRequest, order, q)
	}
	var cmds []Command
	for pos, id := range order {
		if q[pos] == id {
			continue
		}
		i := slices.Index(q, id)
		q = slices.Insert(slices.Delete(q, i, i+1), pos, id)
		cmds = append(cmds, Command{Kind: Move, At: at, ID: id, Pos: pos})
	}
	return cmds, nil
}

func sameIDs(a, b []int) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}
