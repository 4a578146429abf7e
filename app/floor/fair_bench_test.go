package floor

import (
	"strconv"
	"testing"
	"time"
)

// benchFloor is a session 40 turns in, with group, place and youth budgets
// and a queue of n requests from the room and four hubs, some typed.
func benchFloor(b *testing.B, n int) (State, Plan) {
	b.Helper()
	groups := []string{"Government", "Civil Society", "Private Sector", "Technical Community", "Intergovernmental Organization"}
	plan := Plan{Session: 90 * time.Minute, Budgets: []Budget{{Dimension: ByPlace, Category: Online, Permille: 500}, {Dimension: ByYouth, Category: Youth, Permille: 100}}}
	for _, g := range groups {
		plan.Budgets = append(plan.Budgets, Budget{Dimension: ByGroup, Category: g, Permille: 200})
	}
	speaker := func(i int) Speaker {
		s := Speaker{Name: "s" + strconv.Itoa(i), Group: groups[i%len(groups)], Youth: i%7 == 0}
		if h := i % 5; h > 0 {
			s.Remote, s.HubID, s.Hub = true, "h"+strconv.Itoa(h), "hub "+strconv.Itoa(h)
		}
		return s
	}
	var st State
	var err error
	at := t0
	for i := range 40 {
		if st, err = st.Take(speaker(i*3), at, 0, Ending{Spoke: time.Duration(30+i%5*20) * time.Second}); err != nil {
			b.Fatal(err)
		}
		at = at.Add(time.Minute)
	}
	for i := range n {
		s := speaker(i)
		switch i % 50 {
		case 7:
			s.Type = PointOfOrder
		case 19:
			s.Type = DirectReply
		}
		if st, _, err = st.Ask(s, at.Add(time.Duration(i)*time.Second)); err != nil {
			b.Fatal(err)
		}
	}
	return st, plan
}

// The fair order the console draws each second while it is switched on.
func BenchmarkSuggest50Requests(b *testing.B)  { benchSuggest(b, 50) }
func BenchmarkSuggest500Requests(b *testing.B) { benchSuggest(b, 500) }

func benchSuggest(b *testing.B, n int) {
	st, plan := benchFloor(b, n)
	b.ReportAllocs()
	for b.Loop() {
		if len(SuggestLive(st, plan, 20*time.Second)) != n {
			b.Fatal("a request left out")
		}
	}
}
