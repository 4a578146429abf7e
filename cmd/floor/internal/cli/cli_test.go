package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/timer"
	"github.com/igf-floor/floor/storage"
)

type fixedClock struct{}

func (fixedClock) Now() time.Time { return time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC) }

type result struct {
	code           int
	stdout, stderr string
}

func run(t *testing.T, env map[string]string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(context.Background(), args, Env{
		Stdout: &out, Stderr: &errb, Clock: fixedClock{}, Local: time.UTC, Version: "test",
		Getenv: func(k string) string { return env[k] },
	})
	return result{code, out.String(), errb.String()}
}

const fixture = "../../../../app/agenda/igf/testdata/igf-2020-ws234.txt"

func TestAgendaOnAFreshDatabaseShowsTheBuiltInSession(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	r := run(t, nil, "--db", db, "agenda")
	if r.code != 0 || !strings.Contains(r.stdout, "WS #234  2020-11-11 11:20 to 12:20 UTC (Wednesday)  Security of digital products: Industry and enhancing trust") {
		t.Fatalf("agenda = %+v", r)
	}
	if n := strings.Count(r.stdout, "\n"); n != 1 {
		t.Errorf("%d lines, want one per session", n)
	}
	// FLOOR_DB chooses the same file when --db is absent.
	if r2 := run(t, map[string]string{"FLOOR_DB": db}, "agenda"); r2.stdout != r.stdout {
		t.Errorf("FLOOR_DB: %+v", r2)
	}
}

func TestShowPrintsEveryField(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	r := run(t, nil, "--db", db, "show", "WS #234")
	if r.code != 0 {
		t.Fatalf("show = %+v", r)
	}
	for _, want := range []string{
		"IGF 2020 WS #234 — Security of digital products", "When:      2020-11-11 11:20 to 12:20 UTC (Wednesday)",
		"Room:      Room 3", "Length:    60 min online (planned 90 min)", "Format:    Round Table – Circle; online: Round Table",
		"Speakers\n  1. Jon Albert Fanzun — Government, Western European and Others Group (WEOG)\n",
		"  2. David Koh, Chief Executive of the Cyber Security Agency",
		"  3. Barrack Otieno — Technical Community, African Group\n",
		"  5. Sebastian Stranieri — Private Sector, Latin American and Caribbean Group (GRULAC)\n",
		"Rapporteur\n  1. Vladimir Radunovic — Civil Society, Eastern European Group",
		"Policy questions (Tentative policy questions)\n  1. How is trust",
		"  7. What are the next steps for the industry and other stakeholders?\n",
		"  16  Peace, Justice and Strong Institutions", "Agenda\n  to be confirmed",
		"Register here (the page gives no address)", "Relevance to Theme\n",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("show lacks %q", want)
		}
	}
	js := run(t, nil, "--db", db, "show", "--json", "ws234")
	var v sessionJSON
	if err := json.Unmarshal([]byte(js.stdout), &v); err != nil || len(v.PolicyQuestions) != 7 || len(v.People) != 13 || v.Start == nil {
		t.Errorf("show --json: %v, %+v", err, v)
	}
}

func TestSearchAndFavourites(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	if r := run(t, nil, "--db", db, "agenda", "--search", "Otieno"); r.code != 0 || !strings.Contains(r.stdout, "WS #234") {
		t.Errorf("search Otieno = %+v", r)
	}
	if r := run(t, nil, "--db", db, "agenda", "--search", "blockchain"); r.code != 0 || r.stdout != "" || !strings.Contains(r.stderr, "no session matches") {
		t.Errorf("search blockchain = %+v", r)
	}
	if r := run(t, nil, "--db", db, "favourite", "WS #234"); r.code != 0 {
		t.Errorf("favourite = %+v", r)
	}
	r := run(t, nil, "--db", db, "agenda", "--favourites", "--json")
	var list []sessionJSON
	if err := json.Unmarshal([]byte(r.stdout), &list); err != nil || len(list) != 1 || !list[0].Favourite {
		t.Errorf("favourites json = %v %+v", err, r)
	}
	run(t, nil, "--db", db, "favourite", "--remove", "1")
	if r := run(t, nil, "--db", db, "agenda", "--favourites"); r.stdout != "" {
		t.Errorf("removed favourite still listed: %q", r.stdout)
	}
}

