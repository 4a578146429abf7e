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
	return s, tok, d.Store.AppendAudit(ctx, floor.AuditEvent{At: s.Created, Kind: "seat-invited", Hub: id, Detail: s.Name + " as " + s.Role.Words()})
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
