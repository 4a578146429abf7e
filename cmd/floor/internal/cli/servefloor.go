package cli

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/igf-floor/floor/app/agenda"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/timer"
)

// floorCommand runs the fair floor's typed commands: ask, times, budget,
// budgets, suggest and follow.
func (h *headless) floorCommand(ctx context.Context, verb, rest string) error {
	switch verb {
	case "ask":
		s, err := parseAsk(rest)
		if err != nil {
			return err
		}
		id, err := h.m.Request(ctx, s)
		if err == nil {
			fmt.Fprintf(h.out, "Request %d: %s.\n", id, requestWords(floor.Request{ID: id, Speaker: s}))
		}
		return err
	case "times":
		return h.times(ctx, rest)
	case "budget":
		return h.budget(ctx, rest)
	case "budgets":
		fmt.Fprint(h.out, h.describeBudgets())
		return nil
	case "suggest":
		ss := h.m.Suggest()
		h.suggested = floor.Order(ss)
		fmt.Fprint(h.out, describeSuggestion(ss))
		return nil
	case "follow":
		if h.suggested == nil {
			return errors.New("follow: type suggest first; follow puts the queue in the order it printed")
		}
		order := h.suggested
		h.suggested = nil
		if err := h.m.FollowSuggestion(ctx, order); err != nil {
			return fmt.Errorf("follow: a request came or went since the suggestion (%w); type suggest again", err)
		}
		fmt.Fprintln(h.out, "The queue is in the suggested order.")
		return nil
	}
	return fmt.Errorf("unknown command %q", verb)
}

// parseAsk reads "[--type T] [--group G] [--region R] [--affiliation A]
// [--youth] NAME…"; values with spaces are in double quotes.
func parseAsk(args string) (floor.Speaker, error) {
	var s floor.Speaker
	words, err := splitQuoted(args)
	if err != nil {
		return s, err
	}
	var name []string
	for i := 0; i < len(words); i++ {
		flag, value, hasValue := strings.Cut(words[i], "=")
		if !strings.HasPrefix(flag, "--") {
			name = append(name, words[i])
			continue
		}
		if flag == "--youth" || flag == "--remote" { // --remote: online, outside any hub (a video call)
			s.Youth = s.Youth || flag == "--youth"
			s.Remote = s.Remote || flag == "--remote"
			continue
		}
		if !hasValue {
			if i+1 >= len(words) {
				return s, fmt.Errorf("ask: %s needs a value", flag)
			}
			i++
			value = words[i]
		}
		switch flag {
		case "--type":
			if s.Type, err = floor.ParseRequestType(value); err != nil {
				return s, fmt.Errorf("ask: %w", err)
			}
		case "--group":
			g, err := agenda.ParseGroup(strings.ReplaceAll(value, "-", " "))
			if err != nil {
				return s, fmt.Errorf("ask: %w", err)
			}
			s.Group = g.String()
		case "--region":
			r, err := agenda.ParseRegion(strings.ReplaceAll(value, "-", " "))
			if err != nil {
				return s, fmt.Errorf("ask: %w", err)
			}
			s.Region = r.String()
		case "--affiliation":
			s.Affiliation = value
		default:
			return s, fmt.Errorf("ask: unknown %s; try --type, --group, --region, --affiliation, --youth, --remote", flag)
		}
	}
	s.Name = strings.Join(name, " ")
	if s.Name == "" {
		return s, errors.New("ask [--type regular|point-of-order|direct-reply] [--group G] [--region R] [--affiliation A] [--youth] [--remote] NAME")
	}
	return s, nil
}

// splitQuoted splits s at spaces, keeping "double quoted" words whole.
func splitQuoted(s string) ([]string, error) {
	var out []string
	var cur strings.Builder
	quoted, inWord := false, false
	for _, r := range s {
		switch {
		case r == '"':
			quoted, inWord = !quoted, true
		case r == ' ' && !quoted:
			if inWord {
				out = append(out, cur.String())
			}
			cur.Reset()
			inWord = false
		default:
			cur.WriteRune(r)
			inWord = true
		}
	}
	if quoted {
		return nil, errors.New("a quote is not closed")
	}
	if inWord {
		out = append(out, cur.String())
	}
	return out, nil
}

