package timer_test

import (
	"errors"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	. "github.com/igf-floor/floor/app/timer"
	"github.com/igf-floor/floor/app/timer/timertest"
)

var t0 = time.Date(2020, 11, 11, 11, 20, 0, 0, time.UTC)

func at(d time.Duration) time.Time { return t0.Add(d) }

func ms(n int) time.Duration { return time.Duration(n) * time.Millisecond }

func must(t *testing.T, s State, cs ...Command) State {
	t.Helper()
	for _, c := range cs {
		var err error
		if s, err = Apply(s, c); err != nil {
			t.Fatalf("%+v: %v", c, err)
		}
	}
	return s
}

func TestSpeakerTurnToTheMillisecond(t *testing.T) {
	th := DefaultThresholds()
	s := must(t, State{},
		Command{Kind: StartSession, At: at(0), Duration: time.Hour},
		Command{Kind: NextSpeaker, At: at(ms(10_000)), Name: "Barrack Otieno", Mode: CountDown, Duration: 2 * time.Minute},
	)
	steps := []struct {
		cmd     *Command
		read    time.Duration
		digits  string
		words   string
		remain  time.Duration
		over    time.Duration
		session time.Duration // session elapsed
	}{
		{nil, ms(70_000), "1:00", "SPEAKING", ms(60_000), 0, ms(70_000)},
		{nil, ms(100_400), "0:30", "WRAP UP", ms(29_600), 0, ms(100_400)},
		{nil, ms(120_001), "0:10", "LAST SECONDS", ms(9_999), 0, ms(120_001)},
		{&Command{Kind: PauseSpeaker, At: at(ms(110_000))}, ms(500_000), "0:20", "PAUSED · WRAP UP", ms(20_000), 0, ms(500_000)},
		{&Command{Kind: ResumeSpeaker, At: at(ms(600_000))}, ms(600_000), "0:20", "WRAP UP", ms(20_000), 0, ms(600_000)},
		{&Command{Kind: AddTime, At: at(ms(601_000)), Duration: 30 * time.Second}, ms(601_000), "0:49", "SPEAKING", ms(49_000), 0, ms(601_000)},
		{nil, ms(692_000), "+0:42", "OVER TIME", 0, ms(42_000), ms(692_000)},
		{&Command{Kind: AddTime, At: at(ms(692_000)), Duration: -time.Minute}, ms(692_500), "+1:42", "OVER TIME", 0, ms(102_500), ms(692_500)},
	}
	for i, st := range steps {
		if st.cmd != nil {
			s = must(t, s, *st.cmd)
		}
		r := s.Read(at(st.read), th)
		sp := r.Speaker
		if sp.Digits != st.digits || sp.Words != st.words || sp.Remaining != st.remain || sp.Overtime != st.over {
			t.Errorf("step %d at %v: %q %q remaining %v over %v; want %q %q %v %v",
				i, st.read, sp.Digits, sp.Words, sp.Remaining, sp.Overtime, st.digits, st.words, st.remain, st.over)
		}
		if r.Session.Elapsed != st.session || r.Session.Remaining != time.Hour-st.session {
			t.Errorf("step %d: session elapsed %v remaining %v", i, r.Session.Elapsed, r.Session.Remaining)
		}
	}
}

func TestSessionClockPauseOverrunAndEnd(t *testing.T) {
	s := must(t, State{},
		Command{Kind: StartSession, At: at(0), Duration: 60 * time.Minute},
		Command{Kind: PauseSession, At: at(10 * time.Minute)},
		Command{Kind: ResumeSession, At: at(15 * time.Minute)},
	)
	r := s.Read(at(66*time.Minute+ms(250)), Thresholds{})
	if r.Session.Elapsed != 61*time.Minute+ms(250) || r.Session.Overrun != time.Minute+ms(250) || r.Session.Remaining != 0 {
		t.Errorf("overrun reading %+v", r.Session)
	}
	s = must(t, s, Command{Kind: NextSpeaker, At: at(66 * time.Minute), Name: "Rapporteur", Mode: CountUp},
		Command{Kind: EndSession, At: at(70 * time.Minute)})
	r = s.Read(at(90*time.Minute), Thresholds{})
	if !r.Session.Ended || r.Session.Elapsed != 65*time.Minute || r.Speaker.Elapsed != 4*time.Minute || r.Speaker.Digits != "4:00" {
		t.Errorf("after end: %+v %+v", r.Session, r.Speaker)
	}
	if _, err := Apply(s, Command{Kind: NextSpeaker, At: at(91 * time.Minute), Name: "x", Mode: CountUp}); !errors.Is(err, ErrEnded) {
		t.Errorf("a command after the end: %v", err)
	}
}

