package displaypage_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/igf-floor/floor/app/displaypage"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/hubpage"
	"github.com/igf-floor/floor/app/timer"
	"github.com/igf-floor/floor/app/webtext"
	"github.com/igf-floor/floor/assets"
)

var update = flag.Bool("update", false, "write testdata/state.json from the example")

// example is a turn on the floor with a message, someone next and a
// question on the table, at the session's own thresholds.
func example() displaypage.State {
	start := time.Date(2020, 11, 11, 11, 20, 0, 0, time.UTC)
	var ts timer.State
	ts, _ = timer.Apply(ts, timer.Command{Kind: timer.StartSession, At: start, Duration: time.Hour})
	ts, _ = timer.Apply(ts, timer.Command{Kind: timer.NextSpeaker, At: start.Add(time.Minute), Name: "Barrack Otieno", Mode: timer.CountDown, Duration: 3 * time.Minute})
	fs := floor.State{Message: "Please wrap up in 30 seconds", Question: 2, QuestionText: "How can youth voices be heard?",
		Queue: []floor.Request{{ID: 2, Speaker: floor.Speaker{Name: "Anastasiya Kazakova"}}}}
	return displaypage.StateOf(ts, timer.Thresholds{Warning: time.Minute, Danger: 20 * time.Second}, fs, start.Add(2*time.Minute))
}

// The state on the wire is byte for byte testdata/state.json.
func TestStateMatchesTheGoldenFile(t *testing.T) {
	got, err := json.MarshalIndent(example(), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	path := filepath.Join("testdata", "state.json")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("state.json changed:\n%s", got)
	}
}

func serveDisplay(t *testing.T) (*httptest.Server, string) {
	t.Helper()
	token, err := displaypage.NewToken()
	if err != nil {
		t.Fatal(err)
	}
	page, err := displaypage.New(example, token)
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	page.Register(mux)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv, token
}

func get(t *testing.T, url, token string) (*http.Response, []byte) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, b
}

// The page is anyone's, under the hub page's policy; its state only the
// display token's.
func TestStateNeedsTheDisplayToken(t *testing.T) {
	srv, token := serveDisplay(t)
	for _, path := range []string{"/display", "/display/display.js", "/display/display.css"} {
		resp, _ := get(t, srv.URL+path, "")
		if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Security-Policy") != hubpage.Policy {
			t.Errorf("%s: %d, policy %q", path, resp.StatusCode, resp.Header.Get("Content-Security-Policy"))
		}
	}
	for _, bad := range []string{"", "nope", token + "x", strings.ToUpper(token)} {
		if resp, _ := get(t, srv.URL+"/display/state.json", bad); resp.StatusCode != http.StatusUnauthorized {
			t.Errorf("token %q: %d", bad, resp.StatusCode)
		}
	}
	resp, b := get(t, srv.URL+"/display/state.json", token)
	var st displaypage.State
	if err := json.Unmarshal(b, &st); err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("%d %s: %v", resp.StatusCode, b, err)
	}
	if st.Next != "Anastasiya Kazakova" || st.Message != "Please wrap up in 30 seconds" || st.Timer.Speaker.Name != "Barrack Otieno" ||
		st.Timer.Thresholds() != (timer.Thresholds{Warning: time.Minute, Danger: 20 * time.Second}) {
		t.Errorf("state %+v", st)
	}
	if _, err := displaypage.New(example, "short"); err == nil {
		t.Error("a short token accepted")
	}
}

// Every text the page says has its French and Spanish.
func TestEveryDisplayPageTextIsTranslated(t *testing.T) {
	keys := map[string]bool{}
	call := regexp.MustCompile(`\bt\(([^;{]*?)(?:, \{|\))`)
	quoted := regexp.MustCompile(`'((?:[^'\\]|\\.)*)'`)
	for _, m := range call.FindAllStringSubmatch(string(assets.DisplayScript()), -1) {
		for _, q := range quoted.FindAllStringSubmatch(m[1], -1) {
			if k := q[1]; strings.ContainsAny(k, " ABCDEFGHIJKLMNOPQRSTUVWXYZ") {
				keys[k] = true
			}
		}
	}
	for _, m := range regexp.MustCompile(`data-t="([^"]*)"`).FindAllStringSubmatch(string(assets.DisplayPage()), -1) {
		keys[m[1]] = true
	}
	keys["Floor · speaker display"] = true // the title
	for _, w := range []string{"SPEAKING", "OVER TIME", "LAST SECONDS", "WRAP UP", "PAUSED"} {
		keys[w] = true
	}
	if len(keys) < 9 {
		t.Fatalf("only %d texts found: is the scan broken?", len(keys))
	}
	lacking, err := webtext.Lacking(keys)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range lacking {
		t.Errorf("no translation: %s", l)
	}
}
