package pollpage_test

import (
	"context"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/pollpage"
	"github.com/igf-floor/floor/storage"
)

type clock struct{}

func (clock) Now() time.Time { return time.Now() }

func serve(t testing.TB, lim pollpage.Limits) (*app.Polls, *httptest.Server) {
	t.Helper()
	db, err := storage.Open(context.Background(), filepath.Join(t.TempDir(), "floor.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	polls, err := app.OpenPolls(context.Background(), db, clock{}, "igf/WS234")
	if err != nil {
		t.Fatal(err)
	}
	h, err := pollpage.New(polls, lim)
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	h.Register(mux)
	srv := httptest.NewTLSServer(mux)
	t.Cleanup(srv.Close)
	return polls, srv
}

// phone is a browser on a phone: its own cookie jar.
func phone(t *testing.T, srv *httptest.Server) *http.Client {
	c := *srv.Client() // the server's client is one shared value
	c.Jar, _ = cookiejar.New(nil)
	return &c
}

func do(t *testing.T, c *http.Client, method, u string, form url.Values) (int, string, http.Header) {
	t.Helper()
	var resp *http.Response
	var err error
	if method == http.MethodPost {
		resp, err = c.PostForm(u, form)
	} else {
		resp, err = c.Get(u)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), resp.Header
}

func TestPhonesVoteOnceEachAndSeeTheResult(t *testing.T) {
	ctx := context.Background()
	polls, srv := serve(t, pollpage.Limits{})
	p, err := polls.Create(ctx, "Who should certify connected products?", floor.Single, []string{"Vendors", "Regulators", "<i>Third</i> parties"})
	if err != nil {
		t.Fatal(err)
	}
	a := phone(t, srv)
	code, body, hdr := do(t, a, "GET", srv.URL+"/poll?code="+strings.ToLower(p.Code), nil)
	if code != 200 || !strings.Contains(body, "Who should certify") || !strings.Contains(hdr.Get("Content-Security-Policy"), "default-src 'none'") {
		t.Fatalf("poll page %d %q", code, body)
	}
	if !strings.Contains(body, "&lt;i&gt;Third&lt;/i&gt; parties") || strings.Contains(body, "<i>Third") {
		t.Errorf("markup in an option is not escaped: %s", body)
	}
	if strings.Contains(body, `method="post"`) {
		t.Errorf("a closed poll offers a form")
	}
	if code, body, _ := do(t, a, "POST", srv.URL+"/poll/"+p.Code, url.Values{"choice": {"1"}}); code != http.StatusGone || !strings.Contains(body, "closed") {
		t.Errorf("vote before opening: %d %s", code, body)
	}
	if err := polls.Open(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	if code, body, _ := do(t, a, "POST", srv.URL+"/poll/"+p.Code, url.Values{"choice": {"1"}}); code != 200 || !strings.Contains(body, "Your vote is counted") || !strings.Contains(body, "1 vote so far") {
		t.Errorf("vote: %d %s", code, body)
	}
	if code, body, _ := do(t, a, "POST", srv.URL+"/poll/"+p.Code, url.Values{"choice": {"0"}}); code != http.StatusConflict || !strings.Contains(body, "already voted") {
		t.Errorf("second vote from the same phone: %d %s", code, body)
	}
	b := phone(t, srv)
	do(t, b, "GET", srv.URL+"/poll/"+p.Code, nil)
	for _, bad := range []url.Values{{"choice": {"7"}}, {"choice": {"x"}}, {"choice": {"0", "1"}}, {}, {"answer": {"hi"}}} {
		if code, body, _ := do(t, b, "POST", srv.URL+"/poll/"+p.Code, bad); code != http.StatusBadRequest || !strings.Contains(body, "not counted") {
			t.Errorf("vote %v: %d %s", bad, code, body)
		}
	}
	if code, _, _ := do(t, b, "POST", srv.URL+"/poll/"+p.Code, url.Values{"choice": {"0"}}); code != 200 {
		t.Errorf("second phone: %d", code)
	}
	if code, body, _ := do(t, &http.Client{Transport: srv.Client().Transport}, "POST", srv.URL+"/poll/"+p.Code, url.Values{"choice": {"0"}}); code != http.StatusBadRequest || !strings.Contains(body, "cookie") {
		t.Errorf("a phone without the cookie: %d %s", code, body)
	}
	if code, _, _ := do(t, b, "GET", srv.URL+"/poll/NOPE99", nil); code != http.StatusNotFound {
		t.Errorf("unknown code: %d", code)
	}
	tl, _ := polls.Tally(p.ID)
	if tl.Voters != 2 || tl.Counts[0] != 1 || tl.Counts[1] != 1 || tl.ByPlace[pollpage.Place] != 2 {
		t.Errorf("tally %+v", tl)
	}
	if err := polls.Close(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	c := phone(t, srv)
	do(t, c, "GET", srv.URL+"/poll/"+p.Code, nil)
	if code, _, _ := do(t, c, "POST", srv.URL+"/poll/"+p.Code, url.Values{"choice": {"0"}}); code != http.StatusGone {
		t.Errorf("vote after closing: %d", code)
	}
	if tl, _ := polls.Tally(p.ID); tl.Voters != 2 {
		t.Errorf("a vote after closing counted: %d", tl.Voters)
	}
}

func TestTextAnswersWithMarkupAreShownAsText(t *testing.T) {
	ctx := context.Background()
	polls, srv := serve(t, pollpage.Limits{PerSecond: 1, Burst: 3})
	p, _ := polls.Create(ctx, "One word for security by design?", floor.TextPoll, nil)
	polls.Open(ctx, p.ID)
	a := phone(t, srv)
	do(t, a, "GET", srv.URL+"/poll/"+p.Code, nil)
	if code, _, _ := do(t, a, "POST", srv.URL+"/poll/"+p.Code, url.Values{"answer": {`<script>alert("x")</script>`}}); code != 200 {
		t.Fatalf("text vote: %d", code)
	}
	if tl, _ := polls.Tally(p.ID); len(tl.Answers) != 1 || tl.Answers[0] != `<script>alert("x")</script>` {
		t.Errorf("answers %q", tl.Answers)
	}
	// The limit is per address: the burst of 3 is spent by a phone hammering.
	var limited bool
	for range 5 {
		code, _, hdr := do(t, a, "POST", srv.URL+"/poll/"+p.Code, url.Values{"answer": {"again"}})
		if code == http.StatusTooManyRequests {
			limited = hdr.Get("Retry-After") != ""
		}
	}
	if !limited {
		t.Error("no 429 with Retry-After past the burst")
	}
	if code, _, _ := do(t, a, "POST", srv.URL+"/poll/"+p.Code, url.Values{"answer": {strings.Repeat("x", 5000)}}); code != http.StatusTooManyRequests && code != http.StatusRequestEntityTooLarge && code != http.StatusBadRequest {
		t.Errorf("oversized form: %d", code)
	}
}
