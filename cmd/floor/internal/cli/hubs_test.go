package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/spf13/cobra"
)

// syncBuffer is a bytes.Buffer several goroutines write.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// start runs a long command until the returned stop is called.
func start(t *testing.T, args ...string) (*syncBuffer, func() int) {
	out, _, stop := startWithInput(t, args...)
	return out, stop
}

// startWithInput is start with a pipe to the command's standard input.
func startWithInput(t *testing.T, args ...string) (*syncBuffer, io.Writer, func() int) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	out := &syncBuffer{}
	in, typed := io.Pipe()
	code := make(chan int, 1)
	go func() {
		code <- Run(ctx, args, Env{Stdin: in, Stdout: out, Stderr: out, Clock: realClock{}, Local: time.UTC, Version: "test",
			Getenv: func(string) string { return "" }})
	}()
	return out, typed, func() int { cancel(); typed.Close(); return <-code }
}

type realClock struct{}

func (realClock) Now() time.Time { return time.Now() }

func waitFor(t *testing.T, what string, out *syncBuffer, ok func(string) bool) string {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		s := out.String()
		if ok(s) {
			return s
		}
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s; output so far:\n%s", what, s)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// The "done when", in one process: floor serve, two hubs from
// invites asking for the floor; the moderator sees both requests with their
// groups and regions and each hub's link; each hub sees its place and the
// room's timer.
func TestServeAndTwoHubsAskForTheFloor(t *testing.T) {
	db := filepath.Join(t.TempDir(), "floor.db")
	if r := run(t, nil, "--db", db, "agenda"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	serve, typed, stopServe := startWithInput(t, "--db", db, "serve", "--listen", "127.0.0.1:0", "--room-sound", "test")
	opened := waitFor(t, "the room open", serve, func(s string) bool { return strings.Contains(s, "The hubs hear the room's test tone 660 Hz") })
	addr := regexp.MustCompile(`https://(127\.0\.0\.1:\d+)`).FindStringSubmatch(opened)[1]

	invite := func(args ...string) string {
		r := run(t, nil, append([]string{"--db", db, "hubs", "add", "--host", addr}, args...)...)
		if r.code != 0 {
			t.Fatal(r.stderr)
		}
		return regexp.MustCompile(`floor://\S+[^'\s]`).FindString(r.stdout)
	}
	nairobi := invite("Nairobi", "--group", "civil society", "--region", "African")
	saoPaulo := invite("São Paulo", "--group", "technical", "--region", "GRULAC")

	hub1, stop1 := start(t, "hub", nairobi, "--request-floor", "--name", "Grace", "--size", "320x180")
	hub2, stop2 := start(t, "hub", saoPaulo, "--request-floor", "--youth", "--size", "320x180")
	room := waitFor(t, "both requests in the queue", serve, func(s string) bool {
		return strings.Contains(s, "Grace — Civil Society, African Group — remote: Nairobi") &&
			strings.Contains(s, "São Paulo — Technical Community, Latin American and Caribbean Group (GRULAC), youth — remote: São Paulo")
	})
	if !strings.Contains(room, "Hubs connected: 2") {
		t.Fatalf("room:\n%s", room)
	}
	waitFor(t, "each hub's link quality", serve, func(s string) bool {
		return strings.Contains(s, "  Nairobi: connected, rtt") && strings.Contains(s, "  São Paulo: connected, rtt")
	})
	for _, h := range []*syncBuffer{hub1, hub2} {
		waitFor(t, "the hub's place in the queue", h, func(s string) bool { return regexp.MustCompile(`(Next|2nd) of 2 in the queue`).MatchString(s) })
		waitFor(t, "the hub hearing the room's test tone", h, func(s string) bool {
			return regexp.MustCompile(`hearing the room \(level [1-9][0-9]? %\)`).MatchString(s)
		})
	}
	// The moderator gives the floor to the first in the queue: that turn is
	// recorded and linked to its request.
	io.WriteString(typed, "start 60\ngive\n")
	waitFor(t, "a hub on the floor", serve, func(s string) bool { return strings.Contains(s, "On the floor: ") })
	// The turn lasts until its video is on disk (more than a keyframe's
	// worth), however slow the machine, and at least 1.5 s.
	time.Sleep(1500 * time.Millisecond)
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		ivfs, _ := filepath.Glob(filepath.Join(filepath.Dir(db), "recordings", "*.ivf"))
		if len(ivfs) > 0 {
			if st, err := os.Stat(ivfs[0]); err == nil && st.Size() >= 1000 {
				break
			}
		}
	}
	io.WriteString(typed, "end\n")
	waitFor(t, "the turn ended", serve, func(s string) bool {
		i := strings.LastIndex(s, "Hubs connected: 2")
		return i >= 0 && !strings.Contains(s[i:], "On the floor: ") && strings.Contains(s[i:], "Queue: 1")
	})
	if c := stop1(); c != 0 {
		t.Fatalf("hub 1 exit %d:\n%s", c, hub1)
	}
	if c := stop2(); c != 0 {
		t.Fatalf("hub 2 exit %d:\n%s", c, hub2)
	}
	waitFor(t, "both hubs gone and their requests with them", serve, func(s string) bool {
		return strings.HasSuffix(s, "Hubs connected: 0\nQueue: 0\n")
	})
	if c := stopServe(); c != 0 {
		t.Fatalf("serve exit %d", c)
	}
	recs := run(t, nil, "--db", db, "report", "recordings", "ws234")
	rows := strings.Split(strings.TrimSpace(recs.stdout), "\n")
	if recs.code != 0 || len(rows) != 2 || !strings.HasPrefix(rows[1], "1,h") {
		t.Fatalf("recordings: %+v", recs)
	}
	for _, f := range strings.Split(rows[1], ",")[4:] {
		if st, err := os.Stat(f); err != nil || st.Size() < 1000 {
			t.Fatalf("recording %s: %v", f, err)
		}
	}
	audit := run(t, nil, "--db", db, "hubs", "audit")
	if strings.Count(audit.stdout, "  joined  ") != 2 || strings.Count(audit.stdout, "  left  ") != 2 {
		t.Fatalf("audit:\n%s", audit.stdout)
	}
}

func TestHubCommandRefusesBadInvitesClearly(t *testing.T) {
	for _, tc := range []struct{ invite, want string }{
		{"https://x:1/", "want a floor:// link"},
		{"floor://127.0.0.1:1/?hub=a&token=b&pin=12", "64 hex digits"},
	} {
		r := run(t, nil, "hub", tc.invite)
		if r.code != ExitUsage || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%s: %+v", tc.invite, r)
		}
	}
	// Nobody listens there: a clear error, not a hang.
	r := run(t, nil, "hub", "floor://127.0.0.1:9/?hub=a&token=b&pin="+strings.Repeat("ab", 32))
	if r.code != ExitError || !strings.Contains(r.stderr, "connection refused") {
		t.Fatalf("%+v", r)
	}
}

