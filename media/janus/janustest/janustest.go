// Package janustest starts Debian's janus for a test: the VideoRoom plugin
// and the HTTP transport only, on loopback, with its own configuration in a
// temporary folder. .ci/setup installs janus; without it the test is skipped.
package janustest

import (
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

const libs = "/usr/lib/x86_64-linux-gnu/janus"

// Start runs janus until the test ends and returns its API's base URL.
func Start(t testing.TB) string {
	t.Helper()
	exe, err := exec.LookPath("janus")
	if err != nil {
		t.Skip("janus is not installed (apt-get install janus)")
	}
	dir := t.TempDir()
	for _, d := range []string{"conf", "plugins", "transports", "events", "loggers"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	for _, l := range []string{"plugins/libjanus_videoroom.so", "transports/libjanus_http.so"} {
		if err := os.Symlink(filepath.Join(libs, l), filepath.Join(dir, l)); err != nil {
			t.Fatal(err)
		}
	}
	port := freePort(t)
	rtp := 20000 + port%20000 // a range of its own, away from other tests' Janus
	files := map[string]string{
		"janus.jcfg": fmt.Sprintf(`general: {
	configs_folder = "%[1]s/conf"
	plugins_folder = "%[1]s/plugins"
	transports_folder = "%[1]s/transports"
	events_folder = "%[1]s/events"
	loggers_folder = "%[1]s/loggers"
	debug_level = 3
	admin_secret = "not-used"
}
media: {
	rtp_port_range = "%[2]d-%[3]d"
}
nat: {
	nice_debug = false
	ice_enforce_list = "lo"
}
`, dir, rtp, rtp+99),
		"janus.transport.http.jcfg": fmt.Sprintf(`general: {
	json = "plain"
	base_path = "/janus"
	http = true
	port = %d
	interface = "lo"
	ip = "127.0.0.1"
	https = false
}
admin: {
	admin_http = false
}
`, port),
		"janus.plugin.videoroom.jcfg": "general: { }\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, "conf", name), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	log, err := os.Create(filepath.Join(dir, "janus.log"))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, "-F", filepath.Join(dir, "conf"), "-C", filepath.Join(dir, "conf", "janus.jcfg"))
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
		log.Close()
		if t.Failed() {
			b, _ := os.ReadFile(log.Name())
			if len(b) > 4000 {
				b = b[len(b)-4000:]
			}
			t.Logf("janus's log ends:\n%s", b)
		}
	})
	base := fmt.Sprintf("http://127.0.0.1:%d/janus", port)
	for end := time.Now().Add(10 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		resp, err := http.Get(base + "/info")
		if err == nil {
			resp.Body.Close()
			return base
		}
		if time.Now().After(end) {
			b, _ := os.ReadFile(filepath.Join(dir, "janus.log"))
			t.Fatalf("janus did not start: %v\n%s", err, b)
		}
	}
}

func freePort(t testing.TB) int {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}
