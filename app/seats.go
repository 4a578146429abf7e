package app

import (
	"context"
	"crypto/subtle"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/igf-floor/floor/app/agenda"
	"github.com/igf-floor/floor/app/floor"
)

// SeatStore is what the session team's seats need from storage;
// storage.DB is one.
type SeatStore interface {
	AddSeat(ctx context.Context, s floor.Seat, tokenHash []byte) error
	Seats(ctx context.Context) ([]floor.Seat, error)
	Seat(ctx context.Context, id string) (floor.Seat, error)
	SeatByTokenHash(ctx context.Context, hash []byte) (floor.Seat, []byte, error)
	RevokeSeat(ctx context.Context, id string, at time.Time) (floor.Seat, error)
	SetSeatGiveRemote(ctx context.Context, id string, on bool) (floor.Seat, error)
	AppendAudit(ctx context.Context, e floor.AuditEvent) error
}

// ErrNoSeat is a seat token that is missing, wrong or revoked; like
// ErrUnauthorized it never says which.
var ErrNoSeat = errors.New("no valid seat token")

// SeatDirectory invites, authenticates and revokes the session team's
// seats, as HubDirectory does hubs: a 256-bit token shown once, only its
// hash kept.
type SeatDirectory struct {
	Store SeatStore
	Clock Clock
}

// NewSeat is what the moderator says about a seat when inviting it.
type NewSeat struct {
	Name string
	Role floor.SeatRole
	// GiveRemote lets an online moderator give the floor to remote
	// requests (a co-moderator always may).
	GiveRemote bool
}

// MaxSeats is how many seats may be invited and active at once.
const MaxSeats = 8

// Add creates a seat and returns it with its token.
func (d SeatDirectory) Add(ctx context.Context, n NewSeat) (floor.Seat, string, error) {
	s := floor.Seat{Name: strings.TrimSpace(n.Name), Role: n.Role, GiveRemote: n.GiveRemote, Created: d.Clock.Now().UTC()}
	switch {
	case s.Name == "":
		return s, "", errors.New("a seat needs the name of the person in it")
	case utf8.RuneCountInString(s.Name) > 100 || agenda.CheckText([]byte(s.Name)) != nil:
		return s, "", fmt.Errorf("seat name %q: at most 100 printable characters", s.Name)
	case s.Role == floor.UnknownSeatRole:
		return s, "", errors.New("a seat needs a role: online-moderator, rapporteur or co-moderator")
	}
	seats, err := d.Store.Seats(ctx)
	if err != nil {
		return s, "", err
	}
	active := 0
	for _, o := range seats {
		if o.Active() {
			active++
		}
	}
	if active >= MaxSeats {
		return s, "", fmt.Errorf("a session has at most %d seats: revoke one first", MaxSeats)
	}
	id, tok, err := newCredentials("s")
	if err != nil {
		return s, "", fmt.Errorf("seat: %w", err)
	}
	s.ID = id
	if err := d.Store.AddSeat(ctx, s, HashToken(tok)); err != nil {
		return s, "", err
	}
	if err := d.withinLimit(ctx, s); err != nil {
		return s, "", err
	}
	return s, tok, d.Store.AppendAudit(ctx, floor.AuditEvent{At: s.Created, Kind: "seat-invited", Hub: id, Detail: s.Name + " as " + s.Role.Words()})
}

// withinLimit checks, once seat s is written, that fewer than MaxSeats
// other active seats were invited before it or at the same time; if not,
// s is revoked at once. The count before the insert is not the same step
// as the insert, and two invites at once (the console and floor seats add)
// both passed it: 9 seats. Two written together may both be refused; never
// both kept past the limit.
func (d SeatDirectory) withinLimit(ctx context.Context, s floor.Seat) error {
	seats, err := d.Store.Seats(ctx)
	if err != nil {
		return err
	}
	var created time.Time
	for _, o := range seats {
		if o.ID == s.ID {
			created = o.Created // as stored, to compare with the others
		}
	}
	ahead := 0
	for _, o := range seats {
		if o.ID != s.ID && o.Active() && !o.Created.After(created) {
			ahead++
		}
	}
	if ahead < MaxSeats {
		return nil
	}
	if _, err := d.Store.RevokeSeat(ctx, s.ID, d.Clock.Now().UTC()); err != nil {
		return err
	}
	return fmt.Errorf("a session has at most %d seats: revoke one first", MaxSeats)
}

// Authenticate returns the active seat token belongs to.
func (d SeatDirectory) Authenticate(ctx context.Context, token string) (floor.Seat, error) {
	if len(token) == 0 || len(token) > 128 {
		return floor.Seat{}, ErrNoSeat
	}
	want := HashToken(token)
	s, stored, err := d.Store.SeatByTokenHash(ctx, want)
	if err != nil || subtle.ConstantTimeCompare(stored, want) != 1 || !s.Active() {
		return floor.Seat{}, ErrNoSeat
	}
	return s, nil
}

// Revoke ends seat id's invite at once.
func (d SeatDirectory) Revoke(ctx context.Context, id string) (floor.Seat, error) {
	s, err := d.Store.RevokeSeat(ctx, id, d.Clock.Now().UTC())
	if err != nil {
		return s, err
	}
	return s, d.Store.AppendAudit(ctx, floor.AuditEvent{At: d.Clock.Now().UTC(), Kind: "seat-revoked", Hub: id, Detail: s.Name})
}

// SetGiveRemote lets online moderator seat id give the floor to remote
// requests, or stops it; a seat following the room has its new rights
// within a heartbeat, and its next command is checked against them.
func (d SeatDirectory) SetGiveRemote(ctx context.Context, id string, on bool) (floor.Seat, error) {
	s, err := d.Store.Seat(ctx, id)
	switch {
	case err != nil:
		return s, err
	case s.Role != floor.OnlineModerator:
		return s, fmt.Errorf("%s is the %s's seat: only an online moderator's right to give the floor is switched", s.Name, s.Role.Words())
	case !s.Active():
		return s, fmt.Errorf("%s's seat was revoked", s.Name)
	}
	if s, err = d.Store.SetSeatGiveRemote(ctx, id, on); err != nil {
		return s, err
	}
	detail := s.Name + " may give the floor to remote requests"
	if !on {
		detail = s.Name + " may no longer give the floor"
	}
	return s, d.Store.AppendAudit(ctx, floor.AuditEvent{At: d.Clock.Now().UTC(), Kind: "seat-rights", Hub: id, Detail: detail})
}

// served are the seats that acted in the session: gave a floor command or
// wrote in the team's record; a person re-invited in the same role (a lost
// invite revoked, a new one sent) served once. Commands name the seat's
// person, so that is what is matched.
func served(seats []floor.Seat, log []floor.Command, team []floor.TeamNote) []floor.Seat {
	acted := map[string]bool{}
	for _, c := range log {
		if c.By != "" {
			acted[c.By] = true
		}
	}
	for _, n := range team {
		acted[n.By] = true
	}
	type person struct {
		name string
		role floor.SeatRole
	}
	listed := map[person]bool{}
	var out []floor.Seat
	for _, s := range seats {
		if p := (person{s.Name, s.Role}); acted[s.Name] && !listed[p] {
			listed[p] = true
			out = append(out, s)
		}
	}
	return out
}
