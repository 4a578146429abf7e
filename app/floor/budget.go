package floor

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// Dimension is what a speaking-time budget divides the session by.
type Dimension int

// Dimensions, named as Balance names them.
const (
	UnknownDimension Dimension = iota
	ByGroup                    // stakeholder group: the category is package agenda's canonical name
	ByRegion                   // region: the category is package agenda's canonical name
	ByPlace                    // InTheRoom or Online
	ByYouth                    // Youth or NotYouth
)

// Categories of the place and youth dimensions, as Balance names them.
const (
	InTheRoom = "in the room"
	Online    = "remote"
	Youth     = "youth"
	NotYouth  = "not youth"
)

// ErrBadBudget is a budget or plan that does not fit; nothing changes.
var ErrBadBudget = errors.New("the speaking-time budget is not usable")

// String is the dimension's name, as Balance's Share.Dimension.
func (d Dimension) String() string {
	switch d {
	case ByGroup:
		return "stakeholder group"
	case ByRegion:
		return "region"
	case ByPlace:
		return "place"
	case ByYouth:
		return "youth"
	}
	return "unknown dimension"
}

// ParseDimension reads a dimension's name ("group" is short for
// "stakeholder group").
func ParseDimension(s string) (Dimension, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "stakeholder group", "group":
		return ByGroup, nil
	case "region":
		return ByRegion, nil
	case "place":
		return ByPlace, nil
	case "youth":
		return ByYouth, nil
	}
	return UnknownDimension, fmt.Errorf("%w: no dimension %q (want stakeholder group, region, place or youth)", ErrBadBudget, s)
}

// MarshalText writes the dimension's name.
func (d Dimension) MarshalText() ([]byte, error) {
	if d <= UnknownDimension || d > ByYouth {
		return nil, fmt.Errorf("%w: dimension %d", ErrBadBudget, int(d))
	}
	return []byte(d.String()), nil
}

// UnmarshalText reads a dimension's name.
func (d *Dimension) UnmarshalText(b []byte) error {
	v, err := ParseDimension(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// Budget is one category's share of the session's speaking time: Civil
// Society a quarter, the hubs half, youth a tenth.
type Budget struct {
	Dimension Dimension `json:"dimension"`
	Category  string    `json:"category"`
	Permille  int       `json:"permille"` // thousandths of the session's time, 1 to 1000
}

// Category is where s falls in dimension d.
func Category(d Dimension, s Speaker) string {
	switch d {
	case ByGroup:
		return s.Group
	case ByRegion:
		return s.Region
	case ByPlace:
		if s.Remote {
			return Online
		}
		return InTheRoom
	case ByYouth:
		if s.Youth {
			return Youth
		}
		return NotYouth
	}
	return ""
}

// Matches reports whether s's time counts against b.
func (b Budget) Matches(s Speaker) bool {
	return b.Category != "" && Category(b.Dimension, s) == b.Category
}

// Of is b's share of a session of length session.
func (b Budget) Of(session time.Duration) time.Duration {
	return session * time.Duration(b.Permille) / 1000
}

// Plan is the moderator's budgets over a session's time.
type Plan struct {
	// Session is the time the budgets share: the session's planned length.
	// 0 makes them shares of the time spoken so far.
	Session time.Duration `json:"session,omitempty"`
	Budgets []Budget      `json:"budgets"`
}

// Limits on a plan.
const (
	MaxBudgets = 64
	MaxSession = 24 * time.Hour
)

// EqualPlaces is the IGF rule: the room and those online share the time
// equally.
func EqualPlaces(session time.Duration) Plan {
	return Plan{Session: session, Budgets: []Budget{
		{Dimension: ByPlace, Category: InTheRoom, Permille: 500},
		{Dimension: ByPlace, Category: Online, Permille: 500},
	}}
}

// Check refuses a plan with an unknown dimension or category, a share out
// of 1 to 1000 permille, a category twice, or a dimension over 1000.
func (p Plan) Check() error {
	if p.Session < 0 || p.Session > MaxSession {
		return fmt.Errorf("%w: a session of %v", ErrBadBudget, p.Session)
	}
	if len(p.Budgets) > MaxBudgets {
		return fmt.Errorf("%w: more than %d budgets", ErrBadBudget, MaxBudgets)
	}
	type key struct {
		d Dimension
		c string
	}
	seen := map[key]bool{}
	sum := map[Dimension]int{}
	for _, b := range p.Budgets {
		switch {
		case b.Dimension <= UnknownDimension || b.Dimension > ByYouth:
			return fmt.Errorf("%w: dimension %d", ErrBadBudget, int(b.Dimension))
		case strings.TrimSpace(b.Category) == "" || len([]rune(b.Category)) > 200:
			return fmt.Errorf("%w: a %s budget needs a category", ErrBadBudget, b.Dimension)
		case b.Dimension == ByPlace && b.Category != InTheRoom && b.Category != Online,
			b.Dimension == ByYouth && b.Category != Youth && b.Category != NotYouth:
			return fmt.Errorf("%w: no %s %q", ErrBadBudget, b.Dimension, b.Category)
		case b.Permille < 1 || b.Permille > 1000:
			return fmt.Errorf("%w: %s %q has %d‰, want 1 to 1000", ErrBadBudget, b.Dimension, b.Category, b.Permille)
		case seen[key{b.Dimension, b.Category}]:
			return fmt.Errorf("%w: %s %q has two budgets", ErrBadBudget, b.Dimension, b.Category)
		}
		seen[key{b.Dimension, b.Category}] = true
		if sum[b.Dimension] += b.Permille; sum[b.Dimension] > 1000 {
			return fmt.Errorf("%w: the %s budgets add up to more than the whole", ErrBadBudget, b.Dimension)
		}
	}
	return nil
}

// SetPlan gives the session its budgets; nil takes them away.
func (st State) SetPlan(p *Plan) (State, error) {
	if p == nil {
		st.Plan = nil
		return st, nil
	}
	if err := p.Check(); err != nil {
		return st, err
	}
	c := Plan{Session: p.Session, Budgets: append([]Budget{}, p.Budgets...)}
	st.Plan = &c
	return st, nil
}
