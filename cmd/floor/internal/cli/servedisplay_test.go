package cli

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/displaypage"
	"github.com/igf-floor/floor/app/timer"
	"github.com/igf-floor/floor/storage"
)

// floor serve prints the confidence monitor's link, and serves it at the
// session's thresholds as the console's Display settings… kept them.
func TestServeOffersTheConfidenceMonitorAtTheSessionsThresholds(t *testing.T) {
	path := filepath.Join(t.TempDir(), "floor.db")
	if r := run(t, nil, "--db", path, "agenda"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	ctx := context.Background()
	db, err := storage.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	s, err := db.FindSession(ctx, "WS #234")
	if err != nil {
		t.Fatal(err)
	}
	th := timer.Thresholds{Warning: 5 * time.Minute, Danger: 30 * time.Second}
	if err := app.SaveDisplayPrefs(ctx, db, app.ModerationKey(s.Source, s.GUID), app.DisplayPrefs{Thresholds: th}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	serve, _, stop := startWithInput(t, "--db", path, "serve", "--listen", "127.0.0.1:0", "--room-sound", "test")
	out := waitFor(t, "the display link", serve, func(s string) bool { return regexp.MustCompile(`/display#token=\S+`).MatchString(s) })
	m := regexp.MustCompile(`https://(\S+)/display#token=(\S+)`).FindStringSubmatch(out)
	req, _ := http.NewRequest(http.MethodGet, "https://"+m[1]+"/display/state.json", nil)
	req.Header.Set("Authorization", "Bearer "+m[2])
	c := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var st displaypage.State
	err = json.NewDecoder(resp.Body).Decode(&st)
	resp.Body.Close()
	if err != nil || st.Timer == nil || st.Timer.Thresholds() != th {
		t.Errorf("state %+v, %v", st.Timer, err)
	}
	if code := stop(); code != 0 {
		t.Errorf("serve exit %d", code)
	}
}

// floor serve's undo takes back an end typed by mistake: the speaker is on
// the floor again.
func TestServeUndoesAnEnd(t *testing.T) {
	path := filepath.Join(t.TempDir(), "floor.db")
	if r := run(t, nil, "--db", path, "agenda"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	serve, typed, stop := startWithInput(t, "--db", path, "serve", "--listen", "127.0.0.1:0", "--room-sound", "test")
	waitFor(t, "the room open", serve, func(s string) bool { return strings.Contains(s, "The hubs hear the room's") })
	io.WriteString(typed, "start 60\nask Grace Githaiga\ngive\n")
	waitFor(t, "Grace on the floor", serve, func(s string) bool { return strings.Contains(s, "On the floor: Grace Githaiga") })
	io.WriteString(typed, "end\n")
	waitFor(t, "the turn ended", serve, func(s string) bool {
		i := strings.LastIndex(s, "Queue: 0")
		return i >= 0 && !strings.Contains(s[strings.LastIndex(s[:i], "Hubs connected"):], "On the floor")
	})
	mark := len(serve.String())
	io.WriteString(typed, "undo\n")
	waitFor(t, "Grace on the floor again", serve, func(s string) bool { return strings.Contains(s[mark:], "On the floor: Grace Githaiga") })
	if code := stop(); code != 0 {
		t.Errorf("serve exit %d", code)
	}
}