// times sets a point of order's and a direct reply's time: "times 1:00 2:00".
func (h *headless) times(ctx context.Context, args string) error {
	f := strings.Fields(args)
	if len(f) != 2 {
		tt := h.m.Floor().Times
		return fmt.Errorf("times POINT-OF-ORDER DIRECT-REPLY, as M:SS (now %s and %s)",
			floor.Clock(tt.Allotted(floor.PointOfOrder, 0)), floor.Clock(tt.Allotted(floor.DirectReply, 0)))
	}
	var tt floor.TypeTimes
	var err error
	if tt.PointOfOrder, err = parseMSS(f[0]); err == nil {
		tt.DirectReply, err = parseMSS(f[1])
	}
	if err != nil {
		return fmt.Errorf("times: %w", err)
	}
	if err := h.m.SetTypeTimes(ctx, tt); err != nil {
		return err
	}
	fmt.Fprintf(h.out, "A point of order is given %s, a direct reply %s.\n", floor.Clock(tt.PointOfOrder), floor.Clock(tt.DirectReply))
	return nil
}

// budget sets, replaces or takes away one budget: "budget civil-society
// 12" (minutes), "budget region African 20%", "budget online 50%", "budget
// youth 10%", "budget civil-society off"; "budget equal" is half the time
// each for the room and online, "budget clear" none.
func (h *headless) budget(ctx context.Context, args string) error {
	f := strings.Fields(args)
	plan := floor.Plan{Session: h.planned}
	if p := h.m.Floor().Plan; p != nil {
		plan = floor.Plan{Session: p.Session, Budgets: slices.Clone(p.Budgets)}
	}
	switch {
	case len(f) == 1 && f[0] == "clear":
		return h.setPlan(ctx, nil)
	case len(f) == 1 && f[0] == "equal":
		p := floor.EqualPlaces(plan.Session)
		return h.setPlan(ctx, &p)
	case len(f) < 2:
		return errors.New("budget [group|region|place|youth] CATEGORY MINUTES|PERCENT%|off, budget equal, budget clear")
	}
	d, c, err := budgetFor(f[:len(f)-1])
	if err != nil {
		return fmt.Errorf("budget: %w", err)
	}
	i := slices.IndexFunc(plan.Budgets, func(b floor.Budget) bool { return b.Dimension == d && b.Category == c })
	if share := f[len(f)-1]; share == "off" {
		if i < 0 {
			return fmt.Errorf("budget: %s %q has no budget", d, c)
		}
		plan.Budgets = slices.Delete(plan.Budgets, i, i+1)
	} else {
		permille, err := floor.ParseShare(share, plan.Session)
		if err != nil {
			return fmt.Errorf("budget: %w", err)
		}
		b := floor.Budget{Dimension: d, Category: c, Permille: permille}
		if i >= 0 {
			plan.Budgets[i] = b
		} else {
			plan.Budgets = append(plan.Budgets, b)
		}
	}
	if len(plan.Budgets) == 0 {
		return h.setPlan(ctx, nil)
	}
	return h.setPlan(ctx, &plan)
}

func (h *headless) setPlan(ctx context.Context, p *floor.Plan) error {
	if err := h.m.SetPlan(ctx, p); err != nil {
		return err
	}
	fmt.Fprint(h.out, h.describeBudgets())
	return nil
}

// budgetFor reads what a budget is for: "region African", or a category
// alone, taken as the first dimension that knows it ("civil-society" a
// group, "African" a region, "online" a place, "youth" youth).
func budgetFor(words []string) (floor.Dimension, string, error) {
	if len(words) > 1 {
		if d, err := floor.ParseDimension(words[0]); err == nil {
			c, err := budgetCategory(d, strings.Join(words[1:], " "))
			return d, c, err
		}
	}
	name := strings.Join(words, " ")
	for _, d := range []floor.Dimension{floor.ByGroup, floor.ByRegion, floor.ByPlace, floor.ByYouth} {
		if c, err := budgetCategory(d, name); err == nil {
			return d, c, nil
		}
	}
	return floor.UnknownDimension, "", fmt.Errorf("%q is no stakeholder group, region, place (room, online) or youth (youth, not-youth)", name)
}

