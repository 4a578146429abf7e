package app_test

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// endless is a schedule.xml that never ends: a header, then events forever.
type endless struct{ sent int64 }

func (e *endless) Read(p []byte) (int, error) {
	const event = `<event guid="x"><title>again</title><start>10:00</start><duration>00:30</duration></event>`
	if e.sent == 0 {
		n := copy(p, `<?xml version="1.0"?><schedule><conference><title>Big</title></conference><day date="2026-11-27"><room name="A">`)
		e.sent += int64(n)
		return n, nil
	}
	n := 0
	for n < len(p) {
		n += copy(p[n:], event) // the last one cut short: it never ends anyway
	}
	e.sent += int64(n)
	return n, nil
}

// peakHeap runs f and returns how far the heap rose above where it started.
func peakHeap(f func()) uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapAlloc
	var peak atomic.Uint64
	done := make(chan struct{})
	go func() {
		for {
			select {
			case <-done:
				return
			case <-time.After(time.Millisecond):
			}
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			if m.HeapAlloc > base && m.HeapAlloc-base > peak.Load() {
				peak.Store(m.HeapAlloc - base)
			}
		}
	}()
	f()
	close(done)
	return peak.Load()
}

// A 100 MB agenda, as a file or as an endless stream (a server that never
// stops): a clear error, the database unchanged, and memory bounded.
func TestHundredMegabyteAgendaIsRefused(t *testing.T) {
	ctx := context.Background()
	im, db := newImporter(t)
	if _, err := im.ImportFile(ctx, fixture); err != nil {
		t.Fatal(err)
	}
	before, err := db.Fingerprint(ctx)
	if err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(t.TempDir(), "schedule.xml")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(f, io.LimitReader(&endless{}, 100<<20)); err != nil {
		t.Fatal(err)
	}
	f.Close()
	var fileErr, streamErr error
	filePeak := peakHeap(func() { _, fileErr = im.ImportFile(ctx, big) })
	stream := &endless{}
	streamPeak := peakHeap(func() { _, streamErr = im.ImportReader(ctx, "https://example.org/schedule.xml", stream) })
	if fileErr == nil || !strings.Contains(fileErr.Error(), "the file is larger than 16 MiB (100 MiB)") {
		t.Fatalf("file: %v", fileErr)
	}
	if streamErr == nil || !strings.Contains(streamErr.Error(), "larger than 16 MiB") {
		t.Fatalf("stream: %v", streamErr)
	}
	if stream.sent > 17<<20 {
		t.Fatalf("read %d MiB of an endless stream", stream.sent>>20)
	}
	after, err := db.Fingerprint(ctx)
	if err != nil || after != before {
		t.Fatal("a refused import changed the database")
	}
	const budget = 64 << 20 // DESIGN.md: < 64 MB above idle
	if filePeak > budget || streamPeak > budget {
		t.Fatalf("peak heap: file %d MiB, stream %d MiB", filePeak>>20, streamPeak>>20)
	}
	t.Logf("peak heap above idle: file %.1f MiB, stream %.1f MiB", float64(filePeak)/(1<<20), float64(streamPeak)/(1<<20))
}
