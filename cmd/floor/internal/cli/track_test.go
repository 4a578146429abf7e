package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// A schedule's track and its colour reach the command line: the track in
// 'floor show', both in the JSON listing.
func TestTrackAndColourAreShown(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	if r := run(t, nil, "--db", db, "import", "../../../../app/agenda/frab/testdata/eventfahrplan-38c3-trimmed.xml"); r.code != 0 {
		t.Fatalf("import: %+v", r)
	}
	r := run(t, nil, "--db", db, "agenda", "--json", "--search", "opening")
	var list []sessionJSON
	if err := json.Unmarshal([]byte(r.stdout), &list); err != nil || r.code != 0 {
		t.Fatalf("agenda --json: %v %+v", err, r)
	}
	var id int64
	for _, s := range list {
		if s.GUID == "270fa44c-821a-577f-8ca3-33e8d4a8c2a7" {
			id = s.ID
			if s.Track != "CCC" || s.TrackColour != "#f2f006" {
				t.Errorf("listed track %q colour %q", s.Track, s.TrackColour)
			}
		}
	}
	if id == 0 {
		t.Fatalf("the opening is not listed:\n%s", r.stdout)
	}
	if r := run(t, nil, "--db", db, "show", "270fa44c-821a-577f-8ca3-33e8d4a8c2a7"); !strings.Contains(r.stdout, "Track:     CCC\n") {
		t.Errorf("show: %+v", r)
	}
}