func TestImportReportsAndBadFilesChangeNothing(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	r := run(t, nil, "--db", db, "import", fixture)
	if r.code != 0 || !strings.Contains(r.stdout, "IGF 2020, 1 added, 0 updated") || !strings.Contains(r.stderr, "igf-2020-ws234.txt:3: note: skipped web-page text \"Loading Events\"") {
		t.Fatalf("import = %+v", r)
	}
	// The same page again changes nothing, and says so rather than "1 updated".
	if r := run(t, nil, "--db", db, "import", fixture); r.code != 0 || !strings.Contains(r.stdout, "IGF 2020, 0 added, 0 updated, 1 unchanged") {
		t.Errorf("import again = %+v", r)
	}
	bad := filepath.Join(dir, "bad.txt")
	os.WriteFile(bad, []byte("IGF 2020 WS #234 T\nMonday, 31st November, 2020 (11:20 UTC) - Monday, 31st November, 2020 (12:20 UTC)\n"), 0o600)
	before := fingerprint(t, db)
	r = run(t, nil, "--db", db, "import", bad)
	if r.code != 1 || !strings.Contains(r.stderr, "bad.txt: line 2: 31 November 2020 does not exist") {
		t.Errorf("bad import = %+v", r)
	}
	if fingerprint(t, db) != before {
		t.Error("a refused import changed the database")
	}
}

func TestUsageAndHelp(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	for _, args := range [][]string{{"--nope"}, {"frobnicate"}, {"show"}, {"import"}, {"agenda", "extra"}, {"show", "--db"}} {
		if r := run(t, nil, append([]string{"--db", db}, args...)...); r.code != ExitUsage || !strings.Contains(r.stderr, "floor --help") {
			t.Errorf("%v: %+v, want exit 2", args, r)
		}
	}
	if r := run(t, nil, "--db", db, "show", "WS #999"); r.code != ExitError || !strings.Contains(r.stderr, "not found") {
		t.Errorf("show unknown = %+v", r)
	}
	for _, c := range []string{"", "import", "agenda", "show", "favourite", "report", "moderate", "export", "changes", "sync", "conflicts", "now"} {
		args := []string{"--help"}
		if c != "" {
			args = []string{c, "--help"}
		}
		if r := run(t, nil, args...); r.code != 0 || !strings.Contains(r.stdout, "Usage:") {
			t.Errorf("%s --help = %+v", c, r)
		}
	}
	if r := run(t, nil, "--db", db); r.code != ExitError || !strings.Contains(r.stderr, "no window") {
		t.Errorf("no window = %+v", r)
	}
}

func fingerprint(t *testing.T, path string) string {
	t.Helper()
	db, err := storage.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	fp, err := db.Fingerprint(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return fp
}

func TestReportBalanceAddsUpToTheInterventions(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "x.db")
	run(t, nil, "--db", path, "agenda") // the built-in agenda
	db, err := storage.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	clock := &stepClock{time.Date(2020, 11, 11, 11, 20, 0, 0, time.UTC)}
	m, err := app.OpenModerator(ctx, db, clock, app.ModerationKey("igf", "IGF 2020 WS #234"))
	if err != nil {
		t.Fatal(err)
	}
	for _, sp := range []floor.Speaker{
		{Name: "Jon Albert Fanzun", Group: "Government", Region: "Western European and Others Group (WEOG)"},
		{Name: "Barrack Otieno", Group: "Technical Community", Region: "African Group"},
		{Name: "Youth hub", Remote: true, Youth: true},
	} {
		if err := m.Ask(ctx, sp); err != nil {
			t.Fatal(err)
		}
	}
	for _, spoke := range []time.Duration{90 * time.Second, 150 * time.Second, 60 * time.Second} {
		if err := m.Give(ctx, 0, timer.CountDown, 2*time.Minute); err != nil {
			t.Fatal(err)
		}
		clock.now = clock.now.Add(spoke)
	}
	if err := m.EndTurn(ctx); err != nil {
		t.Fatal(err)
	}
	db.Close()
	r := run(t, nil, "--db", path, "report", "balance", "WS #234")
	want := "dimension,category,turns,seconds,percent\n" +
		"stakeholder group,Technical Community,1,150.0,50.0\n" +
		"stakeholder group,Government,1,90.0,30.0\n" +
		"stakeholder group,not said,1,60.0,20.0\n" +
		"region,African Group,1,150.0,50.0\n" +
		"region,Western European and Others Group (WEOG),1,90.0,30.0\n" +
		"region,not said,1,60.0,20.0\n" +
		"place,in the room,2,240.0,80.0\n" +
		"place,remote,1,60.0,20.0\n" +
		"youth,not youth,2,240.0,80.0\n" +
		"youth,youth,1,60.0,20.0\n"
	if r.code != 0 || r.stdout != want {
		t.Errorf("report balance = %d\n%s\nwant\n%s%s", r.code, r.stdout, want, r.stderr)
	}
	r = run(t, nil, "--db", path, "report", "interventions", "ws234")
	rows := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if r.code != 0 || len(rows) != 4 || rows[2] != "Barrack Otieno,,Technical Community,African Group,in the room,false,2020-11-11T11:21:30Z,2020-11-11T11:24:00Z,120.0,150.0,30.0,regular" {
		t.Errorf("report interventions = %d %q", r.code, rows)
	}
}

type stepClock struct{ now time.Time }

func (c *stepClock) Now() time.Time { return c.now }

