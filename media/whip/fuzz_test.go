package whip_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/igf-floor/floor/media/whip"
)

// FuzzHandler throws arbitrary requests at the endpoint: malformed SDP and
// fragments, odd content types, huge headers, wrong tokens. Every answer is
// one of the documented codes, a wrong token never gets past 401, and
// nothing panics.
func FuzzHandler(f *testing.F) {
	r := newRoom(f, whip.Limits{PerAddress: 1e9, PerHub: 1e9, MaxHubs: 4})
	_, token := r.addHub(f, "Nairobi")
	good := offer(f, hubEngine(f))
	f.Add(uint8(0), true, "application/sdp", good, "")
	f.Add(uint8(0), true, "application/sdp", "v=0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\n", "")
	f.Add(uint8(0), false, "application/sdp", good, "")
	f.Add(uint8(1), true, "application/trickle-ice-sdpfrag", "a=ice-ufrag:x\r\na=ice-pwd:y\r\n", "")
	f.Add(uint8(2), true, "", "", "")
	f.Add(uint8(0), true, "application/sdp; charset=utf-8", strings.Repeat("a=x\r\n", 1000), strings.Repeat("h", 8000))
	handler := r.server.Handler()
	allowed := map[int]bool{200: true, 201: true, 204: true, 400: true, 401: true, 403: true, 404: true, 405: true,
		409: true, 412: true, 413: true, 415: true, 429: true, 503: true}
	f.Fuzz(func(t *testing.T, method uint8, valid bool, ctype, body, extra string) {
		m := []string{"POST", "PATCH", "DELETE", "GET", "OPTIONS"}[int(method)%5]
		path := "/whip"
		if m == "PATCH" || m == "DELETE" {
			path = "/whip/0123456789abcdef0123456789abcdef"
		}
		req := httptest.NewRequest(m, path, strings.NewReader(body))
		req.Header.Set("Content-Type", ctype)
		req.Header.Set("X-Extra", extra)
		tok := "wrong-" + token[:8]
		if valid {
			tok = token
		}
		req.Header.Set("Authorization", "Bearer "+tok)
		rec := httptest.NewRecorder()
		handler.ServeHTTP(rec, req)
		if !allowed[rec.Code] {
			t.Fatalf("%s %s %q: status %d", m, path, ctype, rec.Code)
		}
		if !valid && m != "GET" && m != "OPTIONS" && rec.Code != http.StatusUnauthorized {
			t.Fatalf("a wrong token got %d", rec.Code)
		}
		if rec.Code == http.StatusCreated {
			// Let the session go again so the hub limit is not reached.
			del := httptest.NewRequest("DELETE", rec.Header().Get("Location"), nil)
			del.Header.Set("Authorization", "Bearer "+token)
			handler.ServeHTTP(httptest.NewRecorder(), del)
		}
	})
}
