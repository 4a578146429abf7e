package control

import (
	"fmt"
	"time"
)

// LinkState is how a hub's (or a seat's) link to the room stands while it
// mends itself; the zero value is a link that is up.
type LinkState struct {
	Mending   bool          // the link broke and is being mended
	Attempt   int           // the attempt under way or just failed
	Next      time.Duration // the wait before the next attempt; 0 while one runs
	Err       error         // why the last attempt failed
	Restarted bool          // the last mend was an ICE restart on the same session
	Revoked   bool          // the room refused the invite: no more attempts
	// Down is, for a few seconds after a mend (BackShownFor), how long it
	// took: the screens say the link is back, then go quiet.
	Down time.Duration
}

// BackShownFor is how long a mended link says it is back.
const BackShownFor = 10 * time.Second

// Up reports whether the link is up.
func (s LinkState) Up() bool { return !s.Mending && !s.Revoked }

// Words is the state as the command-line hub says it: "reconnecting to the
// room (attempt 4, next in 8.0 s)". The windows translate the same parts.
func (s LinkState) Words() string {
	switch {
	case s.Revoked:
		return "the room refused this invite (revoked or not valid): ask the moderator for a new one"
	case !s.Mending && s.Down > 0 && s.Restarted:
		return fmt.Sprintf("back with the room after %.0f s (the same session)", max(1, s.Down.Seconds()))
	case !s.Mending && s.Down > 0:
		return fmt.Sprintf("back with the room after %.0f s (a new session; the room kept this hub's place)", max(1, s.Down.Seconds()))
	case !s.Mending:
		return "connected to the room"
	case s.Next > 0 && s.Err != nil:
		return fmt.Sprintf("reconnecting to the room (attempt %d, next in %.1f s; last: %v)", s.Attempt+1, s.Next.Seconds(), s.Err)
	case s.Next > 0:
		return fmt.Sprintf("reconnecting to the room (attempt %d, next in %.1f s)", s.Attempt+1, s.Next.Seconds())
	}
	return fmt.Sprintf("reconnecting to the room (attempt %d)", max(1, s.Attempt))
}
