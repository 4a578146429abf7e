package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// A seat's invite for a port the room does not open by default says how
// to open the room there, as a hub's does (it said nothing, and a room
// opened on 8443 left the seat knocking on 9443).
func TestASeatInviteForAnotherPortSaysHowToOpenTheRoom(t *testing.T) {
	db := filepath.Join(t.TempDir(), "floor.db")
	res := run(t, nil, "--db", db, "seats", "add", "Ginger Paque", "--role", "online-moderator", "--host", "127.0.0.1:9443")
	if res.code != 0 || !strings.Contains(res.stdout, "This invite dials port 9443: open the room with 'floor moderate SESSION --listen :9443'") {
		t.Fatalf("exit %d:\n%s%s", res.code, res.stdout, res.stderr)
	}
	res = run(t, nil, "--db", db, "seats", "add", "Vladimir Radunovic", "--role", "rapporteur", "--host", "127.0.0.1:8443")
	if res.code != 0 || strings.Contains(res.stdout, "dials port") {
		t.Fatalf("exit %d on the default port:\n%s%s", res.code, res.stdout, res.stderr)
	}
}
