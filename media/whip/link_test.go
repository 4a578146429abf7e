package whip_test

import (
	"context"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/control"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/timer"
	"github.com/igf-floor/floor/media"
	"github.com/igf-floor/floor/media/whip"
)

// linkedHub is a hub on a self-mending link, with every state it passed.
type linkedHub struct {
	link   *whip.Link
	client *app.HubClient
	mu     sync.Mutex
	states []control.LinkState
}

func (h *linkedHub) said() []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	var out []string
	for _, s := range h.states {
		out = append(out, s.Words())
	}
	return out
}

func linkHub(t testing.TB, r *room, token string, e *media.Engine) *linkedHub {
	t.Helper()
	h := &linkedHub{}
	var link *whip.Link
	h.client = app.NewHubClient(app.SystemClock{}, func(b []byte) error { return link.Send(b) })
	var err error
	link, err = whip.Dial(context.Background(), whip.LinkConfig{API: e.API, Client: r.client(token),
		Publish: whip.PublishOptions{Audio: true, DataChannel: true, OnControl: h.client.Receive},
		Stale:   func() bool { return h.client.Status().Stale },
		OnState: func(s control.LinkState) { h.mu.Lock(); h.states = append(h.states, s); h.mu.Unlock() },
		OnBack:  func() { _ = h.client.Hello(3) }})
	if err != nil {
		t.Fatal(err)
	}
	h.link = link
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(func() { cancel(); link.Close(context.Background()) })
	<-link.Opened()
	go link.Run(ctx)
	go h.client.Run(ctx)
	return h
}

// cutAndRestore cuts the WAN for d with the hub queued (and, if live, on
// the floor), restores it, and returns how long after the restore the
// hub's view of the room was no longer stale.
func cutAndRestore(t testing.TB, d time.Duration, live bool) (back time.Duration, words []string) {
	return cutAndRestoreWith(t, d, live, media.Config{LostAfter: time.Second, FailedAfter: 3 * time.Second})
}

// cutAndRestoreWith is cutAndRestore on engines with the given ICE
// timeouts (the zero Config is the product's: lost at 5 s, failed at 25 s).
func cutAndRestoreWith(t testing.TB, d time.Duration, live bool, timeouts media.Config) (back time.Duration, words []string) {
	roomNet, hubNet, cut := cuttableWAN(t, 50*time.Millisecond, 0, 0, timeouts)
	r := newRoomOn(t, whip.Limits{}, roomNet, app.SystemClock{})
	nairobi, token := r.addHub(t, "Nairobi")
	_, otherToken := r.addHub(t, "Accra")
	h := linkHub(t, r, token, hubNet)
	other := linkHub(t, r, otherToken, hubNet)
	if err := other.client.RequestFloor(floor.Speaker{Name: "Kwame"}); err != nil {
		t.Fatal(err)
	}
	eventually(t, "Accra queued", func() bool { return len(r.mod.Floor().Queue) == 1 })
	if err := h.client.RequestFloor(floor.Speaker{Name: "Grace"}); err != nil {
		t.Fatal(err)
	}
	eventually(t, "both queued and told", func() bool {
		return len(r.mod.Floor().Queue) == 2 && h.client.Status().Request != 0 && !h.client.Status().Stale
	})
	ctx := context.Background()
	if err := r.mod.Timer(ctx, timer.Command{Kind: timer.StartSession, Duration: time.Hour}); err != nil {
		t.Fatal(err)
	}
	if live {
		if err := r.mod.Give(ctx, 2, timer.CountDown, 3*time.Minute); err != nil {
			t.Fatal(err)
		}
	}
	before := r.mod.Floor()
	cut.Store(true)
	time.Sleep(d)
	cut.Store(false)
	restored := time.Now()
	// After a long cut the hub's next try may be a whole backoff step away
	// (10 s, +20 %), and a new session's handshake follows it: wait for that,
	// not for the 10 s eventually gives.
	for deadline := restored.Add(25 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		if st := h.client.Status(); !st.Stale && h.link.State().Up() {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("timed out waiting for the hub hearing the room again, 25 s after the link came back")
		}
	}
	back = time.Since(restored)
	eventually(t, "the room seeing the hub again", func() bool {
		p := r.hubs.Present()
		return len(p) == 2 && p[0].Away.IsZero() && p[1].Away.IsZero()
	})
	after := r.mod.Floor()
	if !slices.Equal(queueOf(after), queueOf(before)) || after.NextID != before.NextID {
		t.Errorf("queue %v (next id %d) after the cut, %v (%d) before", queueOf(after), after.NextID, queueOf(before), before.NextID)
	}
	if live && (after.Current == nil || after.Current.Request != 2 || !r.hubs.Live()[nairobi.ID]) {
		t.Errorf("the floor after the cut: %+v", after.Current)
	}
	// The room's next heartbeat tells the hub where it stands (a Give made
	// just before the cut reaches it only then).
	eventually(t, "the hub's view back where it was", func() bool {
		got := h.client.Status()
		return live && got.Floor == "live" || !live && got.Request == 2 && got.Floor != "live"
	})
	return back, h.said()
}

func queueOf(st floor.State) []int {
	var ids []int
	for _, q := range st.Queue {
		ids = append(ids, q.ID)
	}
	return ids
}

// A 2 s cut: the link holds (ICE and the control channel ride it out),
// nothing changes in the room, and the hub hears the room again at once.
func TestLinkRidesOutAShortCut(t *testing.T) {
	back, words := cutAndRestore(t, 2*time.Second, false)
	t.Logf("2 s cut, queued: back %v after the link; said %q", back, words)
}

// A cut past the consent expiry (here 3 s; 25 s in the product): the room
// drops the session and keeps the hub away; the hub's ICE restart finds
// the session gone, posts again with the same token and is given back its
// place and its turn — no click, no second request.
func TestLinkComesBackAfterALongCutOnTheFloor(t *testing.T) {
	back, words := cutAndRestore(t, 6*time.Second, true)
	t.Logf("6 s cut, on the floor: back %v after the link; said %q", back, words)
	if !slices.ContainsFunc(words, func(w string) bool { return w != "connected to the room" }) {
		t.Errorf("the hub never said it was reconnecting: %q", words)
	}
}

// Link back → the hub hears the room again (control channel and timer no
// longer STALE), on a vnet with 50 ms each way: after a 2 s cut the link
// holds or restarts ICE; after a cut past the consent expiry (6 s here) it
// posts again on the floor; after 10 s on the product's timeouts (lost at
// 5 s, failed at 25 s) it restarts ICE on the same session. Run with
// -benchtime Nx: p50 and p95 of N cuts.
func BenchmarkLinkBackAfterCut(b *testing.B) {
	short := media.Config{LostAfter: time.Second, FailedAfter: 3 * time.Second}
	for _, c := range []struct {
		name     string
		cut      time.Duration
		live     bool
		timeouts media.Config
	}{{"2s-queued", 2 * time.Second, false, short}, {"6s-on-the-floor", 6 * time.Second, true, short},
		{"10s-on-the-floor-product-timeouts", 10 * time.Second, true, media.Config{}}} {
		b.Run(c.name, func(b *testing.B) {
			var backs []time.Duration
			for range b.N {
				back, _ := cutAndRestoreWith(b, c.cut, c.live, c.timeouts)
				backs = append(backs, back)
			}
			slices.Sort(backs)
			b.ReportMetric(float64(backs[len(backs)/2])/1e6, "p50-ms")
			b.ReportMetric(float64(backs[(len(backs)-1)*95/100])/1e6, "p95-ms")
		})
	}
}
