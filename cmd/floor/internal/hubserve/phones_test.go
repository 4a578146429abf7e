package hubserve

import (
	"context"
	"crypto/tls"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"sync"
	"testing"
	"time"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/phonepage"
)

// 500 phones on the room's real port (the server hubs use, its timeouts
// and default limits) ask for the floor at once: every one is on disk and
// in the queue once; the time from the first post is logged.
func TestFiveHundredPhonesOnTheRoomsPort(t *testing.T) {
	const n = 500
	var aud *app.Audience
	s, db, m := openTestRoom(t, func(c *Config) {
		var err error
		if aud, err = app.OpenAudience(context.Background(), c.DB, c.Moderator, c.Clock, c.SessionKey); err != nil {
			t.Fatal(err)
		}
		c.Audience = aud
	})
	page := phonepage.Address(s.Addr.String(), aud.Code())
	nonce := regexp.MustCompile(`name="nonce" value="([0-9a-f]+)"`)
	type phone struct {
		c     *http.Client
		nonce string
	}
	phones := make([]phone, n)
	var wg sync.WaitGroup
	sem := make(chan struct{}, 32) // the room opens the page over a few seconds, not in one instant
	for i := range phones {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			jar, _ := cookiejar.New(nil)
			c := &http.Client{Jar: jar, Timeout: 20 * time.Second,
				Transport:     &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}},
				CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
			resp, err := c.Get(page)
			if err != nil {
				t.Error(err)
				return
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if m := nonce.FindSubmatch(b); m != nil {
				phones[i] = phone{c: c, nonce: string(m[1])}
			}
		})
	}
	wg.Wait()
	start := time.Now()
	gate := make(chan struct{})
	for i, p := range phones {
		if p.c == nil {
			t.Fatalf("phone %d has no page", i)
		}
		wg.Go(func() {
			<-gate
			resp, err := p.c.PostForm(page+"/ask", url.Values{"nonce": {p.nonce}, "name": {fmt.Sprintf("Phone %03d", i)}})
			if err != nil {
				t.Error(err)
				return
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusSeeOther {
				t.Errorf("phone %d: %d", i, resp.StatusCode)
			}
		})
	}
	close(gate)
	wg.Wait()
	took := time.Since(start)
	log, err := db.FloorLog(context.Background(), "igf/ws234")
	devices := map[string]bool{}
	for _, r := range m.Floor().Queue {
		devices[r.Speaker.Device] = true
	}
	if err != nil || len(log) != n || len(devices) != n {
		t.Fatalf("%d on disk, %d phones in the queue (%v)", len(log), len(devices), err)
	}
	t.Logf("500 phones on the room's port: all on disk and in the queue %v after the first post", took.Round(time.Millisecond))
}
