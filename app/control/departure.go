package control

// Departure is why a hub's connection ended, as the room acts on it: a
// hub that left is gone, one that was lost is away and expected back.
type Departure int

// Departures.
const (
	DepartureUnknown Departure = iota
	Lost                       // the link failed or closed: away, expected back
	Left                       // the hub said goodbye (WHIP DELETE): gone
	Revoked                    // its invite was revoked: gone, at once
	Replaced                   // it connected again: the new connection holds its place
	RoomClosed                 // the moderator closed the room
)

func (d Departure) String() string {
	switch d {
	case Lost:
		return "lost"
	case Left:
		return "left"
	case Revoked:
		return "revoked"
	case Replaced:
		return "replaced"
	case RoomClosed:
		return "room closed"
	}
	return "unknown"
}
