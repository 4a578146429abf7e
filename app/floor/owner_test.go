package floor

import (
	"reflect"
	"testing"
	"time"
)

// A hub's requests are found by its id through every step of a turn, and a
// replay of the log finds the same owners: the log, not a connection,
// holds who owns what.
func TestOwnersComeFromTheLog(t *testing.T) {
	nairobi := Speaker{Name: "Grace Githaiga", Remote: true, Hub: "Nairobi", HubID: "h-nbo"}
	accra := Speaker{Name: "Kwame", Remote: true, Hub: "Accra", HubID: "h-acc"}
	room := Speaker{Name: "Barrack Otieno"}
	log := []Command{
		{Kind: Ask, At: t0, Speaker: nairobi},
		{Kind: Ask, At: t0, Speaker: room},
		{Kind: Ask, At: t0, Speaker: accra},
		{Kind: Ask, At: t0, Speaker: nairobi},
		{Kind: Give, At: t0.Add(time.Minute), ID: 1, Allotted: 3 * time.Minute},
		{Kind: Join, At: t0.Add(2 * time.Minute), ID: 3, Spoke: time.Minute},
	}
	st, err := Replay(log)
	if err != nil {
		t.Fatal(err)
	}
	if got := st.Owner(1); got != "h-nbo" {
		t.Errorf("owner of the turn on the floor: %q", got)
	}
	if got := st.Owner(2); got != "" {
		t.Errorf("a room request has an owner: %q", got)
	}
	if got := st.Open("h-nbo"); !reflect.DeepEqual(got, []int{1, 4}) {
		t.Errorf("Nairobi's open requests: %v", got)
	}
	if got := st.Waiting("h-nbo"); !reflect.DeepEqual(got, []int{4}) {
		t.Errorf("Nairobi's waiting requests: %v", got)
	}
	if got := st.LiveHubs(); !reflect.DeepEqual(got, []string{"h-nbo", "h-acc"}) {
		t.Errorf("live hubs: %v", got)
	}
	if got := st.LiveRequest("h-acc"); got != 3 {
		t.Errorf("Accra's live request: %d", got)
	}
	if got := st.Hubs(); !reflect.DeepEqual(got, map[string]string{"h-nbo": "Nairobi", "h-acc": "Accra"}) {
		t.Errorf("hubs expected back: %v", got)
	}
	if got := st.Open(""); got != nil {
		t.Errorf("the empty hub id owns %v", got)
	}
	st, _ = Apply(st, Command{Kind: End, At: t0.Add(4 * time.Minute), Spoke: 3 * time.Minute})
	if got := st.LiveHubs(); got != nil {
		t.Errorf("live hubs after the turn: %v", got)
	}
	if got := st.Open("h-nbo"); !reflect.DeepEqual(got, []int{4}) {
		t.Errorf("Nairobi after the turn: %v", got)
	}
}

// A log written before hub ids were kept reads as before: the requests
// carry the hub's name and no owner.
func TestOldLogsHaveNoOwners(t *testing.T) {
	st, err := Replay([]Command{{Kind: Ask, At: t0, Speaker: Speaker{Name: "Youth hub", Remote: true, Hub: "São Paulo"}}})
	if err != nil || st.Owner(1) != "" || st.Queue[0].Speaker.Place() != "remote: São Paulo" {
		t.Fatalf("old log: %v %+v", err, st)
	}
}
