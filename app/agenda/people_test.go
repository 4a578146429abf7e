package agenda

import "testing"

func TestSameNameFoldsCaseDashesSpacesAndAccents(t *testing.T) {
	for _, c := range []struct {
		a, b string
		same bool
	}{
		{"Marília Maciel", "marilia  maciel", true},
		{"Jean-Jacques Sahel", "Jean Jacques SAHEL", true},
		{"Ginger Paque", "Ginger Paquet", false},
		{"", "", false},
		{"Ana", "Anastasiya", false},
	} {
		if got := SameName(c.a, c.b); got != c.same {
			t.Errorf("SameName(%q, %q) = %v", c.a, c.b, got)
		}
	}
	s := Session{People: []Person{{Name: "Marília Maciel", Role: RoleModerator}}}
	if !s.HasPerson("Marilia Maciel") || s.HasPerson("Maciel") {
		t.Error("HasPerson")
	}
}
