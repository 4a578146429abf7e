package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The console folds from three columns to two when the window is narrow
// for its text: 1280 wide with text at 150 % has no room for the queue,
// the turn's row of buttons and the tabs side by side (the buttons ran
// over the tabs, the tabs shrank to a word). Folded, the queue, the hubs
// and the right column's tabs share the left column as tabs, and the
// timers keep the middle whole.

// foldBelow is the width under which the console has two columns: seventy
// text heights, 980 at 100 % and 1470 at 150 %.
func foldBelow() float32 { return 70 * theme.TextSize() }

// foldLayout arranges the console for the width it is given.
type foldLayout struct{ v *ConsoleView }

func (l foldLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objects {
		s = s.Max(o.MinSize())
	}
	return s
}

func (l foldLayout) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	v := l.v
	if folded := size.Width < foldBelow(); folded != v.folded || !v.arranged {
		v.folded = folded
		v.arrange()
	}
	if v.folded {
		// The timers get what the tabs leave (the split gives the tabs at
		// least their width and at least 30 %); a row of buttons wider
		// than that takes two lines, and only then.
		left := max(v.Tabs.MinSize().Width, 0.3*size.Width)
		if split := v.centreRowsSplit(size.Width - left - 2*theme.Padding()); split != v.split {
			v.split = split
			v.arrange()
		}
	}
	for _, o := range v.content.(*fyne.Container).Objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
	// A second pass at the width now known: the wrapped title and the rows
	// of buttons know their height only once given a width, and would be
	// drawn over each other (or leave a gap) until the next frame.
	v.relayoutCentre()
}

// relayoutCentre lays the timers' column out again at its size, once the
// wrapped title knows its height at that width. It does not refresh
// what the column holds: a refresh reaching a ThemeOverride's content
// lays that out in the app's theme, not the override's (compact) one.
func (v *ConsoleView) relayoutCentre() {
	o := v.centre
	if sc, ok := o.(*container.Scroll); ok {
		o = sc.Content
		sc.Refresh()
	}
	if c, ok := o.(*fyne.Container); ok && c.Layout != nil {
		c.Layout.Layout(c.Objects, c.Size())
		canvas.Refresh(c)
	}
}

// rebuild arranges the console again after a panel was added.
func (v *ConsoleView) rebuild() {
	v.arrange()
	v.content.Refresh()
}

// arrange puts the panels in three columns (queue and hubs, timers, tabs)
// or, folded, in two (tabs, timers), keeping the tab that was chosen.
func (v *ConsoleView) arrange() {
	v.arranged = true
	chosen := v.chosenSlot()
	v.centre = v.buildCentre()
	c := v.content.(*fyne.Container)
	if !v.folded {
		v.right = v.chartsBox
		v.Tabs = nil
		if v.hasTabs() {
			v.Tabs = container.NewAppTabs(v.slotItems()...)
			v.right = v.Tabs
		}
		split := container.NewHSplit(v.queue.content, container.NewHSplit(v.centre, v.right))
		split.Offset = 0.3
		split.Trailing.(*container.Split).Offset = 0.68
		c.Objects = []fyne.CanvasObject{split}
	} else {
		queue := v.queue.content
		var items []*container.TabItem
		if v.hubs != nil { // the queue and the hubs apart: at 150 % a shared column showed one request
			queue = v.hubs.split.Leading
			v.HubsTab = keptTab(v.HubsTab, lang.L("Remote hubs"), v.hubs.content)
		}
		v.QueueTab = keptTab(v.QueueTab, lang.L("Queue"), queue)
		items = append(items, v.QueueTab)
		if v.HubsTab != nil {
			items = append(items, v.HubsTab)
		}
		if v.hasTabs() {
			items = append(items, v.slotItems()...)
		} else {
			items = append(items, container.NewTabItem(lang.L("Balance"), narrow(v.chartsBox)))
		}
		v.Tabs = container.NewAppTabs(items...)
		split := container.NewHSplit(v.Tabs, v.centre)
		split.Offset = 0.3
		c.Objects = []fyne.CanvasObject{split}
	}
	if chosen != nil && v.Tabs != nil {
		v.Tabs.Select(chosen)
	}
	v.nameQueueTab()
}

// keptTab is it showing content, made once so the tab chosen stays chosen
// when the console folds again.
func keptTab(it *container.TabItem, name string, content fyne.CanvasObject) *container.TabItem {
	if it == nil {
		return container.NewTabItem(name, content)
	}
	it.Content = content
	return it
}

// hasTabs says whether the right column has tabs (Polls, Report, …) rather
// than the balance alone.
func (v *ConsoleView) hasTabs() bool {
	for _, it := range v.tabSlots {
		if it != nil {
			return true
		}
	}
	return false
}

