package pollpage_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/pollpage"
)

// FuzzVote posts any form, with any content type and cookie, to an open
// poll: the answer is one of the documented codes, and a vote is counted
// only with a 303.
func FuzzVote(f *testing.F) {
	f.Add("choice=1", "application/x-www-form-urlencoded", "0123456789abcdef0123456789abcdef")
	f.Add("choice=0&choice=1", "application/x-www-form-urlencoded", "")
	f.Add("answer=%3Cscript%3E", "application/x-www-form-urlencoded", "0123456789abcdef0123456789abcdef")
	f.Add(strings.Repeat("choice=9&", 1000), "text/plain", "x")
	f.Add("choice=%FF%FE", "multipart/form-data; boundary=x", "\u202e")
	polls, srv := serve(f, pollpage.Limits{PerSecond: 1e9, Burst: 1 << 30})
	p, err := polls.Create(context.Background(), "Who should certify?", floor.Multiple, []string{"Vendors", "Regulators"})
	if err != nil {
		f.Fatal(err)
	}
	polls.Open(context.Background(), p.ID)
	h := srv.Config.Handler
	allowed := map[int]bool{303: true, 400: true, 409: true, 413: true, 410: true}
	f.Fuzz(func(t *testing.T, body, contentType, cookie string) {
		before, _ := polls.Tally(p.ID)
		req := httptest.NewRequest(http.MethodPost, "/poll/"+p.Code, strings.NewReader(body))
		req.Header.Set("Content-Type", contentType)
		req.AddCookie(&http.Cookie{Name: "floor_device", Value: cookie})
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		after, _ := polls.Tally(p.ID)
		if !allowed[rec.Code] {
			t.Fatalf("code %d for %q (%s)", rec.Code, body, contentType)
		}
		if counted := after.Voters - before.Voters; counted != 0 && (counted != 1 || rec.Code != 303) {
			t.Fatalf("%d votes counted with %d", counted, rec.Code)
		}
	})
}
