package floor

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestEditCorrectsTheSpeakerAndKeepsThePlace(t *testing.T) {
	at := time.Date(2020, 11, 10, 9, 0, 0, 0, time.UTC)
	st, _, _ := State{}.Ask(Speaker{Name: "Ana"}, at)
	st, id, _ := st.Ask(Speaker{Name: "Hub Lagos", Remote: true, Hub: "Lagos", HubID: "h1", Type: PointOfOrder}, at)
	st, _, _ = st.Ask(Speaker{Name: "Chen"}, at)
	got, err := Apply(st, Command{Kind: Edit, ID: id, Speaker: Speaker{Name: " Ngozi Okafor ", Group: "Civil Society", Youth: true}})
	if err != nil {
		t.Fatal(err)
	}
	r := got.Queue[0] // a point of order is at the head
	if r.ID != id || r.Speaker.Name != "Ngozi Okafor" || r.Speaker.Group != "Civil Society" || !r.Speaker.Youth {
		t.Fatalf("edited request %+v", r)
	}
	if !r.Speaker.Remote || r.Speaker.HubID != "h1" || r.Speaker.Type != PointOfOrder {
		t.Fatalf("the edit changed where the speaker is or the type: %+v", r.Speaker)
	}
	if st.Queue[0].Speaker.Name != "Hub Lagos" {
		t.Fatal("the edit changed the state it was applied to")
	}
}

func TestEditRefusesWhatDoesNotFit(t *testing.T) {
	st, id, _ := State{}.Ask(Speaker{Name: "Ana"}, time.Time{})
	for name, c := range map[string]Command{
		"withdrawn":   {Kind: Edit, ID: id + 1, Speaker: Speaker{Name: "B"}},
		"no name":     {Kind: Edit, ID: id, Speaker: Speaker{Name: "  "}},
		"long name":   {Kind: Edit, ID: id, Speaker: Speaker{Name: strings.Repeat("x", 201)}},
		"long letter": {Kind: Message, Text: strings.Repeat("x", MaxMessageRunes+1)},
	} {
		got, err := Apply(st, c)
		if err == nil {
			t.Errorf("%s: applied", name)
		}
		if got.Applied != st.Applied || got.Queue[0].Speaker.Name != "Ana" {
			t.Errorf("%s: the state changed", name)
		}
	}
	if _, err := Apply(st, Command{Kind: Edit, ID: 9}); !errors.Is(err, ErrNoRequest) {
		t.Fatalf("edit of no request: %v", err)
	}
}

func TestAMessageToTheSpeakerLastsTheTurn(t *testing.T) {
	at := time.Date(2020, 11, 10, 9, 0, 0, 0, time.UTC)
	st, _ := Replay([]Command{
		{Kind: Ask, At: at, Speaker: Speaker{Name: "Ana"}},
		{Kind: Ask, At: at, Speaker: Speaker{Name: "Chen"}},
		{Kind: Give, At: at},
		{Kind: Message, Text: " Please wrap up in 30 seconds "},
	})
	if st.Message != "Please wrap up in 30 seconds" {
		t.Fatalf("message %q", st.Message)
	}
	for _, c := range []Command{{Kind: Give, At: at}, {Kind: Take, At: at, Speaker: Speaker{Name: "Mod"}}, {Kind: End, At: at}} {
		next, _ := Apply(st, Command{Kind: Message, Text: "for this turn"})
		if next, _ = Apply(next, c); next.Message != "" {
			t.Errorf("after %s the message is still %q", c.Kind, next.Message)
		}
	}
	if v := (Command{Kind: Message}).Version(); v != 3 {
		t.Fatalf("a message is written as version %d", v)
	}
}
