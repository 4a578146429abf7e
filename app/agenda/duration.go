package agenda

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// ParseClockDuration reads the durations schedules write: "H:MM", "HH:MM",
// "HH:MM:SS", and "D:HH:MM" for multi-day items. Three parts are read as
// HH:MM:SS; when they would also make sense as D:HH:MM ("1:00:00"),
// ambiguous is true so the caller can say which reading it took.
func ParseClockDuration(s string) (d time.Duration, ambiguous bool, err error) {
	parts := strings.Split(strings.TrimSpace(s), ":")
	nums := make([]int, len(parts))
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 || len(p) == 0 || len(p) > 4 {
			return 0, false, fmt.Errorf("%q is not a duration (H:MM, HH:MM:SS or D:HH:MM)", s)
		}
		nums[i] = n
	}
	switch len(nums) {
	case 2:
		if nums[1] > 59 {
			return 0, false, fmt.Errorf("%q is not a duration: %d minutes", s, nums[1])
		}
		return time.Duration(nums[0])*time.Hour + time.Duration(nums[1])*time.Minute, false, nil
	case 3:
		if nums[1] > 59 || nums[2] > 59 {
			return 0, false, fmt.Errorf("%q is not a duration", s)
		}
		// "1:00:00" is an hour (HH:MM:SS) or a day (D:HH:MM); an hour is
		// what conference schedules mean far more often.
		hms := time.Duration(nums[0])*time.Hour + time.Duration(nums[1])*time.Minute + time.Duration(nums[2])*time.Second
		return hms, nums[1] < 24 && nums[0] > 0 && nums[2] == 0, nil
	}
	return 0, false, fmt.Errorf("%q is not a duration (H:MM, HH:MM:SS or D:HH:MM)", s)
}
