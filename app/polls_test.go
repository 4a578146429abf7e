package app_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/storage"
)

// lockedClock is read by many goroutines at once.
type lockedClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *lockedClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *lockedClock) Add(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

func openPolls(t testing.TB) (*app.Polls, *storage.DB, string, *lockedClock) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "floor.db")
	db, err := storage.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	clock := &lockedClock{now: time.Date(2020, 11, 11, 12, 0, 0, 0, time.UTC)}
	p, err := app.OpenPolls(context.Background(), db, clock, app.ModerationKey("igf", "IGF 2020 WS #234"))
	if err != nil {
		t.Fatal(err)
	}
	return p, db, path, clock
}

func TestTenThousandVotesInASecondAreCountedExactlyOnce(t *testing.T) {
	ctx := context.Background()
	polls, db, _, clock := openPolls(t)
	if _, err := polls.Create(ctx, "Who should certify?", floor.Single, nil); !errors.Is(err, floor.ErrBadPoll) {
		t.Errorf("a poll without options: %v", err)
	}
	p, err := polls.Create(ctx, "Who should certify connected products?", floor.Single, []string{"Vendors", "Regulators", "Third parties"})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Code) != 6 {
		t.Errorf("code %q", p.Code)
	}
	vote := func(voter string, choice int) error {
		return polls.Vote(ctx, p.ID, []floor.Ballot{{Voter: voter, Place: "in the room", Choices: []int{choice}}})
	}
	if err := vote("device:early", 0); !errors.Is(err, floor.ErrPollClosed) {
		t.Errorf("vote before opening: %v", err)
	}
	if err := polls.Open(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	other, _ := polls.Create(ctx, "Another?", floor.TextPoll, nil)
	if err := polls.Open(ctx, other.ID); !errors.Is(err, app.ErrPollOpen) {
		t.Errorf("two open polls: %v", err)
	}

	const voters = 10000
	start := time.Now()
	var wg sync.WaitGroup
	errs := make(chan error, 2*voters)
	for i := range voters {
		wg.Add(2)
		go func() { defer wg.Done(); errs <- vote(fmt.Sprintf("device:%d", i), i%3) }()
		go func() { defer wg.Done(); errs <- vote(fmt.Sprintf("device:%d", i), (i+1)%3) }() // the same phone again
	}
	wg.Wait()
	close(errs)
	took := time.Since(start)
	var ok, dup int
	for err := range errs {
		switch {
		case err == nil:
			ok++
		case errors.Is(err, floor.ErrVoted):
			dup++
		default:
			t.Fatalf("vote: %v", err)
		}
	}
	if ok != voters || dup != voters {
		t.Errorf("%d counted and %d refused as second votes, want %d each", ok, dup, voters)
	}
	t.Logf("%d votes and %d second votes in %v", voters, voters, took)

	tally, _ := polls.Tally(p.ID)
	if tally.Voters != voters || tally.Counts[0]+tally.Counts[1]+tally.Counts[2] != voters {
		t.Errorf("tally %d voters, counts %v", tally.Voters, tally.Counts)
	}
	clock.Add(time.Minute)
	if err := polls.Close(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	if err := vote("device:late", 1); !errors.Is(err, floor.ErrPollClosed) {
		t.Errorf("vote after closing: %v", err)
	}
	if err := polls.Open(ctx, p.ID); !errors.Is(err, floor.ErrPollClosed) {
		t.Errorf("reopening a closed poll: %v", err)
	}

	// What is on disk counts the same after a restart.
	again, err := app.OpenPolls(ctx, db, clock, app.ModerationKey("igf", "IGF 2020 WS #234"))
	if err != nil {
		t.Fatal(err)
	}
	reread, _ := again.Tally(p.ID)
	if fmt.Sprint(reread.Counts) != fmt.Sprint(tally.Counts) || reread.Voters != voters || reread.Poll.Open() {
		t.Errorf("after restart %+v, before %+v", reread.Counts, tally.Counts)
	}
}

func TestAHubPassesItsPeoplesVotesThroughAllOrNone(t *testing.T) {
	ctx := context.Background()
	polls, _, _, _ := openPolls(t)
	p, _ := polls.Create(ctx, "One word for security by design?", floor.TextPoll, nil)
	if err := polls.Open(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	bad := []floor.Ballot{{Voter: "hub:nbo/1", Place: "Nairobi", Text: "<b>defaults</b>"}, {Voter: "hub:nbo/2", Place: "Nairobi", Text: " "}}
	if err := polls.Vote(ctx, p.ID, bad); !errors.Is(err, floor.ErrBadVote) {
		t.Errorf("one empty answer: %v", err)
	}
	if tl, _ := polls.Tally(p.ID); tl.Voters != 0 {
		t.Errorf("a refused batch counted %d", tl.Voters)
	}
	bad[1].Text = "updates"
	if err := polls.Vote(ctx, p.ID, bad); err != nil {
		t.Fatal(err)
	}
	tl, _ := polls.Tally(p.ID)
	if tl.Voters != 2 || tl.ByPlace["Nairobi"] != 2 || tl.Answers[0] != "<b>defaults</b>" {
		t.Errorf("tally %+v", tl)
	}
}

// BenchmarkVotes is a room of phones voting at once: how many votes a
// second the poll counts, each on disk (synchronous=FULL) before it counts.
func BenchmarkVotes(b *testing.B) {
	ctx := context.Background()
	polls, _, _, _ := openPolls(b)
	p, _ := polls.Create(ctx, "Who should certify?", floor.Single, []string{"Vendors", "Regulators"})
	polls.Open(ctx, p.ID)
	b.SetParallelism(64)
	var n sync.Mutex
	i := 0
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			n.Lock()
			i++
			voter := fmt.Sprintf("device:%d", i)
			n.Unlock()
			if err := polls.Vote(ctx, p.ID, []floor.Ballot{{Voter: voter, Place: "in the room", Choices: []int{i % 2}}}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "votes/s")
}
