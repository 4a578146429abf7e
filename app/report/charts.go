package report

import (
	"bytes"
	"fmt"
	"image/color"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// Chart is one bar chart of the report, as PNG.
type Chart struct {
	Title string
	Name  string // file name without extension: "balance-region"
	PNG   []byte
}

// Charts draws the speaking-time balance by stakeholder group, region and
// place, and every choice poll's result, with gonum/plot: a maintained
// plotting library, so axes, labels and fonts are not hand-drawn.
func Charts(r Report) ([]Chart, error) {
	var out []Chart
	for _, d := range r.Balance {
		if d.Name == "youth" {
			continue // one bar beside its complement says less than the table
		}
		var labels []string
		var minutes []float64
		for _, s := range d.Shares {
			labels = append(labels, fmt.Sprintf("%s (%d %%)", s.Category, Percent(s.Time, r.SpeakingTime)))
			minutes = append(minutes, s.Time.Minutes())
		}
		png, err := barChart("Speaking time by "+d.Name, "minutes", labels, minutes)
		if err != nil {
			return nil, err
		}
		out = append(out, Chart{Title: "Speaking time by " + d.Name, Name: "balance-" + strings.ReplaceAll(d.Name, " ", "-"), PNG: png})
	}
	for _, t := range r.Polls {
		if len(t.Poll.Options) == 0 || t.Voters == 0 {
			continue
		}
		var labels []string
		var votes []float64
		for i, o := range t.Poll.Options {
			labels = append(labels, fmt.Sprintf("%s (%d)", shorten(o, 40), t.Counts[i]))
			votes = append(votes, float64(t.Counts[i]))
		}
		png, err := barChart(shorten(t.Poll.Question, 70), "votes", labels, votes)
		if err != nil {
			return nil, err
		}
		out = append(out, Chart{Title: "Poll " + itoa(t.Poll.ID) + ": " + t.Poll.Question, Name: "poll-" + itoa(t.Poll.ID), PNG: png})
	}
	return out, nil
}

// barChart draws horizontal bars, the first label at the top.
func barChart(title, unit string, labels []string, values []float64) ([]byte, error) {
	n := len(values)
	p := plot.New()
	sans := func(size vg.Length) font.Font { return font.Font{Typeface: "Liberation", Variant: "Sans", Size: size} }
	p.Title.Text, p.Title.TextStyle.Font = title, sans(13)
	p.Title.Padding = vg.Points(6)
	p.X.Label.Text, p.X.Label.TextStyle.Font = unit, sans(10)
	p.X.Tick.Label.Font, p.Y.Tick.Label.Font = sans(9), sans(10)
	p.X.Min = 0
	top := 0.0
	for _, v := range values {
		top = max(top, v)
	}
	p.X.Max = max(1, top*1.08) // room past the longest bar
	vals := make(plotter.Values, n)
	names := make([]string, n)
	for i := range values {
		vals[n-1-i], names[n-1-i] = values[i], labels[i]
	}
	bars, err := plotter.NewBarChart(vals, vg.Points(16))
	if err != nil {
		return nil, fmt.Errorf("chart %q: %w", title, err)
	}
	bars.Horizontal = true
	bars.Color = color.RGBA{R: 0x0b, G: 0x53, B: 0x94, A: 0xff}
	bars.LineStyle.Width = 0
	p.Add(bars)
	p.NominalY(names...)
	height := vg.Points(float64(70 + 26*n))
	// A margin all round: gonum measures the labels but draws them to the
	// canvas edge.
	c := vgimg.PngCanvas{Canvas: vgimg.NewWith(vgimg.UseWH(vg.Points(540), height+vg.Points(12)), vgimg.UseDPI(144))}
	p.Draw(draw.Crop(draw.New(c), vg.Points(10), -vg.Points(10), vg.Points(6), -vg.Points(6)))
	var buf bytes.Buffer
	if _, err := c.WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("chart %q: %w", title, err)
	}
	return buf.Bytes(), nil
}

func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
