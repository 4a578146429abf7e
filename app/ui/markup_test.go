package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/agenda"
)

// described is the detail pane's segments for a session with description d.
func described(d string) []widget.RichTextSegment {
	return detailSegments(app.Detail{Session: agenda.Session{Title: "T", Description: d}}, nil)
}

// links are the hyperlinks among segs, nested ones included, by text.
func links(segs []widget.RichTextSegment) map[string]string {
	out := map[string]string{}
	var walk func([]widget.RichTextSegment)
	walk = func(segs []widget.RichTextSegment) {
		for _, s := range segs {
			switch s := s.(type) {
			case *widget.HyperlinkSegment:
				if s.URL != nil { // a person's name links to their sessions, not to an address
					out[s.Text] = s.URL.String()
				}
			case *widget.ListSegment:
				walk(s.Items)
			case *widget.ParagraphSegment:
				walk(s.Texts)
			}
		}
	}
	walk(segs)
	return out
}

func segmentsText(segs []widget.RichTextSegment) string {
	var b strings.Builder
	for _, s := range segs {
		b.WriteString(s.Textual() + "\n")
	}
	return b.String()
}

// A Markdown link is a link, its brackets gone.
func TestDetailMarkdownLinkIsALink(t *testing.T) {
	segs := described("Builds are [reproducible](https://reproducible-builds.org/) now.")
	if got := links(segs)["reproducible"]; got != "https://reproducible-builds.org/" {
		t.Errorf("links %v", links(segs))
	}
	if text := segmentsText(segs); strings.Contains(text, "](") {
		t.Errorf("raw Markdown shown: %s", text)
	}
}

// HTML paragraphs and emphasis are rendered, their tags not shown.
func TestDetailHTMLIsRendered(t *testing.T) {
	text := segmentsText(described("<p>Hello <b>world</b> &amp; all</p><p>Second</p>"))
	if strings.Contains(text, "<") || !strings.Contains(text, "world") || !strings.Contains(text, "& all") {
		t.Errorf("HTML shown as %q", text)
	}
}

// An image in a description is never loaded: it is left out.
func TestDetailLoadsNoRemoteImage(t *testing.T) {
	for _, s := range described("Our logo: ![logo](https://example.org/logo.png) and **more**") {
		if _, ok := s.(*widget.ImageSegment); ok {
			t.Fatal("an image segment would fetch https://example.org/logo.png")
		}
	}
}

// A javascript: link is shown as text, not as a link.
func TestDetailUnsafeLinkIsText(t *testing.T) {
	if l := links(described("Click [here](javascript:alert(1)) **now**")); len(l) != 0 {
		t.Errorf("links %v", l)
	}
}

// An address written out in a plain description is a link too.
func TestDetailBareAddressIsALink(t *testing.T) {
	v, _ := newView(t)
	v.List.Select(1) // WS #234: "(https://genevadialogue.ch)"
	if got := links(v.Detail.Segments)["https://genevadialogue.ch"]; got != "https://genevadialogue.ch" {
		t.Errorf("links %v", links(v.Detail.Segments))
	}
}

// A paragraph with a link stays one piece of text, the link following on a
// line of its own: a piece of text after an inline link near a line's end
// was laid out one letter per line ("(/G/S/o/C/)" down the pane, DebConf 23).
func TestLinkInAParagraphFollowsIt(t *testing.T) {
	segs := markupSegments("Organizing every year the participation of [the Linux Foundation](https://linuxfoundation.org) in the [Google Summer](https://summerofcode.withgoogle.com) (GSoC) and mentoring.")
	var texts, links int
	for _, s := range segs {
		switch s := s.(type) {
		case *widget.TextSegment:
			if s.Inline() && strings.Contains(s.Text, "(GSoC) and mentoring") && strings.Contains(s.Text, "the Linux Foundation") {
				texts++
			}
		case *widget.HyperlinkSegment:
			links++
		}
	}
	if texts != 1 || links != 2 {
		t.Fatalf("%d texts holding the whole paragraph, %d links, in %d segments", texts, links, len(segs))
	}
}
