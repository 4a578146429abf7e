package storage

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/igf-floor/floor/app/agenda"
)

// personJSON is how a person is stored: names, not enum numbers, so the
// file stays readable and survives a reordering of the Go constants.
type personJSON struct {
	Role        string `json:"role"`
	Name        string `json:"name,omitempty"`
	Affiliation string `json:"affiliation,omitempty"`
	Group       string `json:"group,omitempty"`
	Region      string `json:"region,omitempty"`
}

func encodePeople(ps []agenda.Person) string {
	out := make([]personJSON, len(ps))
	for i, p := range ps {
		out[i] = personJSON{Role: p.Role.String(), Name: p.Name, Affiliation: p.Affiliation, Group: p.Group.String(), Region: p.Region.Short()}
	}
	return mustJSON(out)
}

func decodePeople(s string) ([]agenda.Person, error) {
	var in []personJSON
	if err := json.Unmarshal([]byte(s), &in); err != nil {
		return nil, fmt.Errorf("decode people: %w", err)
	}
	out := make([]agenda.Person, len(in))
	for i, p := range in {
		role, err := agenda.ParseRole(p.Role)
		if err != nil {
			return nil, fmt.Errorf("decode people: %w", err)
		}
		out[i] = agenda.Person{Role: role, Name: p.Name, Affiliation: p.Affiliation}
		if p.Group != "" {
			out[i].Group, _ = agenda.ParseGroup(p.Group)
		}
		if p.Region != "" {
			out[i].Region, _ = agenda.ParseRegion(p.Region)
		}
	}
	return out, nil
}

// mustJSON marshals values that cannot fail (strings, ints, plain structs).
func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return "[]"
	}
	return string(b)
}

func unixOrNull(t time.Time) sql.NullInt64 {
	if t.IsZero() {
		return sql.NullInt64{}
	}
	return sql.NullInt64{Int64: t.Unix(), Valid: true}
}

func timeOrZero(n sql.NullInt64) time.Time {
	if !n.Valid {
		return time.Time{}
	}
	return time.Unix(n.Int64, 0).UTC()
}

// searchBody is the text FTS indexes besides number, title and people.
func searchBody(s agenda.Session) string {
	parts := []string{s.Abstract, s.Description, s.Issues, strings.Join(s.PolicyQuestions, "\n"), s.ExpectedOutcomes, s.Room, s.Format, s.Track}
	return strings.Join(parts, "\n")
}

func searchPeople(s agenda.Session) string {
	var b strings.Builder
	for _, p := range s.People {
		fmt.Fprintf(&b, "%s %s %s %s\n", p.Name, p.Affiliation, p.Group, p.Region)
	}
	return b.String()
}
