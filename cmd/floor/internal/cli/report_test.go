package cli

import (
	"bytes"
	"crypto/tls"
	"encoding/csv"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/igf-floor/floor/app/report"
)

// The "done when": a poll answered by a hub over the channel and by
// a phone over HTTP, the policy questions stepped through, and a report
// whose numbers are the log's.
func TestPollQuestionsAndAReportThatMatchesTheLog(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "floor.db")
	if r := run(t, nil, "--db", db, "agenda"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	serve, typed, stopServe := startWithInput(t, "--db", db, "serve", "--listen", "127.0.0.1:0")
	opened := waitFor(t, "the room open", serve, func(s string) bool { return strings.Contains(s, "Certificate pin") })
	addr := regexp.MustCompile(`https://(127\.0\.0\.1:\d+)`).FindStringSubmatch(opened)[1]
	r := run(t, nil, "--db", db, "hubs", "add", "--host", addr, "Nairobi", "--group", "civil society", "--region", "African")
	invite := regexp.MustCompile(`floor://\S+[^'\s]`).FindString(r.stdout)
	hub, stopHub := start(t, "hub", invite, "--request-floor", "--name", "Grace", "--vote", "2", "--people", "9", "--size", "320x180")
	waitFor(t, "the hub's request", serve, func(s string) bool { return strings.Contains(s, "Grace — Civil Society") })

	io.WriteString(typed, "start 60\nquestion next\npoll single Who should certify connected products? | Vendors | Regulators | Third parties\nopen\n")
	out := waitFor(t, "the poll open", serve, func(s string) bool { return strings.Contains(s, "with code ") })
	if !strings.Contains(out, "Policy question 1 of 7: ") {
		t.Errorf("no policy question 1 in:\n%s", out)
	}
	code := regexp.MustCompile(`with code ([A-Z0-9]{6})`).FindStringSubmatch(out)[1]
	waitFor(t, "the hub's vote", hub, func(s string) bool { return strings.Contains(s, "voted in poll 1 as the hub") })
	waitFor(t, "the hub shows the policy question", hub, func(s string) bool { return strings.Contains(s, "policy question 1: ") })

	// A phone in the room: its own cookie jar, the room's self-signed certificate.
	jar, _ := cookiejar.New(nil)
	phone := &http.Client{Jar: jar, Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}
	if resp, err := phone.Get("https://" + addr + "/poll?code=" + strings.ToLower(code)); err != nil || resp.StatusCode != 200 {
		t.Fatalf("phone opens the poll: %v %v", resp, err)
	}
	resp, err := phone.PostForm("https://"+addr+"/poll/"+code, url.Values{"choice": {"0"}})
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), "Your vote is counted") {
		t.Fatalf("phone vote: %d %s", resp.StatusCode, body)
	}

	// Two turns under question 1 and one under question 2.
	io.WriteString(typed, "give\n")
	waitFor(t, "the hub on the floor", serve, func(s string) bool { return strings.Contains(s, "On the floor: Grace") })
	time.Sleep(1200 * time.Millisecond)
	io.WriteString(typed, "end\nquestion next\nclose\n")
	waitFor(t, "the poll closed", serve, func(s string) bool { return strings.Contains(s, "Poll 1 closed.") })
	if c := stopHub(); c != 0 {
		t.Fatalf("hub exit %d:\n%s", c, hub)
	}
	if c := stopServe(); c != 0 {
		t.Fatalf("serve exit %d", c)
	}
	if r := run(t, nil, "--db", db, "report", "notes", "ws234", "--in-room", "31", "--women", "17",
		"--takeaways", "Security must be by default\nCertification needs updates", "--calls", "<b>Vendors</b>: publish a support period"); r.code != 0 {
		t.Fatal(r.stderr)
	}

	md := filepath.Join(dir, "ws234.md")
	if r := run(t, nil, "--db", db, "report", "ws234", "--format", "md", "--out", md); r.code != 0 {
		t.Fatal(r.stderr)
	}
	text, _ := os.ReadFile(md)
	rep := string(text)

	// The log's own account: every finished turn in the interventions CSV.
	ivs := run(t, nil, "--db", db, "report", "interventions", "ws234")
	rows, err := csv.NewReader(strings.NewReader(ivs.stdout)).ReadAll()
	if err != nil || len(rows) != 2 {
		t.Fatalf("interventions %v %q", err, ivs.stdout)
	}
	var total time.Duration
	for _, row := range rows[1:] {
		secs, _ := strconv.ParseFloat(row[9], 64)
		total += time.Duration(secs * float64(time.Second))
	}
	for _, want := range []string{
		"1 intervention, " + report.Clock(total) + " of speaking time.",
		"### Policy question 1: ",
		"| Grace | Civil Society | African Group | remote: Nairobi | " + report.Clock(total) + " |",
		"| Vendors | 1 |", "| Regulators | 1 |", "| Third parties | 0 |",
		"2 voters (1 from Nairobi, 1 in the room)",
		"| In the room | 31 |", "| Hub: Nairobi | 9 |", "| **Total** | **40** |",
		"(moderator's estimate): 17.", "Poll ballots: 1 from the room, 1 from hubs.",
		"- &lt;b&gt;Vendors&lt;/b&gt;: publish a support period",
		"- Certification needs updates",
		"![Speaking time by stakeholder group](ws234-balance-stakeholder-group.png)",
	} {
		if !strings.Contains(rep, want) {
			t.Errorf("the report lacks %q:\n%s", want, rep)
		}
	}
	if png, err := os.ReadFile(filepath.Join(dir, "ws234-poll-1.png")); err != nil || !bytes.HasPrefix(png, []byte("\x89PNG")) {
		t.Errorf("poll chart: %v", err)
	}
	for _, f := range []string{"html", "pdf"} {
		out := filepath.Join(dir, "ws234."+f)
		if r := run(t, nil, "--db", db, "report", "ws234", "--format", f, "--out", out); r.code != 0 || strings.TrimSpace(r.stdout) != out {
			t.Fatalf("%s: %+v", f, r)
		}
	}
	html, _ := os.ReadFile(filepath.Join(dir, "ws234.html"))
	if !bytes.Contains(html, []byte("&lt;b&gt;Vendors&lt;/b&gt;")) || !bytes.Contains(html, []byte("data:image/png;base64,")) {
		t.Errorf("html report: escaped markup and embedded charts expected")
	}
	pdf, _ := os.ReadFile(filepath.Join(dir, "ws234.pdf"))
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) || !bytes.Contains(pdf, []byte("%%EOF")) {
		t.Errorf("not a PDF: %q", pdf[:min(len(pdf), 20)])
	}
	if r := run(t, nil, "--db", db, "report", "ws234", "--format", "docx"); r.code != ExitUsage {
		t.Errorf("unknown format: %+v", r)
	}
}
