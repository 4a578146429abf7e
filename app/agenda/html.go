package agenda

import (
	"html"
	"regexp"
	"strings"
)

// Pentabarf and FOSDEM write abstracts and descriptions as HTML ("<p>…</p>",
// "<ul><li>"), escaped inside the XML; other generators write plain text or
// Markdown; Google Calendar writes HTML in an iCalendar DESCRIPTION. A field
// is read as HTML only when it carries one of HTML's text tags, so "a < b"
// or "<3" in plain text is left alone.
var (
	htmlTag     = regexp.MustCompile(`(?i)</?(?:p|br|ul|ol|li|a|em|strong|b|i|u|code|pre|h[1-6]|div|span|blockquote)(?:\s[^<>]*)?/?>`)
	htmlBreak   = regexp.MustCompile(`(?i)<br\s*/?>`)
	htmlBlock   = regexp.MustCompile(`(?i)</?(?:p|div|h[1-6]|blockquote|pre|ul|ol)(?:\s[^<>]*)?>`)
	htmlItem    = regexp.MustCompile(`(?i)<li(?:\s[^<>]*)?>`)
	htmlAnchor  = regexp.MustCompile(`(?is)<a\s[^<>]*?href\s*=\s*["']([^"'<>]*)["'][^<>]*>(.*?)</a>`)
	htmlAnyTag  = regexp.MustCompile(`<(?:[a-zA-Z][a-zA-Z0-9]*|/[a-zA-Z][a-zA-Z0-9]*)(?:\s[^<>]*)?/?>|<!--.*?-->`)
	blankLines  = regexp.MustCompile(`\n[ \t]*\n(?:[ \t]*\n)+`)
	spaceAtEnds = regexp.MustCompile(`(?m)^[ \t]+|[ \t]+$`)
)

// LooksHTML reports whether s is an HTML text.
func LooksHTML(s string) bool {
	return strings.IndexByte(s, '<') >= 0 && htmlTag.MatchString(s)
}

// HTMLText turns an HTML text into plain text: paragraphs and line breaks
// become blank lines and newlines, list items "- " lines, a link its text
// with the address after it, and entities their characters. Unescaping
// comes before the text checks, so an escaped control character meets the
// same rule as a raw one.
func HTMLText(s string) string {
	s = htmlAnchor.ReplaceAllStringFunc(s, func(m string) string {
		sub := htmlAnchor.FindStringSubmatch(m)
		text := strings.TrimSpace(htmlAnyTag.ReplaceAllString(sub[2], ""))
		if text == "" || strings.TrimRight(text, "/") == strings.TrimRight(sub[1], "/") {
			return sub[1]
		}
		return text + " (" + sub[1] + ")"
	})
	// The text's own line breaks are kept: Markdown with inline HTML (frab,
	// pretalx) breaks paragraphs with them.
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = htmlBreak.ReplaceAllString(s, "\n")
	s = htmlItem.ReplaceAllString(s, "\n- ")
	s = htmlBlock.ReplaceAllString(s, "\n\n")
	s = htmlAnyTag.ReplaceAllString(s, "")
	s = html.UnescapeString(s)
	s = spaceAtEnds.ReplaceAllString(s, "")
	s = blankLines.ReplaceAllString(s, "\n\n")
	return strings.TrimSpace(s)
}
