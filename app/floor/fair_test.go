package floor

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"strconv"
	"testing"
	"time"
)

// randomFloor is a session at a random point: a plan (or none), turns
// spoken, maybe a turn on the floor, and a queue of typed requests from the
// room and three hubs, some asked at the same instant, some moved by hand.
// alike makes every speaker the same but for their name.
func randomFloor(rng *rand.Rand, alike bool) (State, Plan) {
	groups := []string{"", "Government", "Civil Society", "Private Sector"}
	regions := []string{"", "African Group", "WEOG"}
	hubs := []string{"", "h-nbo", "h-sao", "h-acc"}
	var plan Plan
	switch rng.IntN(3) {
	case 1:
		plan = EqualPlaces(time.Duration(rng.IntN(3)) * 30 * time.Minute)
	case 2:
		plan.Session = time.Hour
		for _, g := range groups[1:] {
			if rng.IntN(2) == 0 {
				plan.Budgets = append(plan.Budgets, Budget{Dimension: ByGroup, Category: g, Permille: 100 + rng.IntN(200)})
			}
		}
		if rng.IntN(2) == 0 {
			plan.Budgets = append(plan.Budgets, Budget{Dimension: ByYouth, Category: Youth, Permille: 100})
		}
		if rng.IntN(2) == 0 {
			plan.Budgets = append(plan.Budgets, Budget{Dimension: ByRegion, Category: "African Group", Permille: 300})
		}
	}
	speaker := func(i int) Speaker {
		if alike {
			return Speaker{Name: "s" + strconv.Itoa(i), Group: "Civil Society", Remote: true, Hub: "Nairobi", HubID: "h-nbo"}
		}
		s := Speaker{Name: "s" + strconv.Itoa(i), Group: groups[rng.IntN(len(groups))], Region: regions[rng.IntN(len(regions))], Youth: rng.IntN(4) == 0}
		if h := hubs[rng.IntN(len(hubs))]; h != "" {
			s.Remote, s.Hub, s.HubID = true, "hub "+h, h
		}
		return s
	}
	var st State
	at := t0
	must := func(next State, err error) {
		if err == nil {
			st = next
		}
	}
	for i := range rng.IntN(8) {
		must(st.Take(speaker(100+i), at, 0, Ending{Spoke: time.Duration(rng.IntN(300)) * time.Second}))
		at = at.Add(time.Duration(rng.IntN(300)) * time.Second)
	}
	if rng.IntN(2) == 0 {
		must(st.End(at, Ending{Spoke: time.Minute}))
	}
	n := rng.IntN(25)
	for i := range n {
		s := speaker(i)
		switch x := rng.IntN(10); {
		case x == 0:
			s.Type = PointOfOrder
		case x == 1:
			s.Type = DirectReply
		}
		next, _, err := st.Ask(s, at)
		must(next, err)
		if rng.IntN(3) > 0 {
			at = at.Add(time.Duration(rng.IntN(90)) * time.Second)
		}
		if rng.IntN(12) == 0 && len(st.Queue) > 0 { // a new turn: earlier replies go stale
			must(st.Give(st.Queue[len(st.Queue)-1].ID, at, 0, Ending{Spoke: 2 * time.Minute}))
		}
	}
	for range rng.IntN(4) {
		if len(st.Queue) > 1 {
			must(st.Move(st.Queue[rng.IntN(len(st.Queue))].ID, rng.IntN(len(st.Queue))))
		}
	}
	return st, plan
}

// class is what the rule orders by besides waiting: points of order, replies
// to the turn, and the rest.
func class(st State, r Request) int {
	start, ok := st.turnStart()
	switch {
	case r.Speaker.Type == PointOfOrder:
		return 0
	case r.Speaker.Type == DirectReply && ok && !r.At.Before(start):
		return 1
	}
	return 2
}

// weight is a regular request's weight: the budgets it counts against and
// its hub.
func weight(p Plan, s Speaker) string {
	if len(p.Budgets) == 0 {
		p = EqualPlaces(0)
	}
	w := hubKey(s)
	for i, b := range p.Budgets {
		if b.Matches(s) {
			w += "/" + strconv.Itoa(i)
		}
	}
	return w
}