// budgetCategory is a category of d as the plan names it.
func budgetCategory(d floor.Dimension, s string) (string, error) {
	n := strings.ToLower(strings.TrimSpace(strings.ReplaceAll(s, "-", " ")))
	switch d {
	case floor.ByGroup:
		g, err := agenda.ParseGroup(n)
		return g.String(), err
	case floor.ByRegion:
		r, err := agenda.ParseRegion(n)
		return r.String(), err
	case floor.ByPlace:
		switch n {
		case "room", "in the room":
			return floor.InTheRoom, nil
		case "online", "remote":
			return floor.Online, nil
		}
		return "", fmt.Errorf("a place is room or online, not %q", s)
	case floor.ByYouth:
		switch n {
		case "youth":
			return floor.Youth, nil
		case "not youth":
			return floor.NotYouth, nil
		}
		return "", fmt.Errorf("youth or not-youth, not %q", s)
	}
	return "", fmt.Errorf("no dimension %v", d)
}

// describeBudgets is each budget, used and left now.
func (h *headless) describeBudgets() string {
	p := h.m.Floor().Plan
	if p == nil {
		return "No budgets: the fair order aims at equal time for the room and online.\n"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Budgets of the session's %s:\n", floor.Clock(p.Session))
	for _, u := range h.m.Budgets() {
		left := floor.Clock(u.Left()) + " left"
		if u.Left() < 0 {
			left = floor.Clock(-u.Left()) + " over"
		}
		fmt.Fprintf(&b, "  %s: %s (%.1f%%), %s, %s\n", u.Budget.Dimension, u, float64(u.Budget.Permille)/10, left, plural(u.Turns, "turn"))
	}
	return b.String()
}

// describeSuggestion is the fair order with the reasons beside each request.
func describeSuggestion(ss []floor.Suggestion) string {
	if len(ss) == 0 {
		return "Nobody is waiting for the floor.\n"
	}
	var b strings.Builder
	b.WriteString("Suggested order ('follow' puts the queue in it):\n")
	for i, s := range ss {
		now := ""
		if s.From != i {
			now = fmt.Sprintf(" (now %d.)", s.From+1)
		}
		fmt.Fprintf(&b, "  %d. [%d] %s%s — %s\n", i+1, s.Request.ID, termText(requestWords(s.Request)), now, termText(s.Why()))
	}
	return b.String()
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// requestWords is a request as the queue prints it: its type first when it
// has one, "(point of order) Marilia Maciel — Civil Society — in the room".
func requestWords(r floor.Request) string {
	if r.Speaker.Type.IsZero() {
		return speakerLine(r.Speaker)
	}
	return "(" + r.Speaker.Type.Words() + ") " + speakerLine(r.Speaker)
}

func speakerLine(s floor.Speaker) string {
	line := s.Name
	if s.Affiliation != "" {
		line += ", " + s.Affiliation
	}
	var who []string
	for _, p := range []string{s.Group, s.Region} {
		if p != "" {
			who = append(who, p)
		}
	}
	if s.Youth {
		who = append(who, "youth")
	}
	if len(who) > 0 {
		line += " — " + strings.Join(who, ", ")
	}
	return line + " — " + s.Place()
}

// give hands the floor: "give" (next in the queue, 3 minutes, or its
// type's time for a point of order or a direct reply), "give 4", "give 4
// 2:30" (that time, whatever the type).
func (h *headless) give(ctx context.Context, args string) error {
	fields := strings.Fields(args)
	id, allotted := 0, 3*time.Minute
	var err error
	if len(fields) > 0 {
		if id, err = strconv.Atoi(fields[0]); err != nil {
			return fmt.Errorf("give: request number %q", fields[0])
		}
	}
	if len(fields) > 1 {
		if allotted, err = parseMSS(fields[1]); err != nil {
			return fmt.Errorf("give: %w", err)
		}
		return h.m.Give(ctx, id, timer.CountDown, allotted)
	}
	return h.m.GiveTyped(ctx, id, timer.CountDown, allotted)
}
