package floor

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestAPhoneRequestIsInTheLogAndAnOldLogReadsAsBefore(t *testing.T) {
	at := time.Date(2020, 11, 11, 11, 30, 0, 0, time.UTC)
	c := Command{Kind: Ask, At: at, Speaker: Speaker{Name: "Amina", Group: "Civil Society", Source: FromPhone, Device: "ab12"}}
	b, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"source":"phone"`) || !strings.Contains(string(b), `"device":"ab12"`) {
		t.Fatalf("phone request written as %s", b)
	}
	var back Command
	if err := json.Unmarshal(b, &back); err != nil || back.Speaker.Source != FromPhone || back.Speaker.Place() != "room (phone)" {
		t.Fatalf("read back %+v, %v", back.Speaker, err)
	}
	// A log from before sources: no field, unknown source, in the room.
	old := `{"kind":"floor.ask","at":"2020-11-11T11:30:00Z","speaker":{"name":"Barrack Otieno"}}`
	var oc Command
	if err := json.Unmarshal([]byte(old), &oc); err != nil || oc.Speaker.Source != UnknownSource || oc.Speaker.Place() != "in the room" {
		t.Fatalf("old log read as %+v, %v", oc.Speaker, err)
	}
	if b, _ := json.Marshal(oc); strings.Contains(string(b), "source") {
		t.Errorf("an unknown source is written: %s", b)
	}
	if err := json.Unmarshal([]byte(`{"kind":"floor.ask","speaker":{"name":"x","source":"pigeon"}}`), &oc); !errors.Is(err, ErrBadSource) {
		t.Errorf("unknown source read with %v", err)
	}
}

func TestAPhoneFindsItsPlaceItsTurnAndWhatItSaid(t *testing.T) {
	at := time.Date(2020, 11, 11, 11, 30, 0, 0, time.UTC)
	var st State
	st, _, _ = st.Ask(Speaker{Name: "Console"}, at)
	st, mine, _ := st.Ask(Speaker{Name: "Amina", Source: FromPhone, Device: "d1"}, at)
	st, _, _ = st.Ask(Speaker{Name: "Other phone", Source: FromPhone, Device: "d2"}, at)
	if got := st.Phone("d1"); len(got.Waiting) != 1 || got.Waiting[0].ID != mine || got.Waiting[0].Place != 2 {
		t.Fatalf("waiting: %+v", got)
	}
	st, _ = st.Give(mine, at, time.Minute, Ending{})
	if got := st.Phone("d1"); len(got.Waiting) != 0 || len(got.Live) != 1 || got.Live[0] != mine {
		t.Fatalf("on the floor: %+v", got)
	}
	st, _ = st.End(at.Add(time.Minute), Ending{Spoke: time.Minute})
	if got := st.Phone("d1"); got.Spoken != 1 || len(got.Live) != 0 {
		t.Fatalf("spoken: %+v", got)
	}
	if got := st.Phone(""); len(got.Waiting)+len(got.Live)+got.Spoken != 0 {
		t.Errorf("an empty device found %+v", got)
	}
	if _, _, err := st.Ask(Speaker{Name: "x", Source: Source(9)}, at); !errors.Is(err, ErrBadSource) {
		t.Errorf("a request of source 9 was taken: %v", err)
	}
}
