package floor

import (
	"bytes"
	"encoding/csv"
	"errors"
	"math/rand/v2"
	"reflect"
	"strconv"
	"testing"
	"time"
)

var t0 = time.Date(2020, 11, 11, 11, 20, 0, 0, time.UTC)

func ids(st State) []int {
	var out []int
	for _, r := range st.Queue {
		out = append(out, r.ID)
	}
	return out
}

func TestQueue(t *testing.T) {
	var st State
	var err error
	for _, s := range []Speaker{
		{Name: "Barrack Otieno", Group: "Technical Community", Region: "African Group"},
		{Name: "Youth hub São Paulo", Remote: true, Hub: "São Paulo", Youth: true, Region: "Latin American and Caribbean Group (GRULAC)"},
		{Name: "Anastasiya Kazakova", Group: "Private Sector"},
	} {
		if st, _, err = st.Ask(s, t0); err != nil {
			t.Fatal(err)
		}
	}
	if _, _, err := st.Ask(Speaker{Name: "  "}, t0); !errors.Is(err, ErrBadSpeaker) {
		t.Errorf("nameless request: %v", err)
	}
	st, _ = st.Move(3, 0)
	if got := ids(st); !reflect.DeepEqual(got, []int{3, 1, 2}) {
		t.Errorf("after move: %v", got)
	}
	before := st
	if _, err := st.Move(9, 0); !errors.Is(err, ErrNoRequest) {
		t.Errorf("move unknown: %v", err)
	}
	if !reflect.DeepEqual(before, st) {
		t.Error("a refused move changed the queue")
	}
	st, err = st.Give(0, t0.Add(time.Minute), 2*time.Minute, Ending{})
	if err != nil || st.Current.Speaker.Name != "Anastasiya Kazakova" || !reflect.DeepEqual(ids(st), []int{1, 2}) {
		t.Fatalf("give first: %v %+v", err, st)
	}
	st, err = st.Give(2, t0.Add(3*time.Minute), 3*time.Minute, Ending{Spoke: 130 * time.Second})
	if err != nil || st.Current.Speaker.Place() != "remote: São Paulo" || len(st.Interventions) != 1 {
		t.Fatalf("give 2: %v %+v", err, st)
	}
	if iv := st.Interventions[0]; iv.Spoke != 130*time.Second || iv.Overtime() != 10*time.Second {
		t.Errorf("first intervention %+v overtime %v", iv, iv.Overtime())
	}
	st, _ = st.Withdraw(1)
	st, err = st.End(t0.Add(5*time.Minute), Ending{Spoke: 100 * time.Second, Granted: 4 * time.Minute})
	if err != nil || st.Current != nil || len(st.Queue) != 0 || len(st.Interventions) != 2 {
		t.Fatalf("end: %v %+v", err, st)
	}
	if iv := st.Interventions[1]; iv.Allotted != 4*time.Minute || iv.Overtime() != 0 {
		t.Errorf("granted time not kept: %+v", iv)
	}
	if _, err := st.End(t0, Ending{}); !errors.Is(err, ErrNobody) {
		t.Errorf("end with nobody: %v", err)
	}
	if _, err := st.Give(0, t0, time.Minute, Ending{}); !errors.Is(err, ErrNoRequest) {
		t.Errorf("give from an empty queue: %v", err)
	}
}

