// Package control is the language the moderator's Floor and its remote hubs
// speak over the "floor" data channel: versioned JSON messages, the clock
// offset estimate, and what a hub knows of the room. Pure Go: the media
// layer only carries the bytes.
package control

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/igf-floor/floor/app/agenda"
	"github.com/igf-floor/floor/app/floor"
)

// Version is the protocol version every message carries as "v". Version 2
// put the timers, a speaker and a poll on the wire as the wire's own
// structs (wire.go): the timers' fields are snake_case ("planned_ns",
// "session", "since"), where version 1 sent timer.State's Go field names.
//
// Whatever the version, a message is a JSON object whose "v" and "type"
// mean what they mean here, and an "error" message's "text" says why: so
// two ends of different versions can still tell each other so (Refusal).
const Version = 2

// MaxMessage is the largest message either side accepts; a timer state or
// a queue of 50 names fits many times over.
const MaxMessage = 16 << 10

// Label is the data channel's name.
const Label = "floor"

// Type names a message.
type Type string

// Messages. "hub→room" are sent by hubs, "room→hub" by the moderator.
const (
	Hello    Type = "hello"    // hub→room: People present
	Welcome  Type = "welcome"  // room→hub: Hub (its name), Text (the session's title), Request (its open request when it comes back), Speaker (its group and region, as invited)
	Request  Type = "request"  // hub→room: Speaker asks for the floor
	Withdraw Type = "withdraw" // hub→room: Request (0: all of this hub's)
	Queue    Type = "queue"    // room→hub: Request, Position (0 is next), Length
	State    Type = "floor"    // room→hub: Request, Floor (waiting, next, live, done)
	Timer    Type = "timer"    // room→hub: Timer, the timers' anchors in the room's clock
	Ping     Type = "ping"     // hub→room: T0, the hub's clock
	Pong     Type = "pong"     // room→hub: T0 echoed, T1 received, T2 sent, in the room's clock
	Text     Type = "message"  // room→hub: Text
	Error    Type = "error"    // room→hub: Text, why a request was refused
	Question Type = "question" // room→hub: Position (the policy question's number; 0: none), Text
	Poll     Type = "poll"     // room→hub: Poll, the open one or the last closed
	Vote     Type = "vote"     // hub→room: PollID, Votes; AsHub, or People (its headcount) for its people's votes
	Voted    Type = "voted"    // room→hub: PollID, Length (this hub's votes counted so far)
	// ToSpeaker is room→hub, to a hub on the floor: Text, the moderator's
	// message to the speaker ("" takes it away); sent when it changes, and
	// with "" when the hub's turn ends.
	ToSpeaker Type = "to_speaker"
	// Audience is room→hub: Questions, the phones' questions shown to the
	// room, sent when they change; Upvote is hub→room: QuestionID, once per
	// hub (hubaudience.go).
	Audience Type = "audience"
	Upvote   Type = "upvote"
)

// allTypes is every message type this version speaks.
var allTypes = []Type{Hello, Welcome, Request, Withdraw, Queue, State, Timer, Ping, Pong, Text, Error, Question, Poll, Vote, Voted, ToSpeaker,
	Audience, Upvote}

// MaxVotes is the most votes one message passes through for a hub's people.
const MaxVotes = 1000

// HubVote is one vote a hub sends: option indexes, or a text answer.
type HubVote struct {
	Choices []int  `json:"choices,omitempty"`
	Text    string `json:"text,omitempty"`
}

// FloorState is where a hub's request stands.
type FloorState string

// Floor states.
const (
	Waiting FloorState = "waiting"
	Next    FloorState = "next"
	Live    FloorState = "live"
	Done    FloorState = "done"
)

// Message is one message; only the fields its Type names are set.
type Message struct {
	V        int          `json:"v"`
	Type     Type         `json:"type"`
	People   int          `json:"people,omitempty"`
	Hub      string       `json:"hub,omitempty"`
	Speaker  *SpeakerWire `json:"speaker,omitempty"`
	Request  int          `json:"request,omitempty"`
	Position int          `json:"position,omitempty"`
	Length   int          `json:"length,omitempty"`
	Floor    FloorState   `json:"floor,omitempty"`
	Timer    *TimerWire   `json:"timer,omitempty"`
	T0       int64        `json:"t0,omitempty"` // unix nanoseconds
	T1       int64        `json:"t1,omitempty"`
	T2       int64        `json:"t2,omitempty"`
	Text     string       `json:"text,omitempty"`
	Poll     *PollWire    `json:"poll,omitempty"`
	PollID   int          `json:"poll_id,omitempty"`
	Votes    []HubVote    `json:"votes,omitempty"`
	AsHub    bool         `json:"as_hub,omitempty"`
	// The phones' questions (hubaudience.go).
	Questions  []PublicQuestionWire `json:"questions,omitempty"`
	QuestionID int                  `json:"question_id,omitempty"`
}

// ErrBadMessage is a message this version cannot take.
var ErrBadMessage = errors.New("bad control message")

// VersionError is a message of another protocol version than this Floor's;
// Decode's error wraps it with ErrBadMessage.
type VersionError struct {
	Peer int // the version the message says it is; 0 when it says none
}

func (e *VersionError) Error() string {
	if e.Peer == 0 {
		return fmt.Sprintf("no protocol version, this Floor speaks version %d", Version)
	}
	return fmt.Sprintf("protocol version %d, this Floor speaks version %d", e.Peer, Version)
}

