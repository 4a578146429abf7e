package floor

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestRequestTypeNames(t *testing.T) {
	for _, typ := range []RequestType{Regular, PointOfOrder, DirectReply} {
		got, err := ParseRequestType(typ.String())
		if err != nil || got != typ {
			t.Errorf("%v reads back as %v, %v", typ, got, err)
		}
	}
	if got, _ := ParseRequestType(" Point of Order "); got != PointOfOrder {
		t.Errorf("spaces and case: %v", got)
	}
	if got, _ := ParseRequestType(""); got != Regular {
		t.Errorf("empty: %v", got)
	}
	if _, err := ParseRequestType("filibuster"); !errors.Is(err, ErrBadType) {
		t.Errorf("unknown name: %v", err)
	}
	if UnknownRequestType.String() != "regular" || UnknownRequestType.Norm() != Regular || DirectReply.Words() != "direct reply" {
		t.Error("the zero value is not read as regular")
	}
	// Only a typed request writes its type; an unknown name is refused.
	for typ, want := range map[RequestType]string{UnknownRequestType: `{"name":"A"}`, Regular: `{"name":"A"}`,
		PointOfOrder: `{"name":"A","type":"point-of-order"}`, DirectReply: `{"name":"A","type":"direct-reply"}`} {
		b, err := json.Marshal(Speaker{Name: "A", Type: typ})
		if err != nil || string(b) != want {
			t.Errorf("%v: %s, %v", typ, b, err)
		}
	}
	var s Speaker
	if err := json.Unmarshal([]byte(`{"name":"A","type":"filibuster"}`), &s); !errors.Is(err, ErrBadType) {
		t.Errorf("a log with an unknown type: %v", err)
	}
	if _, err := json.Marshal(Speaker{Name: "A", Type: 9}); err == nil {
		t.Error("an unknown type was written")
	}
}

func typed(name string, typ RequestType) Speaker { return Speaker{Name: name, Type: typ} }

func kinds(st State) string {
	var b strings.Builder
	for _, r := range st.Queue {
		b.WriteString(r.Speaker.Name + " ")
	}
	return strings.TrimSpace(b.String())
}

