package room

import (
	"context"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/control"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/timer"
)

// memoryLog is a moderation log in memory, so the room's own goroutine can
// run inside a synctest bubble (a SQLite file's goroutines would not).
type memoryLog struct {
	mu sync.Mutex
	t  []timer.Command
	f  []floor.Command
}

var _ app.ModerationLog = (*memoryLog)(nil)

func (l *memoryLog) AppendModeration(_ context.Context, _ string, _ [2]int, t []timer.Command, f []floor.Command) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.t, l.f = append(l.t, t...), append(l.f, f...)
	return nil
}
func (l *memoryLog) TimerLog(context.Context, string) ([]timer.Command, error) { return l.t, nil }
func (l *memoryLog) FloorLog(context.Context, string) ([]floor.Command, error) { return l.f, nil }

// On the room's own clock (a synctest bubble: time passes only when every
// goroutine waits), a lost hub keeps its request through its whole grace,
// comes back just before the end and keeps it, and after a second drop
// loses it exactly when the grace has run out — driven by Run's ticker,
// not by a test calling expire.
func TestGraceRunsOnTheRoomsClock(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		m, err := app.OpenModerator(ctx, &memoryLog{}, app.SystemClock{}, "igf/ws234")
		if err != nil {
			t.Fatal(err)
		}
		r := New(Config{Moderator: m, SessionTitle: "WS #234", Grace: time.Minute})
		defer r.Close()
		go r.Run(ctx)
		r.Join(nairobi, "c1", (&inbox{}).send)
		b, _ := control.Encode(control.Message{Type: control.Request, Speaker: &control.SpeakerWire{Name: "Grace Githaiga"}})
		r.Receive(nairobi.ID, b)
		if len(m.Floor().Queue) != 1 {
			t.Fatalf("queue %+v", m.Floor().Queue)
		}
		r.Leave(nairobi.ID, "c1", control.Lost)
		time.Sleep(59 * time.Second)
		synctest.Wait()
		if len(m.Floor().Queue) != 1 {
			t.Fatal("the request went before the grace ran out")
		}
		r.Join(nairobi, "c2", (&inbox{}).send) // back with a second to spare
		time.Sleep(2 * time.Minute)
		synctest.Wait()
		if len(m.Floor().Queue) != 1 {
			t.Fatal("a hub that came back lost its request")
		}
		r.Leave(nairobi.ID, "c2", control.Lost)
		time.Sleep(time.Minute + time.Second) // Run checks once a second
		synctest.Wait()
		if len(m.Floor().Queue) != 0 {
			t.Fatalf("after the grace the queue still holds %+v", m.Floor().Queue)
		}
	})
}
