package control

import (
	"errors"
	"testing"
	"time"
)

// The welcome says the hub's group and region as the moderator invited it,
// and a hub keeps them (issue 18: its window showed "(not said)").
func TestWelcomeCarriesTheHubsGroupAndRegion(t *testing.T) {
	b, err := Encode(Message{Type: Welcome, Hub: "Nairobi", Text: "WS #234", Speaker: &SpeakerWire{Group: "Civil Society", Region: "African Group"}})
	if err != nil {
		t.Fatal(err)
	}
	m, err := Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	var v RoomView
	v.Apply(m, time.Now())
	if v.Invited.Group != "Civil Society" || v.Invited.Region != "African Group" || v.HubName != "Nairobi" {
		t.Fatalf("view %+v", v)
	}
}

// A speaker in any message is checked as a request's is.
func TestWelcomeSpeakerIsChecked(t *testing.T) {
	b, _ := Encode(Message{Type: Welcome, Hub: "Nairobi", Speaker: &SpeakerWire{Group: "Civil\u202eSociety"}})
	if _, err := Decode(b); !errors.Is(err, ErrBadMessage) {
		t.Fatalf("a direction character in the welcome's speaker: %v", err)
	}
}