func TestCountUpWithAndWithoutTarget(t *testing.T) {
	th := DefaultThresholds()
	open := must(t, State{}, Command{Kind: NextSpeaker, At: at(0), Name: "Room", Mode: CountUp})
	if r := open.Read(at(ms(3_723_999)), th).Speaker; r.Digits != "1:02:03" || r.Zone != ZoneNormal || r.Overtime != 0 {
		t.Errorf("open count-up: %+v", r)
	}
	target := must(t, State{}, Command{Kind: NextSpeaker, At: at(0), Name: "Hub", Mode: CountUp, Duration: time.Minute})
	if r := target.Read(at(ms(65_000)), th).Speaker; r.Digits != "+0:05" || r.Zone != ZoneOvertime {
		t.Errorf("count-up past target: %+v", r)
	}
}

func TestBadCommandsLeaveTheStateAlone(t *testing.T) {
	base := must(t, State{}, Command{Kind: StartSession, At: at(0), Duration: time.Hour})
	for _, tc := range []struct {
		c    Command
		want error
	}{
		{Command{Kind: StartSession, At: at(1), Duration: time.Hour}, ErrAlreadyStarted},
		{Command{Kind: PauseSpeaker, At: at(1)}, ErrNoSpeaker},
		{Command{Kind: AddTime, At: at(1), Duration: 30 * time.Second}, ErrNoSpeaker},
		{Command{Kind: EndSpeaker, At: at(1)}, ErrNoSpeaker},
		{Command{Kind: ResumeSession, At: at(1)}, ErrRunning},
		{Command{Kind: NextSpeaker, At: at(1), Name: "A", Mode: CountDown, Duration: -time.Minute}, ErrBadDuration},
		{Command{Kind: NextSpeaker, At: at(1), Name: "A", Mode: CountDown, Duration: 90 * time.Hour}, ErrBadDuration},
		{Command{Kind: "speaker.teleport", At: at(1)}, ErrUnknownCommand},
	} {
		got, err := Apply(base, tc.c)
		if !errors.Is(err, tc.want) {
			t.Errorf("%+v: err %v, want %v", tc.c, err, tc.want)
		}
		if !reflect.DeepEqual(got, base) {
			t.Errorf("%+v changed the state", tc.c)
		}
	}
	if _, err := Apply(State{}, Command{Kind: StartSession, At: at(0), Duration: 90 * time.Hour}); !errors.Is(err, ErrBadDuration) {
		t.Errorf("90-hour session: %v", err)
	}
	if _, err := Apply(State{}, Command{Kind: NextSpeaker, At: at(0), Name: "  ", Mode: CountUp}); err == nil {
		t.Error("a speaker without a name was accepted")
	}
	sp := must(t, base, Command{Kind: NextSpeaker, At: at(1), Name: "A", Mode: CountDown, Duration: time.Minute})
	if _, err := Apply(sp, Command{Kind: AddTime, At: at(2), Duration: -2 * time.Minute}); !errors.Is(err, ErrBadDuration) {
		t.Errorf("taking away more than was given: %v", err)
	}
}

func TestClockSetBackIsClamped(t *testing.T) {
	s := must(t, State{}, Command{Kind: NextSpeaker, At: at(time.Minute), Name: "A", Mode: CountUp},
		Command{Kind: PauseSpeaker, At: at(0)}) // wall clock went back across a restart
	if r := s.Read(at(0), Thresholds{}); r.Speaker.Elapsed != 0 || r.At != at(time.Minute) {
		t.Errorf("clamped reading: %+v", r.Speaker)
	}
}

// Replaying a log gives exactly the state that applying it step by step
// gave, for random sessions; and while nothing happens, time left only falls.
func TestReplayMatchesLiveState(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for round := 0; round < 200; round++ {
		var live State
		var log []Command
		now := t0
		for i := 0; i < 60; i++ {
			now = now.Add(time.Duration(rng.IntN(90_000)) * time.Millisecond)
			c := timertest.RandomCommand(rng, now)
			next, err := Apply(live, c)
			if err != nil {
				continue
			}
			live, log = next, append(log, c)
			a, b := live.Read(now, DefaultThresholds()), live.Read(now.Add(ms(1500)), DefaultThresholds())
			if a.Speaker.Running && b.Speaker.Remaining > a.Speaker.Remaining {
				t.Fatalf("remaining rose from %v to %v", a.Speaker.Remaining, b.Speaker.Remaining)
			}
		}
		replayed, err := Replay(log)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(replayed, live) {
			t.Fatalf("round %d: replay differs:\n%+v\n%+v", round, replayed, live)
		}
	}
}

func TestClockFormat(t *testing.T) {
	for _, tc := range []struct {
		d    time.Duration
		up   bool
		want string
	}{{0, true, "0:00"}, {ms(400), true, "0:01"}, {ms(400), false, "0:00"}, {ms(59_999), false, "0:59"},
		{time.Hour, false, "1:00:00"}, {-ms(42_000), false, "0:42"}} {
		if got := Clock(tc.d, tc.up); got != tc.want {
			t.Errorf("Clock(%v, %v) = %q, want %q", tc.d, tc.up, got, tc.want)
		}
	}
}
