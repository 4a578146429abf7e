package app

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/timer"
)

// SessionPreset is a moderator's way of running sessions, kept under a
// name and applied to another session: the speaker display's settings,
// the times of typed requests and a regular turn's length.
type SessionPreset struct {
	Name    string
	Display DisplayPrefs
	Times   floor.TypeTimes
	Turn    string // the console's turn box, "3 min", "2:30" or "Count up"
}

// presetRecord is a preset as the settings table keeps it.
type presetRecord struct {
	Warning      time.Duration `json:"warning"`
	Danger       time.Duration `json:"danger"`
	HideRoom     bool          `json:"hide_room,omitempty"`
	ReduceMotion bool          `json:"reduce_motion,omitempty"`
	PointOfOrder time.Duration `json:"point_of_order,omitempty"`
	DirectReply  time.Duration `json:"direct_reply,omitempty"`
	Turn         string        `json:"turn,omitempty"`
}

// ErrBadPreset is a preset that cannot be kept: no name, or settings a
// session could not use.
var ErrBadPreset = errors.New("preset refused")

const presetIndexKey = "presets" // the names, one a line, in the order saved

func presetKey(name string) string { return "preset/" + name }

// Check refuses a preset without a name or with settings a session
// refuses.
func (p SessionPreset) Check() error {
	if strings.TrimSpace(p.Name) == "" || strings.Contains(p.Name, "\n") {
		return fmt.Errorf("%w: a preset needs a name on one line", ErrBadPreset)
	}
	if err := p.Display.Check(); err != nil {
		return fmt.Errorf("%w: %w", ErrBadPreset, err)
	}
	if err := p.Times.Check(); err != nil {
		return fmt.Errorf("%w: %w", ErrBadPreset, err)
	}
	return nil
}

// SavePreset keeps p under its name, replacing a preset of that name.
func SavePreset(ctx context.Context, store SettingsStore, p SessionPreset) error {
	p.Name = strings.TrimSpace(p.Name)
	if err := p.Check(); err != nil {
		return err
	}
	b, err := json.Marshal(presetRecord{Warning: p.Display.Thresholds.Warning, Danger: p.Display.Thresholds.Danger,
		HideRoom: p.Display.HideRoom, ReduceMotion: p.Display.ReduceMotion,
		PointOfOrder: p.Times.PointOfOrder, DirectReply: p.Times.DirectReply, Turn: p.Turn})
	if err != nil {
		return fmt.Errorf("preset %q: %w", p.Name, err)
	}
	if err := store.SetSetting(ctx, presetKey(p.Name), string(b)); err != nil {
		return fmt.Errorf("keep preset %q: %w", p.Name, err)
	}
	names, err := PresetNames(ctx, store)
	if err != nil || slices.Contains(names, p.Name) {
		return err
	}
	if err := store.SetSetting(ctx, presetIndexKey, strings.Join(append(names, p.Name), "\n")); err != nil {
		return fmt.Errorf("list preset %q: %w", p.Name, err)
	}
	return nil
}

// PresetNames are the kept presets' names, in the order first saved.
func PresetNames(ctx context.Context, store SettingsStore) ([]string, error) {
	text, ok, err := store.Setting(ctx, presetIndexKey)
	if err != nil || !ok || text == "" {
		return nil, err
	}
	return strings.Split(text, "\n"), nil
}

// LoadPreset reads the preset kept under name; ok is false when none is.
func LoadPreset(ctx context.Context, store SettingsStore, name string) (p SessionPreset, ok bool, err error) {
	text, ok, err := store.Setting(ctx, presetKey(name))
	if err != nil || !ok {
		return SessionPreset{}, false, err
	}
	var r presetRecord
	if err := json.Unmarshal([]byte(text), &r); err != nil {
		return SessionPreset{}, false, fmt.Errorf("preset %q: %w", name, err)
	}
	p = SessionPreset{Name: name, Turn: r.Turn,
		Display: DisplayPrefs{Thresholds: timer.Thresholds{Warning: r.Warning, Danger: r.Danger}, HideRoom: r.HideRoom, ReduceMotion: r.ReduceMotion},
		Times:   floor.TypeTimes{PointOfOrder: r.PointOfOrder, DirectReply: r.DirectReply}}
	if err := p.Check(); err != nil {
		return SessionPreset{}, false, fmt.Errorf("preset %q: %w", name, err)
	}
	return p, true, nil
}
