package room

import (
	"errors"
	"fmt"
	"slices"

	"github.com/igf-floor/floor/app/floor"
)

// Verb is a command a seat of the session team sends the room. The zero
// value is unknown and is refused.
type Verb int

// Seat commands.
const (
	UnknownVerb   Verb = iota
	Ask                // Speaker asks for the floor (added by the seat)
	Withdraw           // ID leaves the queue
	Move               // ID to position Pos (0 is next)
	Give               // the floor to ID (0: the next)
	End                // the turn on the floor ends
	JoinTurn           // ID joins the turn on the floor
	Say                // Text to hub Hub ("" every hub)
	QueueHub           // a media-only hub Hub's speaker into the queue
	Question           // policy question Pos (0: none) on the table
	Start              // the session clock starts
	Pause              // the session clock pauses
	Resume             // the session clock resumes
	AddTime            // Allotted more (or less) for the speaker
	Takeaway           // Text, a key takeaway
	Call               // Text, a call to action
	KeyPoint           // intervention Turn is a key point: Text
	OpenPoll           // poll ID opens
	ClosePoll          // poll ID closes
	Edit               // request ID's speaker corrected to Speaker
	Tell               // Text to the speaker on the floor ("" clears it)
	Publish            // audience question ID shown to the room's phones
	QueueQuestion      // audience question ID into the queue as a request
	Answer             // audience question ID answered as Text
	Dismiss            // audience question ID not taken up
)

var verbNames = map[Verb]string{Ask: "ask", Withdraw: "withdraw", Move: "move", Give: "give", End: "end", JoinTurn: "join",
	Say: "say", QueueHub: "queue-hub", Question: "question", Start: "start", Pause: "pause", Resume: "resume", AddTime: "add-time",
	Takeaway: "takeaway", Call: "call", KeyPoint: "key", OpenPoll: "open-poll", ClosePoll: "close-poll",
	Edit: "edit", Tell: "tell", Publish: "publish", QueueQuestion: "queue-question", Answer: "answer", Dismiss: "dismiss"}

// String is the verb's name on the wire.
func (v Verb) String() string {
	if n, ok := verbNames[v]; ok {
		return n
	}
	return "unknown"
}

var verbWords = map[Verb]string{Ask: "adding a request", Withdraw: "withdrawing a request", Move: "moving a request",
	Give: "giving the floor", End: "ending the turn", JoinTurn: "joining a speaker to the turn", Say: "a message to the hubs",
	QueueHub: "putting a hub in the queue", Question: "choosing the policy question", Start: "starting the session clock",
	Pause: "pausing the session clock", Resume: "resuming the session clock", AddTime: "adding or taking time",
	Takeaway: "a takeaway", Call: "a call to action", KeyPoint: "a key point", OpenPoll: "opening a poll",
	ClosePoll: "closing a poll", Edit: "correcting a request", Tell: "a message to the speaker on the floor",
	Publish: "showing a phone's question", QueueQuestion: "putting a phone's question in the queue",
	Answer: "answering a phone's question", Dismiss: "dismissing a phone's question"}

// Words is what the verb does, as a refusal says it: a seat types "tell"
// or presses a button, and the wire's name ("say", "tell") would mislead.
func (v Verb) Words() string {
	if w, ok := verbWords[v]; ok {
		return w
	}
	return "an unknown command"
}

// ParseVerb reads a verb's name.
func ParseVerb(s string) (Verb, error) {
	for v, n := range verbNames {
		if n == s {
			return v, nil
		}
	}
	return UnknownVerb, fmt.Errorf("unknown seat command %q", s)
}

// Verbs is every verb, in order.
func Verbs() []Verb {
	var out []Verb
	for v := Ask; v <= Dismiss; v++ {
		out = append(out, v)
	}
	return out
}

// Right is what a seat may do in the room.
type Right int

// Rights.
const (
	UnknownRight    Right = iota
	RightQueue            // add, reorder and withdraw requests; queue media-only hubs
	RightMessage          // message the hubs and the speaker
	RightGiveRemote       // give the floor to a remote request
	RightFloor            // give the floor to anyone, end and join turns
	RightTimer            // run the session clock and the speaker's time
	RightQuestion         // put a policy question on the table
	RightPolls            // open and close polls
	RightNotes            // write takeaways, calls to action and key points
	RightAudience         // moderate the room's phones' written questions
)

