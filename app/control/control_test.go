package control

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/timer"
)

func TestMessagesRoundTrip(t *testing.T) {
	ts := timer.State{Planned: time.Hour, Started: true, Session: timer.Stopwatch{Running: true, Since: time.Date(2020, 11, 11, 11, 20, 0, 0, time.UTC)}}
	for _, m := range []Message{
		{Type: Hello, People: 12},
		{Type: Request, Speaker: WireSpeaker(floor.Speaker{Name: "Grace", Group: "Civil Society", Youth: true})},
		{Type: Queue, Request: 3, Position: 1, Length: 4},
		{Type: State, Request: 3, Floor: Live},
		{Type: Timer, Timer: WireTimer(ts)},
		{Type: Ping, T0: 1},
		{Type: Pong, T0: 1, T1: 2, T2: 3},
	} {
		b, err := Encode(m)
		if err != nil {
			t.Fatal(err)
		}
		got, err := Decode(b)
		if err != nil {
			t.Fatalf("%s: %v", b, err)
		}
		if got.Type != m.Type || got.V != Version {
			t.Fatalf("%s → %+v", b, got)
		}
		if m.Timer != nil && !got.Timer.State().Session.Since.Equal(ts.Session.Since) {
			t.Fatalf("timer anchors lost: %+v", got.Timer)
		}
	}
}

func TestBadMessagesAreRefusedClearly(t *testing.T) {
	for _, raw := range []string{
		``, `null`, `[]`, `{"v":2}`, `{"v":1,"type":"hello"}`, `{"v":3,"type":"hello"}`, `{"type":"hello"}`, `{"v":2,"type":"launch"}`,
		`{"v":2,"type":"request"}`, `{"v":2,"type":"timer"}`, `{"v":2,"type":"ping"}`, `{"v":2,"type":"hello","people":-1}`,
		`{"v":2,"type":"hello"}{"v":2,"type":"hello"}`, "{\"v\":2,\"type\":\"message\",\"text\":\"a\u202eb\"}",
		`{"v":2,"type":"request","speaker":{"name":"x\u0007"}}`, `{"v":2,"type":"message","text":"` + strings.Repeat("x", 3000) + `"}`,
		`{"v":2,"type":"message","text":"` + strings.Repeat("x", MaxMessage) + `"}`, "\xff",
		`{"v":2,"type":"timer","timer":{"planned_ns":-1}}`, `{"v":2,"type":"timer","timer":{"planned_ns":"1h"}}`,
		`{"v":2,"type":"timer","timer":{"planned_ns":60,"speaker":{"name":"A","mode":"sideways","allotted_ns":60}}}`,
		`{"v":2,"type":"timer","timer":{"speaker":{"name":"A\u202e","mode":"up"}}}`,
		`{"v":2,"type":"timer","timer":{"session":{"running":true,"since":"yesterday"}}}`,
		`{"v":2,"type":"timer","timer":{"speaker":{"name":"A","mode":"down","allotted_ns":60,"clock":{"before_ns":-5}}}}`,
		`{"v":2,"type":"poll","poll":{"id":1,"question":"?","kind":"ranked"}}`, `{"v":2,"type":"poll","poll":{"question":"?","kind":"text"}}`,
		`{"v":2,"type":"poll","poll":{"id":1,"question":"?","kind":"single","options":["a","b\u0000"]}}`,
		`{"v":2,"type":"request","speaker":{"name":"x","region":"` + strings.Repeat("é", 501) + `"}}`,
	} {
		if _, err := Decode([]byte(raw)); !errors.Is(err, ErrBadMessage) {
			t.Errorf("%.60q: %v", raw, err)
		}
	}
}

func TestClockSyncKeepsTheLowestRoundTrip(t *testing.T) {
	base := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	const offset = 1234 * time.Millisecond // the room is ahead
	ms := func(n int) time.Duration { return time.Duration(n) * time.Millisecond }
	var c ClockSync
	c.Keep = 4
	// One-way delays (out, back): asymmetric queueing skews all but the fast one.
	for i, d := range [][2]int{{80, 20}, {10, 10}, {60, 5}, {30, 90}} {
		t0 := base.Add(time.Duration(i) * time.Second)
		t1 := t0.Add(ms(d[0])).Add(offset)
		t2 := t1.Add(ms(1))
		t3 := t2.Add(-offset).Add(ms(d[1]))
		c.Add(NewSample(t0, t1, t2, t3))
	}
	best, ok := c.Best()
	if !ok || best.Offset != offset || best.RTT != ms(20) {
		t.Fatalf("best %+v", best)
	}
	if got := c.RoomTime(base); !got.Equal(base.Add(offset)) {
		t.Fatalf("room time %v", got)
	}
	// Four newer samples push the good one out: drift is followed.
	for i := 0; i < 4; i++ {
		t0 := base.Add(time.Minute + time.Duration(i)*time.Second)
		c.Add(NewSample(t0, t0.Add(ms(50)+offset+ms(3)), t0.Add(ms(51)+offset+ms(3)), t0.Add(ms(101))))
	}
	if best, _ := c.Best(); best.Offset != offset+ms(3) {
		t.Fatalf("after drift: %+v", best)
	}
	c.Add(Sample{RTT: -time.Second})
	if c.Samples() != 4 {
		t.Fatal("a negative round trip was kept")
	}
}

