package agenda

import (
	"fmt"
	"strings"
)

// Why a merge kept something from the stored copy of a session.
const (
	KeptNotGiven     = "this document does not give them"
	KeptUnnamed      = `this page gives them without names, and a name beats "(name not given)"`
	KeptNotMentioned = "this page does not mention them"
)

// Kept is one thing a merge took from the stored copy, and why.
type Kept struct {
	What string // "room", "moderator", "the names of 5 organisers"
	Why  string // one of the Kept* reasons
}

// Merge is for a new version of a whole schedule (frab schedule.xml, c3voc
// schedule.json, iCalendar: Schedule.Complete): the publisher's new version
// is authoritative and replaces the session, lists (people included) whole.
// Only a field it leaves empty is completed from prev, so a schedule that
// stopped giving a room does not blank it. It returns what it kept.
func Merge(prev, next Session) (Session, []Kept) {
	return merge(prev, next, false)
}

// MergePage is for another page of a session Floor already has (IGF session
// pages: the built-in copy, the IGF site's page, a partner's page). A page is
// one view of the session, often partial or cut short, not its publisher's
// whole new version, so it adds to what is known and never erases it:
//
//   - a field the page leaves empty keeps the old value (as Merge);
//   - a role the page does not mention keeps its people, and so does a
//     person the page does not mention in a role it lists;
//   - a name beats "(name not given)": a person the page lists without a
//     name takes the name of the stored person at the same place in that
//     role (or the only one who has the same group and region); details the
//     page gives (group, region, affiliation) are taken, the rest kept;
//   - a labelled section (note) the page does not have is kept.
//
// What the page does give replaces the old value. It returns what it kept.
func MergePage(prev, next Session) (Session, []Kept) {
	return merge(prev, next, true)
}

func merge(prev, next Session, page bool) (Session, []Kept) {
	var kept []Kept
	keep := func(what string) { kept = append(kept, Kept{What: what, Why: KeptNotGiven}) }
	keepStr := func(name string, dst *string, old string) {
		if *dst == "" && old != "" {
			*dst = old
			keep(name)
		}
	}
	if page {
		keepStr("title", &next.Title, prev.Title)
		keepStr("number", &next.Number, prev.Number)
		keepStr("track", &next.Track, prev.Track)
		keepStr("zone", &next.Zone, prev.Zone)
	}
	if !next.Scheduled() && prev.Scheduled() {
		next.Start, next.End = prev.Start, prev.End
		keep("time")
	}
	if next.Planned == 0 && prev.Planned > 0 {
		next.Planned = prev.Planned
		keep("planned duration")
	}
	if next.Online == 0 && prev.Online > 0 {
		next.Online = prev.Online
		keep("online duration")
	}
	keepStr("room", &next.Room, prev.Room)
	keepStr("format", &next.Format, prev.Format)
	keepStr("online format", &next.OnlineFormat, prev.OnlineFormat)
	keepStr("abstract", &next.Abstract, prev.Abstract)
	keepStr("description", &next.Description, prev.Description)
	keepStr("issues", &next.Issues, prev.Issues)
	keepStr("expected outcomes", &next.ExpectedOutcomes, prev.ExpectedOutcomes)
	if len(next.PolicyQuestions) == 0 && len(prev.PolicyQuestions) > 0 {
		next.PolicyQuestions, next.PolicyIntro = prev.PolicyQuestions, prev.PolicyIntro
		keep("policy questions")
	}
	var people []Kept
	if page {
		next.People, people = mergePeople(prev.People, next.People)
	} else if len(next.People) == 0 && len(prev.People) > 0 {
		next.People = prev.People
		keep("people")
	}
	if len(next.SDGs) == 0 && len(prev.SDGs) > 0 {
		next.SDGs = prev.SDGs
		keep("SDGs")
	}
	if len(next.AgendaItems) == 0 && len(prev.AgendaItems) > 0 {
		next.AgendaItems = prev.AgendaItems
		keep("agenda")
	}
	if len(next.Links) == 0 && len(prev.Links) > 0 {
		next.Links = prev.Links
		keep("links")
	}
	if len(next.Notes) == 0 && len(prev.Notes) > 0 {
		next.Notes = prev.Notes
		keep("notes")
	} else if page {
		var labels []string
		next.Notes, labels = mergeNotes(prev.Notes, next.Notes)
		for _, l := range labels {
			keep(fmt.Sprintf("%q", l))
		}
	}
	return next, append(kept, people...)
}

// mergeNotes keeps the stored sections whose label the page does not have,
// after the page's own; it returns the labels it kept.
func mergeNotes(prev, next []Note) ([]Note, []string) {
	have := map[string]bool{}
	for _, n := range next {
		have[normalizeName(n.Label)] = true
	}
	var labels []string
	for _, n := range prev {
		if k := normalizeName(n.Label); !have[k] {
			have[k] = true
			next = append(next, n)
			labels = append(labels, n.Label)
		}
	}
	return next, labels
}

