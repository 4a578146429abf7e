package igf

import (
	"regexp"
	"strconv"
	"strings"
)

// goalTitle is the UN's title of Sustainable Development Goal n, lower-cased
// and with "&" spelt "and"; "" when n is not a goal.
func goalTitle(n int) string {
	switch n {
	case 1:
		return "no poverty"
	case 2:
		return "zero hunger"
	case 3:
		return "good health and well-being"
	case 4:
		return "quality education"
	case 5:
		return "gender equality"
	case 6:
		return "clean water and sanitation"
	case 7:
		return "affordable and clean energy"
	case 8:
		return "decent work and economic growth"
	case 9:
		return "industry, innovation and infrastructure"
	case 10:
		return "reduced inequalities"
	case 11:
		return "sustainable cities and communities"
	case 12:
		return "responsible production and consumption"
	case 13:
		return "climate action"
	case 14:
		return "life below water"
	case 15:
		return "life on land"
	case 16:
		return "peace, justice and strong institutions"
	case 17:
		return "partnerships for the goals"
	}
	return ""
}

var goalLine = regexp.MustCompile(`(?i)^(?:goal|sdg)\s*(\d{1,2})\s*[:.)–-]\s*(.+)$|^(\d{1,2})\s*[.)]\s*(.+)$`)

// sdgLine reads a line that names a goal on its own: "GOAL 9: Industry,
// Innovation and Infrastructure" (2019–2020) or "9. Industry, Innovation and
// Infrastructure" (2021–2025). Such a line is a goal wherever it stands, so
// a page whose "SDGs" heading was lost does not glue its goals to the
// section before. A bare "9. …" counts only with the goal's own title, so a
// numbered agenda item is not taken for a goal.
func sdgLine(s string) (goal int, title string, ok bool) {
	if len(s) > 80 || s == "" || (s[0] != 'G' && s[0] != 'g' && s[0] != 'S' && s[0] != 's' && (s[0] < '0' || s[0] > '9')) {
		return 0, "", false
	}
	m := goalLine.FindStringSubmatch(s)
	if m == nil {
		return 0, "", false
	}
	num, text, labelled := m[1], m[2], true
	if num == "" {
		num, text, labelled = m[3], m[4], false
	}
	goal, _ = strconv.Atoi(num)
	want := goalTitle(goal)
	if want == "" {
		return 0, "", false
	}
	text = strings.TrimSpace(text)
	same := strings.EqualFold(strings.ReplaceAll(text, "&", "and"), want)
	if !labelled && !same {
		return 0, "", false
	}
	return goal, text, true
}
