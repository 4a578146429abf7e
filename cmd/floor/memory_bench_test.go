package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// minimalWindow is the yardstick: a Fyne window of the agenda's size with
// one list and one rich text, nothing of Floor's.
const minimalWindow = `package main

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := app.NewWithID("org.example.minimal")
	w := a.NewWindow("minimal")
	l := widget.NewList(func() int { return 1000 }, func() fyne.CanvasObject { return widget.NewLabel("row") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(fmt.Sprintf("Session %d", i)) })
	rt := widget.NewRichTextFromMarkdown("# Security of digital products\n\nA paragraph long enough to wrap in the pane.")
	rt.Wrapping = fyne.TextWrapWord
	w.SetContent(container.NewHSplit(l, container.NewVScroll(rt)))
	w.Resize(fyne.NewSize(1180, 760))
	w.ShowAndRun()
}
`

// BenchmarkResidentMemoryAgainstAMinimalWindow measures, under Xvfb, the
// agenda window's resident memory 8 s after start (the built-in agenda,
// and 10 000 sessions when FLOOR_MEMORY_DB names such a database) against
// the minimal window's, built in the benchmark's folder and measured the
// same way in the same run. The budget (issue 19): at most 40 MB above.
//
//	go test -run '^$' -bench ResidentMemory -benchtime 1x ./cmd/floor
func BenchmarkResidentMemoryAgainstAMinimalWindow(b *testing.B) {
	dir := b.TempDir()
	display := startXvfb(b, 90, "1280x800")
	floorBin := buildFloor(b, dir)
	minBin := buildYardstick(b, dir, "minimal", minimalWindow)

	// rss is the program's resident memory 8 s after start, and its CPU
	// (user and system, % of one core) over the 5 s after that, idle.
	rss := func(args ...string) (mb, idleCPU float64) {
		c := exec.Command(args[0], args[1:]...)
		c.Env = append(os.Environ(), "DISPLAY="+display, "LANGUAGE=en")
		if err := c.Start(); err != nil {
			b.Fatal(err)
		}
		defer func() { c.Process.Kill(); c.Wait() }()
		time.Sleep(8 * time.Second)
		status, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", c.Process.Pid))
		if err != nil {
			b.Fatalf("%s ended early: %v", args[0], err)
		}
		for _, line := range bytes.Split(status, []byte("\n")) {
			if f := strings.Fields(string(line)); len(f) == 3 && f[0] == "VmRSS:" {
				kb, _ := strconv.ParseFloat(f[1], 64)
				mb = kb / 1024
			}
		}
		if mb == 0 {
			b.Fatal("no VmRSS")
		}
		before := cpuTicks(b, c.Process.Pid)
		time.Sleep(5 * time.Second)
		return mb, float64(cpuTicks(b, c.Process.Pid)-before) / 5 // 100 ticks a second: % of a core
	}
	for b.Loop() {
		minimal, minimalCPU := rss(minBin)
		builtIn, builtInCPU := rss(floorBin, "--db", filepath.Join(dir, "floor.db"))
		b.ReportMetric(minimal, "minimal-MB")
		b.ReportMetric(builtIn-minimal, "above-MB")
		b.ReportMetric(minimalCPU, "minimal-idle-cpu-%")
		b.ReportMetric(builtInCPU, "idle-cpu-%")
		if db := os.Getenv("FLOOR_MEMORY_DB"); db != "" {
			big, bigCPU := rss(floorBin, "--db", db)
			b.ReportMetric(big-minimal, "above-10k-MB")
			b.ReportMetric(bigCPU, "idle-10k-cpu-%")
		}
	}
}

// cpuTicks is a process's user and system time in clock ticks (1/100 s).
func cpuTicks(b *testing.B, pid int) int {
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		b.Fatalf("process %d ended early: %v", pid, err)
	}
	// after the command's name, in parentheses: field 14 is utime, 15 stime
	f := strings.Fields(string(stat[bytes.LastIndexByte(stat, ')')+2:]))
	user, _ := strconv.Atoi(f[11])
	sys, _ := strconv.Atoi(f[12])
	return user + sys
}

// startXvfb starts an X server of size ("1280x800") for the benchmark, on
// a display number from base (base to base+8, by process, so two runs at
// once do not meet), and stops it when the benchmark ends. It skips the
// benchmark without Xvfb.
func startXvfb(b *testing.B, base int, size string) (display string) {
	xvfb, err := exec.LookPath("Xvfb")
	if err != nil {
		b.Skip("Xvfb is not installed")
	}
	display = ":" + strconv.Itoa(base+os.Getpid()%9)
	x := exec.Command(xvfb, display, "-screen", "0", size+"x24", "-nolisten", "tcp")
	if err := x.Start(); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { x.Process.Kill(); x.Wait() })
	time.Sleep(time.Second)
	return display
}

// buildFloor builds this folder's program into dir.
func buildFloor(b *testing.B, dir string) string {
	out := filepath.Join(dir, "floor")
	cmd := exec.Command("go", "build", "-o", out, ".")
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod")
	if o, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("build floor: %v\n%s", err, o)
	}
	return out
}

// buildYardstick builds a one-file Fyne program (src) in a module of its
// own in dir, with the versions this module's go.sum pins.
func buildYardstick(b *testing.B, dir, name, src string) string {
	modDir := filepath.Join(dir, name)
	os.MkdirAll(modDir, 0o755)
	root, _ := filepath.Abs("../..")
	goSum, _ := os.ReadFile(filepath.Join(root, "go.sum"))
	os.WriteFile(filepath.Join(modDir, "go.sum"), goSum, 0o644)
	os.WriteFile(filepath.Join(modDir, "go.mod"), []byte("module "+name+"\n\ngo 1.27\n\nrequire fyne.io/fyne/v2 v2.7.1\n"), 0o644)
	os.WriteFile(filepath.Join(modDir, "main.go"), []byte(src), 0o644)
	out := filepath.Join(dir, name+".bin")
	cmd := exec.Command("go", "build", "-o", out, ".")
	cmd.Dir, cmd.Env = modDir, append(os.Environ(), "GOFLAGS=-mod=mod")
	if o, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("build %s: %v\n%s", name, err, o)
	}
	return out
}
