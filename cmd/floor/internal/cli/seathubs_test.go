package cli

import (
	"strings"
	"testing"
	"time"

	"github.com/igf-floor/floor/app/control"
	"github.com/igf-floor/floor/app/seatlink"
)

func seatState() control.TeamStateWire {
	return control.TeamStateWire{V: control.Version, Session: "WS #234",
		Seat: control.SeatWire{ID: "s1", Name: "Jonas Grätz-Hoffmann", Role: "co-moderator", Rights: []string{"floor"}},
		Hubs: []control.HubPresenceWire{
			{ID: "h1", Name: "Nairobi", Link: &control.LinkWire{State: "connected", Kbps: 512, FPS: 30, RTTNs: int64(40 * time.Millisecond)}},
			{ID: "h2", Name: "Nairobi Youth Hub", Link: &control.LinkWire{State: "connected", Kbps: 250}},
		}}
}

// A headless seat prints the room when it changes, not every second
// because a hub's bitrate moved (a seat with two hubs printed the whole
// room 393 times in ten minutes); its role reads as the role's words.
func TestAHeadlessSeatPrintsTheRoomWhenItChanges(t *testing.T) {
	var out strings.Builder
	term := &seatTerm{out: &out}
	st := seatlink.Status{State: seatState(), Have: true}
	term.show(st)
	first := out.String()
	if !strings.Contains(first, "Seat of Jonas Grätz-Hoffmann as co-moderator in") || !strings.Contains(first, "512 kbps") {
		t.Fatalf("the room as first printed:\n%s", first)
	}
	st.State = seatState()
	st.State.Hubs[0].Link.Kbps, st.State.Hubs[0].Link.FPS = 498, 29
	term.show(st)
	if again := out.String()[len(first):]; again != "" {
		t.Errorf("a bitrate that moved printed the room again:\n%s", again)
	}
	st.State = seatState()
	st.State.Hubs[1].Link = nil
	st.State.Hubs[1].Away = time.Date(2020, 11, 11, 11, 30, 0, 0, time.UTC)
	term.show(st)
	if again := out.String()[len(first):]; !strings.Contains(again, "Nairobi Youth Hub (h2) — away") {
		t.Errorf("a hub gone away was not printed:\n%s", again)
	}
}

// A hub is named by its id or by its name as the screen lists it, the
// longest name that fits first.
func TestASeatNamesAHubByItsName(t *testing.T) {
	s := seatState()
	for in, want := range map[string]string{
		"Nairobi welcome":               "h1 welcome",
		"nairobi youth hub Please mute": "h2 Please mute",
		"Nairobi":                       "h1",
		"h2 hello":                      "h2 hello",
		"Nairobian hello":               "Nairobian hello",
	} {
		if got := byHubName(s, in); got != want {
			t.Errorf("%q read as %q, want %q", in, got, want)
		}
	}
	if s.Hubs[0].Link.Kbps != 512 || withoutFigures(s).Hubs[0].Link.Kbps != 0 {
		t.Error("withoutFigures changed the state it was given, or kept its figures")
	}
}
