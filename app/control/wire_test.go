package control

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/timer"
)

var update = flag.Bool("update", false, "write testdata/wire/*.json from the examples")

type golden struct {
	name string // testdata/wire/NAME.json
	msg  Message
}

// goldenMessages is one fixed example of every message type (and of the
// timers with and without a speaker, and of both kinds of vote).
func goldenMessages() []golden {
	at := func(s string) time.Time {
		t, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			panic(err)
		}
		return t
	}
	running := timer.State{
		Planned: 90 * time.Minute, Started: true,
		Session: timer.Stopwatch{Running: true, Since: at("2026-11-27T09:00:00Z"), Before: 0},
		Speaker: &timer.Turn{Name: "Grace Hopper", Mode: timer.CountDown, Allotted: 3 * time.Minute,
			Clock: timer.Stopwatch{Running: true, Since: at("2026-11-27T09:41:07.250000001Z"), Before: 12 * time.Second}},
		Last: at("2026-11-27T09:41:07.250000001Z"), Applied: 7,
	}
	paused := timer.State{
		Planned: time.Hour, Started: true,
		Session: timer.Stopwatch{Before: 25 * time.Minute},
		Last:    at("2026-11-27T09:25:00Z"), Applied: 3,
	}
	return []golden{
		{"hello", Message{Type: Hello, People: 12}},
		{"welcome", Message{Type: Welcome, Hub: "Nairobi University", Text: "WS #234 Open data for all", Request: 4}},
		{"request", Message{Type: Request, Speaker: WireSpeaker(floor.Speaker{Name: "Wanjiru K.", Affiliation: "KICTANet",
			Group: "Civil Society", Region: "African Group", Youth: true})}},
		{"withdraw", Message{Type: Withdraw, Request: 4}},
		{"queue", Message{Type: Queue, Request: 4, Position: 1, Length: 3}},
		{"floor", Message{Type: State, Request: 4, Floor: Next}},
		{"timer", Message{Type: Timer, Timer: WireTimer(running)}},
		{"timer-paused", Message{Type: Timer, Timer: WireTimer(paused)}},
		{"timer-thresholds", Message{Type: Timer, Timer: WireTimer(running).WithThresholds(timer.Thresholds{Warning: time.Minute, Danger: 20 * time.Second})}},
		{"ping", Message{Type: Ping, T0: 1795770067250000001}},
		{"pong", Message{Type: Pong, T0: 1795770067250000001, T1: 1795770068484000000, T2: 1795770068484100000}},
		{"message", Message{Type: Text, Text: "Two minutes each, please."}},
		{"error", Message{Type: Error, Text: "a hub may have 5 requests waiting at once"}},
		{"question", Message{Type: Question, Position: 2, Text: "How can open data serve the Global South?"}},
		{"poll", Message{Type: Poll, Poll: WirePoll(floor.Poll{ID: 3, Code: "K7Q2", Question: "Which first?", Kind: floor.Single,
			Options: []string{"Access", "Skills", "Funding"}, Opened: at("2026-11-27T09:30:00Z")})}},
		{"poll-closed", Message{Type: Poll, Poll: WirePoll(floor.Poll{ID: 4, Question: "One word for today?", Kind: floor.TextPoll,
			Opened: at("2026-11-27T09:35:00Z"), Closed: at("2026-11-27T09:38:30Z")})}},
		{"vote", Message{Type: Vote, PollID: 3, People: 12, Votes: []HubVote{{Choices: []int{0}}, {Choices: []int{2}}}}},
		{"vote-as-hub", Message{Type: Vote, PollID: 4, AsHub: true, Votes: []HubVote{{Text: "inclusion"}}}},
		{"voted", Message{Type: Voted, PollID: 3, Length: 2}},
		{"to-speaker", Message{Type: ToSpeaker, Text: "Please wrap up in 30 seconds"}},
		{"to-speaker-cleared", Message{Type: ToSpeaker}},
		{"audience", AudienceMessage([]floor.AudienceQuestion{
			{ID: 3, Device: "9f2c", Name: "Amina", Text: "Who certifies connected products?", State: floor.Shown, Upvotes: 4},
			{ID: 1, Device: "d01", Text: "How long are updates owed?", State: floor.Answered, Answer: "Five years at least."},
			{ID: 2, Device: "e77", Text: "Not yet read", State: floor.Pending, Upvotes: 9}}, func(id int) bool { return id == 3 })},
		{"upvote", Message{Type: Upvote, QuestionID: 3}},
	}
}

