package floor

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// RequestType is what a request for the floor asks for, and so where it
// goes in the queue and how long it may take.
type RequestType int

// Request types. The zero value is regular: a request from a log written
// before requests had types is one, and Ask and Take keep a Regular request
// as the zero value, so a state of regular requests is exactly what it was
// before types (compare types with Norm, or test IsZero).
const (
	UnknownRequestType RequestType = iota
	Regular                        // joins the end of the queue
	PointOfOrder                   // on the conduct of the session: the head of the queue, behind earlier points of order
	DirectReply                    // to the turn on the floor: right after it, behind points of order and earlier replies to it
)

// ErrBadType is a request type this version does not know.
var ErrBadType = errors.New("no such request type")

// String is the type's name as the log and the wire write it.
func (t RequestType) String() string {
	switch t {
	case UnknownRequestType, Regular:
		return "regular"
	case PointOfOrder:
		return "point-of-order"
	case DirectReply:
		return "direct-reply"
	}
	return fmt.Sprintf("request-type-%d", int(t))
}

// Words is the type as a person reads it: "point of order".
func (t RequestType) Words() string { return strings.ReplaceAll(t.String(), "-", " ") }

// Known reports whether t is one of the types above.
func (t RequestType) Known() bool { return t >= UnknownRequestType && t <= DirectReply }

// Norm is t with the zero value read as Regular.
func (t RequestType) Norm() RequestType {
	if t == UnknownRequestType {
		return Regular
	}
	return t
}

// stored is t as the state keeps it: regular as the zero value.
func (t RequestType) stored() RequestType {
	if t == Regular {
		return UnknownRequestType
	}
	return t
}

// IsZero reports a regular request, which the log does not write (the
// speaker's "type" is omitzero): a log of regular requests reads exactly as
// one from before types, and an old log's requests read back as regular.
func (t RequestType) IsZero() bool { return t.Norm() == Regular }

// ParseRequestType reads a type's name: "regular", "point-of-order",
// "direct-reply" (case, spaces or underscores for the dashes, and "" for
// regular are accepted).
func ParseRequestType(s string) (RequestType, error) {
	n := strings.ToLower(strings.TrimSpace(s))
	n = strings.NewReplacer(" ", "-", "_", "-").Replace(n)
	switch n {
	case "", "regular":
		return Regular, nil
	case "point-of-order":
		return PointOfOrder, nil
	case "direct-reply":
		return DirectReply, nil
	}
	return UnknownRequestType, fmt.Errorf("%w: %q (want regular, point-of-order or direct-reply)", ErrBadType, s)
}

// MarshalText writes the type's name.
func (t RequestType) MarshalText() ([]byte, error) {
	if !t.Known() {
		return nil, fmt.Errorf("%w: %d", ErrBadType, int(t))
	}
	return []byte(t.String()), nil
}

// UnmarshalText reads a type's name; an unknown name is an error, so an
// older build refuses a log with types it would misplace.
func (t *RequestType) UnmarshalText(b []byte) error {
	v, err := ParseRequestType(string(b))
	if err != nil {
		return err
	}
	*t = v
	return nil
}

// TypeTimes are the times a typed request is given by default; zero
// fields take DefaultTypeTimes. A regular request takes the time the
// moderator set for turns.
type TypeTimes struct {
	PointOfOrder time.Duration `json:"point_of_order,omitempty"`
	DirectReply  time.Duration `json:"direct_reply,omitempty"`
}

// DefaultTypeTimes: a minute for a point of order, two for a direct reply.
func DefaultTypeTimes() TypeTimes {
	return TypeTimes{PointOfOrder: time.Minute, DirectReply: 2 * time.Minute}
}

// MaxTypeTime bounds a typed request's time; they are meant to be short.
const MaxTypeTime = 30 * time.Minute

// Check refuses negative or overlong times.
func (tt TypeTimes) Check() error {
	for _, d := range []time.Duration{tt.PointOfOrder, tt.DirectReply} {
		if d < 0 || d > MaxTypeTime {
			return fmt.Errorf("%w: a typed request's time must be between 0 and %v, not %v", ErrBadType, MaxTypeTime, d)
		}
	}
	return nil
}

// Allotted is the time a request of type t is given: its type's time, or
// regular for a regular request.
func (tt TypeTimes) Allotted(t RequestType, regular time.Duration) time.Duration {
	def := DefaultTypeTimes()
	switch t.Norm() {
	case PointOfOrder:
		return orDefault(tt.PointOfOrder, def.PointOfOrder)
	case DirectReply:
		return orDefault(tt.DirectReply, def.DirectReply)
	}
	return regular
}

func orDefault(d, def time.Duration) time.Duration {
	if d > 0 {
		return d
	}
	return def
}

// place is where a request of type t asked at goes in the queue: the end
// for a regular one; behind the points of order at the head for a point of
// order; behind those and the replies to the same turn for a direct reply.
func (st State) place(t RequestType, at time.Time) (int, error) {
	q := st.Queue
	i := 0
	switch t.Norm() {
	case Regular:
		return len(q), nil
	case PointOfOrder:
		for i < len(q) && q[i].Speaker.Type == PointOfOrder {
			i++
		}
		return i, nil
	case DirectReply:
		start, ok := st.turnStart()
		if !ok {
			return 0, fmt.Errorf("%w: nobody has spoken yet, so there is nothing to reply to", ErrNobody)
		}
		for i < len(q) && q[i].Speaker.Type == PointOfOrder {
			i++
		}
		for i < len(q) && q[i].Speaker.Type == DirectReply && !q[i].At.Before(start) {
			i++
		}
		return i, nil
	}
	return 0, fmt.Errorf("%w: %d", ErrBadType, int(t))
}

// turnStart is when the turn a direct reply answers began: the turn on the
// floor, else the last one (every speaker of a turn ends with it, so the
// turn began with the earliest of those ending last).
func (st State) turnStart() (time.Time, bool) {
	if st.Current != nil {
		return st.Current.Start, true
	}
	n := len(st.Interventions)
	if n == 0 {
		return time.Time{}, false
	}
	end := st.Interventions[n-1].End
	start := st.Interventions[n-1].Start
	for i := n - 1; i >= 0 && st.Interventions[i].End.Equal(end); i-- {
		if st.Interventions[i].Start.Before(start) {
			start = st.Interventions[i].Start
		}
	}
	return start, true
}

// SetTypeTimes sets the default times of typed requests (zero fields: the
// defaults).
func (st State) SetTypeTimes(tt TypeTimes) (State, error) {
	if err := tt.Check(); err != nil {
		return st, err
	}
	st.Times = tt
	return st, nil
}

// AllottedFor is the time request id (0: the first in the queue) is given
// by its type: the state's time for a point of order or a direct reply,
// regular for the others.
func (st State) AllottedFor(id int, regular time.Duration) (time.Duration, error) {
	i := st.find(id)
	if id == 0 && len(st.Queue) > 0 {
		i = 0
	}
	if i < 0 {
		return 0, fmt.Errorf("%w: %d", ErrNoRequest, id)
	}
	return st.Times.Allotted(st.Queue[i].Speaker.Type, regular), nil
}
