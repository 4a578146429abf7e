package app

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/igf-floor/floor/app/control"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/timer"
)

// HubClient is a remote hub's side of the control channel: it asks for the
// floor, estimates the room's clock, and knows its place in the queue and
// the room's timers. The media layer feeds Receive and carries Send.
type HubClient struct {
	clock Clock
	send  func([]byte) error

	welcomed chan struct{}

	mu       sync.Mutex
	view     control.RoomView
	link     control.LinkState
	onChange func()
}

// SetLink says how the link to the room stands, for the hub's screens.
func (h *HubClient) SetLink(s control.LinkState) {
	h.mu.Lock()
	h.link = s
	f := h.onChange
	h.mu.Unlock()
	if f != nil {
		f()
	}
}

// NewHubClient speaks through send (the data channel).
func NewHubClient(clock Clock, send func([]byte) error) *HubClient {
	return &HubClient{clock: clock, send: send, welcomed: make(chan struct{})}
}

// Welcomed is closed when the room has said who this hub is.
func (h *HubClient) Welcomed() <-chan struct{} { return h.welcomed }

// OnChange calls f after every message from the room.
func (h *HubClient) OnChange(f func()) {
	h.mu.Lock()
	h.onChange = f
	h.mu.Unlock()
}

func (h *HubClient) out(m control.Message) error {
	b, err := control.Encode(m)
	if err != nil {
		return err
	}
	if err := h.send(b); err != nil {
		return fmt.Errorf("send %s to the room: %w", m.Type, err)
	}
	return nil
}

// Hello tells the room how many people are at the hub.
func (h *HubClient) Hello(people int) error {
	return h.out(control.Message{Type: control.Hello, People: people})
}

// RequestFloor asks for the floor for s.
func (h *HubClient) RequestFloor(s floor.Speaker) error {
	return h.out(control.Message{Type: control.Request, Speaker: control.WireSpeaker(s)})
}

// Withdraw takes back this hub's requests.
func (h *HubClient) Withdraw() error {
	return h.out(control.Message{Type: control.Withdraw})
}

// Vote answers poll id: one vote for the whole hub when asHub, else its
// people's votes, no more than people (the hub's headcount).
func (h *HubClient) Vote(pollID int, votes []control.HubVote, asHub bool, people int) error {
	return h.out(control.Message{Type: control.Vote, PollID: pollID, Votes: votes, AsHub: asHub, People: people})
}

// Upvote upvotes the room's question id for this hub: once, as a phone
// does; the room says so in its next list of questions.
func (h *HubClient) Upvote(id int) error {
	return h.out(control.Message{Type: control.Upvote, QuestionID: id})
}

// Receive takes one message from the room.
func (h *HubClient) Receive(raw []byte) {
	m, err := control.Decode(raw)
	h.mu.Lock()
	if err == nil {
		h.view.Apply(m, h.clock.Now())
		if m.Type == control.Welcome && h.view.HubName != "" {
			select {
			case <-h.welcomed:
			default:
				close(h.welcomed)
			}
		}
	} else if ve, ok := errors.AsType[*control.VersionError](err); ok && ve.Peer > 0 {
		h.view.Notice = fmt.Sprintf("The room speaks control protocol version %d and this hub version %d: run the same Floor release at both ends", ve.Peer, control.Version)
	} else {
		h.view.Notice = "A message from the room could not be read: " + err.Error()
	}
	f := h.onChange
	h.mu.Unlock()
	if f != nil {
		f()
	}
}

// Ping sends one clock sample request.
func (h *HubClient) Ping() error {
	return h.out(control.Message{Type: control.Ping, T0: h.clock.Now().UnixNano()})
}

// Clock sampling: a quick burst to converge, then a steady refresh; the
// estimate keeps the lowest-RTT sample of the last 16 (DESIGN.md).
const (
	pingBurst     = 8
	pingBurstGap  = 250 * time.Millisecond
	pingRefreshed = 5 * time.Second
)

// Run pings the room until ctx ends.
func (h *HubClient) Run(ctx context.Context) {
	h.mu.Lock()
	h.view.Clock.Keep = 16
	h.mu.Unlock()
	for i := 0; ; i++ {
		_ = h.Ping()
		wait := pingRefreshed
		if i < pingBurst {
			wait = pingBurstGap
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(wait):
		}
	}
}

// HubStatus is what the hub shows at one instant.
type HubStatus struct {
	Session, HubName string
	Group, Region    string // the hub's, as the moderator invited it (from the welcome)
	Place            string // "2nd of 3 in the queue", "You have the floor"
	Floor            control.FloorState
	Request          int // this hub's open request; 0 when none
	Position, Length int
	Timer            timer.Reading
	HaveTimer        bool
	Stale            bool // no word from the room for control.StaleAfter
	Offset, RTT      time.Duration
	Samples          int
	Notice           string
	Link             control.LinkState // the link to the room, mended when it breaks
	Question         int               // the policy question on the table, 0: none
	Wording          string            // its wording
	Poll             *floor.Poll
	Voted            int    // this hub's votes counted in Poll
	ToSpeaker        string // the moderator's message to the hub's speaker on the floor
	// Questions are the phones' questions shown to the room, most upvoted
	// first, with this hub's upvotes.
	Questions []control.PublicQuestionWire
}

// Status reads the hub's view at the hub's clock now.
func (h *HubClient) Status() HubStatus {
	local := h.clock.Now()
	h.mu.Lock()
	defer h.mu.Unlock()
	v := &h.view
	st := HubStatus{Session: v.Session, HubName: v.HubName, Place: v.Status(), Floor: v.Floor, Request: v.Request,
		Position: v.Position, Length: v.Length, Stale: v.Stale(local), Notice: v.Notice, Samples: v.Clock.Samples()}
	st.Timer, st.HaveTimer = v.Reading(local)
	st.Link = h.link
	st.Group, st.Region = v.Invited.Group, v.Invited.Region
	st.Question, st.Wording = v.Question, v.Wording
	st.ToSpeaker = v.ToSpeaker
	st.Questions = slices.Clone(v.Questions)
	if v.Poll != nil {
		p := *v.Poll
		st.Poll, st.Voted = &p, v.Voted[p.ID]
	}
	if best, ok := v.Clock.Best(); ok {
		st.Offset, st.RTT = best.Offset, best.RTT
	}
	return st
}
