package floor

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"reflect"
	"testing"
	"time"
)

func TestPlansAreChecked(t *testing.T) {
	good := Plan{Session: time.Hour, Budgets: []Budget{
		{Dimension: ByGroup, Category: "Civil Society", Permille: 200},
		{Dimension: ByGroup, Category: "Government", Permille: 200},
		{Dimension: ByYouth, Category: Youth, Permille: 150},
	}}
	if err := good.Check(); err != nil {
		t.Fatal(err)
	}
	if err := EqualPlaces(0).Check(); err != nil {
		t.Fatal(err)
	}
	for name, p := range map[string]Plan{
		"dimension":      {Budgets: []Budget{{Category: "x", Permille: 1}}},
		"no category":    {Budgets: []Budget{{Dimension: ByGroup, Permille: 1}}},
		"place":          {Budgets: []Budget{{Dimension: ByPlace, Category: "moon", Permille: 1}}},
		"youth":          {Budgets: []Budget{{Dimension: ByYouth, Category: "old", Permille: 1}}},
		"zero share":     {Budgets: []Budget{{Dimension: ByGroup, Category: "x"}}},
		"twice":          {Budgets: []Budget{{Dimension: ByRegion, Category: "WEOG", Permille: 1}, {Dimension: ByRegion, Category: "WEOG", Permille: 1}}},
		"over the whole": {Budgets: []Budget{{Dimension: ByPlace, Category: Online, Permille: 600}, {Dimension: ByPlace, Category: InTheRoom, Permille: 401}}},
		"session":        {Session: -time.Second},
	} {
		if err := p.Check(); !errors.Is(err, ErrBadBudget) {
			t.Errorf("%s: %v", name, err)
		}
		if _, err := Apply(State{}, Command{Kind: Budgets, Plan: &p}); !errors.Is(err, ErrBadBudget) {
			t.Errorf("%s applied: %v", name, err)
		}
	}
	b, _ := json.Marshal(good.Budgets[2])
	if string(b) != `{"dimension":"youth","category":"youth","permille":150}` {
		t.Errorf("budget JSON %s", b)
	}
	var d Dimension
	if err := json.Unmarshal([]byte(`"colour"`), &d); !errors.Is(err, ErrBadBudget) {
		t.Errorf("unknown dimension: %v", err)
	}
}

// Used and left follow the interventions and the turn on the floor, those
// who joined it included; plan against actual adds up.
func TestBudgetsUsedAndLeft(t *testing.T) {
	plan := Plan{Session: time.Hour, Budgets: []Budget{
		{Dimension: ByGroup, Category: "Civil Society", Permille: 200},
		{Dimension: ByPlace, Category: Online, Permille: 500},
		{Dimension: ByYouth, Category: Youth, Permille: 100},
	}}
	cs := Speaker{Name: "Grace", Group: "Civil Society", Remote: true, HubID: "h-nbo"}
	yo := Speaker{Name: "Youth hub", Youth: true, Remote: true, HubID: "h-sao"}
	gov := Speaker{Name: "Ana", Group: "Government"}
	log := []Command{
		{Kind: Budgets, At: t0, Plan: &plan},
		{Kind: Ask, At: t0, Speaker: cs},
		{Kind: Ask, At: t0, Speaker: yo},
		{Kind: Take, At: t0, Speaker: gov},
		{Kind: Give, At: t0.Add(4 * time.Minute), ID: 1, Spoke: 4 * time.Minute},
		{Kind: Join, At: t0.Add(5 * time.Minute), ID: 2, Spoke: time.Minute},
	}
	st, err := Replay(log)
	if err != nil {
		t.Fatal(err)
	}
	plan.Budgets[0].Permille = 999 // the state keeps its own copy
	u := st.Usage(3 * time.Minute) // the turn: Grace 3:00, the youth hub 2:00 of it
	want := []time.Duration{3 * time.Minute, 5 * time.Minute, 2 * time.Minute}
	for i, w := range want {
		if u[i].Used != w {
			t.Errorf("%s used %v, want %v", u[i].Budget.Category, u[i].Used, w)
		}
	}
	if u[0].Planned != 12*time.Minute || u[0].Left() != 9*time.Minute || u[0].String() != "Civil Society has spoken 3:00 of its 12:00" {
		t.Errorf("civil society %+v: %s", u[0], u[0])
	}
	if u[1].Share != 5.0/9 || u[1].Turns != 2 {
		t.Errorf("online %+v", u[1])
	}
	if r := u[0].Ratio(); r < 1.66 || r > 1.67 {
		t.Errorf("civil society's ratio %v (3 of 9 min spoken, a fifth planned)", r)
	}
	if got := (State{}).Usage(time.Minute); got != nil {
		t.Errorf("no plan, usage %v", got)
	}
	shares := Use(Plan{Budgets: EqualPlaces(0).Budgets}, st.Spoken(3*time.Minute))
	if shares[0].Planned != 0 || shares[0].String() != "in the room has had 44% of the time spoken, its share is 50%" {
		t.Errorf("shares without a session length: %s", shares[0])
	}
	if st.LiveAt(t0.Add(7*time.Minute)) != 3*time.Minute || (State{}).LiveAt(t0) != 0 {
		t.Error("LiveAt")
	}
	if Clock(-75*time.Second) != "-1:15" || Clock(3725*time.Second) != "1:02:05" {
		t.Error("Clock")
	}
	var buf bytes.Buffer
	if err := WritePlanCSV(&buf, *st.Plan, st.Spoken(3*time.Minute)); err != nil {
		t.Fatal(err)
	}
	rows, _ := csv.NewReader(&buf).ReadAll()
	if !reflect.DeepEqual(rows[1], []string{"stakeholder group", "Civil Society", "20.0", "720.0", "180.0", "540.0", "33.3", "1"}) {
		t.Errorf("csv %v", rows)
	}
	if su := st.SpeakerUsage(3 * time.Minute); len(su) != 2 || su[0].Budget.Category != "Civil Society" || su[1].Budget.Category != Online {
		t.Errorf("the speaker's budgets %+v", su)
	}
	if (State{}).SpeakerUsage(0) != nil {
		t.Error("budgets of nobody")
	}
	if st, err = Apply(st, Command{Kind: Budgets}); err != nil || st.Plan != nil {
		t.Errorf("clearing the plan: %v %+v", err, st.Plan)
	}
}
