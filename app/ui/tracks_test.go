package ui

import (
	"image/color"
	"os"
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"
)

// A track's colour depends on its name alone: the same at every start,
// and two tracks of DebConf 23 differ.
func TestTrackColourIsStableByName(t *testing.T) {
	a, b := trackColour("Security", ""), trackColour("Cloud and containers", "")
	if a != trackColour("Security", "") {
		t.Error("the same track got two colours")
	}
	if a == b {
		t.Errorf("Security and Cloud and containers share %v", a)
	}
}

// A session's row names its track beside the track's swatch.
func TestRowShowsTheTrackByNameAndSwatch(t *testing.T) {
	v, _ := newDebConfView(t)
	r := newAgendaRow()
	r.show(v.rows[rowOf(v, "Bits from the DPL")])
	const track = "Introduction to Free Software & Debian"
	if r.track.Text != track || !r.swatch.Visible() || r.swatch.FillColor != color.Color(trackColour(track, "")) {
		t.Errorf("row track %q, swatch %v shown %v", r.track.Text, r.swatch.FillColor, r.swatch.Visible())
	}
}

// A session without a track shows no swatch.
func TestRowWithoutTrackHasNoSwatch(t *testing.T) {
	v, _ := newView(t)
	r := newAgendaRow()
	r.show(v.rows[1]) // WS #234, an IGF session with no track
	if r.swatch.Visible() || r.track.Text != "" {
		t.Errorf("row track %q, swatch shown %v", r.track.Text, r.swatch.Visible())
	}
}

// The legend names the tracks of the day shown, each with its swatch.
func TestLegendNamesTheTracksShown(t *testing.T) {
	v, _ := newDebConfView(t)
	test.Tap(v.filters.Days.Tab("Mon 11 Sep 2023"))
	var want []string
	for _, r := range v.rows {
		if !r.IsDay() && r.Session.Track != "" && !slices.Contains(want, r.Session.Track) {
			want = append(want, r.Session.Track)
		}
	}
	slices.Sort(want)
	if got := v.Legend.Names(); !slices.Equal(got, want) {
		t.Fatalf("legend %q, tracks of the day %q", got, want)
	}
	for _, n := range want {
		if s := v.Legend.Swatch(n); s == nil || s.FillColor != color.Color(trackColour(n, "")) {
			t.Errorf("legend swatch of %q: %v", n, s)
		}
	}
}

// A schedule that gives its tracks' colours (38C3's frab file) is drawn in
// them, in the rows and the legend, not in the palette's.
func TestScheduleTrackColoursAreKept(t *testing.T) {
	v, _ := newView(t)
	f, err := os.Open("../agenda/frab/testdata/eventfahrplan-38c3-trimmed.xml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	v.importFrom("eventfahrplan-38c3-trimmed.xml", f)
	want := color.Color(color.NRGBA{0xE4, 0x04, 0x29, 0xff}) // "Ethics, Society & Politics" is #E40429
	const track = "Ethics, Society & Politics"
	for _, row := range v.rows {
		if row.IsDay() || row.Session.Track != track {
			continue
		}
		r := newAgendaRow()
		r.show(row)
		if r.swatch.FillColor != want {
			t.Errorf("%q: swatch %v, want the schedule's %v", row.Session.Title, r.swatch.FillColor, want)
		}
		if s := v.Legend.Swatch(track); s == nil || s.FillColor != want {
			t.Fatalf("the legend's swatch: %v", s)
		}
		return
	}
	t.Fatalf("no session of %q among %d rows: %s", track, len(v.rows), v.Status.Text)
}