// The balance CSV adds up to the intervention log in every dimension.
func TestBalanceAddsUpToTheLog(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	groups := []string{"", "Government", "Private Sector", "Civil Society", "Technical Community"}
	regions := []string{"", "African Group", "WEOG", "GRULAC"}
	var ivs []Intervention
	var total time.Duration
	for i := 0; i < 57; i++ {
		spoke := time.Duration(rng.IntN(300_000)) * time.Millisecond
		total += spoke
		ivs = append(ivs, Intervention{Spoke: spoke, Speaker: Speaker{Name: "s" + strconv.Itoa(i),
			Group: groups[rng.IntN(len(groups))], Region: regions[rng.IntN(len(regions))],
			Remote: rng.IntN(3) == 0, Youth: rng.IntN(4) == 0}})
	}
	var buf bytes.Buffer
	if err := WriteBalanceCSV(&buf, ivs); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	seconds := map[string]float64{}
	turns := map[string]int{}
	for _, r := range rows[1:] {
		s, _ := strconv.ParseFloat(r[3], 64)
		n, _ := strconv.Atoi(r[2])
		seconds[r[0]] += s
		turns[r[0]] += n
	}
	for _, dim := range []string{"stakeholder group", "region", "place", "youth"} {
		if d := seconds[dim] - total.Seconds(); d > 0.1*float64(len(rows)) || d < -0.1*float64(len(rows)) {
			t.Errorf("%s adds up to %.1f s, the log to %.1f s", dim, seconds[dim], total.Seconds())
		}
		if turns[dim] != len(ivs) {
			t.Errorf("%s counts %d turns, the log %d", dim, turns[dim], len(ivs))
		}
	}
	if rows[0][0] != "dimension" || len(rows) < 10 {
		t.Errorf("csv = %v", rows[:2])
	}
}

func TestReplayEqualsLive(t *testing.T) {
	cmds := []Command{
		{Kind: Ask, At: t0, Speaker: Speaker{Name: "A", Group: "Government"}},
		{Kind: Ask, At: t0, Speaker: Speaker{Name: "B", Remote: true}},
		{Kind: Move, ID: 2, Pos: 0},
		{Kind: Give, At: t0.Add(time.Minute), Allotted: time.Minute},
		{Kind: Take, At: t0.Add(2 * time.Minute), Speaker: Speaker{Name: "Moderator"}, Spoke: 61 * time.Second},
		{Kind: End, At: t0.Add(3 * time.Minute), Spoke: 30 * time.Second},
	}
	var live State
	for _, c := range cmds {
		var err error
		if live, err = Apply(live, c); err != nil {
			t.Fatal(err)
		}
	}
	replayed, err := Replay(cmds)
	if err != nil || !reflect.DeepEqual(replayed, live) {
		t.Fatalf("replay %+v, %v", replayed, err)
	}
	if len(live.Interventions) != 2 || live.Interventions[0].Speaker.Name != "B" || len(live.Queue) != 1 {
		t.Errorf("state %+v", live)
	}
	if _, err := Replay(append(cmds, Command{Kind: "floor.dance"})); err == nil {
		t.Error("an unknown command replayed")
	}
}

func TestASecondSpeakerJoinsTheTurn(t *testing.T) {
	log := []Command{
		{Kind: Ask, At: t0, Speaker: Speaker{Name: "Nairobi", Remote: true, Hub: "Nairobi"}},
		{Kind: Ask, At: t0, Speaker: Speaker{Name: "Accra", Remote: true, Hub: "Accra"}},
		{Kind: Give, At: t0, ID: 1},
		{Kind: Join, At: t0.Add(time.Minute), ID: 2, Spoke: time.Minute},
		{Kind: End, At: t0.Add(3 * time.Minute), Spoke: 3 * time.Minute},
	}
	st, err := Replay(log[:4])
	if err != nil {
		t.Fatal(err)
	}
	if got := st.Live(); len(got) != 2 || got[0] != 1 || got[1] != 2 || len(st.Queue) != 0 {
		t.Fatalf("live %v, queue %v", got, st.Queue)
	}
	if st, err = Apply(st, log[4]); err != nil {
		t.Fatal(err)
	}
	if len(st.Interventions) != 2 || st.Interventions[0].Spoke != 3*time.Minute || st.Interventions[1].Spoke != 2*time.Minute || len(st.With) != 0 {
		t.Errorf("interventions %+v", st.Interventions)
	}
	if _, err := Apply(State{}, Command{Kind: Join, ID: 1}); !errors.Is(err, ErrNobody) {
		t.Errorf("joining nobody's turn: %v", err)
	}
}
