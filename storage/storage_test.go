package storage

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/igf-floor/floor/app/agenda"
	"github.com/igf-floor/floor/app/agenda/igf"
)

var t0 = time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)

func openTemp(t testing.TB) *DB {
	t.Helper()
	db, err := Open(context.Background(), filepath.Join(t.TempDir(), "floor.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func reference(t testing.TB) agenda.Schedule {
	t.Helper()
	data, err := os.ReadFile("../app/agenda/igf/testdata/igf-2020-ws234.txt")
	if err != nil {
		t.Fatal(err)
	}
	sched, _, err := igf.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	return sched
}

func TestSessionRoundTrip(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	sched := reference(t)
	res, err := db.SaveSchedule(ctx, sched, agenda.ImportRecord{File: "ws234.txt", Format: "igf", At: t0})
	if err != nil || res.Added != 1 {
		t.Fatalf("save = %+v, %v", res, err)
	}
	got, err := db.FindSession(ctx, "WS #234")
	if err != nil {
		t.Fatal(err)
	}
	want := sched.Sessions[0]
	want.ID = got.ID
	if !reflect.DeepEqual(got, want) {
		t.Errorf("stored session differs:\n got %+v\nwant %+v", got, want)
	}
	for _, ref := range []string{"ws234", "IGF 2020 WS #234", "igf 2020 ws#234", "1"} {
		if s, err := db.FindSession(ctx, ref); err != nil || s.ID != got.ID {
			t.Errorf("FindSession(%q) = %d, %v", ref, s.ID, err)
		}
	}
	if _, err := db.FindSession(ctx, "WS #999"); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing session: %v", err)
	}
	if ev, err := db.Event(ctx, "igf-2020"); err != nil || ev.Zone != "UTC" {
		t.Errorf("event = %+v, %v", ev, err)
	}
}

func TestReimportUpdatesInPlaceAndKeepsFavourites(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	dated := reference(t)
	start := time.Date(2020, 11, 11, 11, 20, 0, 0, time.UTC)
	dated.Sessions[0].Start, dated.Sessions[0].End, dated.Sessions[0].Room = start, start.Add(time.Hour), "Room 3"
	if _, err := db.SaveSchedule(ctx, dated, agenda.ImportRecord{At: t0}); err != nil {
		t.Fatal(err)
	}
	first, _ := db.FindSession(ctx, "ws234")
	if err := db.SetFavourite(ctx, first.ID, true, t0); err != nil {
		t.Fatal(err)
	}
	// The same session from a page without date and room, with a new title.
	undated := reference(t)
	undated.Sessions[0].Title = "Security of digital products (updated)"
	res, err := db.SaveSchedule(ctx, undated, agenda.ImportRecord{At: t0.Add(time.Hour)})
	if err != nil || res.Added != 0 || res.Updated != 1 {
		t.Fatalf("re-import = %+v, %v", res, err)
	}
	var whats []string
	for _, k := range res.Kept["IGF 2020 WS #234"] {
		whats = append(whats, k.What)
	}
	if kept := strings.Join(whats, ","); kept != "time,room" {
		t.Errorf("kept = %q", kept)
	}
	again, _ := db.FindSession(ctx, "ws234")
	if again.ID != first.ID || again.Title != "Security of digital products (updated)" || !again.Start.Equal(start) || again.Room != "Room 3" {
		t.Errorf("after re-import: %+v", again)
	}
	if n, _ := db.CountSessions(ctx); n != 1 {
		t.Errorf("%d sessions after re-import, want 1", n)
	}
	favs, err := db.FavouriteIDs(ctx)
	if err != nil || !favs[first.ID] {
		t.Errorf("favourite lost: %v, %v", favs, err)
	}
	list, _ := db.ListSessions(ctx, agenda.Filter{FavouritesOnly: true})
	if len(list.Sessions) != 1 {
		t.Errorf("favourites-only list has %d sessions", len(list.Sessions))
	}
	if err := db.SetFavourite(ctx, first.ID, false, t0); err != nil {
		t.Fatal(err)
	}
	if list, _ := db.ListSessions(ctx, agenda.Filter{FavouritesOnly: true}); len(list.Sessions) != 0 {
		t.Errorf("unfavourited session still listed")
	}
}

func TestCompleteScheduleRemovesMissingAndEmptyIsRefused(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	sched := synthetic(3)
	sched.Complete = true
	if _, err := db.SaveSchedule(ctx, sched, agenda.ImportRecord{At: t0}); err != nil {
		t.Fatal(err)
	}
	sched.Sessions = sched.Sessions[:2]
	res, err := db.SaveSchedule(ctx, sched, agenda.ImportRecord{At: t0})
	if err != nil || res.Removed != 1 {
		t.Fatalf("res = %+v, %v", res, err)
	}
	if hits, _ := db.ListSessions(ctx, agenda.Filter{Search: "session 2"}); len(hits.Sessions) != 0 {
		t.Errorf("removed session still found by search: %+v", hits)
	}
	before, _ := db.Fingerprint(ctx)
	sched.Sessions = nil
	if _, err := db.SaveSchedule(ctx, sched, agenda.ImportRecord{At: t0}); err == nil {
		t.Fatal("an empty schedule was saved")
	}
	if after, _ := db.Fingerprint(ctx); after != before {
		t.Error("a refused save changed the database")
	}
}

func TestSearch(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	if _, err := db.SaveSchedule(ctx, reference(t), agenda.ImportRecord{At: t0}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SaveSchedule(ctx, synthetic(50), agenda.ImportRecord{At: t0}); err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string]int{
		"Otieno": 1, "otie": 1, "Gratz": 1, "GRÄTZ hoffmann": 1, "ws 234": 1, "GRULAC stranieri": 1,
		"resilience supply": 1, "nobodyhere": 0, `" AND OR NEAR( *`: 0, "": 51,
	} {
		got, err := db.ListSessions(ctx, agenda.Filter{Search: q})
		if err != nil {
			t.Errorf("search %q: %v", q, err)
			continue
		}
		if len(got.Sessions) != want || got.Truncated {
			t.Errorf("search %q found %d (truncated %v), want %d", q, len(got.Sessions), got.Truncated, want)
		}
	}
	got, err := db.ListSessions(ctx, agenda.Filter{Search: "synthetic", Limit: 10})
	if err != nil || len(got.Sessions) != 10 || !got.Truncated {
		t.Errorf("limited search = %d sessions, truncated %v, %v", len(got.Sessions), got.Truncated, err)
	}
	for i := 1; i < len(got.Sessions); i++ {
		if agendaBefore(got.Sessions[i], got.Sessions[i-1]) {
			t.Errorf("search results out of agenda order at %d", i)
		}
	}
}

func TestNewerSchemaIsRefused(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "floor.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.sql.Exec(`PRAGMA user_version = 999`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := Open(ctx, path); !errors.Is(err, ErrNewerSchema) {
		t.Fatalf("err = %v, want ErrNewerSchema", err)
	}
}

