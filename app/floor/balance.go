package floor

import (
	"encoding/csv"
	"fmt"
	"io"
	"sort"
	"strconv"
	"time"
)

// Share is the speaking time of one category.
type Share struct {
	Dimension string // "stakeholder group", "region", "place", "youth"
	Category  string // "Civil Society", "African Group", "in the room", "youth"
	Turns     int
	Time      time.Duration
}

// Balance is speaking time by stakeholder group, region, in the room or
// remote, and youth, over every finished intervention. Each dimension adds
// up to the total; "not said" holds speakers whose group or region is unknown.
func Balance(ivs []Intervention) []Share {
	type key struct{ dim, cat string }
	sums := map[key]*Share{}
	var order []key
	add := func(dim, cat string, d time.Duration) {
		k := key{dim, cat}
		s, ok := sums[k]
		if !ok {
			s = &Share{Dimension: dim, Category: cat}
			sums[k] = s
			order = append(order, k)
		}
		s.Turns++
		s.Time += d
	}
	for _, iv := range ivs {
		sp := iv.Speaker
		add("stakeholder group", orNotSaid(sp.Group), iv.Spoke)
		add("region", orNotSaid(sp.Region), iv.Spoke)
		place := "in the room"
		if sp.Remote {
			place = "remote"
		}
		add("place", place, iv.Spoke)
		youth := "not youth"
		if sp.Youth {
			youth = "youth"
		}
		add("youth", youth, iv.Spoke)
	}
	dims := map[string]int{"stakeholder group": 0, "region": 1, "place": 2, "youth": 3}
	out := make([]Share, 0, len(order))
	for _, k := range order {
		out = append(out, *sums[k])
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Dimension != out[j].Dimension {
			return dims[out[i].Dimension] < dims[out[j].Dimension]
		}
		return out[i].Time > out[j].Time
	})
	return out
}

func orNotSaid(s string) string {
	if s == "" {
		return "not said"
	}
	return s
}

// WriteBalanceCSV writes the balance as CSV: dimension, category, turns,
// seconds, share of the total in percent.
func WriteBalanceCSV(w io.Writer, ivs []Intervention) error {
	var total time.Duration
	for _, iv := range ivs {
		total += iv.Spoke
	}
	cw := csv.NewWriter(w)
	cw.Write([]string{"dimension", "category", "turns", "seconds", "percent"})
	for _, s := range Balance(ivs) {
		pct := 0.0
		if total > 0 {
			pct = 100 * float64(s.Time) / float64(total)
		}
		cw.Write([]string{s.Dimension, s.Category, strconv.Itoa(s.Turns),
			strconv.FormatFloat(s.Time.Seconds(), 'f', 1, 64), fmt.Sprintf("%.1f", pct)})
	}
	cw.Flush()
	return cw.Error()
}

// WriteInterventionsCSV writes the intervention log as CSV, one turn a row:
// who, from where, when, how long, and how far over the time granted.
func WriteInterventionsCSV(w io.Writer, ivs []Intervention) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"speaker", "affiliation", "stakeholder group", "region", "place", "youth",
		"start (UTC)", "end (UTC)", "granted seconds", "spoke seconds", "over seconds", "type"})
	secs := func(d time.Duration) string { return strconv.FormatFloat(d.Seconds(), 'f', 1, 64) }
	for _, iv := range ivs {
		sp := iv.Speaker
		cw.Write([]string{sp.Name, sp.Affiliation, sp.Group, sp.Region, sp.Place(), strconv.FormatBool(sp.Youth),
			iv.Start.UTC().Format(time.RFC3339), iv.End.UTC().Format(time.RFC3339),
			secs(iv.Allotted), secs(iv.Spoke), secs(iv.Overtime()), sp.Type.Norm().String()})
	}
	cw.Flush()
	return cw.Error()
}
