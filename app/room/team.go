package room

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/timer"
)

// TeamRecord is where the session team's notes are kept; storage.DB is one.
type TeamRecord interface {
	AddTeamNote(ctx context.Context, session string, n floor.TeamNote) error
	TeamNotes(ctx context.Context, session string) ([]floor.TeamNote, error)
}

// Auditor keeps the room's security record; storage.DB is one.
type Auditor interface {
	AppendAudit(ctx context.Context, e floor.AuditEvent) error
}

// ErrFull is a seat arriving when MaxSeats are connected already.
var ErrFull = errors.New("the room has as many seats connected as it takes")

// team is the room's side of the session team: the seats connected, and
// who is told of every change.
type team struct {
	mu       sync.Mutex
	present  map[string]int // seat id → connections open
	watchers map[int]chan struct{}
	nextID   int
}

// TeamView is what a seat's screen shows: the room's state, the hubs, the
// team's record, and what this seat may do. Everything in it comes from
// the room; a seat keeps nothing of its own.
type TeamView struct {
	Seat       floor.Seat
	Rights     []Right
	Session    string
	Base       app.Base
	Timer      timer.State
	Thresholds timer.Thresholds // when the session's speaker timer warns
	Floor      floor.State
	Questions  []string // the session's policy questions, in order
	Hubs       []Presence
	Grace      time.Duration // how long an away hub keeps its place
	Notes      []floor.TeamNote
	Poll       *floor.Poll   // the open poll, else the last one
	Polls      []floor.Tally // every poll, counted so far
	Seats      []floor.Seat  // the seats connected now
	// Audience is the room's phones' written questions, every state, for
	// a seat that may moderate them (nil for any other; no device in them).
	Audience []floor.AudienceQuestion
	// Budgets and Suggested, for a seat that manages the queue: each
	// budget used and left, and the fair order of the queue with its
	// reasons (a suggestion: the queue's order is the moderators').
	Budgets   []floor.Usage
	Suggested []floor.Suggestion
}

// ArriveSeat counts seat s in; leave counts it out. At most app.MaxSeats
// seats are connected at once (a seat's second window counts once).
func (r *Room) ArriveSeat(s floor.Seat) (leave func(), err error) {
	t := &r.team
	t.mu.Lock()
	if t.present == nil {
		t.present = map[string]int{}
	}
	if t.present[s.ID] == 0 && len(t.present) >= app.MaxSeats {
		t.mu.Unlock()
		return nil, fmt.Errorf("%w (%d)", ErrFull, app.MaxSeats)
	}
	t.present[s.ID]++
	t.mu.Unlock()
	r.audit(s, "seat-joined", "")
	r.changed()
	var once sync.Once
	return func() {
		once.Do(func() {
			t.mu.Lock()
			if t.present[s.ID]--; t.present[s.ID] <= 0 {
				delete(t.present, s.ID)
			}
			t.mu.Unlock()
			r.audit(s, "seat-left", "")
			r.changed()
		})
	}, nil
}

// WatchTeam is told (at most one pending wake) after every change a seat
// should see: a command, a hub arriving or leaving, a note, a poll.
func (r *Room) WatchTeam() (changes <-chan struct{}, stop func()) {
	t := &r.team
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.watchers == nil {
		t.watchers = map[int]chan struct{}{}
	}
	t.nextID++
	id, ch := t.nextID, make(chan struct{}, 1)
	t.watchers[id] = ch
	return ch, func() {
		t.mu.Lock()
		delete(t.watchers, id)
		t.mu.Unlock()
	}
}

func (r *Room) teamChanged() {
	t := &r.team
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, ch := range t.watchers {
		select {
		case ch <- struct{}{}:
		default:
		}
	}
}

// Base is the state the room's log has reached: what a seat's screen
// must show to have seen a command's effect.
func (r *Room) Base() app.Base { return r.mod.Base() }

// View is the room as seat s sees it now.
func (r *Room) View(ctx context.Context, s floor.Seat) (TeamView, error) {
	v := TeamView{Seat: s, Rights: RightsOf(s), Session: r.session, Base: r.mod.Base(), Timer: r.mod.TimerState(), Thresholds: r.mod.Thresholds(),
		Floor: r.mod.Floor(), Questions: r.questions, Hubs: r.Present(), Grace: r.grace}
	if r.record != nil {
		notes, err := r.record.TeamNotes(ctx, r.key)
		if err != nil {
			return v, err
		}
		v.Notes = notes
	}
	r.mu.Lock()
	hp := r.polls
	r.mu.Unlock()
	if hp != nil {
		if p, ok := hp.polls.Current(); ok {
			v.Poll = &p
		}
		v.Polls = hp.polls.All()
	}
	v.Seats = r.ConnectedSeats(ctx)
	v.Audience = r.audienceFor(v.Rights)
	if slices.Contains(v.Rights, RightQueue) {
		v.Budgets, v.Suggested = r.mod.Budgets(), r.mod.Suggest()
	}
	return v, nil
}

// ConnectedSeats are the seats following the room now.
func (r *Room) ConnectedSeats(ctx context.Context) []floor.Seat {
	r.team.mu.Lock()
	ids := make([]string, 0, len(r.team.present))
	for id := range r.team.present {
		ids = append(ids, id)
	}
	r.team.mu.Unlock()
	slices.Sort(ids)
	var out []floor.Seat
	for _, id := range ids {
		if r.seatByID == nil {
			out = append(out, floor.Seat{ID: id})
			continue
		}
		if s, err := r.seatByID(ctx, id); err == nil {
			out = append(out, s)
		}
	}
	return out
}

func (r *Room) audit(s floor.Seat, kind, detail string) {
	if r.auditor == nil {
		return
	}
	_ = r.auditor.AppendAudit(context.Background(), floor.AuditEvent{At: r.clock.Now().UTC(), Kind: kind, Hub: s.ID,
		Detail: fmt.Sprintf("%s (%s) %s", s.Name, s.Role.Words(), detail)})
}
