package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestFloorChild is a real floor process for the kill tests: the test
// binary runs the command line in FLOOR_CHILD_ARGS (JSON) and exits with
// its code, so the parent can SIGKILL it.
func TestFloorChild(t *testing.T) {
	raw := os.Getenv("FLOOR_CHILD_ARGS")
	if raw == "" {
		t.Skip("run by the kill tests as a child process")
	}
	var args []string
	if err := json.Unmarshal([]byte(raw), &args); err != nil {
		t.Fatal(err)
	}
	code := Run(context.Background(), args, Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stdout, Clock: realClock{},
		Local: time.UTC, Version: "test", Getenv: os.Getenv})
	os.Exit(code)
}

// child is a floor process started by a test, its output collected.
type child struct {
	cmd *exec.Cmd
	out *syncBuffer
	in  io.WriteCloser
}

func startChild(t *testing.T, args ...string) *child {
	t.Helper()
	return startChildUnder(t, nil, args...)
}

// startChildUnder starts the floor process under a wrapper command (such
// as "ip netns exec NS"), or directly when wrapper is empty.
func startChildUnder(t *testing.T, wrapper []string, args ...string) *child {
	t.Helper()
	raw, _ := json.Marshal(args)
	argv := append(append([]string{}, wrapper...), os.Args[0], "-test.run=^TestFloorChild$", "-test.count=1")
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Env = append(os.Environ(), "FLOOR_CHILD_ARGS="+string(raw))
	c := &child{cmd: cmd, out: &syncBuffer{}}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if c.in, err = cmd.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			fmt.Fprintln(c.out, sc.Text())
		}
	}()
	t.Cleanup(func() { c.kill() })
	return c
}

func (c *child) kill() {
	if c.cmd.ProcessState == nil {
		_ = c.cmd.Process.Signal(syscall.SIGKILL)
		_ = c.cmd.Wait()
	}
}

// lastRoom is the last "Hubs connected" block floor serve printed.
func lastRoom(s string) string {
	i := strings.LastIndex(s, "Hubs connected:")
	if i < 0 {
		return ""
	}
	return s[i:]
}

// threeHubRoom is a real floor serve with three real floor hub processes
// attached, Nairobi on the floor and Accra and La Paz queued.
type threeHubRoom struct {
	db, addr, port string
	serve          *child
	names          []string
	hubs           map[string]*child
	invite         map[string]string
	before         string // the room's lines with Nairobi on the floor
}

func startThreeHubRoom(t *testing.T) *threeHubRoom {
	t.Helper()
	r := &threeHubRoom{db: filepath.Join(t.TempDir(), "floor.db"), names: []string{"Nairobi", "Accra", "La Paz"},
		hubs: map[string]*child{}, invite: map[string]string{}}
	if res := run(t, nil, "--db", r.db, "agenda"); res.code != 0 {
		t.Fatal(res.stderr)
	}
	r.serve = startChild(t, "--db", r.db, "serve", "--listen", "127.0.0.1:0", "--room-sound", "test")
	opened := waitFor(t, "the room open", r.serve.out, func(s string) bool { return strings.Contains(s, "The hubs hear the room's") })
	m := regexp.MustCompile(`https://(127\.0\.0\.1:(\d+))`).FindStringSubmatch(opened)
	r.addr, r.port = m[1], m[2]
	for i, n := range r.names {
		res := run(t, nil, "--db", r.db, "hubs", "add", n, "--host", r.addr)
		if res.code != 0 {
			t.Fatal(res.stderr)
		}
		r.invite[n] = regexp.MustCompile(`floor://\S+[^'\s]`).FindString(res.stdout)
		r.hubs[n] = r.startHub(t, n)
		waitFor(t, n+" queued", r.serve.out, func(s string) bool { return strings.Contains(lastRoom(s), fmt.Sprintf("Queue: %d", i+1)) })
	}
	io.WriteString(r.serve.in, "start 60\ngive 1 5:00\n")
	r.before = lastRoom(waitFor(t, "Nairobi on the floor", r.serve.out, func(s string) bool {
		return strings.Contains(lastRoom(s), "On the floor: Nairobi") && strings.Contains(lastRoom(s), "Queue: 2")
	}))
	return r
}

// startHub starts hub n's process from its invite, asking for the floor.
func (r *threeHubRoom) startHub(t *testing.T, n string) *child {
	return startChild(t, "--db", filepath.Join(t.TempDir(), "hub.db"), "hub", r.invite[n], "--request-floor", "--size", "160x90", "--source", "test")
}

