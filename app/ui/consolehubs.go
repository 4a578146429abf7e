package ui

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/agenda"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/timer"
)

// hubsPanel opens the session to remote hubs and lists them with their
// link quality. Nothing listens until the moderator presses Open.
type hubsPanel struct {
	addr        string // host:port while open, for the poll page's address
	v           *ConsoleView
	access      app.HubAccess
	win         fyne.Window
	Toggle      *widget.Button
	Invite      *widget.Button
	Seat        *widget.Button   // Invite a seat…
	Monitor     *widget.Button   // Display link…
	split       *container.Split // the queue above, the hubs below
	monitorLink *widget.Entry    // the last display link shown
	Address     *widget.Label

	seats      *seatForm     // the last Invite a seat… dialog
	seatInvite *widget.Entry // the last seat invite shown
	Mute       *widget.Check
	Volume     *widget.Slider
	List       *widget.List
	rows       []hubRow
	shownRows  shownRows
	open       bool
	shown      time.Time
	now        time.Time // when the links were read, for how long a hub has been away
	content    fyne.CanvasObject
}

type hubRow struct {
	hub  floor.Hub
	link *app.HubLink
	now  time.Time
}

// EnableHubs adds the hubs panel to the console.
func (v *ConsoleView) EnableHubs(access app.HubAccess, win fyne.Window) {
	p := &hubsPanel{v: v, access: access, win: win}
	p.Toggle = widget.NewButton(lang.L("Open to hubs"), p.toggle)
	p.Invite = widget.NewButton(lang.L("Invite a hub…"), p.inviteDialog)
	p.Seat = widget.NewButton(tr("Invite a seat…"), p.seatDialog)
	p.Address = widget.NewLabel(tr("Closed: Floor listens on nothing."))
	p.Address.Wrapping = fyne.TextWrapWord
	p.List = widget.NewList(func() int { return len(p.rows) }, p.create, p.update)
	p.Volume = widget.NewSlider(0, 100)
	p.Volume.SetValue(100)
	p.Mute = widget.NewCheck(lang.L("Mute the hubs"), nil)
	applyVolume := func() {
		v := p.Volume.Value / 100
		if p.Mute.Checked {
			v = 0
		}
		access.SetVolume(v)
	}
	p.Volume.OnChanged = func(float64) { applyVolume() }
	p.Mute.OnChanged = func(bool) { applyVolume() }
	head := container.NewVBox(widget.NewLabelWithStyle(lang.L("Remote hubs"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		container.NewHBox(p.Toggle, p.Invite, p.Seat), p.Address,
		container.NewBorder(nil, nil, container.NewHBox(p.newMonitorButton(), p.Mute), nil, p.Volume))
	// In the compact theme (a quarter of the padding), so more hubs show at once.
	p.content = container.NewThemeOverride(container.NewBorder(head, nil, nil, nil, p.List), compactTheme{})
	v.hubs = p
	split := container.NewVSplit(v.queue.content, p.content)
	split.Offset = 0.5 // the divider moves: up, the hub list shows more hubs
	p.split = split
	v.queue.content = split
	v.rebuild()
	p.reload()
}

// OpenToHubs opens the session to hubs, as the button does; the window
// calls it for "floor moderate --open-to-hubs".
func (v *ConsoleView) OpenToHubs() {
	if v.hubs != nil && !v.hubs.open {
		v.hubs.toggle()
	}
}

func (p *hubsPanel) toggle() {
	if p.open {
		p.v.do(p.access.Close())
		p.open, p.addr = false, ""
		p.Toggle.SetText(lang.L("Open to hubs"))
		p.Address.SetText(tr("Closed: Floor listens on nothing."))
	} else {
		addr, err := p.access.Open(p.v.ctx)
		if err != nil {
			p.v.do(err)
			return
		}
		p.open, p.addr = true, addr
		p.Toggle.SetText(lang.L("Close to hubs"))
		p.Address.SetText(p.openText())
		p.Volume.OnChanged(p.Volume.Value)
	}
	p.reload()
}

// reload re-reads the invited hubs and their links.
func (p *hubsPanel) reload() {
	hubs, err := p.access.Hubs(p.v.ctx)
	if err != nil {
		p.v.do(err)
		return
	}
	links := map[string]app.HubLink{}
	p.now = p.v.m.Now()
	for _, l := range p.access.Links() {
		links[l.Hub.ID] = l
	}
	p.rows = p.rows[:0]
	for _, h := range hubs {
		row := hubRow{hub: h}
		if l, ok := links[h.ID]; ok {
			row.link = &l
		}
		row.now = p.now
		p.rows = append(p.rows, row)
	}
	keys := make([]string, len(p.rows))
	for i, r := range p.rows {
		name, state, figures := hubLines(r)
		keys[i] = fmt.Sprintf("%s\x00%s\x00%s\x00%s\x00%t\x00%t", r.hub.ID, name, state, figures, r.hub.Active(), queueable(r))
	}
	p.shownRows.update(p.List, keys)
}

// tick refreshes the link figures once a second.
func (p *hubsPanel) tick(now time.Time) {
	if now.Sub(p.shown) < time.Second {
		return
	}
	p.shown = now
	if p.open {
		setLabel(p.Address, p.openText()) // a microphone unplugged shows here
	}
	p.reload()
}

// openText says where hubs reach the room and what each side hears.
func (p *hubsPanel) openText() string {
	return tr("Open to hubs at {{.Address}} (TCP and UDP). Invited hubs can join. Sound: {{.Sound}}.", "Address", p.addr, "Sound", p.access.Sound())
}

func (p *hubsPanel) create() fyne.CanvasObject {
	name := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	state, figures := widget.NewLabel(""), widget.NewLabel("")
	name.Truncation, state.Truncation, figures.Truncation = fyne.TextTruncateEllipsis, fyne.TextTruncateEllipsis, fyne.TextTruncateEllipsis
	queue := widget.NewButton(tr(labelQueueHub), nil)
	queue.Hide()
	// The buttons beside the name; the state and the link figures below,
	// across the whole row, so they are read whole in the narrow hub list.
	top := container.NewBorder(nil, nil, nil, container.NewHBox(queue, widget.NewButton(lang.L("Revoke"), nil)), name)
	return tightLines(top, state, figures)
}

// queueable is a connected hub without the control channel (OBS): the
// moderator queues it, since it cannot ask.
func queueable(r hubRow) bool {
	return r.link != nil && !r.link.Control && r.link.State != "away" && r.hub.Active()
}

// labelQueueHub puts a media-only hub (OBS) in the queue: it cannot ask.
const labelQueueHub = "+ Queue"

func (p *hubsPanel) update(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(p.rows) {
		return
	}
	r := p.rows[i]
	row := o.(*fyne.Container)
	top := row.Objects[0].(*fyne.Container)
	name, state, figures := hubLines(r)
	top.Objects[0].(*widget.Label).SetText(name)
	row.Objects[1].(*widget.Label).SetText(state)
	row.Objects[2].(*widget.Label).SetText(figures)
	buttons := top.Objects[1].(*fyne.Container).Objects
	queue, revoke := buttons[0].(*widget.Button), buttons[1].(*widget.Button)
	// A connected client without the control channel (OBS) cannot ask for
	// the floor: the moderator queues it.
	if queueable(r) {
		queue.OnTapped = func() {
			_, err := p.access.QueueHub(p.v.ctx, r.hub.ID)
			p.v.do(err)
		}
		queue.Show()
	} else {
		queue.Hide()
	}
	top.Refresh() // the queue button shown or hidden: the name's width follows
	if !r.hub.Active() {
		revoke.Disable()
		return
	}
	revoke.Enable()
	revoke.OnTapped = func() {
		dialog.ShowConfirm(tr("Revoke {{.Hub}}?", "Hub", r.hub.Name), tr("Its invite stops working at once and a connected hub is cut off."), func(ok bool) {
			if ok {
				p.v.do(p.access.Revoke(p.v.ctx, r.hub.ID))
				p.reload()
			}
		}, p.win)
	}
}

// hubLines are a hub's three lines in the list: its name, its state
// ("connected · 12 present · media only") and its link's figures ("30 fps ·
// 310 kbps · rtt 42 ms · 0 lost"), each short enough to be read whole.
func hubLines(r hubRow) (name, state, figures string) {
	if !r.hub.Active() || r.link == nil || r.link.State == "away" || r.link.Lost {
		name, state, _ = strings.Cut(hubText(r), " · ")
		return name, state, ""
	}
	l := r.link
	parts := []string{tr(l.State)}
	if l.People > 0 {
		parts = append(parts, tr("{{.N}} present", "N", l.People))
	}
	if !l.Control {
		parts = append(parts, tr("media only"))
	}
	return r.hub.Name, strings.Join(parts, " · "), strings.Join([]string{fmt.Sprintf("%.0f fps", l.FPS), fmt.Sprintf("%.0f kbps", l.Kbps),
		fmt.Sprintf("rtt %d ms", l.RTT.Milliseconds()), tr("{{.N}} lost", "N", l.PacketsLost)}, " · ")
}

// hubText is one hub in words — never by colour alone: "Nairobi (12
// present) · connected · 30 fps · 310 kbps · rtt 42 ms · 0 lost".
func hubText(r hubRow) string {
	name := r.hub.Name
	if r.link != nil && r.link.People > 0 {
		name += " " + tr("({{.N}} present)", "N", r.link.People)
	}
	parts := []string{name}
	switch {
	case !r.hub.Active():
		parts = append(parts, tr("revoked"))
	case r.link == nil:
		parts = append(parts, tr("not connected"))
	case r.link.State == "away":
		// On two short lines, so the narrow hub list shows it whole.
		since, left := max(0, r.now.Sub(r.link.Away)), max(0, r.link.Grace-r.now.Sub(r.link.Away))
		parts[0] = tr("{{.Hub}} — away since {{.Since}}", "Hub", name, "Since", timer.Clock(since, false))
		parts = append(parts, tr("reconnecting · place kept {{.Left}} more", "Left", timer.Clock(left, false)))
	case r.link.Lost:
		parts = append(parts, tr("HUB LOST?"))
	default:
		l := r.link
		parts = append(parts, tr(l.State), fmt.Sprintf("%.0f fps", l.FPS), fmt.Sprintf("%.0f kbps", l.Kbps),
			fmt.Sprintf("rtt %d ms", l.RTT.Milliseconds()), tr("{{.N}} lost", "N", l.PacketsLost))
		if !l.Control {
			parts = append(parts, tr("media only"))
		}
	}
	return strings.Join(parts, " · ")
}

// inviteDialog asks for a hub's name, city, group and region and shows the
// invite to copy.
func (p *hubsPanel) inviteDialog() {
	name, city := widget.NewEntry(), widget.NewEntry()
	group := widget.NewSelect(groupNames(), nil)
	region := widget.NewSelect(regionNames(), nil)
	form := []*widget.FormItem{
		widget.NewFormItem(lang.L("Name"), name), widget.NewFormItem(lang.L("City"), city),
		widget.NewFormItem(lang.L("Stakeholder group"), group), widget.NewFormItem(lang.L("Region"), region),
	}
	dialog.ShowForm(tr("Invite a hub"), lang.X("invite-button", "Invite"), tr("Cancel"), form, func(ok bool) {
		if !ok {
			return
		}
		h, inv, err := p.access.Invite(p.v.ctx, app.NewHub{Name: name.Text, City: city.Text, Group: group.Selected, Region: region.Selected})
		if err != nil {
			p.v.do(err)
			return
		}
		p.reload()
		p.showInvite(h, inv)
	}, p.win)
}

func (p *hubsPanel) showInvite(h floor.Hub, inv app.Invite) {
	text := widget.NewEntry()
	text.MultiLine = true
	text.Wrapping = fyne.TextWrapBreak
	text.SetText("floor hub '" + inv.URL() + "'\n\n" + inv.BrowserURL())
	copyIt := widget.NewButton(lang.L("Copy invite"), func() { fyne.CurrentApp().Clipboard().SetContent(inv.URL()) })
	body := container.NewBorder(widget.NewLabel(tr("Send this privately to {{.Hub}}. The token is shown only now.", "Hub", h.Name)), copyIt, nil, nil, text)
	d := dialog.NewCustom(tr("Invite for {{.Hub}}", "Hub", h.Name), tr("Done"), body, p.win)
	d.Resize(fyne.NewSize(640, 320))
	d.Show()
}

func groupNames() []string {
	var out []string
	for _, g := range agenda.AllGroups() {
		out = append(out, g.String())
	}
	return out
}

// regionNames are the UN regional groups a form offers as a region: not
// "Intergovernmental Organization", which IGF pages write in the region's
// place for an organisation but is a stakeholder group, not a region.
func regionNames() []string {
	var out []string
	for _, r := range agenda.AllRegions() {
		if r != agenda.RegionIntergovernmental {
			out = append(out, r.String())
		}
	}
	return out
}
