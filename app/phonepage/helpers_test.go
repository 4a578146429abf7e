package phonepage_test

import (
	"context"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/phonepage"
	"github.com/igf-floor/floor/storage"
)

type clock struct{}

func (clock) Now() time.Time { return time.Now() }

const key = "igf/IGF 2020 WS #234"

type room struct {
	db  *storage.DB
	m   *app.Moderator
	aud *app.Audience
	srv *httptest.Server
	url string // the room's page
}

// serve is the phone page on a real HTTPS server over a real database.
func serve(t testing.TB, lim phonepage.Limits) *room {
	t.Helper()
	ctx := context.Background()
	db, err := storage.Open(ctx, filepath.Join(t.TempDir(), "floor.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	m, err := app.OpenModerator(ctx, db, clock{}, key)
	if err != nil {
		t.Fatal(err)
	}
	aud, err := app.OpenAudience(ctx, db, m, clock{}, key)
	if err != nil {
		t.Fatal(err)
	}
	h, err := phonepage.New(aud, "Security of digital products", lim, time.Now)
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	h.Register(mux)
	srv := httptest.NewTLSServer(mux)
	t.Cleanup(srv.Close)
	return &room{db: db, m: m, aud: aud, srv: srv, url: srv.URL + "/floor/" + aud.Code()}
}

// phone is a browser on a phone: its own cookie jar, no redirects
// followed, so each answer is seen.
type phone struct {
	c    *http.Client
	page string // the last page it was shown
}

func newPhone(r *room) *phone {
	c := *r.srv.Client()                                             // the server's client is one shared value
	c.Transport = r.srv.Client().Transport.(*http.Transport).Clone() // its own connection, as a phone has
	c.Jar, _ = cookiejar.New(nil)
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return &phone{c: &c}
}

func (p *phone) do(t testing.TB, method, u string, form url.Values, lang string) (int, string, http.Header) {
	t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, _ := http.NewRequest(method, u, body)
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if lang != "" {
		req.Header.Set("Accept-Language", lang)
	}
	resp, err := p.c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusSeeOther {
		p.page = string(b)
	}
	return resp.StatusCode, string(b), resp.Header
}

func (p *phone) get(t testing.TB, u string) (int, string) {
	code, body, _ := p.do(t, http.MethodGet, u, nil, "")
	return code, body
}

var nonceRe = regexp.MustCompile(`name="nonce" value="([0-9a-f]+)"`)

// send posts form to action with the nonce of the last page shown.
func (p *phone) send(t testing.TB, u string, form url.Values) (int, string) {
	t.Helper()
	m := nonceRe.FindStringSubmatch(p.page)
	if m == nil {
		t.Fatalf("no form on the page: %.400s", p.page)
	}
	if form == nil {
		form = url.Values{}
	}
	form.Set("nonce", m[1])
	code, body, _ := p.do(t, http.MethodPost, u, form, "")
	return code, body
}
