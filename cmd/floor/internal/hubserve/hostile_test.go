package hubserve

import (
	"bufio"
	"bytes"
	"context"
	"crypto/tls"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/floor"
)

// The hostile corpus (testdata/hostile): agendas, SDP offers and raw HTTP
// requests, each with its expected answer in a .want file beside it — the
// words of the refusal for an agenda, the status code (and words) for the
// others. Every refusal must change nothing: the agenda stays as it was.
// Run with FLOOR_HOSTILE_PRINT=1 to see every answer.
func TestHostileCorpus(t *testing.T) {
	ctx := context.Background()
	var polls *app.Polls
	var poll floor.Poll
	s, db, _ := openTestRoom(t, func(c *Config) {
		var err error
		if polls, err = app.OpenPolls(ctx, c.DB, app.SystemClock{}, c.SessionKey); err == nil {
			poll, err = polls.Create(ctx, "Who certifies?", floor.Single, []string{"Vendors", "Regulators"})
		}
		if err == nil {
			err = polls.Open(ctx, poll.ID)
		}
		if err != nil {
			t.Fatal(err)
		}
		c.Polls = polls
	})
	im := app.Importer{Store: db, Clock: app.SystemClock{}}
	before, _ := db.CountSessions(ctx)
	_, token, err := app.HubDirectory{Store: db, Clock: app.SystemClock{}}.Add(ctx, app.NewHub{Name: "Nairobi"})
	if err != nil {
		t.Fatal(err)
	}
	client := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	base := "https://" + s.Addr.String()

	files, _ := filepath.Glob(filepath.Join("testdata", "hostile", "*", "*"))
	cases := 0
	for _, path := range files {
		if strings.HasSuffix(path, ".want") {
			continue
		}
		cases++
		want, err := os.ReadFile(path + ".want")
		if err != nil {
			t.Errorf("%s has no .want beside it", path)
			continue
		}
		data, _ := os.ReadFile(path)
		var got string
		switch filepath.Base(filepath.Dir(path)) {
		case "agenda":
			_, err := im.ImportBytes(ctx, filepath.Base(path), data)
			got = fmt.Sprint(err)
			if err == nil {
				got = "imported"
			}
		case "sdp":
			req, _ := http.NewRequest(http.MethodPost, base+"/whip", bytes.NewReader(data))
			req.Header.Set("Authorization", "Bearer "+token)
			req.Header.Set("Content-Type", "application/sdp")
			got = answer(t, client, req)
		case "http":
			raw := strings.NewReplacer("{{TOKEN}}", token, "{{CODE}}", poll.Code).Replace(string(data))
			req, err := http.ReadRequest(bufio.NewReader(strings.NewReader(raw)))
			if err != nil {
				t.Errorf("%s: not a request: %v", path, err)
				continue
			}
			req.RequestURI = ""
			u := base + req.URL.RequestURI()
			out, err := http.NewRequest(req.Method, u, req.Body)
			if err != nil {
				got = "refused by the client: " + err.Error()
				break
			}
			out.Header = req.Header
			got = answer(t, client, out)
		}
		if os.Getenv("FLOOR_HOSTILE_PRINT") != "" {
			t.Logf("%s → %s", path, got)
		}
		for _, w := range strings.Split(strings.TrimSpace(string(want)), "\n") {
			if !strings.Contains(got, w) {
				t.Errorf("%s: answered %q, want %q", path, got, w)
			}
		}
	}
	if cases < 20 {
		t.Errorf("%d hostile cases, want at least 20", cases)
	}
	if after, _ := db.CountSessions(ctx); after != before {
		t.Errorf("the hostile agendas changed the agenda: %d sessions, then %d", before, after)
	}
	if tl, _ := polls.Tally(poll.ID); tl.Voters != 0 {
		t.Errorf("a hostile request voted: %+v", tl)
	}
}

// answer is a response as "STATUS body".
func answer(t *testing.T, c *http.Client, req *http.Request) string {
	resp, err := c.Do(req)
	if err != nil {
		return "error " + err.Error()
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(io.LimitReader(resp.Body, 2000))
	return strconv.Itoa(resp.StatusCode) + " " + string(b)
}
