package app

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/igf-floor/floor/app/floor"
)

// PollStore keeps polls and their ballots; storage.DB is one.
type PollStore interface {
	AddPoll(ctx context.Context, session string, p floor.Poll) (floor.Poll, error)
	SetPollTimes(ctx context.Context, id int, opened, closed time.Time) error
	Polls(ctx context.Context, session string) ([]floor.Poll, error)
	// AddBallots stores all the ballots in one transaction, or none.
	AddBallots(ctx context.Context, bs []floor.Ballot) error
	Ballots(ctx context.Context, poll int) ([]floor.Ballot, error)
}

// Polls runs a session's polls: at most one open at a time, votes from
// phones in the room and from hubs, counted exactly once per voter. A vote
// is counted only once it is on disk; votes arriving together share one
// commit, so a room voting in the same second costs a few fsyncs, not
// thousands.
type Polls struct {
	store   PollStore
	clock   Clock
	session string

	mu       sync.Mutex
	polls    []floor.Poll
	tallies  map[int]*floor.Tally
	voters   map[int]map[string]bool // counted or being written
	watchers watchers

	qmu     sync.Mutex
	queue   []*pendingVote
	writing bool
}

type pendingVote struct {
	ballots []floor.Ballot
	done    chan error
}

// OpenPolls loads session's polls and counts their votes.
func OpenPolls(ctx context.Context, store PollStore, clock Clock, session string) (*Polls, error) {
	ps, err := store.Polls(ctx, session)
	if err != nil {
		return nil, err
	}
	p := &Polls{store: store, clock: clock, session: session, polls: ps,
		tallies: map[int]*floor.Tally{}, voters: map[int]map[string]bool{}}
	for _, poll := range ps {
		bs, err := store.Ballots(ctx, poll.ID)
		if err != nil {
			return nil, err
		}
		t := floor.Count(poll, bs)
		p.tallies[poll.ID] = &t
		p.voters[poll.ID] = map[string]bool{}
		for _, b := range bs {
			p.voters[poll.ID][b.Voter] = true
		}
	}
	return p, nil
}

// codeLetters leave out 0/O and 1/I, which people misread from a screen.
const codeLetters = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"

func newPollCode() string {
	b := make([]byte, 6)
	rand.Read(b) // never fails (crypto/rand since Go 1.24)
	for i := range b {
		b[i] = codeLetters[int(b[i])%len(codeLetters)]
	}
	return string(b)
}

// Create writes a new poll, closed until Open.
func (p *Polls) Create(ctx context.Context, question string, kind floor.PollKind, options []string) (floor.Poll, error) {
	poll, err := floor.NewPoll(question, kind, options)
	if err != nil {
		return poll, err
	}
	poll.Code = newPollCode()
	if poll, err = p.store.AddPoll(ctx, p.session, poll); err != nil {
		return poll, err
	}
	p.mu.Lock()
	p.polls = append(p.polls, poll)
	t := floor.Count(poll, nil)
	p.tallies[poll.ID], p.voters[poll.ID] = &t, map[string]bool{}
	p.mu.Unlock()
	p.changed()
	return poll, nil
}

// Open starts taking votes for poll id; another open poll must be closed
// first, so a phone never answers the wrong question.
func (p *Polls) Open(ctx context.Context, id int) error {
	return p.change(func() error {
		return p.open(ctx, id)
	})
}

func (p *Polls) open(ctx context.Context, id int) error {
	i := p.index(id)
	if i < 0 {
		return fmt.Errorf("poll %d: %w", id, ErrNoSuchPoll)
	}
	for _, o := range p.polls {
		if o.Open() && o.ID != id {
			return fmt.Errorf("poll %d: %w: close poll %d (%q) first", id, ErrPollOpen, o.ID, o.Question)
		}
	}
	poll := p.polls[i]
	if !poll.Closed.IsZero() {
		return fmt.Errorf("poll %d: %w: it was closed; write a new one", id, floor.ErrPollClosed)
	}
	if poll.Open() {
		return nil
	}
	poll.Opened = p.clock.Now().UTC()
	if err := p.store.SetPollTimes(ctx, id, poll.Opened, poll.Closed); err != nil {
		return err
	}
	p.setPoll(i, poll)
	return nil
}

// Close stops taking votes for poll id; votes already being written are
// still counted, later ones are refused.
func (p *Polls) Close(ctx context.Context, id int) error {
	return p.change(func() error {
		return p.close(ctx, id)
	})
}

// change runs f locked and tells the watchers when it did something.
func (p *Polls) change(f func() error) error {
	p.mu.Lock()
	err := f()
	p.mu.Unlock()
	if err == nil {
		p.changed()
	}
	return err
}

func (p *Polls) close(ctx context.Context, id int) error {
	i := p.index(id)
	if i < 0 {
		return fmt.Errorf("poll %d: %w", id, ErrNoSuchPoll)
	}
	poll := p.polls[i]
	if !poll.Open() {
		return fmt.Errorf("poll %d: %w", id, floor.ErrPollClosed)
	}
	poll.Closed = p.clock.Now().UTC()
	if err := p.store.SetPollTimes(ctx, id, poll.Opened, poll.Closed); err != nil {
		return err
	}
	p.setPoll(i, poll)
	return nil
}

