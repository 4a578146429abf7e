package cli

import (
	"crypto/tls"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// A phone in the room against a real floor serve: it asks for the floor
// and is given it, writes a question the moderator publishes and answers;
// the moderator blocks a second phone; the report says what became of the
// questions.
func TestServeTakesAPhonesRequestAndQuestions(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "floor.db")
	if r := run(t, nil, "--db", db, "agenda"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	serve, typed, stopServe := startWithInput(t, "--db", db, "serve", "--listen", "127.0.0.1:0", "--room-sound", "test")
	opened := waitFor(t, "the room open", serve, func(s string) bool {
		return strings.Contains(s, "(room code ") && strings.Contains(s, "Certificate pin")
	})
	m := regexp.MustCompile(`at (https://127\.0\.0\.1:\d+/floor/([A-Z0-9]{6})) \(room code [A-Z0-9]{6}\); QR code saved to (\S+):`).FindStringSubmatch(opened)
	if m == nil {
		t.Fatalf("no phone page in:\n%s", opened)
	}
	page, code, qr := m[1], m[2], m[3]
	if b, err := os.ReadFile(qr); err != nil || len(b) < 100 || !strings.Contains(qr, code) {
		t.Errorf("QR code at %s: %d bytes, %v", qr, len(b), err)
	}
	a, b := phoneClient(), phoneClient()
	post := func(c *http.Client, at, action string, form url.Values) int {
		t.Helper()
		resp, err := c.Get(at)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		n := regexp.MustCompile(`name="nonce" value="([0-9a-f]+)"`).FindStringSubmatch(string(body))
		if n == nil {
			t.Fatalf("no form at %s: %.300s", at, body)
		}
		form.Set("nonce", n[1])
		resp, err = c.PostForm(page+"/"+action, form)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if c := post(a, page, "ask", url.Values{"name": {"Amina Diallo"}, "group": {"Civil Society"}, "region": {"African Group"}, "youth": {"1"}}); c != http.StatusSeeOther {
		t.Fatalf("ask: %d", c)
	}
	waitFor(t, "the phone's request in the queue", serve, func(s string) bool {
		return strings.Contains(s, "1. [1] Amina Diallo — Civil Society, African Group, youth — room (phone)")
	})
	if c := post(a, page+"/questions", "question", url.Values{"text": {"Who certifies <i>connected</i> products?"}}); c != http.StatusSeeOther {
		t.Fatalf("question: %d", c)
	}
	waitFor(t, "the question for the moderator", serve, func(s string) bool {
		return strings.Contains(s, "? Question 1 from a phone: phone ") && strings.Contains(s, "Who certifies <i>connected</i> products? [pending, 0 upvotes]")
	})
	if c := post(b, page+"/questions", "question", url.Values{"text": {"spam"}}); c != http.StatusSeeOther {
		t.Fatalf("second phone's question: %d", c)
	}
	io.WriteString(typed, "publish 1\nstart 60\ngive\nblock 2\n")
	waitFor(t, "the phone on the floor and the second blocked", serve, func(s string) bool {
		return strings.Contains(s, "On the floor: Amina Diallo") && strings.Contains(s, "blocked for the session")
	})
	resp, err := b.Get(page + "/questions")
	if err != nil {
		t.Fatal(err)
	}
	blocked, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(blocked), "blocked this phone") {
		t.Errorf("the blocked phone is not told: %.600s", blocked)
	}
	resp, err = a.Get(page)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(body), "You have the floor.") {
		t.Errorf("the phone is not told it has the floor: %.600s", body)
	}
	io.WriteString(typed, "end\nanswer 1 Regulators, with the vendors.\naudience\n")
	waitFor(t, "the answer listed", serve, func(s string) bool {
		return strings.Contains(s, "[answered: Regulators, with the vendors., 0 upvotes]") && strings.Contains(s, "spam [dismissed")
	})
	if c := stopServe(); c != 0 {
		t.Fatalf("serve exit %d", c)
	}
	out := filepath.Join(dir, "report.md")
	if r := run(t, nil, "--db", db, "report", "ws234", "--out", out); r.code != 0 {
		t.Fatal(r.stderr)
	}
	report, _ := os.ReadFile(out)
	for _, want := range []string{"## Audience questions", "2 questions from phones in the room: 0 taken into the queue, 1 answered as text, 1 dismissed",
		"1 turn from phones in the room", "answered: Regulators, with the vendors.", "room (phone)"} {
		if !strings.Contains(string(report), want) {
			t.Errorf("report lacks %q:\n%s", want, report)
		}
	}
}

// phoneClient is a phone's browser: its own cookies, the room's
// self-signed certificate taken as it is.
func phoneClient() *http.Client {
	jar, _ := cookiejar.New(nil)
	return &http.Client{Jar: jar, Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}
