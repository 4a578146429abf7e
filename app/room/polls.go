package room

import (
	"context"
	"fmt"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/control"
	"github.com/igf-floor/floor/app/floor"
)

// hubPolls is what the room knows of each hub's votes: whether it voted as
// one, and how many of its people's votes it passed through, per poll.
type hubPolls struct {
	polls   *app.Polls
	unwatch func()
	asHub   map[int]map[string]bool // poll → hub ids that voted as one
	people  map[int]map[string]int  // poll → hub id → people's votes counted
}

// UsePolls lets hubs see the open poll and vote in it, and tells them when
// a poll opens or closes.
func (r *Room) UsePolls(p *app.Polls) {
	r.mu.Lock()
	if r.polls != nil {
		r.polls.unwatch()
	}
	r.polls = &hubPolls{polls: p, asHub: map[int]map[string]bool{}, people: map[int]map[string]int{}}
	r.polls.unwatch = p.Watch(func() { r.wake(); r.teamChanged() })
	r.mu.Unlock()
	r.wake()
}

// OnHeadcount calls f with a hub's name and the people it says it has
// present, each time it says so; the report's participation comes from it.
func (r *Room) OnHeadcount(f func(hub string, people int)) {
	r.mu.Lock()
	r.headcount = f
	r.mu.Unlock()
}

// roomNews is what every hub hears each round besides the timers: the
// policy question on the table and the current poll.
func (r *Room) roomNews(fs floor.State) []control.Message {
	msgs := []control.Message{{Type: control.Question, Position: fs.Question, Text: fs.QuestionText}}
	r.mu.Lock()
	hp := r.polls
	r.mu.Unlock()
	if hp != nil {
		if p, ok := hp.polls.Current(); ok {
			msgs = append(msgs, control.Message{Type: control.Poll, Poll: control.WirePoll(p)})
		}
	}
	return msgs
}

// vote counts a hub's votes: one for the hub, or its people's, no more of
// them than the people it says it has, and never both for one poll.
func (r *Room) vote(h floor.Hub, m control.Message) error {
	r.mu.Lock()
	hp := r.polls
	if hp == nil {
		r.mu.Unlock()
		return fmt.Errorf("this room runs no polls")
	}
	id := m.PollID
	if hp.asHub[id] == nil {
		hp.asHub[id], hp.people[id] = map[string]bool{}, map[string]int{}
	}
	counted := hp.people[id][h.ID]
	switch {
	case m.AsHub && counted > 0, !m.AsHub && hp.asHub[id][h.ID]:
		r.mu.Unlock()
		return fmt.Errorf("poll %d: %w: a hub votes as one or passes its people's votes, not both", id, floor.ErrVoted)
	case !m.AsHub && counted+len(m.Votes) > m.People:
		r.mu.Unlock()
		return fmt.Errorf("poll %d: %w: %d votes already passed through for %d people", id, floor.ErrVoted, counted, m.People)
	}
	ballots := make([]floor.Ballot, len(m.Votes))
	for i, v := range m.Votes {
		voter := "hub:" + h.ID
		if !m.AsHub {
			voter = fmt.Sprintf("hub:%s/%d", h.ID, counted+i+1)
		}
		ballots[i] = floor.Ballot{Voter: voter, Place: h.Name, Choices: v.Choices, Text: v.Text}
	}
	// Reserve the numbers before the write, so two messages racing cannot
	// pass the same person's vote twice; give them back if it fails.
	if m.AsHub {
		hp.asHub[id][h.ID] = true
	} else {
		hp.people[id][h.ID] = counted + len(m.Votes)
	}
	r.mu.Unlock()
	err := hp.polls.Vote(context.Background(), id, ballots)
	r.mu.Lock()
	if err != nil && m.AsHub {
		delete(hp.asHub[id], h.ID)
	} else if err != nil {
		hp.people[id][h.ID] -= len(m.Votes)
	}
	total := hp.people[id][h.ID]
	if hp.asHub[id][h.ID] {
		total = 1
	}
	r.mu.Unlock()
	if err != nil {
		return err
	}
	r.sendTo(h.ID, control.Message{Type: control.Voted, PollID: id, Length: total})
	return nil
}
