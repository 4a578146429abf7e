package cli

import (
	"context"
	"database/sql"
	"net"
	"path/filepath"
	"strings"
	"testing"

	_ "modernc.org/sqlite"
)

// evil is what a database written before the readers cleaned fields (or
// edited by hand) may hold: a bidi override, a colour escape, a CRLF that
// forges a line, a NUL, a clear-screen and a C1 CSI.
const evil = "\u202eevil\x1b[31m\r\nWS #999  forged\x00\x1b[2J\u009b"

// storeEvil puts evil into the built-in session's title and room and into
// a recorded change, with SQL, as an old database would hold them.
func storeEvil(t *testing.T, db string) {
	t.Helper()
	if r := run(t, nil, "--db", db, "agenda"); r.code != 0 {
		t.Fatalf("agenda = %+v", r)
	}
	sqldb, err := sql.Open("sqlite", "file:"+db)
	if err != nil {
		t.Fatal(err)
	}
	defer sqldb.Close()
	ctx := context.Background()
	for _, q := range []string{
		`UPDATE sessions SET title = ?1, room = ?1`,
		`INSERT INTO session_changes (import_id, source, guid, title, field, old, new)
			SELECT id, 'igf', 'x', ?1, 'room', ?1, ?1 FROM imports LIMIT 1`,
	} {
		if _, err := sqldb.ExecContext(ctx, q, evil); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// No control character or bidi override reaches the terminal raw, whatever
// the database holds: each is printed as a visible escape.
func TestTerminalOutputEscapesControls(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	storeEvil(t, db)
	for _, args := range [][]string{{"agenda"}, {"agenda", "--json"}, {"show", "WS #234"}, {"show", "--json", "WS #234"},
		{"changes"}, {"now", "--within", "1000000h"}, {"favourite", "WS #234"}, {"conflicts", "--all"}} {
		r := run(t, nil, append([]string{"--db", db}, args...)...)
		for _, out := range []string{r.stdout, r.stderr} {
			if i := strings.IndexFunc(out, func(r rune) bool { return r != '\n' && r != '\t' && unsafeRune(r) }); i >= 0 {
				t.Errorf("%v: raw %U in %q", args, []rune(out[i:])[0], out)
			}
			if strings.Contains(out, "\nWS #999") {
				t.Errorf("%v: a forged line: %q", args, out)
			}
		}
		if r.code != 0 {
			t.Errorf("%v: %+v", args, r)
		}
		if args[0] != "favourite" && args[0] != "conflicts" && args[0] != "now" && !strings.Contains(r.stdout, `\u202eevil\u001b[31m\r\nWS #999  forged\u0000\u001b[2J\u009b`) {
			t.Errorf("%v: the title is not shown with visible escapes: %q", args, r.stdout)
		}
	}
}

func TestTermText(t *testing.T) {
	for in, want := range map[string]string{
		"Security of digital products":   "Security of digital products",
		"a\tb\nc\rd":                     `a\tb\nc\rd`,
		"\u202e\u2066\u200f\u061c\u2028": `\u202e\u2066\u200f\u061c\u2028`,
		"\x7f\u0085 \xff":                `\u007f\u0085 \xff`,
		"Zürich – 東京":                    "Zürich – 東京",
	} {
		if got := termText(in); got != want {
			t.Errorf("termText(%q) = %q, want %q", in, got, want)
		}
	}
}

// A stored title with a CRLF is exported whole: escaped, with the
// calendar's end, exit 0.
func TestExportICSWithLineBreakInTitle(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	storeEvil(t, db)
	r := run(t, nil, "--db", db, "export", "ics")
	if r.code != 0 || !strings.HasSuffix(r.stdout, "END:VCALENDAR\r\n") || !strings.Contains(r.stdout, `\nWS #999  forged`) {
		t.Fatalf("export = %+v", r)
	}
	if strings.Contains(r.stdout, "\r\nWS #999") || strings.ContainsAny(r.stdout, "\x00\x1b") {
		t.Errorf("raw line break or control in the export: %q", r.stdout)
	}
}

// A URL that never answered is kept as a subscription, and the message
// says so rather than speaking of a last good sync.
func TestSyncOfAURLThatNeverAnswered(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	dead := "http://" + l.Addr().String() + "/schedule.xml"
	l.Close()
	db := filepath.Join(t.TempDir(), "x.db")
	r := run(t, nil, "--db", db, "sync", dead)
	if r.code != ExitError || !strings.Contains(r.stderr, "kept as a subscription that has not yet answered") ||
		strings.Contains(r.stderr, "last good sync") {
		t.Errorf("sync = %+v", r)
	}
	r = run(t, nil, "--db", db, "sync")
	if r.code != ExitError || !strings.Contains(r.stderr, dead) || !strings.Contains(r.stderr, "not yet answered") {
		t.Errorf("sync of the kept subscription = %+v", r)
	}
}
