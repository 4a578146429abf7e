package app_test

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/storage"
)

// hostile16MiB are the documents of at most 16 MiB that cost a reader the
// most memory per byte: millions of the smallest element that is kept.
func hostile16MiB() map[string][]byte {
	const size = app.MaxImportSize
	fill := func(head, item, tail string) []byte {
		var b bytes.Buffer
		b.Grow(size)
		b.WriteString(head)
		for b.Len()+len(item)+len(tail) <= size {
			b.WriteString(item)
		}
		b.WriteString(tail)
		return b.Bytes()
	}
	xmlHead := `<?xml version="1.0"?><schedule><conference><title>Big</title></conference><day date="2026-11-27"><room name="A">`
	xmlTail := `</room></day></schedule>`
	jsonHead := `{"schedule":{"conference":{"title":"Big","time_zone_name":"UTC","days":[{"rooms":{"A":[`
	jsonTail := `{}]}}]}}}`
	ev := `{"guid":"g","title":"t","date":"2026-11-27T10:00:00Z","duration":"00:30",`
	return map[string][]byte{
		"xml empty events":         fill(xmlHead, `<event/>`, xmlTail),
		"xml one event, persons":   fill(xmlHead+`<event guid="g"><title>t</title><persons>`, `<person/>`, `</persons></event>`+xmlTail),
		"xml one event, links":     fill(xmlHead+`<event guid="g"><title>t</title><links>`, `<link/>`, `</links></event>`+xmlTail),
		"xml controls in a title":  fill(xmlHead+`<event guid="g"><title>`, "\x01", `</title></event>`+xmlTail),
		"json empty events":        fill(jsonHead, `{},`, jsonTail),
		"json v2 empty events":     fill(`{"schedule":{"conference":{"title":"Big"},"events":[`, `{},`, `{}]}}`),
		"json one event, persons":  fill(jsonHead+ev+`"persons":[`, `{},`, `{}]}]}}]}}}`),
		"json one event, links":    fill(jsonHead+ev+`"links":[`, `{},`, `{}]}]}}]}}}`),
		"json v2 languages":        fill(`{"schedule":{"conference":{"title":"Big"},"events":[{"guid":"g","title":"t","start":"2026-11-27T10:00:00Z","abstract":{`, `"a":null,`, `"b":null}}]}}`),
		"json v2 rooms":            fill(`{"schedule":{"conference":{"title":"Big","rooms":[`, `"",`, `""]},"events":[]}}`),
		"json controls in a title": fill(jsonHead+`{"title":"`, "\x01", `"}]}}]}}}`),
		"json empty rooms":         fill(jsonHead[:len(jsonHead)-5], `"r":[],`, `"A":[{}]}}]}}}`),
	}
}

// Every hostile document is refused with its reason, the database is not
// touched, and the heap never rises more than 64 MB above idle while it is
// read (a 16 MB file of two million <event/> took 3.4 GB).
func TestHostile16MiBImportsAreRefusedWithinBudget(t *testing.T) {
	ctx := context.Background()
	im, db := newImporter(t)
	if _, err := im.ImportFile(ctx, fixture); err != nil {
		t.Fatal(err)
	}
	before, _ := db.Fingerprint(ctx)
	for name, data := range hostile16MiB() {
		if len(data) > app.MaxImportSize {
			t.Fatalf("%s: %d bytes", name, len(data))
		}
		var err error
		peak := peakHeap(func() { _, err = im.ImportReader(ctx, name, bytes.NewReader(data)) })
		if err == nil {
			t.Errorf("%s: imported", name)
		} else if strings.Contains(err.Error(), "json: ") || strings.Contains(err.Error(), "xml: ") {
			t.Errorf("%s: not a reason a person reads: %v", name, err)
		}
		t.Logf("%s: %d MiB peak: %v", name, peak>>20, err)
		if peak > 64<<20 && !raceDetector {
			t.Errorf("%s: peak heap %d MiB above idle (budget 64 MB)", name, peak>>20)
		}
	}
	if after, _ := db.Fingerprint(ctx); after != before {
		t.Error("a refused import changed the database")
	}
}

// BenchmarkImportHostile16MiBPeak reads the worst 16 MiB inputs and reports
// the highest heap rise above idle among them, in MiB (peak-MiB).
//
//	go test -run '^$' -bench BenchmarkImportHostile16MiBPeak -benchtime 1x ./app
func BenchmarkImportHostile16MiBPeak(b *testing.B) {
	ctx := context.Background()
	db, err := storage.Open(ctx, filepath.Join(b.TempDir(), "floor.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	im := app.Importer{Store: db, Clock: now}
	inputs := hostile16MiB()
	var worst uint64
	var worstName string
	for b.Loop() {
		for name, data := range inputs {
			peak := peakHeap(func() { im.ImportReader(ctx, name, bytes.NewReader(data)) })
			if peak > worst {
				worst, worstName = peak, name
			}
		}
	}
	b.ReportMetric(float64(worst)/(1<<20), "peak-MiB")
	b.Log(fmt.Sprintf("worst: %s", worstName))
}
