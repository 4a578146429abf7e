package assets

import (
	"bytes"
	"image/png"
	"os"
	"testing"
)

func TestEmbedded(t *testing.T) {
	if !bytes.HasPrefix(BuiltInAgenda(), []byte("IGF 2020 WS #234 ")) {
		t.Error("built-in agenda missing")
	}
	img, err := png.Decode(bytes.NewReader(Icon()))
	if err != nil || img.Bounds().Dx() != 512 {
		t.Errorf("icon: %v", err)
	}
}

// The built-in agenda is the shared fixture plus the date and room lines
// the IGF site gives; nothing else may differ.
func TestBuiltInAgendaIsTheFixturePlusDate(t *testing.T) {
	fixture, err := os.ReadFile("../app/agenda/igf/testdata/igf-2020-ws234.txt")
	if err != nil {
		t.Fatal(err)
	}
	lines := bytes.Split(BuiltInAgenda(), []byte("\n"))
	added := "Wednesday, 11th November, 2020 (11:20 UTC) - Wednesday, 11th November, 2020 (12:20 UTC)\nRoom 3"
	if string(bytes.Join(lines[1:3], []byte("\n"))) != added {
		t.Fatalf("lines 2-3 = %q", bytes.Join(lines[1:3], []byte("\n")))
	}
	rebuilt := bytes.Join(append(lines[:1:1], lines[3:]...), []byte("\n"))
	if !bytes.Equal(rebuilt, fixture) {
		t.Error("built-in agenda differs from the fixture beyond the date and room lines")
	}
}