func TestBackupAndVersion(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "floor.db")
	if r := run(t, nil, "--db", db, "backup", filepath.Join(dir, "copy.db")); r.code != 0 || !strings.Contains(r.stdout, "checked") {
		t.Fatalf("backup: %+v", r)
	}
	if r := run(t, nil, "--db", filepath.Join(dir, "copy.db"), "show", "WS #234"); r.code != 0 {
		t.Fatalf("the copy does not show the session: %+v", r)
	}
	if r := run(t, nil, "--db", db, "backup", filepath.Join(dir, "copy.db")); r.code != ExitError || !strings.Contains(r.stderr, "exists") {
		t.Fatalf("overwrote: %+v", r)
	}
	// A test binary records no modules; the bill of materials is checked on
	// a made-up build here and on the real binary in .ci/run.
	if r := run(t, nil, "version", "--sbom"); r.code != 0 {
		t.Fatalf("sbom: %+v", r)
	}
	var out bytes.Buffer
	cmd := &cobra.Command{}
	cmd.SetOut(&out)
	info := &debug.BuildInfo{Main: debug.Module{Path: "github.com/igf-floor/floor"}, Deps: []*debug.Module{
		{Path: "github.com/pion/webrtc/v4", Version: "v4.2.26", Sum: "h1:abc="},
	}}
	if err := writeSBOM(cmd, info, "test"); err != nil {
		t.Fatal(err)
	}
	r := result{stdout: out.String()}
	var bom struct {
		BOMFormat, SpecVersion string
		Components             []struct{ Name, Version, Purl string }
	}
	if err := json.Unmarshal([]byte(r.stdout), &bom); err != nil || bom.BOMFormat != "CycloneDX" || bom.SpecVersion != "1.5" {
		t.Fatalf("sbom: %v %+v", err, bom)
	}
	found := false
	for _, c := range bom.Components {
		found = found || (c.Name == "github.com/pion/webrtc/v4" && c.Version == "v4.2.26" && c.Purl == "pkg:golang/github.com/pion/webrtc/v4@v4.2.26")
	}
	if !found {
		t.Fatalf("pion/webrtc missing from %d components", len(bom.Components))
	}
}
