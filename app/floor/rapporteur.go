package floor

import "time"

// Rapporteur is what the rapporteur writes and the moderator estimates for
// the session report; the rest of the report follows from the logs.
type Rapporteur struct {
	Takeaways     string    `json:"takeaways"`       // key takeaways, one a line
	CallsToAction string    `json:"calls_to_action"` // one a line
	InRoom        int       `json:"in_room"`         // people in the room
	Online        int       `json:"online"`          // following online, outside the hubs
	Women         int       `json:"women"`           // estimate of women and gender-diverse participants
	Updated       time.Time `json:"updated,omitzero"`
}

// Headcount is the most people a hub said it had present.
type Headcount struct {
	Hub    string `json:"hub"`
	People int    `json:"people"`
}
