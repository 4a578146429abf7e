package cli

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// hubNetwork is a network namespace for a hub process, joined to this
// machine by a veth pair: the hub's address can change under it, as when a
// laptop moves from the venue's Wi-Fi to a phone's tether.
type hubNetwork struct {
	ns, room, hub string // the namespace, the room's address, the hub's
	ip            func(args ...string) error
	readdress     func(t *testing.T, to string) // the hub's address replaced by to
}

func newHubNetwork(t *testing.T) *hubNetwork {
	t.Helper()
	ipCmd, err := exec.LookPath("ip")
	if err != nil || os.Geteuid() != 0 {
		t.Skip("needs root and iproute2 to give a hub process its own network")
	}
	id := os.Getpid() % 200
	n := &hubNetwork{ns: fmt.Sprintf("floorhub%d", os.Getpid()), room: fmt.Sprintf("10.231.%d.1", id), hub: fmt.Sprintf("10.231.%d.2", id)}
	n.ip = func(args ...string) error {
		if out, err := exec.Command(ipCmd, args...).CombinedOutput(); err != nil {
			return fmt.Errorf("ip %s: %w: %s", strings.Join(args, " "), err, out)
		}
		return nil
	}
	host, peer := fmt.Sprintf("fh%da", os.Getpid()%100000), fmt.Sprintf("fh%db", os.Getpid()%100000)
	if err := n.ip("netns", "add", n.ns); err != nil {
		t.Skipf("no network namespaces here: %v", err)
	}
	t.Cleanup(func() { _ = n.ip("link", "del", host); _ = n.ip("netns", "del", n.ns) })
	for _, args := range [][]string{
		{"link", "add", host, "type", "veth", "peer", "name", peer},
		{"link", "set", peer, "netns", n.ns},
		{"addr", "add", n.room + "/24", "dev", host},
		{"link", "set", host, "up"},
		{"-n", n.ns, "addr", "add", n.hub + "/24", "dev", peer},
		{"-n", n.ns, "link", "set", peer, "up"},
		{"-n", n.ns, "link", "set", "lo", "up"},
	} {
		if err := n.ip(args...); err != nil {
			t.Fatal(err)
		}
	}
	n.readdress = func(t *testing.T, to string) {
		t.Helper()
		// The old address goes first (deleting a primary address takes its
		// subnet's secondaries with it), as when a laptop leaves one network
		// and joins another.
		if err := n.ip("-n", n.ns, "addr", "del", n.hub+"/24", "dev", peer); err != nil {
			t.Fatal(err)
		}
		if err := n.ip("-n", n.ns, "addr", "add", to+"/24", "dev", peer); err != nil {
			t.Fatal(err)
		}
		n.hub = to
	}
	return n
}

// A real hub process on the floor, in its own network, whose address
// changes from one moment to the next (the old one is gone, a new one
// comes): with no click it says it lost the room, comes back from its new
// address, and the room still has it on the floor with the same turn.
func TestHubWhoseAddressChangesComesBack(t *testing.T) {
	if testing.Short() {
		t.Skip("starts real processes in a network namespace")
	}
	nw := newHubNetwork(t)
	db := filepath.Join(t.TempDir(), "floor.db")
	if res := run(t, nil, "--db", db, "agenda"); res.code != 0 {
		t.Fatal(res.stderr)
	}
	serve := startChild(t, "--db", db, "serve", "--listen", nw.room+":0", "--room-sound", "test")
	opened := waitFor(t, "the room open", serve.out, func(s string) bool { return strings.Contains(s, "The hubs hear the room's") })
	addr := regexp.MustCompile(`https://(` + regexp.QuoteMeta(nw.room) + `:\d+)`).FindStringSubmatch(opened)[1]
	res := run(t, nil, "--db", db, "hubs", "add", "Nairobi", "--host", addr)
	if res.code != 0 {
		t.Fatal(res.stderr)
	}
	invite := regexp.MustCompile(`floor://\S+[^'\s]`).FindString(res.stdout)
	hub := startChildUnder(t, []string{"ip", "netns", "exec", nw.ns},
		"--db", filepath.Join(t.TempDir(), "hub.db"), "hub", invite, "--request-floor", "--size", "160x90", "--source", "test")
	waitFor(t, "Nairobi queued", serve.out, func(s string) bool { return strings.Contains(lastRoom(s), "Queue: 1") })
	io.WriteString(serve.in, "start 60\ngive 1 5:00\n")
	waitFor(t, "Nairobi on the floor", hub.out, func(s string) bool { return strings.Contains(s, "You have the floor") })
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("hub:\n%s", hub.out)
		}
	})

	mark := len(hub.out.String())
	nw.readdress(t, strings.TrimSuffix(nw.hub, ".2")+".3")
	changed := time.Now()
	// The hub notices (STALE, reconnecting) and is back, or mends so fast
	// that it only says it is back; then its line is quiet again.
	waitFor(t, "the hub back from its new address, having said it lost the room", hub.out, func(s string) bool {
		since := s[mark:]
		i := max(strings.LastIndex(since, "reconnecting to the room"), strings.LastIndex(since, "STALE"), strings.LastIndex(since, "back with the room after"))
		return i >= 0 && strings.Contains(since[i:], "\n") && !strings.Contains(lastLine(since), "reconnecting") && !strings.Contains(lastLine(since), "STALE")
	})
	t.Logf("address changed → the hub hearing the room again in %v", time.Since(changed).Round(time.Millisecond))
	io.WriteString(serve.in, "queue\n")
	after := waitFor(t, "the room with Nairobi back", serve.out, func(s string) bool {
		r := lastRoom(s)
		return strings.Contains(r, "Hubs connected: 1") && !strings.Contains(r, "away")
	})
	if r := lastRoom(after); !strings.Contains(r, "On the floor: Nairobi") || !strings.Contains(r, "Queue: 0") {
		t.Fatalf("after the address changed:\n%s", r)
	}
}