// The room process is killed (SIGKILL) with three hubs attached — one on
// the floor, two queued — and started again on the same port: it reopens
// by itself, every hub reconnects by itself, and the queue, its order and
// the floor are as before, with no request asked twice. Then a hub process
// is killed and started again: it finds its request kept and does not ask
// again.
func TestRoomKilledAndRestartedHubsComeBack(t *testing.T) {
	if testing.Short() {
		t.Skip("starts real processes")
	}
	room := startThreeHubRoom(t)
	db, addr, serve, names, hubs := room.db, room.addr, room.serve, room.names, room.hubs
	queueBefore := queueLines(room.before)

	serve.kill()
	killed := time.Now()
	for _, n := range names {
		waitFor(t, n+" saying it is reconnecting", hubs[n].out, func(s string) bool { return strings.Contains(s, "reconnecting to the room") })
	}
	again := startChild(t, "--db", db, "serve", "--room-sound", "test")
	waitFor(t, "the room reopened on its address", again.out, func(s string) bool {
		return strings.Contains(s, "Reopened to hubs: Floor was open when it stopped.") && strings.Contains(s, "https://"+addr)
	})
	listening := time.Now()
	t.Cleanup(func() {
		if t.Failed() {
			for _, n := range names {
				t.Logf("%s:\n%s", n, hubs[n].out)
			}
		}
	})
	after := waitFor(t, "all three hubs back", again.out, func(s string) bool {
		r := lastRoom(s)
		return strings.Contains(r, "Hubs connected: 3") && !strings.Contains(r, "away")
	})
	t.Logf("room killed → listening again %v; listening → three hubs back %v", listening.Sub(killed).Round(time.Millisecond), time.Since(listening).Round(time.Millisecond))
	r := lastRoom(after)
	if !strings.Contains(r, "On the floor: Nairobi") || !equalLines(queueLines(r), queueBefore) {
		t.Fatalf("after the restart:\n%s\nbefore:\n%s", r, room.before)
	}
	waitFor(t, "Nairobi told it has the floor again, and that it is back", hubs["Nairobi"].out, func(s string) bool {
		i := strings.LastIndex(s, "reconnecting")
		return i >= 0 && strings.Contains(s[i:], "You have the floor") && strings.Contains(s[i:], "back with the room after")
	})

	// A hub process killed and started again finds its request kept (the
	// room replaces the dead connection with the new one at once).
	hubs["La Paz"].kill()
	laPaz := room.startHub(t, "La Paz")
	waitFor(t, "La Paz not asking twice", laPaz.out, func(s string) bool { return strings.Contains(s, "not asking again") })
	final := waitFor(t, "La Paz back", again.out, func(s string) bool {
		r := lastRoom(s)
		return strings.Contains(r, "Hubs connected: 3") && !strings.Contains(r, "away")
	})
	if !equalLines(queueLines(lastRoom(final)), queueBefore) {
		t.Fatalf("after La Paz came back:\n%s", lastRoom(final))
	}
}

func queueLines(room string) []string {
	var out []string
	for _, l := range strings.Split(room, "\n") {
		if regexp.MustCompile(`^  \d+\. \[\d+\]`).MatchString(l) {
			out = append(out, l)
		}
	}
	return out
}

func equalLines(a, b []string) bool { return strings.Join(a, "\n") == strings.Join(b, "\n") }

// cutPort drops everything sent to port on loopback (TCP and UDP) with
// nftables until the returned restore is called: a hub's link cut for real
// between processes. Root only, on loopback only.
func cutPort(t *testing.T, port string) (restore func()) {
	t.Helper()
	nft, err := exec.LookPath("nft")
	if err != nil || os.Geteuid() != 0 {
		t.Skip("needs root and nftables (apt-get install nftables) to cut a link between processes")
	}
	table := fmt.Sprintf("floorcut%d", os.Getpid())
	run := func(args ...string) error { return exec.Command(nft, args...).Run() }
	if err := run("add", "table", "inet", table); err != nil {
		t.Skipf("nft cannot add a table here: %v", err)
	}
	done := false
	restore = func() {
		if !done {
			done = true
			_ = run("delete", "table", "inet", table)
		}
	}
	t.Cleanup(restore)
	for _, args := range [][]string{
		{"add", "chain", "inet", table, "in", "{ type filter hook input priority -10; }"},
		{"add", "rule", "inet", table, "in", "iifname", "lo", "udp", "dport", port, "drop"},
		{"add", "rule", "inet", table, "in", "iifname", "lo", "tcp", "dport", port, "drop"},
	} {
		if err := run(args...); err != nil {
			t.Fatalf("nft %v: %v", args, err)
		}
	}
	return restore
}

// Every hub's link to a real floor serve is cut for 10 s (nftables on the
// room's port), one hub on the floor and two queued: with no click the
// hubs say they are reconnecting, come back, and the queue, its order and
// the floor are as before.
func TestLinksCutForTenSecondsComeBack(t *testing.T) {
	if testing.Short() {
		t.Skip("starts real processes and waits for a 10 s cut")
	}
	room := startThreeHubRoom(t)
	serve, names, hubs := room.serve, room.names, room.hubs
	queueBefore := queueLines(room.before)
	marks := map[string]int{}
	for _, n := range names {
		marks[n] = len(hubs[n].out.String())
	}

	restore := cutPort(t, room.port)
	time.Sleep(10 * time.Second)
	restore()
	restored := time.Now()
	for _, n := range names {
		waitFor(t, n+" back, having said it was reconnecting", hubs[n].out, func(s string) bool {
			since := s[marks[n]:]
			i := strings.LastIndex(since, "reconnecting to the room")
			return i >= 0 && strings.Contains(since[i:], "\n") && !strings.Contains(lastLine(since), "reconnecting") && !strings.Contains(lastLine(since), "STALE")
		})
	}
	t.Logf("link back → all three hubs hearing the room again in %v", time.Since(restored).Round(time.Millisecond))
	io.WriteString(serve.in, "queue\n")
	after := waitFor(t, "the room after the cut", serve.out, func(s string) bool {
		r := lastRoom(s)
		return strings.Contains(r, "Hubs connected: 3") && !strings.Contains(r, "away")
	})
	if r := lastRoom(after); !strings.Contains(r, "On the floor: Nairobi") || !equalLines(queueLines(r), queueBefore) {
		t.Fatalf("after the cut:\n%s\nbefore:\n%s", r, room.before)
	}
}

// lastLine is the last whole line of s.
func lastLine(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return lines[len(lines)-1]
}