func TestRoomViewGoesStaleAndSaysItsPlace(t *testing.T) {
	now := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	var v RoomView
	if !v.Stale(now) || v.Status() != "Not asking for the floor" {
		t.Fatal("a fresh view")
	}
	v.Apply(Message{Type: Queue, Request: 7, Position: 2, Length: 5}, now)
	if v.Status() != "3rd of 5 in the queue" || v.Stale(now.Add(StaleAfter)) || !v.Stale(now.Add(StaleAfter+time.Millisecond)) {
		t.Fatalf("%q", v.Status())
	}
	v.Apply(Message{Type: State, Request: 7, Floor: Live}, now)
	if v.Status() != "You have the floor" {
		t.Fatal(v.Status())
	}
	if ordinal(11) != "11th" || ordinal(22) != "22nd" || ordinal(103) != "103rd" {
		t.Fatal("ordinals")
	}
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte(`{"v":2,"type":"request","speaker":{"name":"Grace","group":"Civil Society"}}`))
	f.Add([]byte(`{"v":2,"type":"timer","timer":{"planned_ns":3600000000000,"started":true,"session":{"running":true,"since":"2026-11-27T09:00:00Z"}}}`))
	f.Add([]byte(`{"v":2,"type":"timer","timer":{"speaker":{"name":"Grace","mode":"down","allotted_ns":180000000000,"clock":{"running":true,"since":"2026-11-27T09:01:00.5Z"}}}}`))
	f.Add([]byte(`{"v":2,"type":"poll","poll":{"id":1,"question":"Which?","kind":"single","options":["a","b"],"opened":"2026-11-27T09:00:00Z"}}`))
	f.Add([]byte(`{"v":2,"type":"pong","t0":1,"t1":2,"t2":3}`))
	f.Add([]byte(`{"v":1,"type":"timer","timer":{"Planned":3600000000000,"Started":true}}`))
	for _, m := range goldenMessages() {
		b, _ := Encode(m.msg)
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := Decode(b)
		if err != nil {
			return
		}
		again, err := Encode(m)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Decode(again); err != nil {
			t.Fatalf("a decoded message does not decode again: %v", err)
		}
	})
}

// A hub reads the speaker timer with the room's thresholds: 55 s left
// warns when the moderator set the wrap-up at a minute, and the message
// to the speaker goes when the hub's turn ends.
func TestRoomViewWarnsAtTheRoomsThresholds(t *testing.T) {
	start := time.Date(2020, 11, 11, 11, 20, 0, 0, time.UTC)
	var st timer.State
	st, _ = timer.Apply(st, timer.Command{Kind: timer.StartSession, At: start, Duration: time.Hour})
	st, _ = timer.Apply(st, timer.Command{Kind: timer.NextSpeaker, At: start, Name: "Grace Githaiga", Mode: timer.CountDown, Duration: 3 * time.Minute})
	var v RoomView
	v.Apply(Message{Type: Timer, Timer: WireTimer(st).WithThresholds(timer.Thresholds{Warning: time.Minute, Danger: 20 * time.Second})}, start)
	if r, _ := v.Reading(start.Add(125 * time.Second)); r.Speaker.Words != "WRAP UP" {
		t.Errorf("55 s left: %q", r.Speaker.Words)
	}
	v.Apply(Message{Type: Timer, Timer: WireTimer(st)}, start)
	if r, _ := v.Reading(start.Add(125 * time.Second)); r.Speaker.Words != "SPEAKING" {
		t.Errorf("55 s left, an older room's defaults: %q", r.Speaker.Words)
	}
	v.Apply(Message{Type: State, Request: 4, Floor: Live}, start)
	v.Apply(Message{Type: ToSpeaker, Text: "Please wrap up"}, start)
	if v.ToSpeaker != "Please wrap up" {
		t.Errorf("message %q", v.ToSpeaker)
	}
	v.Apply(Message{Type: State, Request: 4, Floor: Done}, start)
	if v.ToSpeaker != "" {
		t.Errorf("after the turn: message %q", v.ToSpeaker)
	}
}
