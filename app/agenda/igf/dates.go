package igf

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// dateStart recognises the start of an IGF date line, "Wednesday, 11th
// November, 2020 (", so that a line which looks like a date but is not one
// is an error rather than text.
var dateStart = regexp.MustCompile(`(?i)^[a-z]+,?\s+\d{1,2}(?:st|nd|rd|th)?\s+[a-z]+,?\s+\d{4}\s*\(`)

// dateHalf matches "Wednesday, 11th November, 2020 (11:20 UTC)".
var dateHalf = regexp.MustCompile(`(?i)^([a-z]+),?\s+(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+),?\s+(\d{4})\s*\(\s*(\d{1,2}):(\d{2})\s*(UTC|GMT)?\s*([+-]\d{1,2}(?::?\d{2})?)?\s*\)$`)

var dateSplit = regexp.MustCompile(`\)\s*[-–—]\s*`)

func looksLikeDate(s string) bool {
	// Cheap test first: this runs on every line of the page.
	open := strings.IndexByte(s, '(')
	if open < 12 || open > 60 || s[0] >= 0x80 || !unicode.IsLetter(rune(s[0])) {
		return false
	}
	return dateStart.MatchString(s)
}

// parseDateLine reads "Wednesday, 11th November, 2020 (11:20 UTC) -
// Wednesday, 11th November, 2020 (12:20 UTC)" into UTC times. A date that
// does not exist, a weekday that does not match, or an end before the start
// is an error: a lenient guess would put the session at the wrong time.
func parseDateLine(s string) (start, end time.Time, err error) {
	halves := dateSplit.Split(s, 2)
	if len(halves) != 2 {
		return start, end, fmt.Errorf("date line %q has no end time (expected \"… (11:20 UTC) - … (12:20 UTC)\")", shorten(s))
	}
	halves[0] += ")"
	if start, err = parseDateHalf(halves[0]); err != nil {
		return start, end, err
	}
	if end, err = parseDateHalf(halves[1]); err != nil {
		return start, end, err
	}
	if !end.After(start) {
		return start, end, fmt.Errorf("the session ends (%s) before it starts (%s)", end.Format("2006-01-02 15:04"), start.Format("2006-01-02 15:04"))
	}
	return start, end, nil
}

func parseDateHalf(s string) (time.Time, error) {
	m := dateHalf.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return time.Time{}, fmt.Errorf("cannot read the date %q (expected \"Wednesday, 11th November, 2020 (11:20 UTC)\")", shorten(s))
	}
	day, _ := strconv.Atoi(m[2])
	year, _ := strconv.Atoi(m[4])
	hour, _ := strconv.Atoi(m[5])
	minute, _ := strconv.Atoi(m[6])
	month, ok := parseMonth(m[3])
	if !ok {
		return time.Time{}, fmt.Errorf("%q is not a month", m[3])
	}
	if hour > 23 || minute > 59 {
		return time.Time{}, fmt.Errorf("%s:%s is not a time of day", m[5], m[6])
	}
	offset, err := parseOffset(m[8])
	if err != nil {
		return time.Time{}, err
	}
	t := time.Date(year, month, day, hour, minute, 0, 0, time.FixedZone("", offset))
	if t.Day() != day || t.Month() != month {
		return time.Time{}, fmt.Errorf("%d %s %d does not exist", day, month, year)
	}
	if wd, ok := parseWeekday(m[1]); !ok {
		return time.Time{}, fmt.Errorf("%q is not a day of the week", m[1])
	} else if wd != t.Weekday() {
		return time.Time{}, fmt.Errorf("%d %s %d is a %s, not a %s", day, month, year, t.Weekday(), wd)
	}
	return t.UTC(), nil
}

// parseOffset reads "+1", "+01:00" or "-0530" after UTC; empty is UTC.
func parseOffset(s string) (int, error) {
	if s == "" {
		return 0, nil
	}
	sign := 1
	if s[0] == '-' {
		sign = -1
	}
	digits := strings.ReplaceAll(s[1:], ":", "")
	var h, m int
	switch len(digits) {
	case 1, 2:
		h, _ = strconv.Atoi(digits)
	case 3, 4:
		h, _ = strconv.Atoi(digits[:len(digits)-2])
		m, _ = strconv.Atoi(digits[len(digits)-2:])
	}
	if h > 14 || m > 59 {
		return 0, fmt.Errorf("UTC%s is not a time zone offset", s)
	}
	return sign * (h*3600 + m*60), nil
}

func parseMonth(s string) (time.Month, bool) {
	s = strings.ToLower(s)
	for m := time.January; m <= time.December; m++ {
		name := strings.ToLower(m.String())
		if s == name || (len(s) == 3 && s == name[:3]) || (s == "sept" && m == time.September) {
			return m, true
		}
	}
	return 0, false
}

func parseWeekday(s string) (time.Weekday, bool) {
	s = strings.ToLower(s)
	for d := time.Sunday; d <= time.Saturday; d++ {
		name := strings.ToLower(d.String())
		if s == name || (len(s) == 3 && s == name[:3]) {
			return d, true
		}
	}
	return 0, false
}

// isRoomLine accepts the short line after a date line that names the room.
func isRoomLine(s string) bool {
	// A question ("What is the NRIs Coordination Session?") opens the page's
	// text; no room is named by one.
	if len([]rune(s)) > 80 || strings.HasSuffix(s, "?") || looksLikeDate(s) || isRegisterLine(s) || isTitle(s) || isFormatLine(s) || isShortFormatLine(s) {
		return false
	}
	if _, _, ok := sdgLine(s); ok {
		return false
	}
	return parseLabel(line{text: s}) == nil
}

// formatLine matches the 2019–2020 format line that stands without a
// "Format:" heading: "Panel - Auditorium - 90 Min".
var formatLine = regexp.MustCompile(`(?i)^[a-z][^:]{1,60}?\s[-–—]\s[^:]{1,40}?\s[-–—]\s*\d{1,4}\s*min(?:ute)?s?\.?$`)

// isFormatLine recognises a format given without its heading: the dashed
// 2019–2020 line, or one of the room layouts 2021–2025 pages name alone.
func isFormatLine(s string) bool {
	if len(s) > 110 || s == "" {
		return false
	}
	switch strings.ToLower(s) {
	case "theater", "theatre", "classroom", "u-shape", "boardroom", "round table", "roundtable", "circle", "hollow square", "banquet":
		return true
	}
	// Cheap test first: this runs on lines that are no heading.
	if last := s[len(s)-1] | 0x20; last != 'n' && last != 's' && last != '.' {
		return false
	}
	return formatLine.MatchString(s)
}

// shortFormatLine matches the 2022–2025 format line that names no room
// layout: "Round Table - 90 Min", "Break-out Group Discussions - 60 Min".
var shortFormatLine = regexp.MustCompile(`(?i)^[a-z][^:]{1,60}?\s[-–—]\s*\d{1,4}\s*min(?:ute)?s?\.?$`)

// isShortFormatLine recognises "<format> - <n> Min". It stands for the
// format only where no section is open (its heading lost): inside a
// description or an agenda, "Opening - 5 min" is an item, not the format.
func isShortFormatLine(s string) bool {
	if len(s) > 80 || s == "" {
		return false
	}
	if last := s[len(s)-1] | 0x20; last != 'n' && last != 's' && last != '.' {
		return false
	}
	return shortFormatLine.MatchString(s)
}

func isTitle(s string) bool {
	_, _, _, _, ok := matchTitle(s)
	return ok
}
