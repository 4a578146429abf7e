package ui

import (
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/igf-floor/floor/app/timer"
)

// Presets offered for a turn, as the Preset select shows them.
func presets() []string { return []string{"1 min", "2 min", "3 min", "5 min", tr("Count up")} }

// parseTurn reads a turn's length as the Preset box holds it: a preset,
// minutes ("4", "4 min") or minutes and seconds ("4:30").
func parseTurn(text string) (timer.Mode, time.Duration, error) {
	t := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(text), "min"))
	if strings.EqualFold(t, "count up") || strings.EqualFold(t, tr("Count up")) {
		return timer.CountUp, 0, nil
	}
	var m, sec int
	var err error
	if mm, ss, ok := strings.Cut(t, ":"); ok {
		m, err = strconv.Atoi(mm)
		if err == nil {
			sec, err = strconv.Atoi(ss)
		}
		if err == nil && (sec < 0 || sec > 59 || len(ss) != 2) {
			err = errors.New(tr("seconds run from 00 to 59"))
		}
	} else {
		m, err = strconv.Atoi(t)
	}
	if err != nil || m < 0 {
		return "", 0, errors.New(tr("a turn is minutes (“3”) or minutes and seconds (“2:30”), not “{{.Text}}”", "Text", text))
	}
	return timer.CountDown, time.Duration(m)*time.Minute + time.Duration(sec)*time.Second, nil
}
