package floor

import "time"

// Hub is a remote room the moderator invited: a university room in Nairobi,
// a youth hub in São Paulo. Group and Region hold package agenda's canonical
// names; empty means not said.
type Hub struct {
	ID      string    `json:"id"`
	Name    string    `json:"name"`
	City    string    `json:"city,omitempty"`
	Group   string    `json:"group,omitempty"`
	Region  string    `json:"region,omitempty"`
	Created time.Time `json:"created"`
	Revoked time.Time `json:"revoked,omitzero"` // zero while the invite is valid
}

// Active reports whether the hub's invite still lets it in.
func (h Hub) Active() bool { return h.Revoked.IsZero() }

// AuditEvent is one line of the hubs' security record: an authentication
// failure, a join, a leave, a revocation.
type AuditEvent struct {
	At     time.Time `json:"at"`
	Kind   string    `json:"kind"`             // "auth-failed", "joined", "left", "revoked", ...
	Hub    string    `json:"hub,omitempty"`    // the hub's id when known
	Remote string    `json:"remote,omitempty"` // the client's address
	Detail string    `json:"detail,omitempty"`
}

// Recording is a remote turn kept on disk, linked to the request it answered.
type Recording struct {
	Session string    `json:"session"` // the moderation key, as the logs use it
	Request int       `json:"request"` // the floor request the turn answered; 0 if unknown
	Hub     string    `json:"hub"`
	Video   string    `json:"video"` // IVF file
	Audio   string    `json:"audio"` // Ogg Opus file
	Started time.Time `json:"started"`
	Ended   time.Time `json:"ended,omitzero"`
}
