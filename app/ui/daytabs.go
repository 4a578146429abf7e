package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// dayTabs are the list's days as a row of tabs, "All days" first, each
// named by weekday in the chosen zone ("Sat 9 Sep"). They are buttons, so
// Tab reaches them and Space chooses one; the chosen tab carries a tick,
// not a colour alone.
type dayTabs struct {
	All     *widget.Button
	tabs    []*widget.Button // one per day offered, in order
	labels  []string
	row     *fyne.Container
	scroll  *container.Scroll
	content fyne.CanvasObject // the scroll, kept showing the chosen tab as it is resized
	chosen  int               // index of the chosen day's tab; -1 for All days
	pick    func(day string)  // "" for all days
}

func newDayTabs(jump *widget.Button, pick func(day string)) *dayTabs {
	d := &dayTabs{pick: pick}
	d.All = widget.NewButton(tr("All days"), func() { d.pick("") })
	d.row = container.NewHBox(jump, d.All)
	d.scroll = container.NewHScroll(d.row)
	d.content = container.New(showChosen{d}, d.scroll)
	d.chosen = -1
	return d
}

// set offers days and marks chosen ("" for all days).
func (d *dayTabs) set(days []dayChoice, chosen string) {
	labels := make([]string, len(days))
	for i, c := range days {
		labels[i] = c.label
	}
	if !slices.Equal(labels, d.labels) {
		d.labels, d.tabs = labels, d.tabs[:0]
		d.row.Objects = d.row.Objects[:2] // Jump to now, All days
		for _, c := range days {
			b := widget.NewButton(c.label, func() { d.pick(c.day) })
			d.tabs = append(d.tabs, b)
			d.row.Objects = append(d.row.Objects, b)
		}
		d.row.Refresh()
	}
	mark := func(b *widget.Button, on bool) {
		icon, imp := fyne.Resource(nil), widget.LowImportance
		if on {
			icon, imp = theme.ConfirmIcon(), widget.HighImportance
		}
		if b.Icon != icon || b.Importance != imp {
			b.Icon, b.Importance = icon, imp
			b.Refresh()
		}
	}
	mark(d.All, chosen == "")
	d.chosen = -1
	for i, b := range d.tabs {
		mark(b, days[i].day == chosen)
		if days[i].day == chosen {
			d.chosen = i
		}
	}
	d.showTab(d.chosen)
}

// showChosen lays the tabs' scroll out over its whole space, then scrolls
// it to the chosen tab.
type showChosen struct{ d *dayTabs }

func (l showChosen) MinSize(objects []fyne.CanvasObject) fyne.Size { return objects[0].MinSize() }

func (l showChosen) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	objects[0].Resize(size)
	l.d.showTab(l.d.chosen)
}

// showTab scrolls the tabs so that tab i is in view (a day brought back
// at the start, or chosen with Ctrl+Page Down, may lie past the edge).
// Its place is the widths of what comes before it, as the row lays out.
// The offset is the least that shows it whole: none when it fits.
func (d *dayTabs) showTab(i int) {
	if i < 0 || i >= len(d.tabs) {
		return
	}
	x := float32(0)
	for _, o := range d.row.Objects[:2+i] {
		x += o.MinSize().Width + theme.Padding()
	}
	w, view := d.tabs[i].MinSize().Width, d.scroll.Size().Width
	if view <= 0 {
		return // not laid out yet
	}
	offset := max(0, x+w-view)
	if offset == d.scroll.Offset.X {
		return
	}
	d.scroll.Offset.X = offset
	d.scroll.Refresh()
}

// Tab is the tab labelled label, or nil.
func (d *dayTabs) Tab(label string) *widget.Button {
	if i := slices.Index(d.labels, label); i >= 0 {
		return d.tabs[i]
	}
	return nil
}

// Labels are the days offered, in order.
func (d *dayTabs) Labels() []string { return d.labels }

// step chooses the day delta tabs after the chosen one (All days is
// before the first day), staying within the tabs.
func (f *filterBar) step(delta int) {
	i := 0 // All days
	for j, c := range f.days {
		if c.day == f.day {
			i = j + 1
		}
	}
	i = min(max(i+delta, 0), len(f.days))
	if i == 0 {
		f.pickDay("")
		return
	}
	f.pickDay(f.days[i-1].day)
}

func (f *filterBar) pickDay(day string) {
	f.day = day
	f.v.refresh()
}

// jumpToNow selects the session on now, else the next to start, in the
// list as filtered (its day's tab chosen when another day is).
func (v *ParticipantView) jumpToNow() {
	i := v.p.NowIndex()
	if i < 0 {
		v.Status.SetText(tr("Nothing on now or later in this list"))
		return
	}
	rows := v.p.Rows()
	id := rows[i].Session.ID
	if v.filters.day != "" {
		for j := i; j >= 0; j-- {
			if rows[j].IsDay() {
				if rows[j].Day != v.filters.day {
					v.filters.pickDay(rows[j].Day)
				}
				break
			}
		}
	}
	for j, r := range v.rows {
		if !r.IsDay() && r.Session.ID == id {
			v.List.Select(j)
			v.List.ScrollTo(j)
			return
		}
	}
}

// installDayShortcuts: Ctrl+J jumps to now, Ctrl+Page Down and Up choose
// the next and the previous day.
func (v *ParticipantView) installDayShortcuts() {
	add := func(k fyne.KeyName, fn func()) {
		v.canvas.AddShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault},
			func(fyne.Shortcut) { fn() })
	}
	add(fyne.KeyJ, v.jumpToNow)
	add(fyne.KeyPageDown, func() { v.filters.step(1) })
	add(fyne.KeyPageUp, func() { v.filters.step(-1) })
}
