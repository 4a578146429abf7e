package phonepage_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/phonepage"
	"github.com/igf-floor/floor/app/timer"
)

// crowdLimits let a whole room behind one address (the test's loopback)
// post at once; the per-phone limits stay.
var crowdLimits = phonepage.Limits{PerSecond: 5000, Burst: 5000}

// crowd is n phones with the page open: each has its connection, its
// cookie and a form's nonce. It opens them a few dozen at a time, as a
// room does, so the handshakes are not what is measured.
func crowd(t testing.TB, r *room, n int, page string) []*phone {
	ps := make([]*phone, n)
	var wg sync.WaitGroup
	sem := make(chan struct{}, 32)
	for i := range ps {
		ps[i] = newPhone(r)
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			if code, _ := ps[i].get(t, page); code != 200 {
				t.Errorf("phone %d: %d", i, code)
			}
		})
	}
	wg.Wait()
	return ps
}

// all runs f for every phone at once and waits.
func all(ps []*phone, f func(i int, p *phone)) {
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i, p := range ps {
		wg.Go(func() { <-start; f(i, p) })
	}
	close(start)
	wg.Wait()
}

// 500 phones ask for the floor at once over HTTPS, then upvote one
// question at once, each twice: every one is counted exactly once, in the
// queue and on disk. The time from the first post to all on disk is
// logged (BenchmarkFiveHundredPhonesOnDisk measures it).
func TestFiveHundredPhonesAskAndUpvoteAtOnceOverHTTPS(t *testing.T) {
	const n = 500
	ctx := context.Background()
	r := serve(t, crowdLimits)
	author := newPhone(r)
	author.get(t, r.url+"/questions")
	author.send(t, r.url+"/question", url.Values{"text": {"Who certifies?"}})
	q := r.aud.Questions()[0]
	if err := r.aud.Show(ctx, q.ID); err != nil {
		t.Fatal(err)
	}
	ps := crowd(t, r, n, r.url)
	start := time.Now()
	all(ps, func(i int, p *phone) {
		if code, _ := p.send(t, r.url+"/ask", url.Values{"name": {fmt.Sprintf("Phone %03d", i)}}); code != http.StatusSeeOther {
			t.Errorf("phone %d asked: %d", i, code)
		}
	})
	took := time.Since(start)
	log, err := r.db.FloorLog(ctx, key)
	if err != nil || len(log) != n {
		t.Fatalf("on disk: %d requests, %v", len(log), err)
	}
	t.Logf("500 phones asked at once: all on disk %v after the first post", took.Round(time.Millisecond))
	// Each asks again, from the page it is shown, and each upvotes twice.
	all(ps, func(i int, p *phone) {
		p.get(t, r.url)
		if code, _ := p.send(t, r.url+"/ask", url.Values{"name": {"again"}}); code != http.StatusConflict {
			t.Errorf("phone %d asked twice: %d", i, code)
		}
		p.get(t, r.url+"/questions")
		form := p.page
		if code, _ := p.send(t, r.url+"/upvote", url.Values{"question": {itoa(q.ID)}}); code != http.StatusSeeOther {
			t.Errorf("phone %d upvoted: %d", i, code)
		}
		p.page = form
		if code, _ := p.send(t, r.url+"/upvote", url.Values{"question": {itoa(q.ID)}}); code != http.StatusConflict {
			t.Errorf("phone %d replayed its upvote: %d", i, code)
		}
	})
	devices := map[string]bool{}
	for _, r := range r.m.Floor().Queue {
		devices[r.Speaker.Device] = true
	}
	qs, err := r.db.Questions(ctx, key)
	if len(devices) != n || len(r.m.Floor().Queue) != n || err != nil || qs[0].Upvotes != n || r.aud.Public()[0].Upvotes != n {
		t.Errorf("%d phones in a queue of %d, %d upvotes on disk, %d counted (%v)", len(devices), len(r.m.Floor().Queue), qs[0].Upvotes, r.aud.Public()[0].Upvotes, err)
	}
}

// BenchmarkFiveHundredPhonesOnDisk is 500 phones with the page open
// asking at once: ms from the first post until every request is on disk
// (and so in the console's queue).
func BenchmarkFiveHundredPhonesOnDisk(b *testing.B) {
	var worst, sum time.Duration
	for range b.N {
		b.StopTimer()
		r := serve(b, crowdLimits)
		ps := crowd(b, r, 500, r.url)
		b.StartTimer()
		start := time.Now()
		all(ps, func(i int, p *phone) { p.send(b, r.url+"/ask", url.Values{"name": {fmt.Sprintf("Phone %03d", i)}}) })
		took := time.Since(start)
		b.StopTimer()
		if log, _ := r.db.FloorLog(context.Background(), key); len(log) != 500 {
			b.Fatalf("%d on disk", len(log))
		}
		sum += took
		worst = max(worst, took)
		r.srv.Close()
		r.db.Close()
	}
	b.ReportMetric(float64(sum.Milliseconds())/float64(b.N), "ms-all-on-disk")
	b.ReportMetric(float64(worst.Milliseconds()), "ms-worst")
}

// BenchmarkPhoneRequestSeenInConsole is one phone's POST of its request
// until the console sees it through Moderator.Watch, on loopback HTTPS
// with the page already open; p50 and p95 are reported.
func BenchmarkPhoneRequestSeenInConsole(b *testing.B) {
	r := serve(b, phonepage.Limits{PerSecond: 1e6, Burst: 1e6, DevicePerSecond: 1e6, DeviceBurst: 1e6})
	p := newPhone(r)
	p.get(b, r.url)
	seen := make(chan struct{}, 1)
	stop := r.m.Watch(func(_ timer.State, fs floor.State) {
		if len(fs.Queue) > 0 && fs.Queue[len(fs.Queue)-1].Speaker.Source == floor.FromPhone {
			select {
			case seen <- struct{}{}:
			default:
			}
		}
	})
	defer stop()
	lat := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for range b.N {
		done := make(chan struct{})
		start := time.Now()
		go func() { p.send(b, r.url+"/ask", url.Values{"name": {"Amina"}}); close(done) }()
		<-seen
		lat = append(lat, time.Since(start))
		b.StopTimer()
		<-done
		if err := r.m.Withdraw(context.Background(), r.m.Floor().Queue[0].ID); err != nil {
			b.Fatal(err)
		}
		p.get(b, r.url)
		b.StartTimer()
	}
	b.StopTimer()
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "ms-p50")
	b.ReportMetric(float64(lat[len(lat)*95/100].Microseconds())/1000, "ms-p95")
}