func (p *Polls) setPoll(i int, poll floor.Poll) {
	p.polls[i] = poll
	p.tallies[poll.ID].Poll = poll
}

// Errors of the poll service.
var (
	ErrNoSuchPoll = errors.New("no such poll")
	ErrPollOpen   = errors.New("another poll is open")
)

func (p *Polls) index(id int) int {
	return slices.IndexFunc(p.polls, func(o floor.Poll) bool { return o.ID == id })
}

// Vote counts ballots for poll id: all of them or, when one does not fit
// (closed poll, bad choice, a voter who already voted, the disk refuses),
// none, with the reason.
func (p *Polls) Vote(ctx context.Context, id int, ballots []floor.Ballot) error {
	if len(ballots) == 0 {
		return fmt.Errorf("poll %d: %w: no ballots", id, floor.ErrBadVote)
	}
	now := p.clock.Now().UTC()
	p.mu.Lock()
	i := p.index(id)
	if i < 0 {
		p.mu.Unlock()
		return fmt.Errorf("poll %d: %w", id, ErrNoSuchPoll)
	}
	poll, seen := p.polls[i], p.voters[id]
	checked := make([]floor.Ballot, len(ballots))
	batch := map[string]bool{}
	for j, b := range ballots {
		b.Poll, b.At = id, now
		var err error
		if checked[j], err = poll.Check(b); err != nil {
			p.mu.Unlock()
			return err
		}
		if seen[b.Voter] || batch[b.Voter] {
			p.mu.Unlock()
			return fmt.Errorf("poll %d: %w", id, floor.ErrVoted)
		}
		batch[b.Voter] = true
	}
	for v := range batch {
		seen[v] = true // reserved: a second vote from the same voter is refused while this one is written
	}
	p.mu.Unlock()

	err := p.write(ctx, checked)
	p.mu.Lock()
	if err != nil {
		for v := range batch {
			delete(seen, v)
		}
	} else {
		for _, b := range checked {
			p.tallies[id].Add(b)
		}
	}
	p.mu.Unlock()
	if err == nil {
		p.changed()
	}
	return err
}

// write queues ballots for the next commit and waits for it.
func (p *Polls) write(ctx context.Context, ballots []floor.Ballot) error {
	v := &pendingVote{ballots: ballots, done: make(chan error, 1)}
	p.qmu.Lock()
	p.queue = append(p.queue, v)
	if !p.writing {
		p.writing = true
		go p.flush()
	}
	p.qmu.Unlock()
	select {
	case err := <-v.done:
		return err
	case <-ctx.Done():
		// The commit may still land; the voter stays reserved, so it is
		// never counted twice, and a restart counts what is on disk.
		return fmt.Errorf("record vote: %w", ctx.Err())
	}
}

// flush commits queued ballots, many votes in one transaction, until the
// queue is empty. When a batch fails, its votes are tried one by one so one
// voter's failure does not cost the others theirs.
func (p *Polls) flush() {
	for {
		p.qmu.Lock()
		batch := p.queue
		p.queue = nil
		if len(batch) == 0 {
			p.writing = false
			p.qmu.Unlock()
			return
		}
		p.qmu.Unlock()
		var all []floor.Ballot
		for _, v := range batch {
			all = append(all, v.ballots...)
		}
		ctx := context.Background()
		if err := p.store.AddBallots(ctx, all); err == nil || len(batch) == 1 {
			for _, v := range batch {
				v.done <- err
			}
			continue
		}
		for _, v := range batch {
			v.done <- p.store.AddBallots(ctx, v.ballots)
		}
	}
}

// Tally is poll id's result so far.
func (p *Polls) Tally(id int) (floor.Tally, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	t, ok := p.tallies[id]
	if !ok {
		return floor.Tally{}, false
	}
	return copyTally(*t), true
}

func copyTally(t floor.Tally) floor.Tally {
	t.Counts, t.Answers = slices.Clone(t.Counts), slices.Clone(t.Answers)
	by := make(map[string]int, len(t.ByPlace))
	for k, v := range t.ByPlace {
		by[k] = v
	}
	t.ByPlace = by
	return t
}

// All is every poll's result, in the order they were written.
func (p *Polls) All() []floor.Tally {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := make([]floor.Tally, 0, len(p.polls))
	for _, poll := range p.polls {
		out = append(out, copyTally(*p.tallies[poll.ID]))
	}
	return out
}

// Current is the open poll, else the last one written; false when there is none.
func (p *Polls) Current() (floor.Poll, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, poll := range p.polls {
		if poll.Open() {
			return poll, true
		}
	}
	if len(p.polls) == 0 {
		return floor.Poll{}, false
	}
	return p.polls[len(p.polls)-1], true
}

// ByCode finds the poll a phone asked for, whatever the case it was typed in.
func (p *Polls) ByCode(code string) (floor.Poll, bool) {
	code = strings.ToUpper(strings.TrimSpace(code))
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, poll := range p.polls {
		if poll.Code == code {
			return poll, true
		}
	}
	return floor.Poll{}, false
}

// Watch calls w (from any goroutine) after every change: a poll written,
// opened or closed, votes counted. w must only hand the news on.
func (p *Polls) Watch(w func()) (stop func()) { return p.watchers.add(w) }

func (p *Polls) changed() { p.watchers.tell() }
