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

	"github.com/igf-floor/floor/app/agenda"
	"github.com/igf-floor/floor/app/floor"
)

// AudienceStore keeps the room's phones' questions, upvotes and blocks;
// storage.DB is one.
type AudienceStore interface {
	AddQuestion(ctx context.Context, q floor.AudienceQuestion) (floor.AudienceQuestion, error)
	DecideQuestion(ctx context.Context, q floor.AudienceQuestion) error
	Questions(ctx context.Context, session string) ([]floor.AudienceQuestion, error)
	// AddUpvotes stores all the upvotes in one transaction, or none.
	AddUpvotes(ctx context.Context, us []floor.Upvote) error
	Upvoters(ctx context.Context, session string) (map[int][]string, error)
	BlockDevice(ctx context.Context, session, device string, at time.Time) error
	UnblockDevice(ctx context.Context, session, device string) error
	BlockedDevices(ctx context.Context, session string) ([]string, error)
	RoomCode(ctx context.Context, session string, fresh func() string) (string, error)
	// AppendAudit keeps a block and an unblock in the room's security record.
	AppendAudit(ctx context.Context, e floor.AuditEvent) error
}

// Errors of the room's phones.
var (
	ErrBlocked        = errors.New("the moderator has blocked this phone for the session")
	ErrAlreadyWaiting = errors.New("this phone already has a request waiting")
	ErrNotYours       = errors.New("that request is not this phone's, or no longer waiting")
	ErrNoSuchQuestion = errors.New("no such question")
	ErrTooManyAsked   = errors.New("this phone has too many questions waiting for the moderators")
	ErrNotInList      = errors.New("not a stakeholder group or region of the list")
)

// MaxOpenQuestions is how many questions one phone may have waiting.
const MaxOpenQuestions = 3

// PhoneSpeaker is what a phone says of the person asking for the floor.
type PhoneSpeaker struct {
	Name, Affiliation, Group, Region string
	Youth                            bool
}

// Audience is the room's phones in one session: requests for the floor,
// which go into the queue through the Moderator (the one writer of the
// floor log), and written questions, which only the moderators see until
// they approve them. A phone is a device id, the hash of its cookie.
type Audience struct {
	store   AudienceStore
	m       *Moderator
	clock   Clock
	session string
	code    string
	asks    groupCommit[floor.Speaker, int]
	ups     groupCommit[floor.Upvote, struct{}]

	mu        sync.Mutex
	questions []floor.AudienceQuestion
	upvoters  map[int]map[string]bool // counted or being written
	blocked   map[string]bool
	asking    map[string]bool // a request being written, so a phone has one at a time
	watchers  watchers
}

// OpenAudience loads session's questions, upvotes, blocks and room code.
func OpenAudience(ctx context.Context, store AudienceStore, m *Moderator, clock Clock, session string) (*Audience, error) {
	a := &Audience{store: store, m: m, clock: clock, session: session, upvoters: map[int]map[string]bool{},
		blocked: map[string]bool{}, asking: map[string]bool{}}
	var err error
	if a.code, err = store.RoomCode(ctx, session, newPollCode); err != nil {
		return nil, err
	}
	if a.questions, err = store.Questions(ctx, session); err != nil {
		return nil, err
	}
	ups, err := store.Upvoters(ctx, session)
	if err != nil {
		return nil, err
	}
	for id, ds := range ups {
		a.upvoters[id] = map[string]bool{}
		for _, d := range ds {
			a.upvoters[id][d] = true
		}
	}
	bl, err := store.BlockedDevices(ctx, session)
	if err != nil {
		return nil, err
	}
	for _, d := range bl {
		a.blocked[d] = true
	}
	a.asks.write = m.RequestAll
	a.ups.write = func(ctx context.Context, us []floor.Upvote) ([]struct{}, error) {
		return make([]struct{}, len(us)), store.AddUpvotes(ctx, us)
	}
	return a, nil
}

// Code is the room's code, shown on the room's screen with the page's
// address; phones need it to ask or write.
func (a *Audience) Code() string { return a.code }

// Session is the moderation key the audience belongs to.
func (a *Audience) Session() string { return a.session }

// NewDeviceID is a fresh random id for a phone's cookie (128 bits, hex).
func NewDeviceID() string {
	b := make([]byte, 16)
	rand.Read(b) // never fails (crypto/rand since Go 1.24)
	return fmt.Sprintf("%x", b)
}

// Ask puts device's person in the queue, in the room, marked as asked
// from a phone; a phone has one request waiting at a time.
func (a *Audience) Ask(ctx context.Context, device string, p PhoneSpeaker) (int, error) {
	s, err := phoneSpeaker(device, p)
	if err != nil {
		return 0, err
	}
	a.mu.Lock()
	if a.blocked[device] {
		a.mu.Unlock()
		return 0, ErrBlocked
	}
	if w := a.m.Floor().Phone(device).Waiting; len(w) > 0 || a.asking[device] {
		a.mu.Unlock()
		id := 0
		if len(w) > 0 {
			id = w[0].ID
		}
		return id, fmt.Errorf("%w (request %d)", ErrAlreadyWaiting, id)
	}
	a.asking[device] = true
	a.mu.Unlock()
	id, err := a.asks.do(context.WithoutCancel(ctx), s) // written once queued: a phone that hangs up still finds it
	a.mu.Lock()
	delete(a.asking, device)
	a.mu.Unlock()
	return id, err
}

