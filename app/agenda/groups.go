package agenda

import (
	"fmt"
	"strings"
	"unicode"
)

// StakeholderGroup is one of the IGF's stakeholder groups. The zero value
// means the page did not say.
type StakeholderGroup int

// Stakeholder groups as the IGF names them.
const (
	GroupUnknown StakeholderGroup = iota
	GroupGovernment
	GroupPrivateSector
	GroupCivilSociety
	GroupTechnicalCommunity
	GroupIntergovernmental
)

// AllGroups lists the known groups in display order.
func AllGroups() []StakeholderGroup {
	return []StakeholderGroup{GroupGovernment, GroupPrivateSector, GroupCivilSociety, GroupTechnicalCommunity, GroupIntergovernmental}
}

func (g StakeholderGroup) String() string {
	switch g {
	case GroupGovernment:
		return "Government"
	case GroupPrivateSector:
		return "Private Sector"
	case GroupCivilSociety:
		return "Civil Society"
	case GroupTechnicalCommunity:
		return "Technical Community"
	case GroupIntergovernmental:
		return "Intergovernmental Organization"
	}
	return ""
}

// ParseGroup reads a stakeholder group as IGF pages spell it
// ("Private Sector", "private-sector", "Intergovernmental Organisation").
func ParseGroup(s string) (StakeholderGroup, error) {
	switch normalizeName(s) {
	case "government", "governments":
		return GroupGovernment, nil
	case "private sector", "business", "private":
		return GroupPrivateSector, nil
	case "civil society":
		return GroupCivilSociety, nil
	case "technical community", "technical and academic community", "technical":
		return GroupTechnicalCommunity, nil
	case "intergovernmental organization", "intergovernmental organisation", "intergovernmental", "igo":
		return GroupIntergovernmental, nil
	}
	return GroupUnknown, fmt.Errorf("unknown stakeholder group %q", s)
}

// Region is one of the UN regional groups IGF pages use. The zero value
// means the page did not say.
type Region int

// UN regional groups, plus "Intergovernmental" for organisations.
const (
	RegionUnknown Region = iota
	RegionAfrican
	RegionAsiaPacific
	RegionEasternEuropean
	RegionGRULAC
	RegionWEOG
	RegionIntergovernmental
)

// AllRegions lists the known regions in display order.
func AllRegions() []Region {
	return []Region{RegionAfrican, RegionAsiaPacific, RegionEasternEuropean, RegionGRULAC, RegionWEOG, RegionIntergovernmental}
}

// RegionalGroups are the five UN regional groups, what a form offers as a
// region: "Intergovernmental Organization" is a stakeholder group, which
// IGF pages write in the region's place.
func RegionalGroups() []Region {
	return []Region{RegionAfrican, RegionAsiaPacific, RegionEasternEuropean, RegionGRULAC, RegionWEOG}
}

func (r Region) String() string {
	switch r {
	case RegionAfrican:
		return "African Group"
	case RegionAsiaPacific:
		return "Asia-Pacific Group"
	case RegionEasternEuropean:
		return "Eastern European Group"
	case RegionGRULAC:
		return "Latin American and Caribbean Group (GRULAC)"
	case RegionWEOG:
		return "Western European and Others Group (WEOG)"
	case RegionIntergovernmental:
		return "Intergovernmental Organization"
	}
	return ""
}

// Short is the compact name used in tables and charts.
func (r Region) Short() string {
	switch r {
	case RegionAfrican:
		return "African"
	case RegionAsiaPacific:
		return "Asia-Pacific"
	case RegionEasternEuropean:
		return "Eastern European"
	case RegionGRULAC:
		return "GRULAC"
	case RegionWEOG:
		return "WEOG"
	case RegionIntergovernmental:
		return "Intergovernmental"
	}
	return ""
}

// ParseRegion reads a regional group as IGF pages spell it: "Asia Pacific
// Group", "Asia-Pacific Group", "Latin American and Caribbean Group (GRULAC)",
// "GRULAC", "WEOG".
func ParseRegion(s string) (Region, error) {
	n := normalizeName(s)
	// An acronym in brackets decides on its own: "... Group (GRULAC)".
	if i := strings.LastIndexByte(n, '('); i >= 0 && strings.HasSuffix(n, ")") {
		if r, err := ParseRegion(n[i+1 : len(n)-1]); err == nil {
			return r, nil
		}
		n = strings.TrimSpace(n[:i])
	}
	n = strings.TrimSuffix(strings.TrimSuffix(n, " group"), " states")
	switch n {
	case "african", "africa":
		return RegionAfrican, nil
	case "asia pacific", "asia and the pacific", "asia and pacific":
		return RegionAsiaPacific, nil
	case "eastern european", "eastern europe":
		return RegionEasternEuropean, nil
	case "grulac", "latin american and caribbean", "latin america and caribbean", "latin america and the caribbean":
		return RegionGRULAC, nil
	case "weog", "western european and others", "western europe and others":
		return RegionWEOG, nil
	case "intergovernmental organization", "intergovernmental organisation", "intergovernmental":
		return RegionIntergovernmental, nil
	}
	return RegionUnknown, fmt.Errorf("unknown regional group %q", s)
}

// normalizeName lower-cases, turns dashes into spaces and folds white space.
func normalizeName(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '-' || r == '–' || r == '—' || r == '_':
			return ' '
		case unicode.IsSpace(r):
			return ' '
		}
		return unicode.ToLower(r)
	}, s)
	return strings.Join(strings.Fields(s), " ")
}
