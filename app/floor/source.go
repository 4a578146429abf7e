package floor

import (
	"errors"
	"fmt"
)

// Source is how a request reached the queue: typed at the console, sent by
// a hub, or asked from a phone in the room. The zero value is unknown: a
// log written before requests had a source reads as it did.
type Source int

// Sources of a request.
const (
	UnknownSource Source = iota
	FromConsole          // typed in by the moderator or a seat
	FromHub              // sent by a remote hub
	FromPhone            // asked on the room's /floor page
)

// ErrBadSource is a source this version does not know.
var ErrBadSource = errors.New("no such request source")

// String is the source's name as the log writes it.
func (s Source) String() string {
	switch s {
	case UnknownSource:
		return "unknown"
	case FromConsole:
		return "console"
	case FromHub:
		return "hub"
	case FromPhone:
		return "phone"
	}
	return fmt.Sprintf("source-%d", int(s))
}

// Known reports whether s is one of the sources above.
func (s Source) Known() bool { return s >= UnknownSource && s <= FromPhone }

// MarshalText writes the source's name.
func (s Source) MarshalText() ([]byte, error) {
	if !s.Known() {
		return nil, fmt.Errorf("%w: %d", ErrBadSource, int(s))
	}
	return []byte(s.String()), nil
}

// UnmarshalText reads a source's name.
func (s *Source) UnmarshalText(b []byte) error {
	for v := UnknownSource; v <= FromPhone; v++ {
		if v.String() == string(b) {
			*s = v
			return nil
		}
	}
	return fmt.Errorf("%w: %q", ErrBadSource, b)
}

// PhoneRequests are device's requests in st: those waiting (with their
// place, 1 is next), those on the floor now, and how many it has had in
// all, so a phone's page can say where it stands.
type PhoneRequests struct {
	Waiting []PhoneWaiting
	Live    []int // request ids on the floor now
	Spoken  int   // finished turns
	Length  int   // how many are waiting in all
}

// PhoneWaiting is one waiting request of a phone and its place.
type PhoneWaiting struct {
	ID    int
	Place int // 1 is next
	Name  string
}

// Phone finds device's requests in the queue, on the floor and spoken; an
// empty device finds nothing.
func (st State) Phone(device string) PhoneRequests {
	pr := PhoneRequests{Length: len(st.Queue)}
	if device == "" {
		return pr
	}
	for i, r := range st.Queue {
		if r.Speaker.Device == device {
			pr.Waiting = append(pr.Waiting, PhoneWaiting{ID: r.ID, Place: i + 1, Name: r.Speaker.Name})
		}
	}
	if st.Current != nil && st.Current.Speaker.Device == device {
		pr.Live = append(pr.Live, st.Current.Request)
	}
	for _, w := range st.With {
		if w.Speaker.Device == device {
			pr.Live = append(pr.Live, w.Request)
		}
	}
	for _, iv := range st.Interventions {
		if iv.Speaker.Device == device {
			pr.Spoken++
		}
	}
	return pr
}