func phoneSpeaker(device string, p PhoneSpeaker) (floor.Speaker, error) {
	s := floor.Speaker{Source: floor.FromPhone, Device: device, Youth: p.Youth}
	var err error
	if s.Name, err = floor.CleanLine(p.Name, floor.MaxPhoneName, true); err != nil {
		return s, fmt.Errorf("name: %w", err)
	}
	if s.Affiliation, err = floor.CleanLine(p.Affiliation, floor.MaxPhoneAffil, false); err != nil {
		return s, fmt.Errorf("affiliation: %w", err)
	}
	if strings.TrimSpace(p.Group) != "" {
		g, err := agenda.ParseGroup(p.Group)
		if err != nil {
			return s, fmt.Errorf("%w: %v", ErrNotInList, err)
		}
		s.Group = g.String()
	}
	if strings.TrimSpace(p.Region) != "" {
		r, err := agenda.ParseRegion(p.Region)
		if err != nil {
			return s, fmt.Errorf("%w: %v", ErrNotInList, err)
		}
		s.Region = r.String()
	}
	if device == "" {
		return s, fmt.Errorf("%w: no phone", floor.ErrBadSpeaker)
	}
	return s, nil
}

// Withdraw takes device's waiting request id out of the queue; a request
// given, spoken or withdrawn already is not the phone's to change.
func (a *Audience) Withdraw(ctx context.Context, device string, id int) error {
	for _, w := range a.m.Floor().Phone(device).Waiting {
		if w.ID == id {
			return a.m.Withdraw(ctx, id)
		}
	}
	return fmt.Errorf("%w: %d", ErrNotYours, id)
}

// Status is where device's requests stand now.
func (a *Audience) Status(device string) floor.PhoneRequests { return a.m.Floor().Phone(device) }

// Block stops device asking, writing and upvoting for the rest of the
// session; its requests still waiting are withdrawn and its questions
// still waiting dismissed (a turn on the floor is the moderator's to end).
func (a *Audience) Block(ctx context.Context, device string) error {
	if device == "" {
		return fmt.Errorf("%w: no phone", ErrBlocked)
	}
	if err := a.store.BlockDevice(ctx, a.session, device, a.clock.Now().UTC()); err != nil {
		return err
	}
	if err := a.store.AppendAudit(ctx, floor.AuditEvent{At: a.clock.Now().UTC(), Kind: "phone-blocked", Detail: a.session + ": phone " + ShortDevice(device)}); err != nil {
		return err
	}
	a.mu.Lock()
	a.blocked[device] = true
	var open []int
	for _, q := range a.questions {
		if q.Device == device && q.State.Open() {
			open = append(open, q.ID)
		}
	}
	a.mu.Unlock()
	var errs []error
	for _, id := range open {
		errs = append(errs, a.Dismiss(ctx, id))
	}
	for _, w := range a.m.Floor().Phone(device).Waiting {
		errs = append(errs, a.m.Withdraw(ctx, w.ID))
	}
	a.changed()
	return errors.Join(errs...)
}

// Unblock lets device ask, write and upvote again; what its block
// withdrew and dismissed stays so (the phone asks again if it wants).
func (a *Audience) Unblock(ctx context.Context, device string) error {
	if !a.Blocked(device) {
		return fmt.Errorf("phone %s is not blocked", ShortDevice(device))
	}
	if err := a.store.UnblockDevice(ctx, a.session, device); err != nil {
		return err
	}
	a.mu.Lock()
	delete(a.blocked, device)
	a.mu.Unlock()
	a.changed()
	return a.store.AppendAudit(ctx, floor.AuditEvent{At: a.clock.Now().UTC(), Kind: "phone-unblocked", Detail: a.session + ": phone " + ShortDevice(device)})
}

// BlockedPhones are the devices blocked now, sorted.
func (a *Audience) BlockedPhones() []string {
	a.mu.Lock()
	defer a.mu.Unlock()
	out := make([]string, 0, len(a.blocked))
	for d := range a.blocked {
		out = append(out, d)
	}
	slices.Sort(out)
	return out
}

// ShortDevice is how screens name a phone: its device hash's first six
// characters.
func ShortDevice(device string) string { return device[:min(6, len(device))] }

// Blocked reports whether device is blocked.
func (a *Audience) Blocked(device string) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.blocked[device]
}

// Watch calls w (from any goroutine) after every change of the questions
// or blocks; w must only hand the news on. The queue is the Moderator's.
func (a *Audience) Watch(w func()) (stop func()) { return a.watchers.add(w) }

func (a *Audience) changed() { a.watchers.tell() }
