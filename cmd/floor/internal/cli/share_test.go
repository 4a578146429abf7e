package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// floor share on one machine, floor share add on another: My agenda
// travels as a link, and a QR code of it is written on request.
func TestShareMyAgendaBetweenTwoFloors(t *testing.T) {
	dir := t.TempDir()
	ana, ben := filepath.Join(dir, "ana.db"), filepath.Join(dir, "ben.db")
	if res := run(t, nil, "--db", ana, "favourite", "WS #234"); res.code != 0 {
		t.Fatal(res.stderr)
	}
	qr := filepath.Join(dir, "qr.png")
	res := run(t, nil, "--db", ana, "share", "--qr", qr)
	link := regexp.MustCompile(`floor://agenda/\S+`).FindString(res.stdout)
	if res.code != 0 || link == "" || !strings.Contains(res.stdout, "My agenda: 1 session\n") {
		t.Fatalf("share: %+v", res)
	}
	if st, err := os.Stat(qr); err != nil || st.Size() < 500 {
		t.Fatalf("the QR code: %v", err)
	}
	if res := run(t, nil, "--db", ben, "share", "add", link); res.code != 0 || !strings.Contains(res.stdout, "1 of its 1 sessions added") {
		t.Fatalf("share add: %+v", res)
	}
	if res := run(t, nil, "--db", ben, "agenda", "--favourites"); !strings.Contains(res.stdout, "WS #234") {
		t.Fatalf("Ben's My agenda: %s", res.stdout)
	}
	if res := run(t, nil, "--db", ben, "share", "add", "floor://agenda/?v=1&k=garbage"); res.code != 1 || !strings.Contains(res.stderr, "not a shared My agenda link") {
		t.Fatalf("a damaged link: %+v", res)
	}
}

// The QR code one Floor wrote is read from its picture by another
// (floor share add --picture), which adds that agenda; a picture of
// nothing is refused with exit 1 and the reason.
func TestShareAddReadsAPictureOfTheCode(t *testing.T) {
	dir := t.TempDir()
	ana, ben := filepath.Join(dir, "ana.db"), filepath.Join(dir, "ben.db")
	if res := run(t, nil, "--db", ana, "favourite", "WS #234"); res.code != 0 {
		t.Fatal(res.stderr)
	}
	code := filepath.Join(dir, "qr.png")
	if res := run(t, nil, "--db", ana, "share", "--qr", code); res.code != 0 {
		t.Fatal(res.stderr)
	}
	if res := run(t, nil, "--db", ben, "share", "add", "--picture", code); res.code != 0 || !strings.Contains(res.stdout, "1 of its 1 sessions added") {
		t.Fatalf("share add --picture: %+v", res)
	}
	notes := filepath.Join(dir, "notes.txt")
	os.WriteFile(notes, []byte("just words"), 0o600)
	if res := run(t, nil, "--db", ben, "share", "add", "--picture", notes); res.code != 1 || !strings.Contains(res.stderr, "not a PNG or JPEG picture") {
		t.Fatalf("a text file as the picture: %+v", res)
	}
	if res := run(t, nil, "--db", ben, "share", "add", "--picture", code, "floor://agenda/?v=1"); res.code != 2 {
		t.Fatalf("a picture and a link: %+v", res)
	}
}