func asked(a, b Request) bool { return a.At.Before(b.At) || (a.At.Equal(b.At) && a.ID < b.ID) }

func TestFairOrderProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 3))
	now := t0.Add(3 * time.Hour)
	for iter := range 5000 {
		st, plan := randomFloor(rng, false)
		before := clone(st)
		ss := Suggest(st, plan, now)
		if !reflect.DeepEqual(st, before) {
			t.Fatalf("%d: the suggestion changed the state", iter)
		}
		got := Order(ss)
		if !sameIDs(got, ids(st)) || len(got) != len(st.Queue) {
			t.Fatalf("%d: %v is not the queue %v", iter, got, ids(st))
		}
		// Points of order, then the replies to the turn, each in queue
		// order, then the rest.
		var heads, want []int
		for _, c := range []int{0, 1} {
			for _, r := range st.Queue {
				if class(st, r) == c {
					want = append(want, r.ID)
				}
			}
		}
		for _, s := range ss[:len(want)] {
			heads = append(heads, s.Request.ID)
		}
		if !slices.Equal(heads, want) {
			t.Fatalf("%d: the head %v, want points of order and replies %v", iter, heads, want)
		}
		rest := ss[len(want):]
		for i, s := range rest {
			if len(s.Reasons) == 0 || s.Why() == "" || s.Request != st.Queue[s.From] {
				t.Fatalf("%d: %+v", iter, s)
			}
			passedBy := 0
			for _, e := range rest[:i] {
				if asked(s.Request, e.Request) {
					passedBy++
				}
				// Waiting longer never falls behind the same weight.
				if asked(s.Request, e.Request) && weight(plan, s.Request.Speaker) == weight(plan, e.Request.Speaker) {
					t.Fatalf("%d: %d (%s) asked before %d, of the same weight, and comes after it", iter, s.Request.ID, s.Why(), e.Request.ID)
				}
			}
			if passedBy > MaxPassed {
				t.Fatalf("%d: request %d passed by %d later requests", iter, s.Request.ID, passedBy)
			}
		}
		// Following it gives exactly that order.
		cmds, err := st.Reorder(got, now)
		if err != nil {
			t.Fatal(err)
		}
		moved := st
		for _, c := range cmds {
			if moved, err = Apply(moved, c); err != nil {
				t.Fatal(err)
			}
		}
		if !slices.Equal(ids(moved), got) {
			t.Fatalf("%d: the moves give %v, not %v", iter, ids(moved), got)
		}
	}
}

// With everyone alike, the regular requests keep first come, first served,
// whatever the plan and the moderator's moves.
func TestFairOrderOfEqualsIsFirstComeFirstServed(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	for iter := range 3000 {
		st, plan := randomFloor(rng, true)
		var rest []Request
		for _, r := range st.Queue {
			if class(st, r) == 2 {
				rest = append(rest, r)
			}
		}
		slices.SortStableFunc(rest, func(a, b Request) int {
			if asked(a, b) {
				return -1
			}
			return 1
		})
		ss := Suggest(st, plan, t0.Add(4*time.Hour))
		got := ss[len(ss)-len(rest):]
		for i := range rest {
			if got[i].Request.ID != rest[i].ID {
				t.Fatalf("%d: %v, want first come first served %v", iter, Order(got), rest)
			}
		}
	}
}

// clone is a copy that shares no slice with st.
func clone(st State) State {
	c := st
	c.Queue = slices.Clone(st.Queue)
	c.Interventions = slices.Clone(st.Interventions)
	c.With = slices.Clone(st.With)
	if st.Current != nil {
		cur := *st.Current
		c.Current = &cur
	}
	return c
}

