package hubserve

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/igf-floor/floor/app/displaypage"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/hubpage"
	"github.com/igf-floor/floor/app/timer"
)

// While open, the room serves the confidence monitor over HTTPS: the page
// under the hub page's policy, its state only with this opening's token,
// and that state is the moderator's.
func TestOpenRoomServesTheConfidenceMonitor(t *testing.T) {
	ctx := context.Background()
	s, _, m := openTestRoom(t, nil)
	if len(s.DisplayToken) < 40 {
		t.Fatalf("display token %q", s.DisplayToken)
	}
	if err := m.Timer(ctx, timer.Command{Kind: timer.StartSession, Duration: time.Hour}); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"Barrack Otieno", "Anastasiya Kazakova"} {
		if err := m.Ask(ctx, floor.Speaker{Name: name}); err != nil {
			t.Fatal(err)
		}
	}
	if err := m.Give(ctx, 0, timer.CountDown, 3*time.Minute); err != nil {
		t.Fatal(err)
	}
	if err := m.TellSpeaker(ctx, "Please wrap up in 30 seconds"); err != nil {
		t.Fatal(err)
	}
	m.SetThresholds(timer.Thresholds{Warning: time.Minute, Danger: 15 * time.Second})
	c := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}
	get := func(path, token string) (*http.Response, []byte) {
		req, _ := http.NewRequest(http.MethodGet, "https://"+s.Addr.String()+path, nil)
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		resp, err := c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp, b
	}
	if resp, page := get("/display", ""); resp.StatusCode != 200 || resp.Header.Get("Content-Security-Policy") != hubpage.Policy ||
		!strings.Contains(string(page), `<script src="/display/display.js" defer></script>`) {
		t.Errorf("page: %d, policy %q", resp.StatusCode, resp.Header.Get("Content-Security-Policy"))
	}
	if resp, _ := get("/display/state.json", ""); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("state without the token: %d", resp.StatusCode)
	}
	resp, b := get("/display/state.json", s.DisplayToken)
	var st displaypage.State
	if err := json.Unmarshal(b, &st); err != nil || resp.StatusCode != 200 {
		t.Fatalf("state: %d %s %v", resp.StatusCode, b, err)
	}
	if st.Timer.Speaker == nil || st.Timer.Speaker.Name != "Barrack Otieno" || st.Next != "Anastasiya Kazakova" ||
		st.Message != "Please wrap up in 30 seconds" || st.Timer.Thresholds().Warning != time.Minute {
		t.Errorf("state %s", b)
	}
}

// The confidence monitor in a real browser: headless chromium opens the
// display link and shows the room's turn, in the room's words, with the
// message and the next speaker.
func TestBrowserConfidenceMonitor(t *testing.T) {
	b := openBrowserRoom(t)
	ctx := context.Background()
	if err := b.m.Timer(ctx, timer.Command{Kind: timer.StartSession, Duration: time.Hour}); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"Barrack Otieno", "Anastasiya Kazakova"} {
		if err := b.m.Ask(ctx, floor.Speaker{Name: name}); err != nil {
			t.Fatal(err)
		}
	}
	if err := b.m.Give(ctx, 0, timer.CountDown, 3*time.Minute); err != nil {
		t.Fatal(err)
	}
	if err := b.m.TellSpeaker(ctx, "Two more hubs are waiting"); err != nil {
		t.Fatal(err)
	}
	b.run(t, "open the display link", chromedp.Navigate("https://"+b.s.Addr.String()+"/display#token="+b.s.DisplayToken),
		chromedp.WaitVisible("#message"))
	waitUntil(t, "the room's turn on the monitor", func() bool {
		d := b.text(t, "#digits")
		return b.text(t, "#speaker-name") == "Barrack Otieno" && (d == "3:00" || d == "2:59" || d == "2:58") &&
			b.text(t, "#words") == "SPEAKING" && b.text(t, "#message") == "Two more hubs are waiting" &&
			b.text(t, "#next") == "Next: Anastasiya Kazakova"
	})
	if out := os.Getenv("FLOOR_DISPLAY_PNG"); out != "" { // the README's screenshot, a second screen at 1920×1080
		b.run(t, "full HD", chromedp.EmulateViewport(1920, 1080))
		time.Sleep(700 * time.Millisecond)
		png, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100))
		if err != nil || os.WriteFile(out, png, 0o644) != nil {
			t.Errorf("screenshot: %v", err)
		}
	}
	if url, _ := chromedp.Run(b.ctx, chromedp.Evaluate[string](`location.href`)); strings.Contains(url, "token") {
		t.Errorf("the token stayed in the address bar: %s", url)
	}
	if err := b.m.Timer(ctx, timer.Command{Kind: timer.PauseSpeaker}); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, "the pause on the monitor", func() bool {
		cls, _ := chromedp.Run(b.ctx, chromedp.Evaluate[string](`document.getElementById('face').className`))
		return b.text(t, "#words") == "PAUSED · SPEAKING" && strings.Contains(cls, "paused")
	})
}
