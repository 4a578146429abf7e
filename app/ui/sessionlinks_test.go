package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// A person's name in the detail pane is a link to their sessions.
func TestPersonNameOpensTheirSessions(t *testing.T) {
	v, _ := newView(t)
	v.List.Select(1) // WS #234
	var link *widget.HyperlinkSegment
	for _, seg := range v.Detail.Segments {
		if l, ok := seg.(*widget.ListSegment); ok {
			for _, it := range l.Items {
				if p, ok := it.(*widget.ParagraphSegment); ok {
					if h, ok := p.Texts[0].(*widget.HyperlinkSegment); ok && h.Text == "Virginia (Ginger) Paque" {
						link = h
					}
				}
			}
		}
	}
	if link == nil {
		t.Fatal("no link on Virginia (Ginger) Paque's name")
	}
	link.OnTapped()
	if len(v.SessionLinks()) != 1 || !strings.Contains(v.SessionLinks()[0].Text, "WS #234") {
		t.Fatalf("her sessions: %q", v.lastText)
	}
}

// A session in the list of a person's sessions opens it in the agenda,
// even when the search hides it: the search is cleared.
func TestSessionLinkRevealsAHiddenSession(t *testing.T) {
	v, _ := newView(t)
	test.Type(v.Search, "zzz")
	if v.p.SessionCount() != 0 {
		t.Fatalf("the search left %d sessions", v.p.SessionCount())
	}
	v.ShowPersonSessions("Marilia Maciel")
	if len(v.SessionLinks()) == 0 {
		t.Fatalf("no sessions with Marilia Maciel: %q", v.lastText)
	}
	test.Tap(v.SessionLinks()[0])
	if v.Search.Text != "" || v.selected == 0 {
		t.Fatalf("after the link: search %q, selected %d", v.Search.Text, v.selected)
	}
	if d, _ := v.p.Detail(v.ctx, v.selected); d.Session.Number != "WS #234" {
		t.Errorf("the link opened %q", d.Session.Number)
	}
}

// A name nobody else has says so.
func TestPersonWithNoSessionsSaysSo(t *testing.T) {
	v, _ := newView(t)
	v.ShowPersonSessions("Nobody Atall")
	if v.lastText != "No session names Nobody Atall." {
		t.Fatalf("%q", v.lastText)
	}
}
