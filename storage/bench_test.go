package storage

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"testing"
	"time"

	"github.com/igf-floor/floor/app/agenda"
	"github.com/igf-floor/floor/app/agenda/frab"
)

// BenchmarkImportReferenceSession: one IGF page into SQLite, with WAL and
// synchronous(FULL), i.e. including the fsync a user's import pays.
func BenchmarkImportReferenceSession(b *testing.B) {
	ctx := context.Background()
	db := openTemp(b)
	sched := reference(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := db.SaveSchedule(ctx, sched, agenda.ImportRecord{At: t0}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSearch100kSessions reports the 95th percentile of a mix of
// searches a participant types (a name, a word, two words, a number, a
// prefix) over 100 000 synthetic sessions.
func BenchmarkSearch100kSessions(b *testing.B) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(b.TempDir(), "floor.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	if _, err := db.SaveSchedule(ctx, synthetic(100_000), agenda.ImportRecord{At: t0}); err != nil {
		b.Fatal(err)
	}
	queries := []string{"Speaker4242", "climate", "youth data", "WS 1234", "secu", "infrastructure governance", "Otieno"}
	var times []time.Duration
	i := 0
	b.ResetTimer()
	for b.Loop() {
		start := time.Now()
		if _, err := db.ListSessions(ctx, agenda.Filter{Search: queries[i%len(queries)]}); err != nil {
			b.Fatal(err)
		}
		times = append(times, time.Since(start))
		i++
	}
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	b.ReportMetric(float64(times[len(times)*95/100].Microseconds())/1000, "p95-ms")
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "p50-ms")
}

// TestWriteSyntheticDatabase writes a database of synthetic sessions for
// measuring the window by hand (README, performance table):
//
//	FLOOR_SYNTHETIC_DB=/tmp/10k.db FLOOR_SYNTHETIC_N=10000 go test -run WriteSynthetic ./storage
func TestWriteSyntheticDatabase(t *testing.T) {
	path := os.Getenv("FLOOR_SYNTHETIC_DB")
	if path == "" {
		t.Skip("set FLOOR_SYNTHETIC_DB to write a synthetic database")
	}
	n, err := strconv.Atoi(os.Getenv("FLOOR_SYNTHETIC_N"))
	if err != nil || n <= 0 {
		n = 10_000
	}
	db, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.SaveSchedule(context.Background(), synthetic(n), agenda.ImportRecord{At: t0}); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkImportDebConf23 parses DebConf 23's schedule.xml (117 events)
// and saves it, as 'floor import' does, into a database that has it already.
func BenchmarkImportDebConf23(b *testing.B) {
	ctx := context.Background()
	db := openTemp(b)
	data, err := os.ReadFile("../app/agenda/frab/testdata/giggity-debconf23.xml")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		sched, _, err := frab.ParseXML(data)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := db.SaveSchedule(ctx, sched, agenda.ImportRecord{At: t0}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkImport10kSessions saves a 10 000-session schedule into an empty
// database, FTS index included.
func BenchmarkImport10kSessions(b *testing.B) {
	ctx := context.Background()
	sched := synthetic(10_000)
	sched.Complete = true
	for b.Loop() {
		b.StopTimer()
		db, err := Open(ctx, filepath.Join(b.TempDir(), "floor.db"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if _, err := db.SaveSchedule(ctx, sched, agenda.ImportRecord{At: t0}); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		db.Close()
		b.StartTimer()
	}
}

// BenchmarkDiff10kVersions re-imports a 10 000-session schedule in which
// every tenth session moved: the diff of every session against its stored
// version, and the change records, are the work measured (with the save).
func BenchmarkDiff10kVersions(b *testing.B) {
	ctx := context.Background()
	db := openTemp(b)
	v1 := synthetic(10_000)
	v1.Complete = true
	if _, err := db.SaveSchedule(ctx, v1, agenda.ImportRecord{At: t0}); err != nil {
		b.Fatal(err)
	}
	v2 := synthetic(10_000)
	v2.Complete = true
	for i := range v2.Sessions {
		if i%10 == 0 {
			v2.Sessions[i].Room = "Moved room"
		}
	}
	versions := []agenda.Schedule{v2, v1}
	i := 0
	for b.Loop() {
		res, err := db.SaveSchedule(ctx, versions[i%2], agenda.ImportRecord{At: t0})
		if err != nil || res.Changes != 1000 {
			b.Fatalf("%d changes, %v", res.Changes, err)
		}
		i++
	}
}