func (v *ConsoleView) slotItems() []*container.TabItem {
	var items []*container.TabItem
	for _, it := range v.tabSlots {
		if it != nil {
			items = append(items, it)
		}
	}
	return items
}

// chosenSlot is the tab shown now, if it is one of the slots.
func (v *ConsoleView) chosenSlot() *container.TabItem {
	if v.Tabs == nil {
		return nil
	}
	return v.Tabs.Selected()
}

// nameQueueTab counts the waiting requests in the folded Queue tab's name,
// so a request that comes in while the polls are shown is seen.
func (v *ConsoleView) nameQueueTab() {
	if !v.folded || v.QueueTab == nil {
		return
	}
	name := lang.L("Queue")
	if n := len(v.m.Floor().Queue); n > 0 {
		name = fmt.Sprintf("%s (%d)", name, n)
	}
	if v.QueueTab.Text != name {
		v.QueueTab.Text = name
		v.Tabs.Refresh()
	}
}

// centreParts are the timers' column's own objects, kept while its rows
// are rebuilt for the width.
type centreParts struct {
	title         *widget.Label
	turn, preset  fyne.CanvasObject
	undo, message fyne.CanvasObject
}

// buildCentre is the timers' column: the session clock and the policy
// question above the speaker's timer, the turn's buttons below. Folded,
// a row of buttons wider than the column takes two lines, so the column
// needs no more than the window leaves it (French at 150 % on 1280 wide).
func (v *ConsoleView) buildCentre() fyne.CanvasObject {
	p, row := v.parts, container.NewHBox
	rows := v.centreRows()
	lines := func(i int) fyne.CanvasObject {
		r := rows[i]
		if !v.folded || v.split&(1<<i) == 0 {
			return row(append(r[0], r[1]...)...)
		}
		return container.NewVBox(row(r[0]...), row(r[1]...))
	}
	session, turn := lines(0), lines(1)
	d := v.displayRow // kept: AttachDisplay shows it
	if r := rows[2]; v.folded && v.split&(1<<2) != 0 {
		d.Layout, d.Objects = layout.NewVBoxLayout(), []fyne.CanvasObject{row(r[0]...), row(r[1]...)}
	} else {
		d.Layout, d.Objects = layout.NewHBoxLayout(), append(r[0], r[1]...)
	}
	clock := container.NewVBox(p.title, row(v.SessionClock, labelInset(v.SessionInfo)), session, v.questions.content)
	buttons := container.NewVBox(turn, row(v.Minus60, v.Minus30, v.Plus30, v.Plus60, p.undo), d, p.message)
	if !v.folded {
		p.title.Wrapping, p.title.Truncation = fyne.TextWrapWord, fyne.TextTruncateOff // at 150 % it would run over the tabs
		return container.NewBorder(clock, container.NewVBox(buttons, v.Status), nil, nil, v.stage)
	}
	// Folded, the column must fit 800 high at 150 %: the title takes one
	// line (the window's title has it whole), the timer's preview may be
	// shorter than the speaker display's least (that is its own window),
	// and should the column still not fit, it scrolls rather than push the
	// window taller than the screen.
	p.title.Wrapping, p.title.Truncation = fyne.TextWrapOff, fyne.TextTruncateEllipsis
	stage := container.New(shortStage{}, v.stage)
	return container.NewVScroll(container.NewBorder(clock, container.NewVBox(buttons, v.Status), nil, nil, stage))
}

// shortStage lets the timer's preview be as short as shortStageHeight.
type shortStage struct{}

const shortStageHeight = 120

func (shortStage) MinSize(objs []fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(objs[0].MinSize().Width, shortStageHeight)
}

func (shortStage) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(size)
}

// centreRows are the rows of buttons that may take two lines: the
// session's, the turn's and the speaker display's, each as its two lines.
func (v *ConsoleView) centreRows() [3][2][]fyne.CanvasObject {
	p := v.parts
	return [3][2][]fyne.CanvasObject{
		{{v.StartSession, v.PauseSession}, {v.EndSession}},
		{{p.turn, p.preset, v.Next}, {v.PauseSpeaker, v.EndTurn}},
		{{v.DisplayFullScreen, v.BlankDisplay}, {v.DisplaySettings, v.Presets}},
	}
}

// centreRowsSplit says which rows are wider than width, one bit each.
func (v *ConsoleView) centreRowsSplit(width float32) uint8 {
	var split uint8
	for i, r := range v.centreRows() {
		if container.NewHBox(append(r[0], r[1]...)...).MinSize().Width > width {
			split |= 1 << i
		}
	}
	return split
}
