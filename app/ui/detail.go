package ui

import (
	"net/url"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/agenda"
)

// detailSegments lays out every field of a session as rich text. Titles,
// people and lists are plain text segments; the sections' text is rendered
// by markupSegments (Markdown and safe HTML, http(s) links only, no remote
// image). A person's name is a link to their sessions (onPerson) when
// onPerson is set.
func detailSegments(d app.Detail, onPerson func(name string)) []widget.RichTextSegment {
	s := d.Session
	var segs []widget.RichTextSegment
	add := func(style widget.RichTextStyle, text string) {
		if text != "" {
			segs = append(segs, &widget.TextSegment{Style: style, Text: text})
		}
	}
	add(widget.RichTextStyle{TextStyle: fyne.TextStyle{Bold: true}}, joinNonEmpty(" · ", d.Event.Title, s.Number))
	add(widget.RichTextStyleHeading, s.Title)
	when := localDate(d.When)
	if !s.Scheduled() {
		when = tr("Time to be announced")
	}
	add(widget.RichTextStyleParagraph, when)
	if d.EventWhen != "" {
		add(widget.RichTextStyleParagraph, tr("Event time: {{.When}}", "When", localDate(d.EventWhen)))
	}
	add(widget.RichTextStyleParagraph, joinNonEmpty(" · ", s.Room, formatLine(s), lengthLine(s)))

	for _, r := range agenda.AllRoles() {
		people := s.PeopleWith(r)
		if len(people) == 0 {
			continue
		}
		add(widget.RichTextStyleSubHeading, lang.L(app.RoleHeading(r, len(people))))
		segs = append(segs, peopleList(people, onPerson))
	}
	section := func(heading, text string) {
		if text == "" {
			return
		}
		add(widget.RichTextStyleSubHeading, heading)
		segs = append(segs, markupSegments(text)...)
	}
	section(lang.L("About this session"), s.Abstract)
	section(lang.X("description-heading", "Description"), s.Description) // "Description" itself is a word go-i18n reserves
	section(lang.L("Issues"), s.Issues)
	if len(s.PolicyQuestions) > 0 {
		add(widget.RichTextStyleSubHeading, lang.L("Policy questions"))
		add(emphasisParagraph(), s.PolicyIntro) // a line of its own, not run into "1."
		segs = append(segs, list(true, s.PolicyQuestions...))
	}
	section(lang.L("Expected outcomes"), s.ExpectedOutcomes)
	if len(s.SDGs) > 0 {
		add(widget.RichTextStyleSubHeading, lang.L("Sustainable Development Goals"))
		segs = append(segs, list(false, mapStrings(s.SDGs, func(g agenda.SDG) string {
			return tr("Goal {{.N}}: {{.Title}}", "N", g.Goal, "Title", g.Title)
		})...))
	}
	add(widget.RichTextStyleSubHeading, lang.L("Agenda"))
	if len(s.AgendaItems) == 0 {
		add(widget.RichTextStyleParagraph, lang.L("To be confirmed"))
	} else {
		segs = append(segs, list(true, s.AgendaItems...))
	}
	if len(s.Links) > 0 {
		add(widget.RichTextStyleSubHeading, lang.L("Links"))
		for i, l := range s.Links {
			if i > 0 { // links side by side are told apart
				segs = append(segs, &widget.TextSegment{Style: widget.RichTextStyleInline, Text: " · "})
			}
			segs = append(segs, linkSegment(l))
		}
		add(widget.RichTextStyleParagraph, " ") // end the links' line before what follows
	}
	for _, n := range s.Notes {
		section(n.Label, n.Text)
	}
	if len(d.Changes) > 0 {
		add(widget.RichTextStyleSubHeading, lang.L("Change history"))
		segs = append(segs, list(false, mapStrings(d.Changes, func(c agenda.ChangeRecord) string {
			return localDate(c.At.Format("2 Jan 2006 15:04 UTC")) + " · " + c.Change.String()
		})...))
	}
	return segs
}

