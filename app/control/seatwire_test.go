package control

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/timer"
)

// The seats' wire, one example of each, against testdata/seatwire/seat-*.json
// and team-state.json (go test -update writes them): a rename of a domain
// field cannot change what a seat of another version reads.
func TestSeatWireGoldenFiles(t *testing.T) {
	at := time.Date(2026, 11, 27, 9, 41, 7, 250000001, time.UTC)
	ts := timer.State{Planned: time.Hour, Started: true, Session: timer.Stopwatch{Running: true, Since: at.Add(-41 * time.Minute)},
		Speaker: &timer.Turn{Name: "Wanjiru K.", Mode: timer.CountDown, Allotted: 3 * time.Minute, Clock: timer.Stopwatch{Running: true, Since: at}},
		Last:    at, Applied: 4}
	req := floor.Request{ID: 5, At: at.Add(-time.Minute), Speaker: floor.Speaker{Name: "Kwame", Group: "Government", Region: "African Group",
		Remote: true, Hub: "Accra", HubID: "h0123456789ab"}}
	turn := floor.Intervention{Speaker: floor.Speaker{Name: "Marilia Maciel"}, Start: at.Add(-10 * time.Minute), End: at.Add(-7 * time.Minute),
		Spoke: 3 * time.Minute, Request: 1}
	civil := floor.Usage{Budget: floor.Budget{Dimension: floor.ByGroup, Category: "Civil Society", Permille: 200}, Planned: 12 * time.Minute,
		Used: 2 * time.Minute, Turns: 1, Share: 0.25}
	examples := map[string]any{
		"team-state": TeamStateWire{V: Version, Now: at.Add(time.Second), Base: BaseWire{Timer: 4, Floor: 9},
			Seat:    SeatWire{ID: "s00aa11bb22cc", Name: "Ginger Paque", Role: "online-moderator", GiveRemote: true, Rights: []string{"queue", "message", "give-remote"}},
			Session: "WS #234 Security of digital products", Timer: WireTimer(ts), Queue: []RequestWire{WireRequest(req)},
			Floor: &TurnRecordWire{Request: 4, Speaker: SpeakerWire{Name: "Wanjiru K."}, Remote: true, Hub: "Nairobi", Start: at},
			Turns: []TurnRecordWire{WireTurn(turn)}, Question: 2, QuestionText: "How can security by design be encouraged?",
			Questions: []string{"What is security by design?", "How can security by design be encouraged?"}, Message: "Please wrap up in 30 seconds",
			Hubs: []HubPresenceWire{{ID: "h0123456789ab", Name: "Accra", Requests: []int{5}, Link: &LinkWire{State: "connected", People: 12,
				RTTNs: int64(84 * time.Millisecond), JitterNs: int64(3 * time.Millisecond), PacketsLost: 17, Kbps: 812.5, FPS: 29.9}},
				{ID: "h99", Name: "La Paz", Away: at.Add(-12 * time.Second), GraceNs: int64(3 * time.Minute)}},
			Notes: []NoteWire{WireNote(floor.TeamNote{Kind: floor.KeyPoint, Turn: 1, Text: "Liability", By: "Vladimir Radunovic", Role: floor.RapporteurSeat, At: at})},
			Seats: []SeatWire{{ID: "s00aa11bb22cc", Name: "Ginger Paque", Role: "online-moderator"}},
			Polls: []PollResultWire{{Poll: PollWire{ID: 1, Code: "4821", Question: "Who should be liable?", Kind: "single",
				Options: []string{"Makers", "Sellers"}, Opened: at}, Voters: 9, Counts: []int{7, 2}}},
			Audience: []AudienceQuestionWire{WireAudienceQuestion(floor.AudienceQuestion{ID: 3, Session: "igf/ws234", Device: "9f2c", Name: "Amina",
				Text: "Who certifies the certifiers?", State: floor.Pending, Asked: at.Add(-2 * time.Minute), Upvotes: 4})},
			Budgets:   []UsageWire{WireUsage(civil)},
			Suggested: []SuggestionWire{WireSuggestion(floor.Suggestion{Request: req, Reasons: []floor.Reason{{Kind: floor.ForBehind, Usage: civil}, {Kind: floor.ForFirstFromHub, Name: "Accra"}}})}},
		"seat-command":  SeatCommandWire{V: Version, Verb: "give", Base: BaseWire{Timer: 4, Floor: 9}, ID: 5, AllottedNs: int64(2 * time.Minute)},
		"seat-reply":    SeatReplyWire{V: Version, Error: "ending the turn needs the right to give and end turns, which a seat as rapporteur does not have", Right: "floor"},
		"seat-reply-ok": SeatReplyWire{V: Version, OK: true, Base: &BaseWire{Timer: 5, Floor: 10}},
		"seat-clock":    ClockWire{V: Version, T0: 1795770067250000001, T1: 1795770068484000000, T2: 1795770068484100000},
	}
	for name, msg := range examples {
		got, err := json.MarshalIndent(msg, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join("testdata", "seatwire", name+".json")
		if *update {
			if err := os.WriteFile(path, append(got, '\n'), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if strings.TrimSpace(string(want)) != string(got) {
			t.Errorf("%s on the wire:\n%s\nwant (%s):\n%s", name, got, path, want)
		}
	}
	raw, _ := json.Marshal(examples["team-state"])
	st, err := DecodeTeamState(raw)
	if err != nil || st.TimerState().Speaker == nil || st.TimerState().Speaker.Name != "Wanjiru K." {
		t.Fatalf("the state read back: %+v, %v", st, err)
	}
	// The fair floor's reasons read back as the domain's, for the seat's words.
	if why := st.Suggested[0].Reasons; why[0].Reason().String() != "Civil Society has spoken 2:00 of its 12:00" || why[1].Reason().String() != "first from Accra" {
		t.Errorf("the reasons read back: %+v", why)
	}
	if strings.Contains(string(raw), "9f2c") {
		t.Error("a phone's device hash left the room")
	}
}

// A seat's command is checked field by field, and one of another version
// is refused naming both versions.
func TestSeatCommandsAreChecked(t *testing.T) {
	for _, c := range []struct{ raw, want string }{
		{`{"v":2,"verb":"give","base":{"timer":1,"floor":2},"id":3}`, ""},
		{`{"v":1,"verb":"give"}`, "protocol version 1, this Floor speaks version 2"},
		{`{"v":2,"verb":"takeaway","text":"a\u202eb"}`, "control or direction characters"},
		{`{"v":2,"verb":"ask","speaker":{"name":"\u001b[31mred"}}`, "control or direction characters"},
		{`{"v":2,"verb":"give","id":-1}`, "negative"},
		{`{"v":2,"verb":"give"}{"v":2,"verb":"end"}`, "more than one"},
		{`{"v":2,"verb":"takeaway","text":"` + strings.Repeat("x", MaxSeatCommand) + `"}`, "larger than"},
		{`[]`, "not a command"},
	} {
		_, err := DecodeSeatCommand([]byte(c.raw))
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%.60s: %v", c.raw, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%.60s: %v, want %q", c.raw, err, c.want)
		}
	}
	_, err := DecodeTeamState([]byte(`{"v":3}`))
	if ve := (*VersionError)(nil); !errors.As(err, &ve) || ve.Peer != 3 {
		t.Errorf("a room of version 3: %v", err)
	}
}