// synthetic makes n sessions of a made-up event, one every 30 minutes.
func synthetic(n int) agenda.Schedule {
	start := time.Date(2025, 6, 23, 8, 0, 0, 0, time.UTC)
	groups, regions := agenda.AllGroups(), agenda.AllRegions()
	words := []string{"trust", "security", "access", "rights", "youth", "climate", "data", "AI", "infrastructure", "governance"}
	sched := agenda.Schedule{Event: agenda.Event{ID: "synthetic", Title: "Synthetic Forum", Zone: "Europe/Oslo"}}
	for i := range n {
		st := start.Add(time.Duration(i) * 30 * time.Minute)
		sched.Sessions = append(sched.Sessions, agenda.Session{
			Source: "synthetic", GUID: "s" + itoa(i), EventID: "synthetic", Number: "WS #" + itoa(1000+i),
			Title: "Session " + itoa(i) + " on " + words[i%len(words)] + " and " + words[(i/7)%len(words)],
			Start: st, End: st.Add(time.Hour), Zone: "Europe/Oslo", Room: "Room " + itoa(i%9),
			Description: "A synthetic session about " + words[(i/3)%len(words)] + " for load tests.",
			People: []agenda.Person{{Role: agenda.RoleSpeaker, Name: "Speaker" + itoa(i) + " Person",
				Group: groups[i%len(groups)], Region: regions[i%len(regions)]}},
			PolicyQuestions: []string{"What about " + words[(i/11)%len(words)] + "?"},
		})
	}
	return sched
}

func itoa(i int) string { return strconv.Itoa(i) }

func TestDamagedFileIsRefusedClearly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "floor.db")
	if err := os.WriteFile(path, []byte(strings.Repeat("not a database ", 400)), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := Open(context.Background(), path)
	if !errors.Is(err, ErrNotADatabase) || !strings.Contains(err.Error(), "damaged or not a Floor database") {
		t.Fatalf("err = %v", err)
	}
	if data, _ := os.ReadFile(path); !strings.HasPrefix(string(data), "not a database") {
		t.Error("the damaged file was changed")
	}
}

// Floor's connections are defensive: SQL cannot switch the schema to
// writable or bypass the journal, the ways a statement could corrupt the file.
func TestConnectionsAreDefensive(t *testing.T) {
	db, err := Open(context.Background(), filepath.Join(t.TempDir(), "floor.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	conn, err := db.sql.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	ctx := context.Background()
	conn.ExecContext(ctx, `PRAGMA writable_schema=ON`)
	var on int
	if err := conn.QueryRowContext(ctx, `PRAGMA writable_schema`).Scan(&on); err != nil || on != 0 {
		t.Errorf("writable_schema %d, %v", on, err)
	}
	var mode string
	conn.QueryRowContext(ctx, `PRAGMA journal_mode=OFF`).Scan(&mode)
	if mode != "wal" {
		t.Errorf("journal mode turned %q", mode)
	}
}