// Words is the right as a refusal names it.
func (r Right) Words() string {
	switch r {
	case RightQueue:
		return "manage the queue"
	case RightMessage:
		return "message the hubs and the speaker"
	case RightGiveRemote:
		return "give the floor to remote requests"
	case RightFloor:
		return "give and end turns"
	case RightTimer:
		return "run the timers"
	case RightQuestion:
		return "put policy questions on the table"
	case RightPolls:
		return "run polls"
	case RightNotes:
		return "write the report's notes"
	case RightAudience:
		return "moderate the audience's questions"
	}
	return "an unknown right"
}

// String is the right's name on the wire.
func (r Right) String() string {
	switch r {
	case RightQueue:
		return "queue"
	case RightMessage:
		return "message"
	case RightGiveRemote:
		return "give-remote"
	case RightFloor:
		return "floor"
	case RightTimer:
		return "timer"
	case RightQuestion:
		return "question"
	case RightPolls:
		return "polls"
	case RightNotes:
		return "notes"
	case RightAudience:
		return "audience"
	}
	return "unknown"
}

// RightsOf is what seat s may do. A co-moderator may do all the moderator
// does except close the room and manage invites (which no seat can); an
// online moderator looks after the queue and the hubs, and gives the floor
// to remote requests unless the moderator switched that off; a rapporteur
// writes the report's notes and changes nothing else. Both moderators'
// seats moderate the audience's written questions, as the moderator does.
func RightsOf(s floor.Seat) []Right {
	switch s.Role {
	case floor.CoModerator:
		return []Right{RightQueue, RightMessage, RightGiveRemote, RightFloor, RightTimer, RightQuestion, RightPolls, RightNotes, RightAudience}
	case floor.OnlineModerator:
		if s.GiveRemote {
			return []Right{RightQueue, RightMessage, RightGiveRemote, RightAudience}
		}
		return []Right{RightQueue, RightMessage, RightAudience}
	case floor.RapporteurSeat:
		return []Right{RightNotes}
	}
	return nil
}

// Needs is the right verb v needs; remote says whether a Give is for a
// remote request (which RightGiveRemote is enough for).
func Needs(v Verb, remote bool) Right {
	switch v {
	case Ask, Withdraw, Move, QueueHub, Edit:
		return RightQueue
	case Say, Tell:
		return RightMessage
	case Give:
		if remote {
			return RightGiveRemote
		}
		return RightFloor
	case End, JoinTurn:
		return RightFloor
	case Start, Pause, Resume, AddTime:
		return RightTimer
	case Question:
		return RightQuestion
	case OpenPoll, ClosePoll:
		return RightPolls
	case Takeaway, Call, KeyPoint:
		return RightNotes
	case Publish, QueueQuestion, Answer, Dismiss:
		return RightAudience
	}
	return UnknownRight
}

// ErrNoRight is a seat's command its role does not allow.
var ErrNoRight = errors.New("this seat may not do that")

// RightError is a command refused for a right the seat lacks: which verb,
// which right, for which role. It is ErrNoRight.
type RightError struct {
	Verb  Verb
	Right Right // UnknownRight: the verb is no seat's command
	Role  floor.SeatRole
}

func (e *RightError) Error() string {
	if e.Right == UnknownRight {
		return fmt.Sprintf("%v: %s is not a seat's command", ErrNoRight, e.Verb)
	}
	return fmt.Sprintf("%v: %s needs the right to %s, which a seat as %s does not have", ErrNoRight, e.Verb.Words(), e.Right.Words(), e.Role.Words())
}

// Unwrap makes a RightError ErrNoRight.
func (e *RightError) Unwrap() error { return ErrNoRight }

// Allowed says whether seat s may give verb v, and if not, in words
// naming the right it lacks (a *RightError).
func Allowed(s floor.Seat, v Verb, remote bool) error {
	need := Needs(v, remote)
	if need == UnknownRight {
		return &RightError{Verb: v, Role: s.Role}
	}
	if slices.Contains(RightsOf(s), need) || need == RightGiveRemote && slices.Contains(RightsOf(s), RightFloor) {
		return nil
	}
	return &RightError{Verb: v, Right: need, Role: s.Role}
}
