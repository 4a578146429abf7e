package cli

import (
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/igf-floor/floor/app/report"
)

// Typed requests, their times and the budgets are in the floor log: a room
// killed with SIGKILL and started again has the same queue, gives a point
// of order and a direct reply their own times, suggests a fair order and
// follows it; the report lists the typed turns as such and its plan
// against actual is the log's.
func TestTypedRequestsAndBudgetsSurviveARoomKill(t *testing.T) {
	if testing.Short() {
		t.Skip("starts real processes")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "floor.db")
	if r := run(t, nil, "--db", db, "agenda"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	serve := startChild(t, "--db", db, "serve", "--listen", "127.0.0.1:0", "--room-sound", "test")
	waitFor(t, "the room open", serve.out, func(s string) bool { return strings.Contains(s, "The hubs hear the room's") })
	io.WriteString(serve.in, strings.Join([]string{
		"start 60", "budget technical 20%", "budget government 20%", "budget civil-society 12", "times 0:45 1:30",
		"ask --group technical Barrack Otieno", "give", "ask --group technical David Koh",
		`ask --type direct-reply --group "civil society" Marilia Maciel`, "ask --type point-of-order Vladimir Radunovic",
		"ask --group government Ana Neves", "queue", ""}, "\n"))
	before := waitFor(t, "the typed queue", serve.out, func(s string) bool {
		return strings.Contains(lastRoom(s), "Queue: 4") && strings.Contains(lastRoom(s), "Ana Neves")
	})
	queue := queueLines(lastRoom(before))
	want := []string{
		"  1. [4] (point of order) Vladimir Radunovic — in the room",
		"  2. [3] (direct reply) Marilia Maciel — Civil Society — in the room",
		"  3. [2] David Koh — Technical Community — in the room",
		"  4. [5] Ana Neves — Government — in the room",
	}
	if !equalLines(queue, want) {
		t.Fatalf("before the kill:\n%s", lastRoom(before))
	}
	serve.kill()

	again := startChild(t, "--db", db, "serve", "--room-sound", "test")
	waitFor(t, "the room reopened", again.out, func(s string) bool { return strings.Contains(s, "The hubs hear the room's") })
	io.WriteString(again.in, "queue\nbudgets\n")
	after := waitFor(t, "the queue after the kill", again.out, func(s string) bool {
		return strings.Contains(s, "Queue: 4") && strings.Contains(s, "Budgets of the session's 1:00:00")
	})
	if r := lastRoom(after); !strings.Contains(r, "On the floor: Barrack Otieno — Technical Community") || !equalLines(queueLines(r), want) {
		t.Fatalf("after the kill:\n%s", after)
	}
	if !strings.Contains(after, "  stakeholder group: Civil Society has spoken 0:00 of its 12:00 (20.0%), 12:00 left, 0 turns") {
		t.Errorf("budgets after the kill:\n%s", after)
	}
	for _, cmd := range []string{"end", "give", "give", "end"} { // Vladimir's point of order, Marilia's reply
		time.Sleep(1100 * time.Millisecond)
		io.WriteString(again.in, cmd+"\n")
	}
	io.WriteString(again.in, "suggest\nfollow\nqueue\n")
	followed := waitFor(t, "the fair order followed", again.out, func(s string) bool { return strings.Contains(s, "The queue is in the suggested order.") })
	if !strings.Contains(followed, "  1. [5] Ana Neves — Government — in the room (now 2.) — Government has spoken 0:00 of its 12:00") {
		t.Errorf("suggestion:\n%s", followed)
	}
	final := waitFor(t, "the queue in the fair order", again.out, func(s string) bool {
		i := strings.LastIndex(s, "The queue is in the suggested order.")
		return i >= 0 && strings.Contains(s[i:], "Queue: 2")
	})
	if q := queueLines(lastRoom(final)); len(q) != 2 || !strings.HasPrefix(q[0], "  1. [5] Ana Neves") {
		t.Fatalf("after follow:\n%s", lastRoom(final))
	}
	io.WriteString(again.in, "quit\n")
	if err := again.cmd.Wait(); err != nil {
		t.Fatalf("serve: %v\n%s", err, again.out)
	}

	// The log's own account, turn by turn, against the report's.
	ivs := run(t, nil, "--db", db, "report", "interventions", "ws234")
	rows, err := csv.NewReader(strings.NewReader(ivs.stdout)).ReadAll()
	if err != nil || len(rows) != 4 {
		t.Fatalf("interventions %v %q", err, ivs.stdout)
	}
	granted := map[string]string{}
	spoke := map[string]time.Duration{} // by stakeholder group
	for _, row := range rows[1:] {
		granted[row[0]+" "+row[11]] = row[8]
		secs, _ := strconv.ParseFloat(row[9], 64)
		spoke[row[2]] += time.Duration(secs * float64(time.Second))
	}
	for k, v := range map[string]string{"Vladimir Radunovic point-of-order": "45.0", "Marilia Maciel direct-reply": "90.0", "Barrack Otieno regular": "180.0"} {
		if granted[k] != v {
			t.Errorf("%s granted %q, want %s: %v", k, granted[k], v, granted)
		}
	}
	md := filepath.Join(dir, "ws234.md")
	if r := run(t, nil, "--db", db, "report", "ws234", "--format", "md", "--out", md); r.code != 0 {
		t.Fatal(r.stderr)
	}
	text, _ := os.ReadFile(md)
	for _, want := range []string{
		"Among them 1 point of order, 1 direct reply.",
		"| Vladimir Radunovic (point of order) | — |",
		"| Marilia Maciel (direct reply) | Civil Society |",
		"### Speaking-time budgets: plan against actual",
	} {
		if !strings.Contains(string(text), want) {
			t.Errorf("the report lacks %q:\n%s", want, text)
		}
	}
	// The CSV gives seconds to a tenth, the report rounds the exact time: at
	// a half second they may round apart (1.46 s is 0:01, its "1.5" 0:02).
	for _, group := range []string{"Technical Community", "Civil Society"} {
		near := func(d time.Duration) string {
			return fmt.Sprintf("| Stakeholder group: %s | 20 %% (12:00) | %s |", group, report.Clock(d))
		}
		if d := spoke[group]; !strings.Contains(string(text), near(d-50*time.Millisecond)) && !strings.Contains(string(text), near(d+50*time.Millisecond)) {
			t.Errorf("the report lacks %q (the CSV's %v, to a tenth):\n%s", near(d), d, text)
		}
	}
	plan := run(t, nil, "--db", db, "report", "plan", "ws234")
	if prows, err := csv.NewReader(strings.NewReader(plan.stdout)).ReadAll(); err != nil || len(prows) != 4 || prows[3][1] != "Civil Society" {
		t.Errorf("plan CSV %v %q", err, plan.stdout)
	}
}

// A hub's --type is checked before it joins: an unknown type is a wrong
// command line.
func TestHubRefusesAnUnknownRequestType(t *testing.T) {
	r := run(t, nil, "--db", filepath.Join(t.TempDir(), "floor.db"), "hub", "floor://127.0.0.1:9/?hub=h&token=t&pin="+strings.Repeat("ab", 32), "--type", "filibuster")
	if r.code != ExitUsage || !strings.Contains(r.stderr, "no such request type") {
		t.Errorf("exit %d: %s", r.code, r.stderr)
	}
}

func TestParseAsk(t *testing.T) {
	s, err := parseAsk(`--type point-of-order --group "civil society" --region=african --youth --affiliation KICTANet Grace  Githaiga`)
	if err != nil || s.Name != "Grace Githaiga" || s.Type.String() != "point-of-order" || s.Group != "Civil Society" ||
		s.Region != "African Group" || !s.Youth || s.Affiliation != "KICTANet" {
		t.Errorf("%+v, %v", s, err)
	}
	for _, bad := range []string{"", "--type", "--type filibuster Ana", "--group martians Ana", `"Ana`, "--loud Ana"} {
		if _, err := parseAsk(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestBudgetFor(t *testing.T) {
	for in, want := range map[string]string{
		"civil-society": "stakeholder group/Civil Society", "technical": "stakeholder group/Technical Community",
		"African": "region/African Group", "region african": "region/African Group", "online": "place/remote",
		"room": "place/in the room", "youth": "youth/youth", "youth not-youth": "youth/not youth", "not youth": "youth/not youth",
	} {
		d, c, err := budgetFor(strings.Fields(in))
		if got := d.String() + "/" + c; err != nil || got != want {
			t.Errorf("%q: %s, %v; want %s", in, got, err, want)
		}
	}
	if _, _, err := budgetFor([]string{"martians"}); err == nil {
		t.Error("martians have a budget")
	}
}
