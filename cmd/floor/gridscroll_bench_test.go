package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// fosdemSizedDay is a frab schedule of one FOSDEM-sized day: 900 sessions
// in 35 rooms, 09:00 to 19:00 in Brussels.
func fosdemSizedDay() string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><schedule><version>1</version><conference><acronym>fosdem-sized</acronym>` +
		`<title>A FOSDEM-sized day</title><start>2026-02-01</start><end>2026-02-01</end><days>1</days>` +
		`<time_zone_name>Europe/Brussels</time_zone_name></conference><day index="1" date="2026-02-01">`)
	for room := range 35 {
		name := fmt.Sprintf("UB%d.%03d", room%5, room*7)
		fmt.Fprintf(&b, `<room name="%s">`, name)
		for k := 0; room+35*k < 900; k++ {
			i, start := room+35*k, 9*60+k*23
			fmt.Fprintf(&b, `<event guid="g%d" id="%d"><date>2026-02-01T%02d:%02d:00+01:00</date><start>%02d:%02d</start>`+
				`<duration>00:%02d</duration><room>%s</room><title>A talk about free software number %d</title>`+
				`<track>Devroom %d</track><type>devroom</type><persons><person id="%d">Speaker %d</person></persons></event>`,
				i, i+1, start/60, start%60, start/60, start%60, 20+i%4*10, name, i, room%12, i, i)
		}
		b.WriteString(`</room>`)
	}
	b.WriteString(`</day></schedule>`)
	return b.String()
}

// BenchmarkGridScrollUnderXvfb scrolls a FOSDEM-sized day in the real
// window under Xvfb (Mesa's software OpenGL) with the mouse wheel, down and
// up again 60 times, and reports the CPU each wheel step costs (the window's
// repaint, llvmpipe's threads included), in the grid and, for comparison,
// in the list. A step within 33 ms of CPU keeps up with 30 a second on one
// core. It needs Xvfb and xdotool.
//
//	go test -run '^$' -bench GridScrollUnderXvfb -benchtime 1x ./cmd/floor
func BenchmarkGridScrollUnderXvfb(b *testing.B) {
	xdotool, err := exec.LookPath("xdotool")
	if err != nil {
		b.Skip("needs xdotool")
	}
	dir := b.TempDir()
	floorBin := buildFloor(b, dir)
	xml := filepath.Join(dir, "day.xml")
	os.WriteFile(xml, []byte(fosdemSizedDay()), 0o644)
	display := startXvfb(b, 70, "1280x800")
	env := append(os.Environ(), "DISPLAY="+display, "LANGUAGE=en")
	xdo := func(args ...string) {
		c := exec.Command(xdotool, args...)
		c.Env = env
		c.Run()
	}
	// stepCPU is the CPU per wheel step in view ("grid" or "list"), ms.
	stepCPU := func(view string) float64 {
		db := filepath.Join(dir, view+".db")
		for _, args := range [][]string{{"--db", db, "import", xml}} {
			if out, err := exec.Command(floorBin, args...).CombinedOutput(); err != nil {
				b.Fatalf("import: %v\n%s", err, out)
			}
		}
		if out, err := exec.Command("sqlite3", db, "INSERT OR REPLACE INTO settings(key, value) VALUES ('agenda.view', '"+view+"')").CombinedOutput(); err != nil {
			b.Skipf("sqlite3 sets the view: %v %s", err, out)
		}
		c := exec.Command(floorBin, "--db", db)
		c.Env = env
		if err := c.Start(); err != nil {
			b.Fatal(err)
		}
		defer func() { c.Process.Kill(); c.Wait() }()
		time.Sleep(6 * time.Second)
		xdo("mousemove", "300", "450")
		const steps = 120
		before := cpuTicks(b, c.Process.Pid)
		for i := range steps {
			xdo("click", strconv.Itoa(5-i%2)) // down, then up
			time.Sleep(33 * time.Millisecond)
		}
		time.Sleep(time.Second)
		return float64(cpuTicks(b, c.Process.Pid)-before) * 10 / steps // a tick is 10 ms
	}
	for b.Loop() {
		b.ReportMetric(stepCPU("grid"), "grid-cpu-ms/step")
		b.ReportMetric(stepCPU("list"), "list-cpu-ms/step")
	}
}
