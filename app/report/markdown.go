package report

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/igf-floor/floor/app/floor"
)

// Markdown is the report as Markdown; chartPath says where each chart's
// PNG is, relative to the Markdown file. Text from the logs and the
// rapporteur is escaped, so a name cannot break a table or inject HTML.
func Markdown(r Report, charts []Chart, chartPath func(Chart) string) string {
	var b strings.Builder
	p := func(format string, a ...any) { fmt.Fprintf(&b, format, a...) }
	p("# Session report: %s\n\n", esc(r.Title))
	for _, f := range r.Facts() {
		p("- **%s:** %s\n", f[0], esc(f[1]))
	}
	for _, rp := range r.People {
		p("- **%s:** %s\n", rp.RoleTitle(), esc(strings.Join(rp.People, "; ")))
	}
	for _, rp := range r.Served {
		p("- **%s (served, from their seat):** %s\n", rp.RoleTitle(), esc(strings.Join(rp.People, "; ")))
	}
	section := func(name string, items []string, none string) {
		p("\n## %s\n\n", name)
		if len(items) == 0 {
			p("_%s_\n", none)
		}
		for _, it := range items {
			p("- %s\n", esc(it))
		}
	}
	section("Key takeaways", r.Takeaways, "The rapporteur has not written the takeaways yet.")
	section("Calls to action", r.CallsToAction, "The rapporteur has not written calls to action yet.")
	if len(r.KeyPoints) > 0 {
		section("Key points", r.KeyPoints, "")
	}

	p("\n## Interventions by policy question\n\n")
	p("%s, %s of speaking time.", Plural(r.Interventions, "intervention"), Clock(r.SpeakingTime))
	if t := r.TypedWords(); t != "" {
		p(" Among them %s.", t)
	}
	if r.StillSpeaking != "" {
		p(" %s still has the floor; that turn is not counted.", esc(r.StillSpeaking))
	}
	p("\n")
	for _, q := range r.Questions {
		p("\n### %s\n\n", esc(q.Heading()))
		if len(q.Turns) == 0 {
			p("_No turns under this question yet._\n")
			continue
		}
		p("| Speaker | Stakeholder group | Region | Place | Duration |\n|---|---|---|---|---:|\n")
		for _, iv := range q.Turns {
			s := iv.Speaker
			p("| %s | %s | %s | %s | %s |\n", cell(TurnName(iv)), cell(orDash(s.Group)), cell(orDash(s.Region)), cell(s.Place()), Clock(iv.Spoke))
		}
		p("| **%s** | | | | **%s** |\n", Plural(len(q.Turns), "turn"), Clock(q.Time))
	}

	p("\n## Speaking-time balance\n")
	if len(r.Balance) == 0 {
		p("\n_No speaking time recorded yet._\n")
	}
	for _, d := range r.Balance {
		p("\n### By %s\n\n| %s | Turns | Time | Share |\n|---|---:|---:|---:|\n", d.Name, title(d.Name))
		for _, s := range d.Shares {
			p("| %s | %d | %s | %d %% |\n", cell(s.Category), s.Turns, Clock(s.Time), Percent(s.Time, r.SpeakingTime))
		}
	}
	b.WriteString(planMarkdown(r))
	for _, c := range charts {
		if strings.HasPrefix(c.Name, "balance-") {
			p("\n![%s](%s)\n", esc(c.Title), chartPath(c))
		}
	}

	p("\n## Polls\n")
	if len(r.Polls) == 0 {
		p("\n_No polls were run._\n")
	}
	for _, t := range r.Polls {
		p("\n### Poll %d: %s\n\n%s; %s (%s).\n\n", t.Poll.ID, esc(t.Poll.Question), pollKind(t), Plural(t.Voters, "voter"), esc(byPlace(t)))
		if len(t.Poll.Options) > 0 {
			p("| Option | Votes |\n|---|---:|\n")
			for i, o := range t.Poll.Options {
				p("| %s | %d |\n", cell(o), t.Counts[i])
			}
		}
		for _, a := range t.Answers {
			p("- %s\n", esc(a))
		}
		for _, c := range charts {
			if c.Name == "poll-"+itoa(t.Poll.ID) {
				p("\n![%s](%s)\n", esc(c.Title), chartPath(c))
			}
		}
	}

	p("\n## Audience questions\n\n%s\n", esc(r.Audience.Summary()))
	if len(r.Audience.Questions) > 0 {
		p("\n| # | Question | Upvotes | What became of it |\n|---:|---|---:|---|\n")
		for _, q := range r.Audience.Questions {
			text := q.Text
			if q.Name != "" {
				text += " (" + q.Name + ")"
			}
			p("| %d | %s | %d | %s |\n", q.Number, cell(text), q.Upvotes, cell(q.Outcome))
		}
	}

	pa := r.Participation
	p("\n## Participation\n\n| | People |\n|---|---:|\n| In the room | %d |\n", pa.InRoom)
	for _, h := range pa.Hubs {
		p("| Hub: %s | %d |\n", cell(h.Hub), h.People)
	}
	p("| Online, outside hubs | %d |\n| **Total** | **%d** |\n\n", pa.Online, pa.Total)
	p("Women and gender-diverse participants (moderator's estimate): %d.\n", pa.Women)
	p("Poll ballots: %d from the room, %d from hubs.\n", pa.RoomVoters, pa.HubVoters)
	p("\n_Report made by Floor on %s._\n", r.Generated)
	return b.String()
}

// Facts are the session's facts as label and value.
func (r Report) Facts() [][2]string {
	var out [][2]string
	for _, f := range [][2]string{{"Session", r.Number}, {"When", r.When}, {"Room", r.Room}} {
		if f[1] != "" {
			out = append(out, f)
		}
	}
	return out
}

func pollKind(t floor.Tally) string {
	kind := "Single choice"
	switch t.Poll.Kind {
	case floor.Multiple:
		kind = "Multiple choice"
	case floor.TextPoll:
		kind = "Short text answers"
	}
	switch {
	case t.Poll.Open():
		kind += ", still open"
	case t.Poll.Opened.IsZero():
		kind += ", never opened"
	}
	return kind
}

func byPlace(t floor.Tally) string {
	if len(t.ByPlace) == 0 {
		return "no votes"
	}
	var parts []string
	for _, place := range sortedKeys(t.ByPlace) {
		parts = append(parts, fmt.Sprintf("%d %s", t.ByPlace[place], placeName(place)))
	}
	return strings.Join(parts, ", ")
}

func placeName(place string) string {
	if place == "in the room" {
		return place
	}
	return "from " + place
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func title(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// esc makes text safe in Markdown: HTML is shown, not run, and Markdown
// punctuation is literal.
var mdEscaper = strings.NewReplacer(`\`, `\\`, "<", "&lt;", ">", "&gt;", "&", "&amp;", "*", `\*`, "_", `\_`,
	"`", "\\`", "[", `\[`, "]", `\]`, "#", `\#`, "|", `\|`, "\n", " ", "\r", " ")

func esc(s string) string { return mdEscaper.Replace(s) }

func cell(s string) string { return esc(s) }

func sortedKeys(m map[string]int) []string { return slices.Sorted(maps.Keys(m)) }
