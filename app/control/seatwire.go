package control

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/timer"
)

// The seats' wire: a seat of the session team reads the room's state as a
// stream of TeamStateWire and sends SeatCommandWire, each answered by a
// SeatReplyWire (testdata/seatwire holds an example of each).
// Like the hubs' messages they carry "v", checked on both ends.

// BaseWire is the state a command was based on: how many timer and floor
// commands had made it.
type BaseWire struct {
	Timer int `json:"timer"`
	Floor int `json:"floor"`
}

// SeatWire is a seat of the team: who, in which role, with which rights.
type SeatWire struct {
	ID         string   `json:"id"`
	Name       string   `json:"name"`
	Role       string   `json:"role"` // online-moderator, rapporteur, co-moderator
	GiveRemote bool     `json:"give_remote,omitempty"`
	Rights     []string `json:"rights,omitempty"`
}

// RequestWire is a request waiting for the floor.
type RequestWire struct {
	ID      int         `json:"id"`
	Speaker SpeakerWire `json:"speaker"`
	Remote  bool        `json:"remote,omitempty"`
	Hub     string      `json:"hub,omitempty"`    // the hub's name
	HubID   string      `json:"hub_id,omitempty"` // the hub's id
	At      time.Time   `json:"at"`
}

// TurnRecordWire is a turn at the floor, on it now or over.
type TurnRecordWire struct {
	Request int         `json:"request,omitempty"`
	Speaker SpeakerWire `json:"speaker"`
	Remote  bool        `json:"remote,omitempty"`
	Hub     string      `json:"hub,omitempty"`
	Start   time.Time   `json:"start"`
	End     time.Time   `json:"end,omitzero"` // zero while on the floor
	SpokeNs int64       `json:"spoke_ns,omitempty"`
}

// HubPresenceWire is a hub the room knows, connected or away.
type HubPresenceWire struct {
	ID       string    `json:"id"`
	Name     string    `json:"name"`
	Away     time.Time `json:"away,omitzero"`      // when it dropped out; zero while connected
	GraceNs  int64     `json:"grace_ns,omitempty"` // away: how long it keeps its place from Away
	Requests []int     `json:"requests,omitempty"`
	Link     *LinkWire `json:"link,omitempty"` // while connected, as the room measures it
}

// LinkWire is a connected hub's link, as the console's hub list shows it.
type LinkWire struct {
	State       string  `json:"state"` // connecting, connected, disconnected
	Lost        bool    `json:"lost,omitempty"`
	People      int     `json:"people,omitempty"`
	RTTNs       int64   `json:"rtt_ns,omitempty"`
	JitterNs    int64   `json:"jitter_ns,omitempty"`
	PacketsLost int64   `json:"packets_lost,omitempty"`
	Kbps        float64 `json:"kbps,omitempty"`
	FPS         float64 `json:"fps,omitempty"`
	MediaOnly   bool    `json:"media_only,omitempty"` // no control channel: it cannot ask for the floor itself
}

// NoteWire is one line of the team's record.
type NoteWire struct {
	Kind string    `json:"kind"` // takeaway, call, key
	Text string    `json:"text"`
	Turn int       `json:"turn,omitempty"` // a key point's turn (1-based)
	By   string    `json:"by"`
	Role string    `json:"role,omitempty"`
	At   time.Time `json:"at"`
}

// TeamStateWire is everything a seat's screen shows, as the room has it.
type TeamStateWire struct {
	V            int               `json:"v"`
	Now          time.Time         `json:"now"` // the room's clock when it sent this
	Base         BaseWire          `json:"base"`
	Seat         SeatWire          `json:"seat"`
	Session      string            `json:"session"`
	Timer        *TimerWire        `json:"timer"`
	Queue        []RequestWire     `json:"queue"`
	Floor        *TurnRecordWire   `json:"floor,omitempty"`
	Turns        []TurnRecordWire  `json:"turns,omitempty"` // the turns over, in order: a key point names one by number
	Question     int               `json:"question,omitempty"`
	QuestionText string            `json:"question_text,omitempty"`
	Questions    []string          `json:"questions,omitempty"` // the session's policy questions, in order
	Message      string            `json:"message,omitempty"`   // to the speaker on the floor
	Hubs         []HubPresenceWire `json:"hubs,omitempty"`
	Notes        []NoteWire        `json:"notes,omitempty"`
	Poll         *PollWire         `json:"poll,omitempty"`
	Polls        []PollResultWire  `json:"polls,omitempty"` // every poll of the session, with its count so far
	Seats        []SeatWire        `json:"seats,omitempty"` // the seats connected now
	// For the seats that may moderate them (seatfloor.go): the phones'
	// written questions, the budgets used and left, and the fair order.
	Audience  []AudienceQuestionWire `json:"audience,omitempty"`
	Budgets   []UsageWire            `json:"budgets,omitempty"`
	Suggested []SuggestionWire       `json:"suggested,omitempty"`
}

// PollResultWire is a poll with its count so far: how many voted and, for
// a choice poll, the votes per option.
type PollResultWire struct {
	Poll   PollWire `json:"poll"`
	Voters int      `json:"voters"`
	Counts []int    `json:"counts,omitempty"`
}

// WirePollResult is t for the wire.
func WirePollResult(t floor.Tally) PollResultWire {
	return PollResultWire{Poll: *WirePoll(t.Poll), Voters: t.Voters, Counts: t.Counts}
}

