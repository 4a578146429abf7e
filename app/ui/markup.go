package ui

import (
	"html"
	"net/url"
	"regexp"
	"strings"

	"fyne.io/fyne/v2/widget"
)

// Descriptions written in Markdown or HTML (pretalx and frab schedules,
// iCalendar feeds) are rendered, not shown raw: Fyne's Markdown reader
// after a safe subset of HTML is turned into Markdown. Nothing remote is
// loaded (images are left out), and only http(s) links are links.

// markedText matches text written as Markdown or HTML.
var markedText = regexp.MustCompile(`\[[^\]\n]+\]\([^)\s]+\)|\*\*[^*\n]+\*\*|(?m)^#{1,6} |(?m)^[-*] |(?i)<(p|br|a|b|i|em|strong|ul|ol|li|h[1-6]|img)\b`)

// bareURL matches an http(s) address written out in a text.
var bareURL = regexp.MustCompile(`https?://[^\s<>()\[\]"]+[^\s<>()\[\]".,;:!?'’]`)

// htmlRules turn the safe subset of HTML into Markdown; every other tag is
// dropped, its text kept.
var htmlRules = []struct {
	re   *regexp.Regexp
	with string
}{
	{regexp.MustCompile(`(?is)<(script|style)\b.*?</(script|style)>`), ""},
	{regexp.MustCompile(`(?i)<br\s*/?>`), "\n"},
	{regexp.MustCompile(`(?i)</?p\b[^>]*>`), "\n\n"},
	{regexp.MustCompile(`(?is)<a\s[^>]*href\s*=\s*"([^"]*)"[^>]*>(.*?)</a>`), "[$2]($1)"},
	{regexp.MustCompile(`(?is)<(strong|b)>(.*?)</(strong|b)>`), "**$2**"},
	{regexp.MustCompile(`(?is)<(em|i)>(.*?)</(em|i)>`), "*$2*"},
	{regexp.MustCompile(`(?i)<li\b[^>]*>`), "\n- "},
	{regexp.MustCompile(`(?i)<h[1-6]\b[^>]*>`), "\n\n### "},
	{regexp.MustCompile(`(?i)</(li|ul|ol|h[1-6])>|<(ul|ol)\b[^>]*>`), "\n\n"},
	{regexp.MustCompile(`<[^>]*>`), ""},
}

// markupSegments renders one section's text: Markdown and HTML as rich
// text, plain text as it was with the addresses it names as links below.
func markupSegments(text string) []widget.RichTextSegment {
	if !markedText.MatchString(text) {
		var segs []widget.RichTextSegment
		for _, para := range strings.Split(text, "\n") {
			segs = append(segs, paragraph(para)...)
			// Each address on a line of its own: a link inside the
			// paragraph would cut it into inline pieces (see paragraph).
			for _, u := range bareURL.FindAllString(para, -1) {
				segs = append(segs, linkLine(u, u)...)
			}
		}
		return segs
	}
	md := text
	if strings.Contains(md, "<") {
		for _, r := range htmlRules {
			md = r.re.ReplaceAllString(md, r.with)
		}
		md = html.UnescapeString(md)
	}
	var links []*widget.HyperlinkSegment
	segs := safeSegments(widget.NewRichTextFromMarkdown(linkBareURLs(md)).Segments, &links)
	// The links a text names follow it, each on a line of its own: Fyne
	// 2.7 lays out a text piece that follows an inline link near a line's
	// end one letter per line down the pane.
	seen := map[string]bool{}
	for _, l := range links {
		if key := l.Text + "\x00" + l.URL.String(); !seen[key] {
			seen[key] = true
			segs = append(segs, linkLine(l.Text, l.URL.String())...)
		}
	}
	return segs
}

// linkBareURLs writes the addresses that are not already a link's as
// Markdown links (Fyne's reader leaves autolinks out).
func linkBareURLs(md string) string {
	var b strings.Builder
	last := 0
	for _, m := range bareURL.FindAllStringIndex(md, -1) {
		before := md[:m[0]]
		if strings.HasSuffix(before, "](") || strings.HasSuffix(before, "[") || strings.HasSuffix(before, "<") {
			continue
		}
		u := md[m[0]:m[1]]
		b.WriteString(md[last:m[0]] + "[" + u + "](" + u + ")")
		last = m[1]
	}
	b.WriteString(md[last:])
	return b.String()
}

// safeSegments leaves images out, turns links into their text (collected
// in links when they are http(s), to follow the text), and joins
// neighbouring pieces of plain inline text.
func safeSegments(in []widget.RichTextSegment, links *[]*widget.HyperlinkSegment) []widget.RichTextSegment {
	var out []widget.RichTextSegment
	for _, s := range in {
		switch s := s.(type) {
		case *widget.ImageSegment:
			continue // never fetched: nothing remote is loaded
		case *widget.HyperlinkSegment:
			if s.URL != nil && (s.URL.Scheme == "https" || s.URL.Scheme == "http") && s.URL.Host != "" {
				*links = append(*links, s)
			}
			out = appendText(out, &widget.TextSegment{Style: widget.RichTextStyleInline, Text: s.Text})
			continue
		case *widget.ListSegment:
			s.Items = safeSegments(s.Items, links)
		case *widget.ParagraphSegment:
			s.Texts = safeSegments(s.Texts, links)
		case *widget.TextSegment:
			out = appendText(out, s)
			continue
		}
		out = append(out, s)
	}
	return out
}

// appendText adds t, joined to the previous segment when both are plain
// inline text of the same style.
func appendText(out []widget.RichTextSegment, t *widget.TextSegment) []widget.RichTextSegment {
	if n := len(out); n > 0 {
		if prev, ok := out[n-1].(*widget.TextSegment); ok && prev.Inline() && t.Inline() && prev.Style == t.Style {
			prev.Text += t.Text
			return out
		}
	}
	return append(out, t)
}

// linkLine is a link on a line of its own.
func linkLine(text, address string) []widget.RichTextSegment {
	u, err := url.Parse(address)
	if err != nil {
		return nil
	}
	return []widget.RichTextSegment{&widget.HyperlinkSegment{Text: text, URL: u},
		&widget.TextSegment{Style: widget.RichTextStyleParagraph, Text: ""}}
}