// Refusal is the room's answer to a message Decode refused with err: an
// error message saying why. A message of another version is answered in
// that version (an "error" with its "text" reads alike in every version),
// so an older hub shows which versions differ instead of a message it
// cannot read.
func Refusal(err error) []byte {
	v, text := Version, err.Error()
	if ve, ok := errors.AsType[*VersionError](err); ok {
		if ve.Peer > 0 {
			v = ve.Peer
		}
		text = fmt.Sprintf("this hub speaks control protocol version %d and the room version %d: run the same Floor release at both ends", ve.Peer, Version)
	}
	if len(text) > maxText {
		text = text[:maxText]
	}
	text = strings.ToValidUTF8(text, "")
	b, _ := json.Marshal(Message{V: v, Type: Error, Text: text})
	return b
}

// maxText is the longest Text or Hub a message may carry.
const maxText = 2000

// Encode stamps the version and marshals m.
func Encode(m Message) ([]byte, error) {
	m.V = Version
	b, err := json.Marshal(m)
	if err != nil {
		return nil, fmt.Errorf("encode %s: %w", m.Type, err)
	}
	return b, nil
}

// Decode reads and checks one message: size, version, type, and the fields
// that type needs. Unknown fields are ignored, so a newer peer can add some.
func Decode(b []byte) (Message, error) {
	var m Message
	if len(b) > MaxMessage {
		return m, fmt.Errorf("%w: %d bytes, at most %d", ErrBadMessage, len(b), MaxMessage)
	}
	if !utf8.Valid(b) {
		return m, fmt.Errorf("%w: not UTF-8", ErrBadMessage)
	}
	// The version first, from the envelope alone: another version's
	// fields may not even fit this one's.
	var env struct {
		V    int  `json:"v"`
		Type Type `json:"type"`
	}
	if err := decodeOne(b, &env); err != nil {
		return Message{}, err
	}
	if env.V != Version {
		return Message{V: env.V, Type: env.Type}, fmt.Errorf("%w: %w", ErrBadMessage, &VersionError{Peer: env.V})
	}
	if err := decodeOne(b, &m); err != nil {
		return Message{}, err
	}
	return m, m.check()
}

func decodeOne(b []byte, v any) error {
	d := json.NewDecoder(bytes.NewReader(b))
	if err := d.Decode(v); err != nil {
		return fmt.Errorf("%w: %w", ErrBadMessage, err)
	}
	if d.More() {
		return fmt.Errorf("%w: more than one value", ErrBadMessage)
	}
	return nil
}

func (m Message) check() error {
	bad := func(why string) error { return fmt.Errorf("%w: %s: %s", ErrBadMessage, m.Type, why) }
	if len(m.Text) > maxText || len(m.Hub) > 200 {
		return bad("text too long")
	}
	if agenda.CheckText([]byte(m.Text)) != nil || agenda.CheckText([]byte(m.Hub)) != nil {
		return bad("control or direction characters in text")
	}
	if s := m.Speaker; s != nil {
		for _, f := range []string{s.Name, s.Affiliation, s.Group, s.Region} {
			if agenda.CheckText([]byte(f)) != nil {
				return bad("control or direction characters in the speaker")
			}
		}
	}
	switch m.Type {
	case Hello:
		if m.People < 0 || m.People > 100000 {
			return bad("people present must be 0 to 100000")
		}
	case Request:
		if m.Speaker == nil {
			return bad("no speaker")
		}
		if err := m.Speaker.check(); err != nil {
			return bad(err.Error())
		}
	case Withdraw, Queue, State:
		if m.Request < 0 || m.Position < 0 || m.Length < 0 {
			return bad("negative number")
		}
	case Timer:
		if m.Timer == nil {
			return bad("no timer")
		}
		if err := m.Timer.check(); err != nil {
			return bad(err.Error())
		}
	case Ping, Pong:
		if m.T0 <= 0 {
			return bad("no send time")
		}
	case Question:
		if m.Position < 0 || m.Position > floor.MaxQuestions {
			return bad("no such policy question")
		}
	case Poll:
		if m.Poll == nil {
			return bad("no poll")
		}
		if err := m.Poll.check(); err != nil {
			return bad(err.Error())
		}
	case Voted:
		if m.PollID <= 0 || m.Length < 0 {
			return bad("no poll")
		}
	case Vote:
		return m.checkVote()
	case Audience, Upvote:
		return m.checkAudience()
	case Welcome, Text, Error, ToSpeaker:
	default:
		return fmt.Errorf("%w: unknown type %q", ErrBadMessage, m.Type)
	}
	return nil
}

func (m Message) checkVote() error {
	bad := func(why string) error { return fmt.Errorf("%w: vote: %s", ErrBadMessage, why) }
	switch {
	case m.PollID <= 0:
		return bad("no poll")
	case len(m.Votes) == 0:
		return bad("no votes")
	case m.AsHub && len(m.Votes) != 1:
		return bad("a hub voting as one sends one vote")
	case !m.AsHub && (m.People < len(m.Votes) || m.People > 100000):
		return bad("more votes than the people the hub says it has")
	case len(m.Votes) > MaxVotes:
		return bad(fmt.Sprintf("more than %d votes in one message", MaxVotes))
	}
	for _, v := range m.Votes {
		if len(v.Choices) > floor.MaxOptions || len(v.Text) > 4*floor.MaxAnswerText {
			return bad("a vote larger than any poll takes")
		}
	}
	return nil
}
