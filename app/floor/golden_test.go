package floor

import (
	"bytes"
	"encoding/json"
	"os"
	"reflect"
	"testing"
	"time"
)

// oldLogForGolden is a session written before requests had types: room
// and hub requests, a move, a withdrawal, a dialogue, the moderator's own
// call and a policy question.
func oldLogForGolden() []Command {
	nbo := Speaker{Name: "Grace Githaiga", Affiliation: "KICTANet", Group: "Civil Society", Region: "African Group", Remote: true, Hub: "Nairobi", HubID: "h-nbo"}
	sao := Speaker{Name: "Youth hub", Region: "GRULAC", Youth: true, Remote: true, Hub: "São Paulo", HubID: "h-sao"}
	room := Speaker{Name: "Barrack Otieno", Group: "Technical Community", Region: "African Group"}
	gov := Speaker{Name: "Ana", Group: "Government", Region: "WEOG"}
	at := func(m int) time.Time { return t0.Add(time.Duration(m) * time.Minute) }
	return []Command{
		{Kind: Question, At: at(0), Pos: 1, Text: "How do we keep the Internet open?"},
		{Kind: Ask, At: at(1), Speaker: room},
		{Kind: Ask, At: at(1), Speaker: nbo},
		{Kind: Ask, At: at(2), Speaker: sao},
		{Kind: Ask, At: at(2), Speaker: gov},
		{Kind: Move, At: at(3), ID: 3, Pos: 0},
		{Kind: Give, At: at(4), Allotted: 3 * time.Minute},
		{Kind: Join, At: at(5), ID: 2, Spoke: time.Minute},
		{Kind: Give, At: at(8), ID: 1, Allotted: 3 * time.Minute, Spoke: 4 * time.Minute, Granted: 4 * time.Minute},
		{Kind: Withdraw, At: at(9), ID: 4},
		{Kind: Ask, At: at(9), Speaker: gov},
		{Kind: Take, At: at(11), Speaker: Speaker{Name: "Moderator"}, Spoke: 170 * time.Second},
		{Kind: Question, At: at(12), Pos: 2, Text: "Who pays?"},
		{Kind: Give, At: at(13), Allotted: 2 * time.Minute, Spoke: 50 * time.Second},
		{Kind: Ask, At: at(14), Speaker: nbo},
		{Kind: Ask, At: at(14), Speaker: room},
		{Kind: Move, At: at(14), ID: 7, Pos: 0},
	}
}

// A log written by the build before typed requests (testdata, kept as it
// was written) replays to the state that build made, byte for byte, and
// the log reads back as the same commands.
func TestALogFromBeforeTypesReplaysTheSame(t *testing.T) {
	raw, err := os.ReadFile("testdata/log-before-types.json")
	if err != nil {
		t.Fatal(err)
	}
	var log []Command
	if err := json.Unmarshal(raw, &log); err != nil {
		t.Fatal(err)
	}
	st, err := Replay(log)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := json.MarshalIndent(st, "", "  ")
	want, err := os.ReadFile("testdata/state-before-types.json")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(append(got, '\n'), want) {
		t.Errorf("the old log replays to\n%s\nwant\n%s", got, want)
	}
	again, _ := json.MarshalIndent(log, "", "  ")
	if !bytes.Equal(append(again, '\n'), raw) {
		t.Errorf("the old log writes back as\n%s", again)
	}
	fresh, _ := json.MarshalIndent(oldLogForGolden(), "", "  ")
	if !bytes.Equal(append(fresh, '\n'), raw) {
		t.Errorf("the same commands written today differ from the old log:\n%s", fresh)
	}
}

// Asking with Regular said makes exactly the state of asking as before
// types, Go values and all.
func TestRegularIsTheStateOfBefore(t *testing.T) {
	old := oldLogForGolden()
	typed := make([]Command, len(old))
	for i, c := range old {
		if c.Kind == Ask || c.Kind == Take {
			c.Speaker.Type = Regular
		}
		typed[i] = c
	}
	a, err := Replay(old)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Replay(typed)
	if err != nil || !reflect.DeepEqual(a, b) {
		t.Errorf("regular said: %v\n%+v\nwant\n%+v", err, b, a)
	}
}