// SeatCommandWire is one command from a seat.
type SeatCommandWire struct {
	V          int          `json:"v"`
	Verb       string       `json:"verb"`
	Base       BaseWire     `json:"base"`
	ID         int          `json:"id,omitempty"`
	Pos        int          `json:"pos,omitempty"`
	Speaker    *SpeakerWire `json:"speaker,omitempty"`
	Remote     bool         `json:"remote,omitempty"`
	Text       string       `json:"text,omitempty"`
	Hub        string       `json:"hub,omitempty"`
	Turn       int          `json:"turn,omitempty"`
	AllottedNs int64        `json:"allotted_ns,omitempty"`
}

// SeatReplyWire is the room's answer to a command.
type SeatReplyWire struct {
	V     int    `json:"v"`
	OK    bool   `json:"ok"`
	Error string `json:"error,omitempty"` // why not, in words
	Right string `json:"right,omitempty"` // the right it needed, when that was why
	Stale bool   `json:"stale,omitempty"` // the room changed since the seat saw it
	// Base is, for a command applied, the state the room's log reached
	// with it: the seat's answer waits for its screen to show that.
	Base *BaseWire `json:"base,omitempty"`
}

// ClockWire is a seat's clock ping: T0 sent on the seat's clock, T1 and T2
// the room's when it received and answered (Unix nanoseconds).
type ClockWire struct {
	V  int   `json:"v"`
	T0 int64 `json:"t0"`
	T1 int64 `json:"t1,omitempty"`
	T2 int64 `json:"t2,omitempty"`
}

// MaxSeatCommand is the largest command a room reads.
const MaxSeatCommand = 8 << 10

// WireRequest is q for the wire.
func WireRequest(q floor.Request) RequestWire {
	return RequestWire{ID: q.ID, Speaker: *WireSpeaker(q.Speaker), Remote: q.Speaker.Remote, Hub: q.Speaker.Hub, HubID: q.Speaker.HubID, At: q.At}
}

// WireTurn is iv for the wire.
func WireTurn(iv floor.Intervention) TurnRecordWire {
	return TurnRecordWire{Request: iv.Request, Speaker: *WireSpeaker(iv.Speaker), Remote: iv.Speaker.Remote, Hub: iv.Speaker.Hub,
		Start: iv.Start, End: iv.End, SpokeNs: int64(iv.Spoke)}
}

// WireNote is n for the wire.
func WireNote(n floor.TeamNote) NoteWire {
	w := NoteWire{Kind: n.Kind.String(), Text: n.Text, Turn: n.Turn, By: n.By, At: n.At}
	if n.Role != floor.UnknownSeatRole {
		w.Role = n.Role.String()
	}
	return w
}

// Thresholds are when the room's speaker timer warns, as the state
// carries them (the defaults from a room that sends none).
func (w TeamStateWire) Thresholds() timer.Thresholds {
	if w.Timer == nil {
		return timer.DefaultThresholds()
	}
	return w.Timer.Thresholds()
}

// TimerState is the timers the state carries.
func (w TeamStateWire) TimerState() timer.State {
	if w.Timer == nil {
		return timer.State{}
	}
	return w.Timer.State()
}

// DecodeSeatCommand reads and checks a seat's command: one JSON object of
// this version, every text field within bounds and free of control and
// direction characters.
func DecodeSeatCommand(raw []byte) (SeatCommandWire, error) {
	var c SeatCommandWire
	if len(raw) > MaxSeatCommand {
		return c, fmt.Errorf("a command larger than %d bytes", MaxSeatCommand)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	if err := dec.Decode(&c); err != nil {
		return c, fmt.Errorf("not a command: %w", err)
	}
	if dec.More() {
		return c, errors.New("more than one command")
	}
	switch {
	case c.V != Version:
		return c, fmt.Errorf("the seat's command: %w", &VersionError{Peer: c.V})
	case c.ID < 0 || c.Pos < 0 || c.Turn < 0 || c.Base.Timer < 0 || c.Base.Floor < 0:
		return c, errors.New("a negative number in the command")
	case c.AllottedNs < -int64(timer.MaxSpeaker) || c.AllottedNs > int64(timer.MaxSession):
		return c, fmt.Errorf("a time of %v", time.Duration(c.AllottedNs))
	}
	if err := label("the command", c.Verb, 32); err != nil {
		return c, err
	}
	if err := label("the hub", c.Hub, 64); err != nil {
		return c, err
	}
	if err := label("the text", c.Text, floor.MaxNoteRunes); err != nil {
		return c, err
	}
	if c.Speaker != nil {
		if err := c.Speaker.check(); err != nil {
			return c, err
		}
	}
	return c, nil
}

// DecodeTeamState reads the room's state as a seat receives it.
func DecodeTeamState(raw []byte) (TeamStateWire, error) {
	var s TeamStateWire
	if err := json.Unmarshal(raw, &s); err != nil {
		return s, fmt.Errorf("not the room's state: %w", err)
	}
	if s.V != Version {
		return s, fmt.Errorf("the room's state: %w", &VersionError{Peer: s.V})
	}
	if s.Timer != nil {
		if err := s.Timer.check(); err != nil {
			return s, fmt.Errorf("the room's timers: %w", err)
		}
	}
	return s, nil
}
