package app

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/igf-floor/floor/app/agenda"
	"github.com/igf-floor/floor/app/floor"
)

// HubStore is what hub management needs from storage; storage.DB is one.
type HubStore interface {
	AddHub(ctx context.Context, h floor.Hub, tokenHash []byte) error
	Hubs(ctx context.Context) ([]floor.Hub, error)
	Hub(ctx context.Context, id string) (floor.Hub, error)
	HubByTokenHash(ctx context.Context, hash []byte) (floor.Hub, []byte, error)
	RevokeHub(ctx context.Context, id string, at time.Time) (floor.Hub, error)
	AppendAudit(ctx context.Context, e floor.AuditEvent) error
	Audit(ctx context.Context, limit int) ([]floor.AuditEvent, error)
}

// ErrUnauthorized is a token that is missing, wrong or revoked. It never
// says which, so a prober learns nothing.
var ErrUnauthorized = errors.New("no valid hub token")

// TokenBytes is the size of a hub token: 256 random bits.
const TokenBytes = 32

// HubDirectory creates, lists, authenticates and revokes hubs.
type HubDirectory struct {
	Store HubStore
	Clock Clock
}

// NewHub is what the moderator says about a hub when inviting it.
type NewHub struct {
	Name, City, Group, Region string
}

// Add creates a hub and returns it with its token, which is shown once and
// never stored: only its SHA-256 is kept.
func (d HubDirectory) Add(ctx context.Context, n NewHub) (floor.Hub, string, error) {
	h := floor.Hub{Name: strings.TrimSpace(n.Name), City: strings.TrimSpace(n.City), Created: d.Clock.Now().UTC()}
	if h.Name == "" {
		return h, "", errors.New("a hub needs a name")
	}
	for _, s := range []string{h.Name, h.City} {
		if utf8.RuneCountInString(s) > 100 || agenda.CheckText([]byte(s)) != nil {
			return h, "", fmt.Errorf("hub name or city %q: at most 100 printable characters", s)
		}
	}
	if n.Group != "" {
		g, err := agenda.ParseGroup(n.Group)
		if err != nil {
			return h, "", err
		}
		h.Group = g.String()
	}
	if n.Region != "" {
		r, err := agenda.ParseRegion(n.Region)
		if err != nil {
			return h, "", err
		}
		h.Region = r.String()
	}
	id, tok, err := newCredentials("h")
	if err != nil {
		return h, "", fmt.Errorf("hub: %w", err)
	}
	h.ID = id
	if err := d.Store.AddHub(ctx, h, HashToken(tok)); err != nil {
		return h, "", err
	}
	return h, tok, nil
}

// newCredentials is a new random id (prefix and 12 hex digits) and a
// 256-bit token, shown once.
func newCredentials(prefix string) (id, token string, err error) {
	var raw [6]byte
	secret := make([]byte, TokenBytes)
	if _, err := rand.Read(raw[:]); err != nil {
		return "", "", fmt.Errorf("id: %w", err)
	}
	if _, err := rand.Read(secret); err != nil {
		return "", "", fmt.Errorf("token: %w", err)
	}
	return prefix + hex.EncodeToString(raw[:]), base64.RawURLEncoding.EncodeToString(secret), nil
}

// HashToken is what the store keeps of a token.
func HashToken(token string) []byte {
	sum := sha256.Sum256([]byte(token))
	return sum[:]
}

// Authenticate returns the active hub that token belongs to. The lookup is
// by hash, so the database never sees the token, and the hashes are then
// compared in constant time.
func (d HubDirectory) Authenticate(ctx context.Context, token string) (floor.Hub, error) {
	if len(token) == 0 || len(token) > 128 {
		return floor.Hub{}, ErrUnauthorized
	}
	want := HashToken(token)
	h, stored, err := d.Store.HubByTokenHash(ctx, want)
	if err != nil || subtle.ConstantTimeCompare(stored, want) != 1 {
		return floor.Hub{}, ErrUnauthorized
	}
	if !h.Active() {
		return floor.Hub{}, ErrUnauthorized
	}
	return h, nil
}

// Revoke ends hub id's invite at once.
func (d HubDirectory) Revoke(ctx context.Context, id string) (floor.Hub, error) {
	h, err := d.Store.RevokeHub(ctx, id, d.Clock.Now().UTC())
	if err != nil {
		return h, err
	}
	return h, d.Store.AppendAudit(ctx, floor.AuditEvent{At: d.Clock.Now().UTC(), Kind: "revoked", Hub: id})
}

// Invite is everything a hub needs to join: where, who, and which
// certificate to expect.
type Invite struct {
	Host  string // host:port of the moderator's Floor
	Hub   string // the hub's id, for a hub's invite
	Seat  string // the seat's id, for a seat of the session team
	Token string
	Pin   string // hex SHA-256 of the moderator's certificate (DER)
}

// URL is the invite the desktop hub takes:
// floor://HOST:PORT/?hub=ID&token=TOKEN&pin=CERT-SHA256.
func (i Invite) URL() string {
	q := url.Values{"hub": {i.Hub}, "token": {i.Token}, "pin": {i.Pin}}
	if i.Seat != "" {
		q = url.Values{"seat": {i.Seat}, "token": {i.Token}, "pin": {i.Pin}}
	}
	return (&url.URL{Scheme: "floor", Host: i.Host, Path: "/", RawQuery: q.Encode()}).String()
}

// BrowserURL is the link for a hub that only has a browser; the token
// travels in the fragment, which browsers never send to a server.
func (i Invite) BrowserURL() string {
	return (&url.URL{Scheme: "https", Host: i.Host, Path: "/hub", Fragment: "hub=" + i.Hub + "&token=" + i.Token}).String()
}

// ParseInvite reads a floor:// invite.
func ParseInvite(s string) (Invite, error) {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil {
		return Invite{}, fmt.Errorf("invite: %w", err)
	}
	if u.Scheme != "floor" {
		return Invite{}, fmt.Errorf("invite: want a floor:// link, got %q", u.Scheme)
	}
	if _, _, err := net.SplitHostPort(u.Host); err != nil {
		return Invite{}, fmt.Errorf("invite: host and port: %w", err)
	}
	q := u.Query()
	inv := Invite{Host: u.Host, Hub: q.Get("hub"), Seat: q.Get("seat"), Token: q.Get("token"), Pin: strings.ToLower(q.Get("pin"))}
	switch {
	case inv.Hub == "" && inv.Seat == "":
		return inv, errors.New("invite: no hub or seat id")
	case inv.Hub != "" && inv.Seat != "":
		return inv, errors.New("invite: both a hub and a seat")
	case inv.Token == "":
		return inv, errors.New("invite: no token")
	case len(inv.Pin) != 64:
		return inv, errors.New("invite: the certificate pin must be 64 hex digits (SHA-256)")
	}
	if _, err := hex.DecodeString(inv.Pin); err != nil {
		return inv, fmt.Errorf("invite: certificate pin: %w", err)
	}
	return inv, nil
}
