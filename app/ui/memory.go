package ui

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/igf-floor/floor/app"
)

// Keys of what the agenda window keeps for the next start. The values are
// the same in every language: a zone's IANA name (or "event", "local"), a
// day as the list's headings write it in English, a filter's value.
const (
	keyZone   = "agenda.zone"
	keyDay    = "agenda.day"
	keyMine   = "agenda.myAgenda"
	keyEvent  = "agenda.event"
	keyTrack  = "agenda.track"
	keyRoom   = "agenda.room"
	keyType   = "agenda.type"
	keyWindow = "agenda.window"
	keyView   = "agenda.view" // "list" or "grid"
)

// memory writes the window's choices to the database as they change.
type memory struct {
	store app.SettingsStore
	kept  map[string]string // what the database holds
}

// EnableMemory brings back the filters, the day, the zone and the window
// size kept in store, and keeps them there as they change (the size when
// the window closes, and at each FollowTick).
func (v *ParticipantView) EnableMemory(store app.SettingsStore, w fyne.Window) {
	m := &memory{store: store, kept: map[string]string{}}
	get := func(key string) string {
		val, ok, err := store.Setting(v.ctx, key)
		if err != nil || !ok {
			return ""
		}
		m.kept[key] = val
		return val
	}
	if get(keyMine) == "1" {
		v.MyAgenda.SetChecked(true)
	}
	if label := v.zones.labelOf(get(keyZone)); label != "" && slices.Contains(v.Zone.Options, label) {
		v.Zone.SetSelected(label)
	}
	f := v.filters
	for _, x := range f.selects() {
		if val := get(x.key); val != "" && slices.Contains(x.s.Options, val) {
			x.s.Selected = val
			x.s.Refresh()
		}
	}
	f.day = get(keyDay)
	var width, height float32
	if _, err := fmt.Sscanf(get(keyWindow), "%gx%g", &width, &height); err == nil && width >= 480 && height >= 360 {
		w.Resize(fyne.NewSize(width, height))
	}
	grid := get(keyView) == "grid" // read before apply keeps what the window shows now
	v.memory = m
	f.apply() // narrows the list, refreshes and keeps what it now shows
	if grid {
		v.setGrid(true)
	}
	if v.selected == 0 {
		v.selectFirstSession() // and its day's heading in view
	} else {
		v.List.ScrollToTop()
	}
	w.SetOnClosed(v.keepWindowSize)
}

// remember writes the choices that changed since they were last kept.
func (v *ParticipantView) remember() {
	if v.memory == nil {
		return
	}
	mine := "0"
	if v.MyAgenda.Checked {
		mine = "1"
	}
	view := "list"
	if v.gridOn {
		view = "grid"
	}
	now := map[string]string{keyZone: v.zones.keyOf(v.Zone.Selected), keyDay: v.filters.day, keyMine: mine, keyView: view}
	for _, x := range v.filters.selects() {
		now[x.key] = picked(x.s)
	}
	for k, val := range now {
		v.memory.keep(v, k, val)
	}
}

func (m *memory) keep(v *ParticipantView, key, val string) {
	if old, ok := m.kept[key]; ok && old == val {
		return
	}
	if err := m.store.SetSetting(v.ctx, key, val); err != nil {
		v.Status.SetText(tr("Could not keep the window's choices: {{.Why}}", "Why", err.Error()))
		return
	}
	m.kept[key] = val
}

// keepWindowSize keeps the window's size for the next start.
func (v *ParticipantView) keepWindowSize() {
	if v.memory == nil {
		return
	}
	s := v.canvas.Size()
	if s.Width < 1 || s.Height < 1 {
		return
	}
	v.memory.keep(v, keyWindow, fmt.Sprintf("%.0fx%.0f", s.Width, s.Height))
}

// keyedSelect is a filter and the key it is kept under.
type keyedSelect struct {
	s   *widget.Select
	key string
}

func (f *filterBar) selects() []keyedSelect {
	return []keyedSelect{{f.Event, keyEvent}, {f.Track, keyTrack}, {f.Room, keyRoom}, {f.Type, keyType}}
}

// picked is a filter's value, "" for All.
func picked(s *widget.Select) string {
	if s.Selected == anyChoice() {
		return ""
	}
	return s.Selected
}

// keyOf is how a zone choice is kept: "event", "local" or an IANA name.
func (z zoneOptions) keyOf(label string) string {
	switch label {
	case eventZoneLabel():
		return "event"
	case z.localLabel():
		return "local"
	}
	return label
}

// labelOf is the chooser's entry for a kept zone, "" for none.
func (z zoneOptions) labelOf(key string) string {
	switch key {
	case "":
		return ""
	case "event":
		return eventZoneLabel()
	case "local":
		return z.localLabel()
	}
	return key
}
