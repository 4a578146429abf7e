package cli

import (
	"io"
	"net/http"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The online moderator, on its own machine (floor seat --headless),
// moderates what a phone in the room wrote against a real floor serve: it
// sees the question waiting, takes it into the queue and is refused a
// second approval in words; it reads the fair order's reasons. The room
// blocks a second phone and unblocks it, and that phone writes again.
func TestAnOnlineModeratorApprovesAPhonesQuestionFromItsSeat(t *testing.T) {
	if testing.Short() {
		t.Skip("a room and a seat over HTTPS")
	}
	db := filepath.Join(t.TempDir(), "floor.db")
	if r := run(t, nil, "--db", db, "agenda"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	serve, typed, stopServe := startWithInput(t, "--db", db, "serve", "--listen", "127.0.0.1:0", "--room-sound", "test")
	opened := waitFor(t, "the room open", serve, func(s string) bool {
		return strings.Contains(s, "(room code ") && strings.Contains(s, "Certificate pin")
	})
	page := regexp.MustCompile(`at (https://127\.0\.0\.1:\d+/floor/[A-Z0-9]{6}) \(room code`).FindStringSubmatch(opened)[1]
	addr := regexp.MustCompile(`https://(127\.0\.0\.1:\d+)`).FindStringSubmatch(page)[1]
	res := run(t, nil, "--db", db, "seats", "add", "Ginger Paque", "--role", "online-moderator", "--host", addr)
	if res.code != 0 {
		t.Fatal(res.stderr)
	}
	seat, seatIn, stopSeat := startWithInput(t, "seat", regexp.MustCompile(`floor://\S+[^'\s]`).FindString(res.stdout), "--headless")
	defer stopSeat()
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("room:\n%s\nseat:\n%s", serve, seat)
		}
	})
	a, b := phoneClient(), phoneClient()
	if c := phonePost(t, a, page, "/questions", "question", url.Values{"name": {"Amina"}, "text": {"Who certifies connected products?"}}); c != http.StatusSeeOther {
		t.Fatalf("question: %d", c)
	}
	waitFor(t, "the question on the seat", seat, func(s string) bool {
		return strings.Contains(lastSeat(s), "Audience questions: 1 to decide, 0 decided") && strings.Contains(lastSeat(s), "[1] pending, 0 upvotes (Amina): Who certifies connected products?")
	})
	io.WriteString(seatIn, "approve 1\n")
	waitFor(t, "the question in the room's queue", serve, func(s string) bool { return strings.Contains(lastRoom(s), "1. [1] Amina") })
	waitFor(t, "the seat's screen after", seat, func(s string) bool {
		return strings.Contains(lastSeat(s), "Audience questions: 0 to decide, 1 decided")
	})
	io.WriteString(seatIn, "approve 1\nfair\n")
	waitFor(t, "the second approval refused in words", seat, func(s string) bool {
		return strings.Contains(s, "! approve: ") && strings.Contains(s, "question 1 is already queued")
	})
	waitFor(t, "the fair order's reasons", seat, func(s string) bool {
		return strings.Contains(s, "Fair order (a suggestion; the queue's order is the moderators'):\n  1. [1] Amina (now 1): ")
	})

	// The second phone is blocked, refused, unblocked, and writes again.
	if c := phonePost(t, b, page, "/questions", "question", url.Values{"text": {"spam"}}); c != http.StatusSeeOther {
		t.Fatalf("second phone's question: %d", c)
	}
	waitFor(t, "the second question", serve, func(s string) bool { return strings.Contains(s, "spam [pending") })
	io.WriteString(typed, "block 2\n")
	blocked := waitFor(t, "the phone blocked", serve, func(s string) bool { return strings.Contains(s, "blocked for the session") })
	phone := regexp.MustCompile(`Phone ([0-9a-f]{6}) blocked for the session`).FindStringSubmatch(blocked)[1]
	if body := phoneGet(t, b, page+"/questions"); !strings.Contains(body, "blocked this phone") {
		t.Fatalf("the blocked phone is not told: %.400s", body)
	}
	io.WriteString(typed, "unblock "+phone+"\n")
	waitFor(t, "the phone unblocked", serve, func(s string) bool { return strings.Contains(s, "Phone "+phone+" unblocked") })
	if c := phonePost(t, b, page, "/questions", "question", url.Values{"text": {"Sorry: what of open source?"}}); c != http.StatusSeeOther {
		t.Fatalf("the unblocked phone's question: %d", c)
	}
	if body := phoneGet(t, b, page+"/questions"); strings.Contains(body, "blocked this phone") {
		t.Errorf("the unblocked phone is told it is blocked: %.400s", body)
	}
	waitFor(t, "its question on the seat", seat, func(s string) bool {
		return strings.Contains(lastSeat(s), "pending, 0 upvotes (anonymous): Sorry: what of open source?")
	})
	if c := stopServe(); c != 0 {
		t.Fatalf("serve exit %d", c)
	}
}

// phonePost sends a phone page's form: it reads the form's nonce at
// page+path first, as a browser would.
func phonePost(t *testing.T, c *http.Client, page, path, action string, form url.Values) int {
	t.Helper()
	body := phoneGet(t, c, page+path)
	n := regexp.MustCompile(`name="nonce" value="([0-9a-f]+)"`).FindStringSubmatch(body)
	if n == nil {
		t.Fatalf("no form at %s: %.300s", page+path, body)
	}
	form.Set("nonce", n[1])
	resp, err := c.PostForm(page+"/"+action, form)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

func phoneGet(t *testing.T, c *http.Client, at string) string {
	t.Helper()
	resp, err := c.Get(at)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}