// mergePeople merges role by role. The page's people keep the page's
// order, each matched to a stored person of the same role by name, else
// (when one side has no name) by place in the role, else to the only stored
// person with the same group and region; stored people left unmatched follow
// the last of their role, and roles the page does not list come last.
func mergePeople(prev, next []Person) ([]Person, []Kept) {
	if len(prev) == 0 {
		return next, nil
	}
	merged := map[Role][]Person{}
	rest := map[Role][]Person{}
	var absentRoles []Role
	var absent []string
	var kept []Kept
	for _, r := range rolesIn(next, prev) {
		old, cur := withRole(prev, r), withRole(next, r)
		if len(cur) == 0 {
			absentRoles = append(absentRoles, r)
			absent = append(absent, count(len(old), r))
			continue
		}
		match := make([]int, len(cur))
		used := make([]bool, len(old))
		for i := range match {
			match[i] = -1
		}
		take := func(i, j int) { match[i], used[j] = j, true }
		// A name the page gives in this role is that person's: it is never
		// lent to someone the page lists without a name.
		onPage := map[string]bool{}
		for _, n := range cur {
			if n.Name != "" {
				onPage[normalizeName(n.Name)] = true
			}
		}
		canName := func(n, p Person) bool {
			return (n.Name == "") != (p.Name == "") && (p.Name == "" || !onPage[normalizeName(p.Name)])
		}
		sameName := func(n, p Person) bool { return p.Name != "" && normalizeName(p.Name) == normalizeName(n.Name) }
		for i, n := range cur { // by name, at the same place first
			if n.Name == "" {
				continue
			}
			if i < len(old) && !used[i] && sameName(n, old[i]) {
				take(i, i)
				continue
			}
			for j, p := range old {
				if !used[j] && sameName(n, p) && !(j < len(cur) && sameName(cur[j], p)) {
					take(i, j)
					break
				}
			}
		}
		for i, n := range cur { // by place, when one side has no name
			if match[i] < 0 && i < len(old) && !used[i] && (canName(n, old[i]) || n.Name == "" && old[i].Name == "") && compatible(old[i], n) {
				take(i, i)
			}
		}
		for i, n := range cur { // the only one with the same group and region
			if match[i] >= 0 || n.Group == GroupUnknown || n.Region == RegionUnknown {
				continue
			}
			only := -1
			for j, p := range old {
				if !used[j] && canName(n, p) && p.Group == n.Group && p.Region == n.Region {
					if only >= 0 {
						only = -1
						break
					}
					only = j
				}
			}
			if only >= 0 {
				take(i, only)
			}
		}
		named, details := 0, 0
		for i, n := range cur {
			if match[i] < 0 {
				merged[r] = append(merged[r], n)
				continue
			}
			p := old[match[i]]
			m := n
			if m.Name == "" && p.Name != "" {
				m.Name = p.Name
				named++
			}
			filled := false
			if m.Affiliation == "" && p.Affiliation != "" {
				m.Affiliation, filled = p.Affiliation, true
			}
			if m.Group == GroupUnknown && p.Group != GroupUnknown {
				m.Group, filled = p.Group, true
			}
			if m.Region == RegionUnknown && p.Region != RegionUnknown {
				m.Region, filled = p.Region, true
			}
			if filled {
				details++
			}
			merged[r] = append(merged[r], m)
		}
		if named > 0 {
			kept = append(kept, Kept{What: "the names of " + countN(named, r), Why: KeptUnnamed})
		}
		if details > 0 {
			kept = append(kept, Kept{What: "the affiliation, group or region of " + countN(details, r), Why: KeptNotGiven})
		}
		for j, p := range old {
			if !used[j] {
				rest[r] = append(rest[r], p)
				kept = append(kept, Kept{What: r.String() + " " + p.DisplayName(), Why: KeptNotMentioned})
			}
		}
	}
	last := map[Role]int{}
	for i, n := range next {
		last[n.Role] = i
	}
	out := make([]Person, 0, len(prev)+len(next))
	for i, n := range next {
		out = append(out, merged[n.Role][0])
		merged[n.Role] = merged[n.Role][1:]
		if last[n.Role] == i {
			out = append(out, rest[n.Role]...)
		}
	}
	for _, r := range absentRoles {
		out = append(out, withRole(prev, r)...)
	}
	if len(absent) > 0 {
		kept = append([]Kept{{What: strings.Join(absent, ", "), Why: KeptNotMentioned}}, kept...)
	}
	return out, kept
}

// rolesIn lists the roles of the lists' people, in order of first mention.
func rolesIn(lists ...[]Person) []Role {
	var roles []Role
	seen := map[Role]bool{}
	for _, ps := range lists {
		for _, p := range ps {
			if !seen[p.Role] {
				seen[p.Role] = true
				roles = append(roles, p.Role)
			}
		}
	}
	return roles
}

func withRole(ps []Person, r Role) []Person {
	var out []Person
	for _, p := range ps {
		if p.Role == r {
			out = append(out, p)
		}
	}
	return out
}

// compatible reports whether two entries may be the same person: they do
// not contradict each other's group or region.
func compatible(a, b Person) bool {
	return (a.Group == GroupUnknown || b.Group == GroupUnknown || a.Group == b.Group) &&
		(a.Region == RegionUnknown || b.Region == RegionUnknown || a.Region == b.Region)
}

// count is "moderator", "2 speakers", "5 organisers".
func count(n int, r Role) string {
	if n == 1 {
		return r.String()
	}
	return countN(n, r)
}

// countN is "1 speaker", "5 organisers".
func countN(n int, r Role) string {
	if n == 1 {
		return "1 " + r.String()
	}
	return fmt.Sprintf("%d %ss", n, r)
}
