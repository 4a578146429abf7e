package whip_test

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/igf-floor/floor/media/whip"
)

// call makes one raw request against the room's endpoint.
func (r *room) call(t *testing.T, method, path, token, ctype, body string, hdr ...string) *http.Response {
	t.Helper()
	req, err := http.NewRequest(method, r.http.URL+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	c := &http.Client{Transport: &http.Transport{TLSClientConfig: whip.PinnedTLS(r.pin)}}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp
}

// The status-code matrix of the issue, row by row, on one endpoint.
func TestStatusCodeMatrix(t *testing.T) {
	r := newRoom(t, whip.Limits{PerAddress: 1000, PerHub: 1000})
	_, token := r.addHub(t, "Nairobi")
	other, otherToken := r.addHub(t, "Accra")
	revoked, revokedToken := r.addHub(t, "Old")
	if _, err := r.dir.Revoke(context.Background(), revoked.ID); err != nil {
		t.Fatal(err)
	}
	_ = other
	hub := hubEngine(t)
	good := offer(t, hub)

	created := r.call(t, "POST", "/whip", token, "application/sdp", good)
	if created.StatusCode != 201 || created.Header.Get("Content-Type") != "application/sdp" ||
		!strings.HasPrefix(created.Header.Get("Location"), "/whip/") || created.Header.Get("ETag") == "" ||
		!strings.Contains(created.Header.Get("Link"), `<stun:stun.example.org:3478>; rel="ice-server"`) {
		t.Fatalf("POST: %d %v", created.StatusCode, created.Header)
	}
	mine, etag := created.Header.Get("Location"), created.Header.Get("ETag")
	theirs := r.call(t, "POST", "/whip", otherToken, "application/sdp", offer(t, hubEngine(t))).Header.Get("Location")
	frag := "a=mid:0\r\na=candidate:1 1 udp 2130706431 127.0.0.1 9 typ host\r\n"

	rows := []struct {
		name                       string
		method, path, token, ctype string
		body                       string
		hdr                        []string
		want                       int
		header                     string // a header the answer must carry
	}{
		{"no token", "POST", "/whip", "", "application/sdp", good, nil, 401, "WWW-Authenticate"},
		{"wrong token", "POST", "/whip", "nope", "application/sdp", good, nil, 401, "WWW-Authenticate"},
		{"revoked token", "POST", "/whip", revokedToken, "application/sdp", good, nil, 401, "WWW-Authenticate"},
		{"token checked before the body", "POST", "/whip", "", "text/plain", strings.Repeat("x", 70<<10), nil, 401, "WWW-Authenticate"},
		{"wrong content type", "POST", "/whip", token, "application/json", good, nil, 415, "Accept"},
		{"body over 64 KiB", "POST", "/whip", token, "application/sdp", strings.Repeat("a", 65<<10), nil, 413, ""},
		{"not SDP", "POST", "/whip", token, "application/sdp", "hello", nil, 400, ""},
		{"SDP without media", "POST", "/whip", token, "application/sdp", "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n", nil, 400, ""},
		{"GET is no method here", "GET", "/whip", token, "", "", nil, 405, "Allow"},
		{"another hub's session (PATCH)", "PATCH", theirs, token, "application/trickle-ice-sdpfrag", frag, nil, 403, ""},
		{"another hub's session (DELETE)", "DELETE", theirs, token, "", "", nil, 403, ""},
		{"unknown session", "PATCH", "/whip/0123456789abcdef", token, "application/trickle-ice-sdpfrag", frag, nil, 404, ""},
		{"PATCH wrong type", "PATCH", mine, token, "application/sdp", frag, nil, 415, ""},
		{"PATCH stale ETag", "PATCH", mine, token, "application/trickle-ice-sdpfrag", frag, []string{"If-Match", `"stale"`}, 412, ""},
		{"PATCH not a fragment", "PATCH", mine, token, "application/trickle-ice-sdpfrag", "<html>", nil, 400, ""},
		{"PATCH no token", "PATCH", mine, "", "application/trickle-ice-sdpfrag", frag, nil, 401, "WWW-Authenticate"},
		{"trickle a candidate", "PATCH", mine, token, "application/trickle-ice-sdpfrag", frag, []string{"If-Match", etag}, 204, ""},
		{"CORS preflight", "OPTIONS", "/whip", "", "", "", nil, 204, "Allow"},
		{"leave", "DELETE", mine, token, "", "", nil, 200, ""},
		{"leave twice", "DELETE", mine, token, "", "", nil, 404, ""},
	}
	for _, row := range rows {
		resp := r.call(t, row.method, row.path, row.token, row.ctype, row.body, row.hdr...)
		if resp.StatusCode != row.want {
			t.Errorf("%s: got %d, want %d", row.name, resp.StatusCode, row.want)
		}
		if row.header != "" && resp.Header.Get(row.header) == "" {
			t.Errorf("%s: no %s header", row.name, row.header)
		}
	}
	audit, err := r.db.Audit(context.Background(), 100)
	if err != nil {
		t.Fatal(err)
	}
	failed := 0
	for _, e := range audit {
		if e.Kind == "auth-failed" {
			failed++
		}
	}
	if failed != 5 {
		t.Errorf("audit records %d authentication failures, want 5", failed)
	}
}

func TestICERestartGivesNewCredentials(t *testing.T) {
	r := newRoom(t, whip.Limits{})
	_, token := r.addHub(t, "Nairobi")
	created := r.call(t, "POST", "/whip", token, "application/sdp", offer(t, hubEngine(t)))
	if created.StatusCode != 201 {
		t.Fatal(created.Status)
	}
	loc := created.Header.Get("Location")
	frag := "a=ice-ufrag:newufrag1\r\na=ice-pwd:newpasswordnewpassword12\r\nm=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\na=mid:0\r\n"
	resp := r.call(t, "PATCH", loc, token, "application/trickle-ice-sdpfrag", frag)
	if resp.StatusCode != 200 || resp.Header.Get("ETag") == created.Header.Get("ETag") {
		t.Fatalf("restart: %d, ETag %q → %q", resp.StatusCode, created.Header.Get("ETag"), resp.Header.Get("ETag"))
	}
	// The old ETag no longer matches.
	if got := r.call(t, "PATCH", loc, token, "application/trickle-ice-sdpfrag", frag, "If-Match", created.Header.Get("ETag")); got.StatusCode != 412 {
		t.Fatalf("old ETag: %d", got.StatusCode)
	}
}

func TestFloodsGet429WithRetryAfter(t *testing.T) {
	r := newRoom(t, whip.Limits{})
	codes := map[int]int{}
	var retry string
	for i := 0; i < 40; i++ {
		resp := r.call(t, "POST", "/whip", "guess", "application/sdp", "x")
		codes[resp.StatusCode]++
		if resp.StatusCode == 429 {
			retry = resp.Header.Get("Retry-After")
		}
	}
	if codes[401] == 0 || codes[429] == 0 || retry == "" {
		t.Fatalf("by address: %v, Retry-After %q", codes, retry)
	}

	r = newRoom(t, whip.Limits{PerAddress: 1000})
	_, token := r.addHub(t, "Nairobi")
	codes = map[int]int{}
	for i := 0; i < 8; i++ {
		codes[r.call(t, "POST", "/whip", token, "application/sdp", "not sdp").StatusCode]++
	}
	if codes[400] != 5 || codes[429] != 3 {
		t.Fatalf("by token: %v", codes)
	}
}

func TestHubLimitAndHalfOpenSessions(t *testing.T) {
	r := newRoom(t, whip.Limits{MaxHubs: 1, HalfOpen: 300 * time.Millisecond})
	_, first := r.addHub(t, "Nairobi")
	_, second := r.addHub(t, "Accra")
	// The first hub posts an offer and never connects: a half-open session.
	if resp := r.call(t, "POST", "/whip", first, "application/sdp", offer(t, hubEngine(t))); resp.StatusCode != 201 {
		t.Fatal(resp.Status)
	}
	full := r.call(t, "POST", "/whip", second, "application/sdp", offer(t, hubEngine(t)))
	if full.StatusCode != 503 || full.Header.Get("Retry-After") == "" {
		t.Fatalf("past the limit: %d %v", full.StatusCode, full.Header)
	}
	eventually(t, "the half-open session closed", func() bool { return len(r.server.Quality()) == 0 })
	if resp := r.call(t, "POST", "/whip", second, "application/sdp", offer(t, hubEngine(t))); resp.StatusCode != 201 {
		t.Fatalf("after the half-open one closed: %s", resp.Status)
	}
	// The audit's line is written after the session leaves the server's list.
	eventually(t, "a half-open line in the audit", func() bool {
		audit, _ := r.db.Audit(context.Background(), 10)
		for _, e := range audit {
			if e.Kind == "left" && strings.HasPrefix(e.Detail, "half-open") {
				return true
			}
		}
		return false
	})
}
