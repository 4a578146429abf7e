package phonepage_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/igf-floor/floor/app/phonepage"
)

// FuzzPhoneForm posts any form body, with any content type, to each of
// the page's forms, with a valid cookie and nonce: the answer is one of
// the documented codes, and the queue or the questions grow by one at
// most, and only with a 303.
func FuzzPhoneForm(f *testing.F) {
	f.Add(uint8(0), "name=Amina&group=Civil+Society&youth=1", "application/x-www-form-urlencoded")
	f.Add(uint8(0), "name=%3Cscript%3E&region=%FF", "application/x-www-form-urlencoded")
	f.Add(uint8(1), "request=-1&request=2", "application/x-www-form-urlencoded")
	f.Add(uint8(2), "text=%E2%80%AEevil&name="+strings.Repeat("x", 90), "application/x-www-form-urlencoded")
	f.Add(uint8(3), "question=99999999999999999999", "multipart/form-data; boundary=x")
	f.Add(uint8(4), strings.Repeat("name=x&", 800), "text/plain")
	r := serve(f, phonepage.Limits{PerSecond: 1e9, Burst: 1 << 30, DevicePerSecond: 1e9, DeviceBurst: 1 << 30})
	h := r.srv.Config.Handler
	actions := []string{"ask", "withdraw", "question", "upvote", "nonsense"}
	allowed := map[int]bool{303: true, 400: true, 403: true, 404: true, 409: true, 413: true, 429: true}
	cookie := &http.Cookie{Name: "floor_phone", Value: "0123456789abcdef0123456789abcdef"}
	f.Fuzz(func(t *testing.T, which uint8, body, contentType string) {
		get := httptest.NewRequest(http.MethodGet, "/floor/"+r.aud.Code(), nil)
		get.AddCookie(cookie)
		page := httptest.NewRecorder()
		h.ServeHTTP(page, get)
		m := nonceRe.FindStringSubmatch(page.Body.String())
		if m == nil {
			t.Fatalf("no nonce: %.300s", page.Body.String())
		}
		action := actions[int(which)%len(actions)]
		queue, questions := len(r.m.Floor().Queue), len(r.aud.Questions())
		req := httptest.NewRequest(http.MethodPost, "/floor/"+r.aud.Code()+"/"+action, strings.NewReader(body+"&nonce="+m[1]))
		req.Header.Set("Content-Type", contentType)
		req.AddCookie(cookie)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if !allowed[rec.Code] {
			t.Fatalf("code %d for %s %q (%s)", rec.Code, action, body, contentType)
		}
		grew := len(r.m.Floor().Queue) - queue + len(r.aud.Questions()) - questions
		if grew > 1 || (grew == 1 && rec.Code != 303) {
			t.Fatalf("%s grew the room by %d with %d", action, grew, rec.Code)
		}
		if len(r.m.Floor().Queue) > 0 { // one phone: withdraw it, so the next ask can be taken
			_ = r.m.Withdraw(t.Context(), r.m.Floor().Queue[0].ID)
		}
	})
}
