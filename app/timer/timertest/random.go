// Package timertest makes timer commands for property tests and crash harnesses.
package timertest

import (
	"math/rand/v2"
	"time"

	"github.com/igf-floor/floor/app/timer"
)

// RandomCommand makes a plausible command at instant at, for property tests
// and the crash harness; many will not apply to a given state.
func RandomCommand(rng *rand.Rand, at time.Time) timer.Command {
	kinds := []timer.Kind{timer.StartSession, timer.PauseSession, timer.ResumeSession, timer.NextSpeaker, timer.NextSpeaker, timer.PauseSpeaker,
		timer.ResumeSpeaker, timer.AddTime, timer.AddTime, timer.EndSpeaker, timer.EndSession}
	c := timer.Command{Kind: kinds[rng.IntN(len(kinds))], At: at}
	switch c.Kind {
	case timer.StartSession:
		c.Duration = time.Duration(30+rng.IntN(90)) * time.Minute
	case timer.NextSpeaker:
		c.Name = []string{"Jon Albert Fanzun", "David Koh", "Barrack Otieno", "Anastasiya Kazakova", "Hub Nairobi"}[rng.IntN(5)]
		c.Mode = timer.CountDown
		c.Duration = []time.Duration{time.Minute, 2 * time.Minute, 3 * time.Minute, 5 * time.Minute}[rng.IntN(4)]
		if rng.IntN(4) == 0 {
			c.Mode, c.Duration = timer.CountUp, 0
		}
	case timer.AddTime:
		c.Duration = []time.Duration{30 * time.Second, -30 * time.Second, time.Minute, -time.Minute}[rng.IntN(4)]
	}
	return c
}
