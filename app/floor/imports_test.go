package floor

import (
	"os/exec"
	"strings"
	"testing"
)

// The floor is pure: it imports the standard library and the timer, and
// nothing else (so the fair order and the budgets run anywhere the log does).
func TestImportsOnlyStdlibAndTimer(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", ".").CombinedOutput()
	if err != nil {
		t.Skipf("go list: %v\n%s", err, out)
	}
	for _, dep := range strings.Fields(string(out)) {
		switch dep {
		case "github.com/igf-floor/floor/app/floor", "github.com/igf-floor/floor/app/timer":
		default:
			t.Errorf("app/floor depends on %s", dep)
		}
	}
}
