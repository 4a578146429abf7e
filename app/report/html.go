package report

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"html/template"
	"strings"

	"github.com/igf-floor/floor/app/floor"
)

// HTML is the report as one self-contained HTML file: the charts are data
// URIs and the style is inline, so it can be mailed or uploaded as is.
// html/template escapes every text from the logs and the rapporteur.
func HTML(r Report, charts []Chart) ([]byte, error) {
	t, err := template.New("report").Funcs(template.FuncMap{
		"clock":   Clock,
		"percent": Percent,
		"title":   title,
		"dash":    orDash,
		"kind":    pollKind,
		"places":  byPlace,
		"join":    strings.Join,
		"plural":  Plural,
		"turn":    TurnName,
		"png": func(c Chart) template.URL {
			return template.URL("data:image/png;base64," + base64.StdEncoding.EncodeToString(c.PNG))
		},
		"balanceCharts": func() []Chart { return chartsWithPrefix(charts, "balance-") },
		"pollChart":     func(t floor.Tally) []Chart { return chartsWithPrefix(charts, fmt.Sprintf("poll-%d", t.Poll.ID)) },
	}).Parse(htmlPage)
	if err != nil {
		return nil, fmt.Errorf("report template: %w", err)
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, r); err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	return buf.Bytes(), nil
}

func chartsWithPrefix(charts []Chart, prefix string) []Chart {
	var out []Chart
	for _, c := range charts {
		if c.Name == prefix || (strings.HasSuffix(prefix, "-") && strings.HasPrefix(c.Name, prefix)) {
			out = append(out, c)
		}
	}
	return out
}

const htmlPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Session report: {{.Title}}</title>
<style>
body{font:16px/1.45 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#111}
table{border-collapse:collapse;margin:.5rem 0 1rem}th,td{border-bottom:1px solid #ccc;padding:.25rem .6rem;text-align:left}
td.n,th.n{text-align:right}img{max-width:100%}h2{border-bottom:2px solid #0b5394;padding-bottom:.2rem}
</style></head><body>
<h1>Session report: {{.Title}}</h1>
<ul>{{range .Facts}}<li><strong>{{index . 0}}:</strong> {{index . 1}}</li>{{end}}
{{range .People}}<li><strong>{{.RoleTitle}}:</strong> {{join .People "; "}}</li>{{end}}
{{range .Served}}<li><strong>{{.RoleTitle}} (served, from their seat):</strong> {{join .People "; "}}</li>{{end}}</ul>
<h2>Key takeaways</h2>{{if .Takeaways}}<ul>{{range .Takeaways}}<li>{{.}}</li>{{end}}</ul>{{else}}<p><em>The rapporteur has not written the takeaways yet.</em></p>{{end}}
<h2>Calls to action</h2>{{if .CallsToAction}}<ul>{{range .CallsToAction}}<li>{{.}}</li>{{end}}</ul>{{else}}<p><em>The rapporteur has not written calls to action yet.</em></p>{{end}}
{{if .KeyPoints}}<h2>Key points</h2><ul>{{range .KeyPoints}}<li>{{.}}</li>{{end}}</ul>{{end}}
<h2>Interventions by policy question</h2>
<p>{{plural .Interventions "intervention"}}, {{clock .SpeakingTime}} of speaking time.{{with .TypedWords}} Among them {{.}}.{{end}}{{if .StillSpeaking}} {{.StillSpeaking}} still has the floor; that turn is not counted.{{end}}</p>
{{range .Questions}}<h3>{{.Heading}}</h3>
<table><tr><th>Speaker</th><th>Stakeholder group</th><th>Region</th><th>Place</th><th class="n">Duration</th></tr>
{{range .Turns}}<tr><td>{{turn .}}</td><td>{{dash .Speaker.Group}}</td><td>{{dash .Speaker.Region}}</td><td>{{.Speaker.Place}}</td><td class="n">{{clock .Spoke}}</td></tr>
{{end}}<tr><th>{{plural (len .Turns) "turn"}}</th><td></td><td></td><td></td><th class="n">{{clock .Time}}</th></tr></table>
{{end}}
<h2>Speaking-time balance</h2>
{{$total := .SpeakingTime}}{{range .Balance}}<h3>By {{.Name}}</h3>
<table><tr><th>{{title .Name}}</th><th class="n">Turns</th><th class="n">Time</th><th class="n">Share</th></tr>
{{range .Shares}}<tr><td>{{.Category}}</td><td class="n">{{.Turns}}</td><td class="n">{{clock .Time}}</td><td class="n">{{percent .Time $total}} %</td></tr>
{{end}}</table>{{end}}
{{if .Plan}}<h3>Speaking-time budgets: plan against actual</h3>
{{if .PlanSession}}<p>Shares of the session's {{clock .PlanSession}}, against the {{clock .SpeakingTime}} spoken in finished turns.</p>{{end}}
<table><tr><th>Budget</th><th class="n">Planned</th><th class="n">Spoke</th><th class="n">Share of time spoken</th><th class="n">Left</th><th class="n">Turns</th></tr>
{{range .Plan}}<tr><td>{{title .Dimension}}: {{.Category}}</td><td class="n">{{.PlannedWords}}</td><td class="n">{{clock .Spoke}}</td><td class="n">{{.Percent}} %</td><td class="n">{{.LeftWords}}</td><td class="n">{{.Turns}}</td></tr>
{{end}}</table>{{end}}
{{range balanceCharts}}<p><img src="{{png .}}" alt="{{.Title}}"></p>{{end}}
<h2>Polls</h2>{{if not .Polls}}<p><em>No polls were run.</em></p>{{end}}
{{range .Polls}}<h3>Poll {{.Poll.ID}}: {{.Poll.Question}}</h3>
<p>{{kind .}}; {{plural .Voters "voter"}} ({{places .}}).</p>
{{if .Poll.Options}}<table><tr><th>Option</th><th class="n">Votes</th></tr>{{$t := .}}{{range $i, $o := .Poll.Options}}<tr><td>{{$o}}</td><td class="n">{{index $t.Counts $i}}</td></tr>{{end}}</table>{{end}}
{{if .Answers}}<ul>{{range .Answers}}<li>{{.}}</li>{{end}}</ul>{{end}}
{{range pollChart .}}<p><img src="{{png .}}" alt="{{.Title}}"></p>{{end}}
{{end}}
<h2>Audience questions</h2>{{with .Audience}}<p>{{.Summary}}</p>
{{if .Questions}}<table><tr><th class="n">#</th><th>Question</th><th class="n">Upvotes</th><th>What became of it</th></tr>
{{range .Questions}}<tr><td class="n">{{.Number}}</td><td>{{.Text}}{{if .Name}} ({{.Name}}){{end}}</td><td class="n">{{.Upvotes}}</td><td>{{.Outcome}}</td></tr>
{{end}}</table>{{end}}{{end}}
<h2>Participation</h2>{{with .Participation}}
<table><tr><th></th><th class="n">People</th></tr><tr><td>In the room</td><td class="n">{{.InRoom}}</td></tr>
{{range .Hubs}}<tr><td>Hub: {{.Hub}}</td><td class="n">{{.People}}</td></tr>{{end}}
<tr><td>Online, outside hubs</td><td class="n">{{.Online}}</td></tr><tr><th>Total</th><th class="n">{{.Total}}</th></tr></table>
<p>Women and gender-diverse participants (moderator's estimate): {{.Women}}.<br>Poll ballots: {{.RoomVoters}} from the room, {{.HubVoters}} from hubs.</p>{{end}}
<p><em>Report made by Floor on {{.Generated}}.</em></p>
</body></html>
`
