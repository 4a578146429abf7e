package whip_test

import (
	"context"
	"strings"
	"testing"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/control"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/media/whip"
)

// A hub sees the policy question and the open poll over the real data
// channel, passes its people's votes through, and cannot vote twice.
func TestHubVotesAndFollowsThePolicyQuestion(t *testing.T) {
	ctx := context.Background()
	r := newRoom(t, whip.Limits{})
	polls, err := app.OpenPolls(ctx, r.db, app.SystemClock{}, "test/ws234")
	if err != nil {
		t.Fatal(err)
	}
	r.hubs.UsePolls(polls)
	_, token := r.addHub(t, "Nairobi")
	_, hc := joinHub(t, r, token)
	if err := hc.Hello(12); err != nil {
		t.Fatal(err)
	}
	if err := r.mod.TakeUpQuestion(ctx, 2, "How can certification keep pace with updates?"); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the hub shows policy question 2", func() bool {
		st := hc.Status()
		return st.Question == 2 && strings.HasPrefix(st.Wording, "How can certification")
	})

	p, err := polls.Create(ctx, "Who should certify connected products?", floor.Single, []string{"Vendors", "Regulators", "Third parties"})
	if err != nil {
		t.Fatal(err)
	}
	if err := polls.Open(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the hub sees the open poll", func() bool {
		st := hc.Status()
		return st.Poll != nil && st.Poll.ID == p.ID && st.Poll.Open()
	})
	three := []control.HubVote{{Choices: []int{2}}, {Choices: []int{2}}, {Choices: []int{0}}}
	if err := hc.Vote(p.ID, three, false, 12); err != nil {
		t.Fatal(err)
	}
	eventually(t, "three of the hub's people counted", func() bool { return hc.Status().Voted == 3 })
	// Voting as one after passing votes through, or past the headcount, is refused.
	hc.Vote(p.ID, []control.HubVote{{Choices: []int{1}}}, true, 0)
	eventually(t, "the hub told it cannot vote as one too", func() bool { return strings.Contains(hc.Status().Notice, "not both") })
	hc.Vote(p.ID, make([]control.HubVote, 10), false, 12)
	eventually(t, "the hub told it passed more votes than people", func() bool {
		return strings.Contains(hc.Status().Notice, "already passed through for 12 people")
	})
	tl, _ := polls.Tally(p.ID)
	if tl.Voters != 3 || tl.Counts[2] != 2 || tl.Counts[0] != 1 || tl.ByPlace["Nairobi"] != 3 {
		t.Errorf("tally %+v", tl)
	}
}
