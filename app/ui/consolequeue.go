package ui

import (
	"fmt"
	"image/color"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/igf-floor/floor/app/agenda"
	"github.com/igf-floor/floor/app/floor"
)

const notSaid = "(not said)"

// notSaidWords is "(not said)" in the window's language, as the group
// and region drop-downs offer it.
func notSaidWords() string { return tr(notSaid) }

// queuePanel is the queue for the floor and the form that adds to it. The
// session's people are offered as names; choosing one fills in their
// affiliation, group and region.
type queuePanel struct {
	v           *ConsoleView
	List        *widget.List
	Name        *widget.SelectEntry
	Affiliation *widget.Entry
	Group       *widget.Select
	Region      *widget.Select
	Youth       *widget.Check
	Remote      *widget.Check
	Type        *widget.Select // regular, point of order, direct reply
	Add         *widget.Button
	people      map[string]agenda.Person
	names       []string // the session's people, offered as names
	content     fyne.CanvasObject
	shown       shownRows
}

func newQueuePanel(v *ConsoleView) *queuePanel {
	q := &queuePanel{v: v, people: map[string]agenda.Person{}}
	// A person may appear twice (organiser and speaker): keep what each
	// entry knows, so Anastasiya Kazakova is Kaspersky, Private Sector.
	for _, p := range v.session.People {
		if p.Name == "" {
			continue
		}
		known, ok := q.people[p.Name]
		if !ok {
			q.names = append(q.names, p.Name)
			known = p
		}
		if known.Affiliation == "" {
			known.Affiliation = p.Affiliation
		}
		if known.Group == agenda.GroupUnknown {
			known.Group = p.Group
		}
		if known.Region == agenda.RegionUnknown {
			known.Region = p.Region
		}
		q.people[p.Name] = known
	}
	q.Name = widget.NewSelectEntry(q.names)
	q.Name.SetPlaceHolder(lang.L("Name"))
	q.Name.OnChanged = q.suggest
	q.Affiliation = widget.NewEntry()
	q.Affiliation.SetPlaceHolder(lang.L("Affiliation"))
	groups := []string{notSaidWords()}
	for _, g := range agenda.AllGroups() {
		groups = append(groups, g.String())
	}
	regions := append([]string{notSaidWords()}, regionNames()...)
	q.Group, q.Region = widget.NewSelect(groups, nil), widget.NewSelect(regions, nil)
	q.Group.SetSelected(notSaidWords())
	q.Region.SetSelected(notSaidWords())
	q.Youth = widget.NewCheck(lang.L("Youth"), nil)
	q.Remote = widget.NewCheck(lang.L("Remote"), nil)
	q.Type = newTypeSelect()
	q.Add = widget.NewButtonWithIcon(lang.L("Add to queue"), theme.ContentAddIcon(), q.add)
	q.Name.OnSubmitted = func(string) { q.add() }

	q.List = widget.NewList(q.length, q.create, q.update)
	// The form is compact, the checks beside the type: at 800 high the
	// queue above it must still show rows, not one cut in half. A gap
	// below keeps Add to queue clear of the divider.
	gap := canvas.NewRectangle(color.Transparent)
	gap.SetMinSize(fyne.NewSize(1, 3*theme.Padding()))
	form := container.NewVBox(container.NewThemeOverride(container.NewVBox(
		widget.NewLabelWithStyle(lang.L("Request the floor"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		q.Name, q.Affiliation, labelled(lang.L("Stakeholder group"), q.Group), labelled(lang.L("Region"), q.Region),
		container.NewBorder(nil, nil, container.NewHBox(q.Youth, q.Remote), nil, labelled(lang.L("Type"), q.Type)), q.Add),
		compactTheme{}), gap)
	q.content = container.NewBorder(widget.NewLabelWithStyle(lang.L("Queue"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), form, nil, nil,
		container.NewThemeOverride(q.List, compactTheme{}))
	return q
}

// suggest fills in what the agenda knows about a chosen name.
func (q *queuePanel) suggest(name string) {
	p, ok := q.people[name]
	if !ok {
		return
	}
	q.Affiliation.SetText(p.Affiliation)
	q.Group.SetSelected(orNotSaid(p.Group.String()))
	region := p.Region.String()
	if !slices.Contains(regionNames(), region) {
		region = "" // an organisation's "region": none of the regional groups
	}
	q.Region.SetSelected(orNotSaid(region))
}

func orNotSaid(s string) string {
	if s == "" {
		return notSaidWords()
	}
	return s
}

func fromSelect(s string) string {
	if s == notSaidWords() {
		return ""
	}
	return s
}

func (q *queuePanel) add() {
	err := q.v.m.Ask(q.v.ctx, floor.Speaker{Name: q.Name.Text, Affiliation: q.Affiliation.Text,
		Group: fromSelect(q.Group.Selected), Region: fromSelect(q.Region.Selected), Youth: q.Youth.Checked, Remote: q.Remote.Checked, Type: selectedType(q.Type)})
	if err == nil {
		q.Name.SetText("")
		q.Affiliation.SetText("")
		q.Group.SetSelected(notSaidWords())
		q.Region.SetSelected(notSaidWords())
		q.Youth.SetChecked(false)
		q.Remote.SetChecked(false)
		q.Type.SetSelectedIndex(0)
		// The keys (N, Space, Esc) act only when no field has focus: the
		// next thing after adding a request is usually giving the floor.
		q.v.canvas.Unfocus()
	}
	q.v.do(err)
}

// labelled puts a label before a drop-down, so "(not said)" twice says
// which is the group and which the region.
func labelled(label string, o fyne.CanvasObject) fyne.CanvasObject {
	return container.NewBorder(nil, nil, widget.NewLabel(label), nil, o)
}

// refresh redraws the queue's rows that changed since the last refresh:
// the console calls it each time it wakes, once a second at least.
func (q *queuePanel) refresh() {
	fs := q.v.m.Floor()
	keys := make([]string, len(fs.Queue))
	for i := range fs.Queue {
		name, group, who := q.rowText(fs, i)
		keys[i] = fmt.Sprintf("%d\x00%s\x00%s\x00%s\x00%t", fs.Queue[i].ID, name, group, who, fs.Current != nil)
	}
	q.shown.update(q.List, keys)
}

// rowText is a queue row's three lines.
func (q *queuePanel) rowText(fs floor.State, i int) (name, group, who string) {
	r := fs.Queue[i]
	who = typedWho(r, fs.Times)
	if q.v.questionsPanel != nil && r.Speaker.Source == floor.FromPhone {
		if text := q.v.questionsPanel.questionFor(r.ID); text != "" {
			who += " · " + tr("asks: {{.Question}}", "Question", text)
		}
	}
	return fmt.Sprintf("%d. %s", i+1, r.Speaker.Name), requestGroup(r.Speaker), who
}

func (q *queuePanel) length() int { return len(q.v.m.Floor().Queue) }

// create is a queue row on three lines, so each is read whole at 1280
// wide: the name beside the row's buttons, then the group and region
// across the whole row ("Civil Society · GRULAC"), then the type, the
// place and youth ("POINT OF ORDER (1:00) · hub Nairobi · youth").
func (q *queuePanel) create() fyne.CanvasObject {
	name := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	group, where := widget.NewLabel(""), widget.NewLabel("")
	name.Truncation, group.Truncation, where.Truncation = fyne.TextTruncateEllipsis, fyne.TextTruncateEllipsis, fyne.TextTruncateEllipsis
	give := widget.NewButtonWithIcon("", theme.MediaPlayIcon(), nil)
	// Icons only, so a name keeps its width at 1280 in every language without a
	// compact theme per row (each theme override parses the fonts again).
	join := widget.NewButtonWithIcon("", theme.ContentAddIcon(), nil) // joins the speaker on the floor: a dialogue
	up := widget.NewButtonWithIcon("", theme.MoveUpIcon(), nil)
	drop := widget.NewButtonWithIcon("", theme.DeleteIcon(), nil)
	buttons := container.NewHBox(give, join, up, drop)
	top := container.NewBorder(nil, nil, nil, buttons, name)
	return tightLines(top, group, where)
}

// tightLines stacks a list row's lines close together. The gap is read
// from the app's theme, not theme.Padding(), which inside a theme
// override's drawing pass is the override's: rows the list made while
// laying out (the window grown) came out taller than the list's row
// height and were cut.
func tightLines(lines ...fyne.CanvasObject) *fyne.Container {
	pad := fyne.CurrentApp().Settings().Theme().Size(theme.SizeNamePadding)
	return container.New(layout.NewCustomPaddedVBoxLayout(-2*pad), lines...)
}

func (q *queuePanel) update(i widget.ListItemID, o fyne.CanvasObject) {
	fs := q.v.m.Floor()
	queue := fs.Queue
	if i >= len(queue) {
		return
	}
	r := queue[i]
	row := o.(*fyne.Container)
	top := row.Objects[0].(*fyne.Container)
	buttons := top.Objects[1].(*fyne.Container).Objects
	name, group, who := q.rowText(fs, i)
	top.Objects[0].(*widget.Label).SetText(name)
	row.Objects[1].(*widget.Label).SetText(group)
	row.Objects[2].(*widget.Label).SetText(who)
	buttons[0].(*widget.Button).OnTapped = func() { q.v.give(r.ID) }
	join := buttons[1].(*widget.Button)
	join.OnTapped = func() { q.v.do(q.v.m.Join(q.v.ctx, r.ID)) }
	setEnabled(join, fs.Current != nil)
	buttons[2].(*widget.Button).OnTapped = func() { q.v.do(q.v.m.Move(q.v.ctx, r.ID, i-1)) }
	buttons[3].(*widget.Button).OnTapped = func() { q.v.do(q.v.m.Withdraw(q.v.ctx, r.ID)) }
}

// requestGroup is "Civil Society · GRULAC", the queue's line under the
// name: the group, and the region by its short name.
func requestGroup(s floor.Speaker) string {
	region := s.Region
	if r, err := agenda.ParseRegion(s.Region); err == nil {
		region = r.Short()
	}
	if s.Group == "" && region == "" {
		return tr("group and region not said")
	}
	said := func(x string) string {
		if x == "" {
			return tr(notSaid)
		}
		return x
	}
	return joinNonEmpty(" · ", said(s.Group), said(region))
}

// requestWhere is "hub Nairobi · youth", where the speaker is, in the
// console's language, short enough to follow a point of order's type.
func requestWhere(s floor.Speaker) string {
	text := tr("in the room")
	switch {
	case s.Source == floor.FromPhone && !s.Remote:
		text = tr("room (phone)")
	case s.Remote && s.Hub != "":
		text = tr("hub {{.Hub}}", "Hub", s.Hub)
	case s.Remote:
		text = tr("remote")
	}
	if s.Youth {
		text += " · " + tr("youth")
	}
	return text
}