func TestExportICSRoundTrips(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	run(t, nil, "--db", db, "agenda")
	r := run(t, nil, "--db", db, "export", "ics", "--event", "igf-2020")
	if r.code != 0 || !strings.Contains(r.stdout, "UID:IGF-2020-WS-#234@igf.floor") || !strings.Contains(r.stdout, "DTSTART:20201111T112000Z") {
		t.Fatalf("export = %+v", r)
	}
	file := filepath.Join(dir, "out.ics")
	os.WriteFile(file, []byte(r.stdout), 0o600)
	other := filepath.Join(dir, "y.db")
	if r := run(t, nil, "--db", other, "import", file); r.code != 0 || !strings.Contains(r.stdout, "1 added") {
		t.Fatalf("import of the export = %+v", r)
	}
	if r := run(t, nil, "--db", db, "export", "ics", "--favourites"); r.code != ExitError || !strings.Contains(r.stderr, "no scheduled session") {
		t.Errorf("empty favourites export = %+v", r)
	}
	if r := run(t, nil, "--db", db, "export", "ics", "--event", "nope"); r.code != ExitError {
		t.Errorf("unknown event = %+v", r)
	}
}

func TestChangesAfterAnEditedPage(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	run(t, nil, "--db", db, "agenda") // the built-in page, Room 3
	run(t, nil, "--db", db, "favourite", "WS #234")
	page, _ := os.ReadFile(fixture)
	edited := strings.Replace(string(page), "Loading Events", "Wednesday, 11th November, 2020 (12:00 UTC) - Wednesday, 11th November, 2020 (13:00 UTC)\nRoom 5", 1)
	file := filepath.Join(dir, "moved.txt")
	os.WriteFile(file, []byte(edited), 0o600)
	if r := run(t, nil, "--db", db, "import", file); r.code != 0 {
		t.Fatalf("import = %+v", r)
	}
	r := run(t, nil, "--db", db, "changes")
	for _, want := range []string{"★ Security of digital products: Industry and enhancing trust  time: 2020-11-11 11:20 UTC → 2020-11-11 12:00 UTC",
		"room: Room 3 → Room 5"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("changes lack %q:\n%s", want, r.stdout)
		}
	}
}

func TestSyncFromALocalServer(t *testing.T) {
	data, err := os.ReadFile("../../../../app/agenda/ical/testdata/giggity-kielux_2020.ics")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"1"`)
		w.Write(data)
	}))
	defer srv.Close()
	db := filepath.Join(t.TempDir(), "x.db")
	if r := run(t, nil, "--db", db, "sync", srv.URL+"/k.ics"); r.code != 0 || !strings.Contains(r.stdout, "24 added") {
		t.Fatalf("first sync = %+v", r)
	}
	if r := run(t, nil, "--db", db, "sync"); r.code != 0 || !strings.Contains(r.stdout, "not modified") {
		t.Fatalf("sync of subscriptions = %+v", r)
	}
	srv.Close()
	r := run(t, nil, "--db", db, "sync")
	if r.code != ExitError || !strings.Contains(r.stderr, "kept as of the last good sync: 2026-11-27 09:00") {
		t.Errorf("offline sync = %+v", r)
	}
}

func TestSeveralEventsFiltersConflictsAndNow(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	run(t, nil, "--db", db, "agenda")
	if r := run(t, nil, "--db", db, "import", "../../../../app/agenda/frab/testdata/giggity-debconf23.xml"); r.code != 0 {
		t.Fatalf("import = %+v", r)
	}
	count := func(args ...string) int {
		r := run(t, nil, append([]string{"--db", db, "agenda"}, args...)...)
		if r.code != 0 {
			t.Fatalf("agenda %v = %+v", args, r)
		}
		return strings.Count(r.stdout, "\n")
	}
	if n := count(); n != 118 {
		t.Errorf("all events: %d sessions", n)
	}
	if n := count("--event", "igf-2020"); n != 1 {
		t.Errorf("--event igf-2020: %d", n)
	}
	if n, all := count("--event", "debconf23", "--day", "2023-09-11"), count("--event", "debconf23"); n == 0 || n >= all {
		t.Errorf("--day: %d of %d", n, all)
	}
	if n := count("--room", "anamudi", "--type", "long talk"); n == 0 {
		t.Error("--room/--type found nothing")
	}
	if r := run(t, nil, "--db", db, "agenda", "--day", "11/9/2023"); r.code != ExitUsage {
		t.Errorf("bad --day = %+v", r)
	}
	r := run(t, nil, "--db", db, "conflicts", "--all")
	if r.code != 0 || !strings.Contains(r.stdout, "overlaps") {
		t.Errorf("conflicts --all = %+v", r)
	}
	if r := run(t, nil, "--db", db, "conflicts"); r.code != 0 || !strings.Contains(r.stderr, "no overlapping") {
		t.Errorf("conflicts in an empty My agenda = %+v", r)
	}
	if r := run(t, nil, "--db", db, "now"); r.code != 0 || r.stdout != "Now\n  nothing\nNext 2h0m0s\n  nothing\n" {
		t.Errorf("now in 2026 = %+v", r)
	}
}