// emphasisParagraph is the policy questions' introduction: a paragraph of
// its own, not run into "1.". It is not italic: Fyne 2.7 parses every font
// again (the 10 MB emoji font included) for each text style a window uses,
// so an italic line in the first session shown costs 10 MB of resident
// memory (measured; README, Performance). Its size is left to the default
// text size: with SizeNameText it would equal RichTextStyleBlockquote,
// which Fyne indents.
func emphasisParagraph() widget.RichTextStyle {
	return widget.RichTextStyle{ColorName: theme.ColorNameForeground, Inline: false}
}

// linkSegment is a hyperlink for http(s) addresses only; anything else
// (javascript:, file:, a lost address) is shown as text.
func linkSegment(l agenda.Link) widget.RichTextSegment {
	if u, err := url.Parse(l.URL); err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != "" {
		return &widget.HyperlinkSegment{Text: l.Label, URL: u}
	}
	text := l.Label
	if l.URL == "" {
		text += " (the page gives no address)"
	} else {
		text += " <" + l.URL + ">"
	}
	return &widget.TextSegment{Style: widget.RichTextStyleParagraph, Text: text}
}

// peopleList lists people, each name a link to that person's sessions
// across events.
func peopleList(people []agenda.Person, onPerson func(name string)) *widget.ListSegment {
	seg := &widget.ListSegment{}
	for _, p := range people {
		line := app.PersonLine(p)
		if p.Name == "" || onPerson == nil {
			seg.Items = append(seg.Items, &widget.TextSegment{Style: widget.RichTextStyleParagraph, Text: line})
			continue
		}
		name := p.Name
		rest := strings.TrimPrefix(line, name)
		item := &widget.ParagraphSegment{Texts: []widget.RichTextSegment{&widget.HyperlinkSegment{Text: name, OnTapped: func() { onPerson(name) }}}}
		if rest != "" {
			item.Texts = append(item.Texts, &widget.TextSegment{Style: widget.RichTextStyleInline, Text: rest})
		}
		seg.Items = append(seg.Items, item)
	}
	return seg
}

func list(ordered bool, items ...string) *widget.ListSegment {
	seg := &widget.ListSegment{Ordered: ordered}
	for _, it := range items {
		seg.Items = append(seg.Items, &widget.TextSegment{Style: widget.RichTextStyleParagraph, Text: it})
	}
	return seg
}

func mapStrings[T any](xs []T, f func(T) string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return out
}

func joinNonEmpty(sep string, parts ...string) string {
	var keep []string
	for _, p := range parts {
		if p != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, sep)
}

// paragraph is one paragraph of agenda text, laid out as one segment.
// It is never cut into inline pieces: Fyne 2.7 lays out an inline piece
// that starts where less than a letter's width is left on the line one
// letter per line down the whole pane ("s/e/c/u/r/e"), and one that does
// not fit what is left starts a new line, leaving ragged gaps.
func paragraph(text string) []widget.RichTextSegment {
	return []widget.RichTextSegment{&widget.TextSegment{Style: widget.RichTextStyleParagraph, Text: text}}
}

// formatLine is the session's format with its online format when that
// differs, in the viewer's language (app.FormatLine is the CLI's).
func formatLine(s agenda.Session) string {
	switch {
	case s.OnlineFormat == "" || s.OnlineFormat == s.Format:
		return s.Format
	case s.Format == "":
		return tr("online: {{.Online}}", "Online", s.OnlineFormat)
	}
	return tr("{{.Format}}; online: {{.Online}}", "Format", s.Format, "Online", s.OnlineFormat)
}

// lengthLine says how long the session is, and how that changed for an
// online format (app.Length is the CLI's).
func lengthLine(s agenda.Session) string {
	switch {
	case s.Online > 0 && s.Planned > 0 && s.Online != s.Planned:
		return tr("{{.Online}} min online (planned {{.Planned}} min)", "Online", int(s.Online.Minutes()), "Planned", int(s.Planned.Minutes()))
	case s.Duration() > 0:
		return tr("{{.M}} min", "M", int(s.Duration().Minutes()))
	}
	return ""
}