// TestWireMatchesTheGoldenFiles: every message type, encoded from a fixed
// example, is byte for byte testdata/wire/NAME.json (indented), and each
// golden file decodes to its example. A change to the wire shows here;
// -update writes the files, and the diff is the protocol change to review
// (and to bump Version for).
func TestWireMatchesTheGoldenFiles(t *testing.T) {
	dir := filepath.Join("testdata", "wire")
	if *update {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	covered := map[Type]bool{}
	names := map[string]bool{}
	for _, g := range goldenMessages() {
		covered[g.msg.Type] = true
		names[g.name+".json"] = true
		b, err := Encode(g.msg)
		if err != nil {
			t.Fatalf("%s: %v", g.name, err)
		}
		var out bytes.Buffer
		if err := json.Indent(&out, b, "", "  "); err != nil {
			t.Fatal(err)
		}
		out.WriteByte('\n')
		path := filepath.Join(dir, g.name+".json")
		if *update {
			if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (go test ./app/control -run Golden -update writes it)", err)
		}
		if !bytes.Equal(out.Bytes(), want) {
			t.Errorf("%s: the wire changed:\n got %s\nwant %s", path, out.Bytes(), want)
		}
		got, err := Decode(want)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		example := g.msg
		example.V = Version
		if !reflect.DeepEqual(got, example) {
			t.Errorf("%s decodes to\n%+v\nwant\n%+v", path, got, example)
		}
	}
	for _, ty := range allTypes {
		if !covered[ty] {
			t.Errorf("no golden example of a %q message", ty)
		}
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	for _, f := range files {
		if !names[filepath.Base(f)] {
			t.Errorf("%s is no example's: remove it", f)
		}
	}
}

// TestWireStructsGiveTheDomainBack: the conversions lose nothing but
// what the wire leaves out on purpose (where a speaker is: the room says).
func TestWireStructsGiveTheDomainBack(t *testing.T) {
	for _, g := range goldenMessages() {
		m := g.msg
		if m.Timer != nil {
			back := WireTimer(m.Timer.State())
			if m.Timer.WarningNs != 0 || m.Timer.DangerNs != 0 {
				back.WithThresholds(m.Timer.Thresholds()) // the thresholds are the session's, not the timer state's
			}
			if !reflect.DeepEqual(back, m.Timer) {
				t.Errorf("%s: %+v → %+v", g.name, m.Timer, back)
			}
		}
		if m.Poll != nil {
			if back := WirePoll(m.Poll.Poll()); !reflect.DeepEqual(back, m.Poll) {
				t.Errorf("%s: %+v → %+v", g.name, m.Poll, back)
			}
		}
		if m.Speaker != nil {
			if back := WireSpeaker(m.Speaker.Speaker()); !reflect.DeepEqual(back, m.Speaker) {
				t.Errorf("%s: %+v → %+v", g.name, m.Speaker, back)
			}
		}
	}
	s := floor.Speaker{Name: "A", Affiliation: "B", Group: "Technical Community", Region: "WEOG", Youth: true,
		Remote: true, Hub: "Geneva", HubID: "h1"}
	if got := WireSpeaker(s).Speaker(); got.Remote || got.Hub != "" || got.HubID != "" || got.Name != "A" || !got.Youth || got.Region != "WEOG" {
		t.Fatalf("a hub says where its speaker is: %+v", got)
	}
}

// TestDomainFieldsAreAllOnTheWireOrLeftOffOnPurpose: a field added to a
// domain struct must be decided for the wire (wire.go), not forgotten.
func TestDomainFieldsAreAllOnTheWireOrLeftOffOnPurpose(t *testing.T) {
	for _, c := range []struct {
		v      any
		fields string // every field, in order; those in () are not on the wire
	}{
		{timer.State{}, "Planned Started Ended Session Speaker Last Applied"},
		{timer.Stopwatch{}, "Running Since Before"},
		{timer.Turn{}, "Name Mode Allotted Clock"},
		{floor.Speaker{}, "Name Affiliation Group Region Youth (Remote) (Hub) (HubID) Type (Source) (Device)"}, // a phone's device hash never leaves the room
		{floor.Poll{}, "ID Code Question Kind Options Opened Closed"},
		// The seats' (seatfloor.go): a question's phone and session stay in the room.
		{floor.AudienceQuestion{}, "ID (Session) (Device) Name Text State Answer Request Asked Decided Upvotes"},
		{floor.Usage{}, "Budget Planned Used Turns Share"},
		{floor.Budget{}, "Dimension Category Permille"},
		{floor.Suggestion{}, "Request From Reasons"},
		{floor.Reason{}, "Kind Usage Name Passed"},
	} {
		ty := reflect.TypeOf(c.v)
		var got []string
		for f := range ty.Fields() {
			got = append(got, f.Name)
		}
		want := strings.Fields(strings.NewReplacer("(", "", ")", "").Replace(c.fields))
		if !slices.Equal(got, want) {
			t.Errorf("%s has fields %v, the wire was decided for %v: update wire.go, this test and the golden files", ty, got, want)
		}
	}
}

func TestAnotherVersionIsNamedAndAnsweredInItsOwn(t *testing.T) {
	for _, peer := range []int{Version - 1, Version + 1} {
		raw, _ := json.Marshal(map[string]any{"v": peer, "type": "timer", "timer": map[string]any{"planned_ns": "a shape of another version"}})
		m, err := Decode(raw)
		ve, ok := errors.AsType[*VersionError](err)
		if !ok || !errors.Is(err, ErrBadMessage) || ve.Peer != peer || m.V != peer || m.Type != Timer {
			t.Fatalf("version %d: %+v %v", peer, m, err)
		}
		for _, v := range []int{peer, Version} {
			if !strings.Contains(err.Error(), "version "+itoa(v)) {
				t.Errorf("%q does not name version %d", err, v)
			}
		}
		// The refusal is in the peer's version, so it can read it.
		var answer struct {
			V    int    `json:"v"`
			Type Type   `json:"type"`
			Text string `json:"text"`
		}
		if err := json.Unmarshal(Refusal(err), &answer); err != nil || answer.V != peer || answer.Type != Error {
			t.Fatalf("refusal %+v %v", answer, err)
		}
		want := "this hub speaks control protocol version " + itoa(peer) + " and the room version " + itoa(Version)
		if !strings.HasPrefix(answer.Text, want) {
			t.Errorf("refusal %q, want %q…", answer.Text, want)
		}
	}
	_, err := Decode([]byte(`{"type":"hello"}`))
	if ve, ok := errors.AsType[*VersionError](err); !ok || ve.Peer != 0 || !strings.Contains(err.Error(), "no protocol version") {
		t.Fatalf("no version: %v", err)
	}
	// Any other refusal is in this version, and fits a message.
	_, err = Decode([]byte(`{"v":2,"type":"` + strings.Repeat("x", 5000) + `"}`))
	m, derr := Decode(Refusal(err))
	if derr != nil || m.Type != Error || !strings.Contains(m.Text, "unknown type") {
		t.Fatalf("%+v %v", m, derr)
	}
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }
