package agenda

import (
	"reflect"
	"strings"
	"testing"
)

func TestMergePageKeepsNamesAndRolesTheNewPageLacks(t *testing.T) {
	cs, weog := GroupCivilSociety, RegionWEOG
	prev := Session{Room: "Room 3", People: []Person{
		{Role: RoleOrganiser, Name: "Ann", Affiliation: "Diplo"},
		{Role: RoleOrganiser, Name: "Bo"},
		{Role: RoleSpeaker, Name: "Cy"},
		{Role: RoleSpeaker, Name: "Di"},
		{Role: RoleModerator, Name: "Ed"},
	}, Notes: []Note{{Label: "Relevance to Theme", Text: "t"}, {Label: "Online Participation", Text: "o"}}}
	next := Session{Room: "Room 5", People: []Person{
		{Role: RoleOrganiser, Group: cs, Region: weog},
		{Role: RoleOrganiser, Group: GroupGovernment},
		{Role: RoleSpeaker, Name: "Di", Group: cs},
	}, Notes: []Note{{Label: "Relevance to theme", Text: "new"}}}
	got, kept := MergePage(prev, next)
	want := []Person{
		{Role: RoleOrganiser, Name: "Ann", Affiliation: "Diplo", Group: cs, Region: weog},
		{Role: RoleOrganiser, Name: "Bo", Group: GroupGovernment},
		{Role: RoleSpeaker, Name: "Di", Group: cs},
		{Role: RoleSpeaker, Name: "Cy"},
		{Role: RoleModerator, Name: "Ed"},
	}
	if !reflect.DeepEqual(got.People, want) {
		t.Errorf("people = %+v\nwant     %+v", got.People, want)
	}
	if got.Room != "Room 5" || len(got.Notes) != 2 || got.Notes[0].Text != "new" || got.Notes[1].Label != "Online Participation" {
		t.Errorf("room %q notes %+v", got.Room, got.Notes)
	}
	wantKept := []Kept{
		{`"Online Participation"`, KeptNotGiven},
		{"moderator", KeptNotMentioned},
		{"the names of 2 organisers", KeptUnnamed},
		{"the affiliation, group or region of 1 organiser", KeptNotGiven},
		{"speaker Cy", KeptNotMentioned},
	}
	if !reflect.DeepEqual(kept, wantKept) {
		t.Errorf("kept = %+v", kept)
	}
	// A whole schedule's new version replaces the people as they are.
	if got, _ := Merge(prev, next); !reflect.DeepEqual(got.People, next.People) || len(got.Notes) != 1 {
		t.Errorf("schedule merge = %+v", got)
	}
}

// fuzzSession reads a session from fuzz bytes: a few scalar fields from a
// small pool, then people, three bytes each (role, name, group and region),
// and notes, so that names, roles and places collide often.
func fuzzSession(b []byte) Session {
	pool := []string{"", "", "Room 3", "Ann", "ann", "Bo", "Cy", "Di Ed", "di-ed", "x"}
	at := func(i int) byte {
		if i < len(b) {
			return b[i]
		}
		return 0
	}
	s := Session{Room: pool[int(at(0))%len(pool)], Description: pool[int(at(1))%len(pool)], Title: pool[int(at(2))%len(pool)]}
	n := int(at(3)) % 12
	for i := 0; i < n; i++ {
		r, nm, gr := at(4+3*i), at(5+3*i), at(6+3*i)
		s.People = append(s.People, Person{
			Role:        Role(int(r)%6 + int(r>>7)), // 0..6: unknown roles too
			Name:        pool[int(nm)%len(pool)],
			Affiliation: pool[int(nm>>4)%len(pool)],
			Group:       StakeholderGroup(int(gr) % 4),
			Region:      Region(int(gr>>4) % 4),
		})
	}
	for i, c := range b[min(len(b), 4+3*n):] {
		if i >= 4 {
			break
		}
		s.Notes = append(s.Notes, Note{Label: pool[int(c)%len(pool)], Text: pool[int(c>>4)%len(pool)]})
	}
	return s
}

func FuzzMerge(f *testing.F) {
	f.Add([]byte("\x02\x00\x00\x05\x01\x03\x11\x01\x00\x22\x02\x05\x00\x03\x06\x00\x05\x07\x00"), []byte("\x00\x02\x00\x04\x01\x00\x11\x01\x00\x23\x02\x05\x01\x02\x06\x00"))
	f.Add([]byte("\x03\x01\x01\x03\x01\x03\x00\x01\x04\x00\x01\x05\x00"), []byte("\x00\x00\x00\x03\x01\x00\x11\x01\x00\x22\x01\x00\x33"))
	f.Fuzz(func(t *testing.T, a, b []byte) {
		prev, next := fuzzSession(a), fuzzSession(b)
		got, kept := MergePage(prev, next)

		// What the page gives wins; what it leaves empty is kept.
		for _, f := range []struct{ name, prev, next, got string }{
			{"room", prev.Room, next.Room, got.Room}, {"description", prev.Description, next.Description, got.Description},
			{"title", prev.Title, next.Title, got.Title},
		} {
			want := f.next
			if want == "" {
				want = f.prev
			}
			if f.got != want {
				t.Fatalf("%s = %q, want %q (prev %q, next %q)", f.name, f.got, want, f.prev, f.next)
			}
		}
		// No stored name is lost, nor any role.
		for _, p := range prev.People {
			if !hasPerson(got.People, p.Role, p.Name) {
				t.Fatalf("%s %q lost:\nprev %+v\nnext %+v\ngot  %+v", p.Role, p.Name, prev.People, next.People, got.People)
			}
		}
		// The page's people come first in each role, in its order, with
		// everything the page gives about them.
		for _, r := range rolesIn(next.People) {
			cur, out := withRole(next.People, r), withRole(got.People, r)
			if len(out) < len(cur) {
				t.Fatalf("%s: %d people, the page lists %d", r, len(out), len(cur))
			}
			for i, n := range cur {
				o := out[i]
				if (n.Name != "" && o.Name != n.Name) || (n.Affiliation != "" && o.Affiliation != n.Affiliation) ||
					(n.Group != GroupUnknown && o.Group != n.Group) || (n.Region != RegionUnknown && o.Region != n.Region) {
					t.Fatalf("%s %d: page says %+v, merged %+v", r, i, n, o)
				}
			}
		}
		if len(got.People) > len(prev.People)+len(next.People) || len(got.People) < max(len(prev.People), len(next.People)) {
			t.Fatalf("%d people from %d and %d", len(got.People), len(prev.People), len(next.People))
		}
		if len(kept) == 0 && !reflect.DeepEqual(got.People, next.People) && len(prev.People) > 0 {
			t.Fatalf("people changed with nothing said kept: %+v → %+v", next.People, got.People)
		}
		// Sections the page does not have are kept.
		for _, n := range prev.Notes {
			found := false
			for _, g := range got.Notes {
				found = found || normalizeName(g.Label) == normalizeName(n.Label)
			}
			if !found {
				t.Fatalf("note %q lost", n.Label)
			}
		}
		// The same page again changes nothing.
		if again, _ := MergePage(got, next); !reflect.DeepEqual(again, got) {
			t.Fatalf("merging the same page twice:\nonce  %+v\ntwice %+v", got.People, again.People)
		}

		// A whole schedule's new version keeps its own people as they are.
		sched, _ := Merge(prev, next)
		if len(next.People) > 0 && !reflect.DeepEqual(sched.People, next.People) {
			t.Fatalf("schedule merge changed the new people: %+v → %+v", next.People, sched.People)
		}
	})
}

func hasPerson(ps []Person, r Role, name string) bool {
	for _, p := range ps {
		if p.Role == r && (name == "" || strings.EqualFold(normalizeName(p.Name), normalizeName(name))) {
			return true
		}
	}
	return false
}
