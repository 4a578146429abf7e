package floor

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// ParseShare reads a budget's share of a session of length session, as the
// moderator types it: minutes ("12", "12 min", "2:30") or a percentage
// ("20%"). It gives thousandths of the session, rounded, at least 1.
func ParseShare(s string, session time.Duration) (int, error) {
	t := strings.TrimSpace(s)
	if pct, ok := strings.CutSuffix(t, "%"); ok {
		f, err := strconv.ParseFloat(strings.TrimSpace(pct), 64)
		if err != nil || !(f > 0 && f <= 100) { // NaN is neither
			return 0, fmt.Errorf("%w: a share of %q, want 1%% to 100%%", ErrBadBudget, s)
		}
		return max(1, int(f*10+0.5)), nil
	}
	d, err := shareMinutes(strings.TrimSpace(strings.TrimSuffix(t, "min")))
	switch {
	case err != nil || d <= 0:
		return 0, fmt.Errorf("%w: a share of %q, want minutes (12) or a percentage (20%%)", ErrBadBudget, s)
	case session <= 0:
		return 0, fmt.Errorf("%w: the session has no length to share in minutes: give a percentage", ErrBadBudget)
	case d > session:
		return 0, fmt.Errorf("%w: %s is more than the session's %s", ErrBadBudget, Clock(d), Clock(session))
	}
	return max(1, int((1000*d+session/2)/session)), nil
}

// shareMinutes reads "12" (minutes, maybe "12.5") or "2:30".
func shareMinutes(s string) (time.Duration, error) {
	if mm, ss, ok := strings.Cut(s, ":"); ok {
		m, err1 := strconv.Atoi(mm)
		sec, err2 := strconv.Atoi(ss)
		if err1 != nil || err2 != nil || m < 0 || sec < 0 || sec > 59 || len(ss) != 2 {
			return 0, fmt.Errorf("%w: %q is not M:SS", ErrBadBudget, s)
		}
		return time.Duration(m)*time.Minute + time.Duration(sec)*time.Second, nil
	}
	m, err := strconv.ParseFloat(s, 64)
	if err != nil || !(m >= 0 && m <= MaxSession.Minutes()) {
		return 0, fmt.Errorf("%w: %q is not minutes", ErrBadBudget, s)
	}
	return time.Duration(m * float64(time.Minute)), nil
}