// The budgets bring Civil Society forward, with the reason in words, and
// a hub's first turn and youth are named; the old request over its budget
// is passed at most MaxPassed times.
func TestFairOrderFollowsTheBudgets(t *testing.T) {
	plan := Plan{Session: time.Hour, Budgets: []Budget{
		{Dimension: ByGroup, Category: "Civil Society", Permille: 200},
		{Dimension: ByGroup, Category: "Government", Permille: 200},
		{Dimension: ByYouth, Category: Youth, Permille: 100},
	}}
	gov := Speaker{Name: "Ana", Group: "Government"}
	cs := Speaker{Name: "Grace", Group: "Civil Society", Remote: true, Hub: "Nairobi", HubID: "h-nbo"}
	log := []Command{
		{Kind: Budgets, At: t0, Plan: &plan},
		{Kind: Take, At: t0, Speaker: gov},
		{Kind: Take, At: t0.Add(14 * time.Minute), Speaker: cs, Spoke: 14 * time.Minute},
		{Kind: End, At: t0.Add(16 * time.Minute), Spoke: 2 * time.Minute},
		{Kind: Ask, At: t0.Add(17 * time.Minute), Speaker: gov},
	}
	for i := range 5 {
		s := cs
		s.Name, s.Youth = "cs"+strconv.Itoa(i), i == 0
		log = append(log, Command{Kind: Ask, At: t0.Add(18 * time.Minute), Speaker: s})
	}
	log = append(log, Command{Kind: Ask, At: t0.Add(19 * time.Minute), Speaker: Speaker{Name: "Accra", Remote: true, Hub: "Accra", HubID: "h-acc"}})
	st, err := Replay(log)
	if err != nil {
		t.Fatal(err)
	}
	ss := Suggest(st, *st.Plan, t0.Add(20*time.Minute))
	var names []string
	for _, s := range ss {
		names = append(names, s.Request.Speaker.Name)
	}
	// Turns are assumed to take the mean so far, 8 minutes: after one,
	// Civil Society is over its share and Accra (no budget: on plan) goes
	// first; Ana, far over, goes once three later requests have passed her.
	if want := []string{"cs0", "Accra", "cs1", "Ana", "cs2", "cs3", "cs4"}; !slices.Equal(names, want) {
		t.Errorf("order %v, want %v", names, want)
	}
	why := map[string]string{}
	for _, s := range ss {
		why[s.Request.Speaker.Name] = s.Why()
	}
	for name, want := range map[string]string{
		"cs0":   "youth has spoken 0:00 of its 6:00",
		"cs1":   "Civil Society has spoken 2:00 of its 12:00",
		"Ana":   "passed by 3 later requests: its turn; Government has spoken 14:00 of its 12:00",
		"Accra": "first from Accra",
	} {
		if why[name] != want {
			t.Errorf("%s: %q, want %q", name, why[name], want)
		}
	}
	// No budgets: equal shares for the room and online; online is behind.
	st.Plan = nil
	if got := Suggest(st, Plan{}, t0.Add(20*time.Minute)); got[0].Request.Speaker.Name != "Accra" ||
		got[0].Why() != "remote has had 12% of the time spoken, its share is 50%; first from Accra" {
		t.Errorf("equal places: %s: %s", got[0].Request.Speaker.Name, got[0].Why())
	}
	if _, err := st.Reorder([]int{1, 2}, t0); err == nil {
		t.Error("a reorder that is not the queue")
	}
}

// Before anyone has spoken the reasons name no budget (none is behind in
// time spoken); the point of order's turn, placed first, already counts in
// the order, so Civil Society, at none of its share, goes before Ana.
func TestFairOrderBeforeAnyoneSpoke(t *testing.T) {
	var st State
	for _, s := range []Speaker{{Name: "Ana", Group: "Government"}, {Name: "Chair", Type: PointOfOrder},
		{Name: "Grace", Group: "Civil Society", Remote: true, Hub: "Nairobi", HubID: "h-nbo"}} {
		st, _, _ = st.Ask(s, t0)
	}
	ss := Suggest(st, Plan{Session: time.Hour, Budgets: []Budget{{Dimension: ByGroup, Category: "Civil Society", Permille: 300}}}, t0)
	var got []string
	for _, s := range ss {
		got = append(got, s.Request.Speaker.Name+": "+s.Why())
	}
	want := []string{"Chair: point of order", "Grace: first from Nairobi", "Ana: first come, first served"}
	if !slices.Equal(got, want) {
		t.Errorf("%q, want %q", got, want)
	}
}