// A point of order goes to the head, behind earlier ones; a direct reply
// right after the turn, behind points of order and earlier replies to the
// same turn, ahead of replies to a turn before it.
func TestTypedRequestsTakeTheirPlace(t *testing.T) {
	at := func(m int) time.Time { return t0.Add(time.Duration(m) * time.Minute) }
	log := []Command{
		{Kind: Ask, At: at(0), Speaker: typed("r1", Regular)},
		{Kind: Ask, At: at(0), Speaker: typed("r2", UnknownRequestType)},
		{Kind: Ask, At: at(1), Speaker: typed("p1", PointOfOrder)},
		{Kind: Ask, At: at(1), Speaker: typed("p2", PointOfOrder)},
		{Kind: Take, At: at(2), Speaker: Speaker{Name: "Moderator"}},
		{Kind: Ask, At: at(3), Speaker: typed("d1", DirectReply)},
		{Kind: Ask, At: at(3), Speaker: typed("r3", Regular)},
		{Kind: Ask, At: at(4), Speaker: typed("d2", DirectReply)},
		{Kind: Ask, At: at(4), Speaker: typed("p3", PointOfOrder)},
	}
	st, err := Replay(log)
	if err != nil {
		t.Fatal(err)
	}
	if got := kinds(st); got != "p1 p2 p3 d1 d2 r1 r2 r3" {
		t.Errorf("queue %s", got)
	}
	// A new turn: a reply to it goes ahead of the replies to the last one.
	st, err = Apply(st, Command{Kind: Give, At: at(5), ID: 3, Spoke: 3 * time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	st, _ = Apply(st, Command{Kind: Ask, At: at(6), Speaker: typed("d3", DirectReply)})
	if got := kinds(st); got != "p2 p3 d3 d1 d2 r1 r2 r3" {
		t.Errorf("queue after a new turn %s", got)
	}
	if st.Current.Speaker.Type != PointOfOrder {
		t.Errorf("the turn of a point of order: %v", st.Current.Speaker.Type)
	}
	// Between turns a reply answers the turn just ended.
	st, _ = Apply(st, Command{Kind: End, At: at(7), Spoke: time.Minute})
	st, _ = Apply(st, Command{Kind: Ask, At: at(8), Speaker: typed("d4", DirectReply)})
	if got := kinds(st); got != "p2 p3 d3 d4 d1 d2 r1 r2 r3" {
		t.Errorf("queue between turns %s", got)
	}
	if iv := st.Interventions[len(st.Interventions)-1]; iv.Speaker.Type != PointOfOrder || iv.Speaker.Name != "p1" {
		t.Errorf("the intervention keeps its type: %+v", iv)
	}
	for _, r := range st.Queue {
		if r.Speaker.Type == Regular {
			t.Errorf("%s is kept as Regular, not as the zero value", r.Speaker.Name)
		}
	}
	// Nothing to reply to yet; an unknown type is refused.
	if _, err := Apply(State{}, Command{Kind: Ask, Speaker: typed("d", DirectReply)}); !errors.Is(err, ErrNobody) {
		t.Errorf("a reply to nobody: %v", err)
	}
	if _, err := Apply(State{}, Command{Kind: Ask, Speaker: typed("x", 7)}); !errors.Is(err, ErrBadType) {
		t.Errorf("type 7: %v", err)
	}
	if _, err := Apply(State{}, Command{Kind: Take, Speaker: typed("x", 7)}); !errors.Is(err, ErrBadType) {
		t.Errorf("take with type 7: %v", err)
	}
}

// A log with typed requests, written to JSON and read back as a restart
// does, replays to the state the live commands made.
func TestTypedRequestsSurviveARestart(t *testing.T) {
	log := []Command{
		{Kind: Times, At: t0, Times: TypeTimes{PointOfOrder: 90 * time.Second}},
		{Kind: Ask, At: t0, Speaker: Speaker{Name: "Nairobi", Remote: true, Hub: "Nairobi", HubID: "h-nbo", Type: Regular}},
		{Kind: Take, At: t0.Add(time.Minute), Speaker: Speaker{Name: "Moderator", Type: Regular}},
		{Kind: Ask, At: t0.Add(2 * time.Minute), Speaker: Speaker{Name: "Accra", Remote: true, HubID: "h-acc", Type: DirectReply}},
		{Kind: Ask, At: t0.Add(2 * time.Minute), Speaker: typed("Chair", PointOfOrder)},
		{Kind: Give, At: t0.Add(3 * time.Minute), ID: 2, Allotted: 2 * time.Minute, Spoke: 2 * time.Minute},
	}
	var live State
	for _, c := range log {
		var err error
		if live, err = Apply(live, c); err != nil {
			t.Fatal(err)
		}
	}
	raw, err := json.Marshal(log)
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []int{2, 1, 1, 2, 2, 1} {
		if v := log[i].Version(); v != want {
			t.Errorf("%s version %d, want %d", log[i].Kind, v, want)
		}
	}
	if strings.Count(string(raw), `"type"`) != 2 {
		t.Errorf("the log writes regular types: %s", raw)
	}
	var read []Command
	if err := json.Unmarshal(raw, &read); err != nil {
		t.Fatal(err)
	}
	replayed, err := Replay(read)
	if err != nil || !reflect.DeepEqual(replayed, live) {
		t.Fatalf("replayed %+v, %v\nlive %+v", replayed, err, live)
	}
	if got := kinds(live); got != "Chair Nairobi" || live.Current.Speaker.Type != DirectReply {
		t.Errorf("queue %s, on the floor %+v", got, live.Current)
	}
	if d, err := live.AllottedFor(0, 3*time.Minute); err != nil || d != 90*time.Second {
		t.Errorf("a point of order's time: %v, %v", d, err)
	}
	if d, _ := live.AllottedFor(1, 3*time.Minute); d != 3*time.Minute {
		t.Errorf("a regular request's time: %v", d)
	}
	if d := live.Times.Allotted(DirectReply, 0); d != 2*time.Minute {
		t.Errorf("a direct reply's default time: %v", d)
	}
	if _, err := Apply(live, Command{Kind: Times, Times: TypeTimes{DirectReply: -time.Second}}); !errors.Is(err, ErrBadType) {
		t.Errorf("a negative time: %v", err)
	}
}
