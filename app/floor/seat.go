package floor

import (
	"fmt"
	"strings"
	"time"
)

// SeatRole is what a member of the session team does from their own
// machine. The zero value is unknown, and has no rights.
type SeatRole int

// Seat roles, as IGF sessions name them.
const (
	UnknownSeatRole SeatRole = iota
	OnlineModerator          // looks after the remote participants and the hubs
	RapporteurSeat           // writes the report
	CoModerator              // moderates beside the moderator in the room
)

// String is the role's name on the command line and in the database.
func (r SeatRole) String() string {
	switch r {
	case OnlineModerator:
		return "online-moderator"
	case RapporteurSeat:
		return "rapporteur"
	case CoModerator:
		return "co-moderator"
	}
	return "unknown"
}

// Words is the role as the report and the screens say it.
func (r SeatRole) Words() string {
	switch r {
	case OnlineModerator:
		return "online moderator"
	case RapporteurSeat:
		return "rapporteur"
	case CoModerator:
		return "co-moderator"
	}
	return "unknown role"
}

// ParseSeatRole reads a role's name ("online-moderator", "Online Moderator",
// "rapporteur", "co-moderator").
func ParseSeatRole(s string) (SeatRole, error) {
	k := strings.NewReplacer(" ", "-", "_", "-").Replace(strings.ToLower(strings.TrimSpace(s)))
	for _, r := range []SeatRole{OnlineModerator, RapporteurSeat, CoModerator} {
		if k == r.String() {
			return r, nil
		}
	}
	return UnknownSeatRole, fmt.Errorf("unknown seat role %q: want online-moderator, rapporteur or co-moderator", s)
}

// Seat is a member of the session team the moderator invited to work on
// the session from their own machine.
type Seat struct {
	ID   string   `json:"id"`
	Name string   `json:"name"`
	Role SeatRole `json:"role"`
	// GiveRemote lets an online moderator give the floor to remote
	// requests; the moderator may switch it off.
	GiveRemote bool      `json:"give_remote,omitempty"`
	Created    time.Time `json:"created"`
	Revoked    time.Time `json:"revoked,omitzero"` // zero while the invite is valid
}

// Active reports whether the seat's invite still lets it in.
func (s Seat) Active() bool { return s.Revoked.IsZero() }

// NoteKind is what a line of the team's record is.
type NoteKind int

// Kinds of team notes.
const (
	UnknownNote  NoteKind = iota
	Takeaway              // a key takeaway of the session
	CallToAction          // a call to action
	KeyPoint              // an intervention marked as a key point
)

// String is the kind's name in the database and on the wire.
func (k NoteKind) String() string {
	switch k {
	case Takeaway:
		return "takeaway"
	case CallToAction:
		return "call"
	case KeyPoint:
		return "key"
	}
	return "unknown"
}

// ParseNoteKind reads a kind's name.
func ParseNoteKind(s string) (NoteKind, error) {
	for _, k := range []NoteKind{Takeaway, CallToAction, KeyPoint} {
		if s == k.String() {
			return k, nil
		}
	}
	return UnknownNote, fmt.Errorf("unknown kind of note %q", s)
}

// MaxNoteRunes bounds one line of the team's record.
const MaxNoteRunes = 2000

// TeamNote is one line a member of the team wrote for the report, with who
// wrote it and when.
type TeamNote struct {
	Kind NoteKind
	Text string
	// Turn is, for a key point, the intervention it marks: its number in
	// the session's record of turns (1-based).
	Turn int
	By   string   // the seat's name, or "the moderator"
	Role SeatRole // the seat's role; unknown for the moderator in the room
	At   time.Time
}
