package app

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/igf-floor/floor/app/timer"
)

// DisplayPrefs are how the speaker display behaves for one session: when
// the speaker timer warns, whether the policy question and a poll are on
// it, and whether it may flash (reduce motion keeps it steady).
type DisplayPrefs struct {
	Thresholds   timer.Thresholds
	HideRoom     bool // no policy question and no poll on the speaker display
	ReduceMotion bool // overtime and a new message never flash
}

// DefaultDisplayPrefs warn at 30 s and 10 s left, show the question and
// the poll, and flash.
func DefaultDisplayPrefs() DisplayPrefs {
	return DisplayPrefs{Thresholds: timer.DefaultThresholds()}
}

// Check refuses thresholds a timer cannot use: negative, or a danger
// threshold above the warning one.
func (p DisplayPrefs) Check() error {
	th := p.Thresholds
	switch {
	case th.Warning < 0 || th.Danger < 0:
		return fmt.Errorf("%w: a threshold is a time left, never negative", ErrBadPrefs)
	case th.Danger > th.Warning:
		return fmt.Errorf("%w: the last seconds (%v) come after the wrap-up (%v), so they are shorter", ErrBadPrefs, th.Danger, th.Warning)
	}
	return nil
}

// ErrBadPrefs is a display setting that cannot be kept.
var ErrBadPrefs = errors.New("display setting refused")

func displayKey(session string) string { return "display/" + session }

// LoadDisplayPrefs reads the session's display settings, the defaults when
// none were kept.
func LoadDisplayPrefs(ctx context.Context, store SettingsStore, session string) (DisplayPrefs, error) {
	p := DefaultDisplayPrefs()
	text, ok, err := store.Setting(ctx, displayKey(session))
	if err != nil || !ok {
		return p, err
	}
	for _, field := range strings.Fields(text) {
		name, value, _ := strings.Cut(field, "=")
		switch name {
		case "warning", "danger":
			d, err := time.ParseDuration(value)
			if err != nil {
				return DefaultDisplayPrefs(), fmt.Errorf("display settings of %s: %w", session, err)
			}
			if name == "warning" {
				p.Thresholds.Warning = d
			} else {
				p.Thresholds.Danger = d
			}
		case "hideroom":
			p.HideRoom, _ = strconv.ParseBool(value)
		case "reducemotion":
			p.ReduceMotion, _ = strconv.ParseBool(value)
		}
	}
	if err := p.Check(); err != nil {
		return DefaultDisplayPrefs(), fmt.Errorf("display settings of %s: %w", session, err)
	}
	return p, nil
}

// SaveDisplayPrefs keeps the session's display settings for the next start.
func SaveDisplayPrefs(ctx context.Context, store SettingsStore, session string, p DisplayPrefs) error {
	if err := p.Check(); err != nil {
		return err
	}
	text := fmt.Sprintf("warning=%v danger=%v hideroom=%t reducemotion=%t",
		p.Thresholds.Warning, p.Thresholds.Danger, p.HideRoom, p.ReduceMotion)
	if err := store.SetSetting(ctx, displayKey(session), text); err != nil {
		return fmt.Errorf("keep the display settings of %s: %w", session, err)
	}
	return nil
}
