package floor

import (
	"errors"
	"testing"
	"time"
)

func TestParseShare(t *testing.T) {
	hour := time.Hour
	for in, want := range map[string]int{"12": 200, "12 min": 200, "20%": 200, "2:30": 42, "50 %": 500, "100%": 1000, "60": 1000,
		"0.01": 1, "0.1%": 1, "10": 167} {
		got, err := ParseShare(in, hour)
		if err != nil || got != want {
			t.Errorf("%q: %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "lots", "0", "-5", "61", "0%", "101%", "2:5", "1:60", "NaN", "NaN%", "Inf%", "1e300"} {
		if got, err := ParseShare(in, hour); !errors.Is(err, ErrBadBudget) {
			t.Errorf("%q: %d, %v; want refused", in, got, err)
		}
	}
	if _, err := ParseShare("12", 0); !errors.Is(err, ErrBadBudget) {
		t.Errorf("minutes of a session without a length: %v", err)
	}
	if got, err := ParseShare("25%", 0); err != nil || got != 250 {
		t.Errorf("a percentage of a session without a length: %d, %v", got, err)
	}
}
