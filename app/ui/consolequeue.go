package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/igf-floor/floor/app/agenda"
	"github.com/igf-floor/floor/app/floor"
)

const notSaid = "(not said)"

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
	Add         *widget.Button
	people      map[string]agenda.Person
	names       []string // the session's people, offered as names
	content     fyne.CanvasObject
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
	groups := []string{notSaid}
	for _, g := range agenda.AllGroups() {
		groups = append(groups, g.String())
	}
	regions := []string{notSaid}
	for _, r := range agenda.AllRegions() {
		regions = append(regions, r.String())
	}
	q.Group, q.Region = widget.NewSelect(groups, nil), widget.NewSelect(regions, nil)
	q.Group.SetSelected(notSaid)
	q.Region.SetSelected(notSaid)
	q.Youth = widget.NewCheck(lang.L("Youth"), nil)
	q.Remote = widget.NewCheck(lang.L("Remote"), nil)
	q.Add = widget.NewButtonWithIcon(lang.L("Add to queue"), theme.ContentAddIcon(), q.add)
	q.Name.OnSubmitted = func(string) { q.add() }

	q.List = widget.NewList(q.length, q.create, q.update)
	form := container.NewVBox(widget.NewLabelWithStyle(lang.L("Request the floor"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		q.Name, q.Affiliation, labelled(lang.L("Stakeholder group"), q.Group), labelled(lang.L("Region"), q.Region),
		container.NewHBox(q.Youth, q.Remote), q.Add)
	q.content = container.NewBorder(widget.NewLabelWithStyle(lang.L("Queue"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), form, nil, nil, q.List)
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
	q.Region.SetSelected(orNotSaid(p.Region.String()))
}

func orNotSaid(s string) string {
	if s == "" {
		return notSaid
	}
	return s
}

func fromSelect(s string) string {
	if s == notSaid {
		return ""
	}
	return s
}

func (q *queuePanel) add() {
	err := q.v.m.Ask(q.v.ctx, floor.Speaker{Name: q.Name.Text, Affiliation: q.Affiliation.Text,
		Group: fromSelect(q.Group.Selected), Region: fromSelect(q.Region.Selected), Youth: q.Youth.Checked, Remote: q.Remote.Checked})
	if err == nil {
		q.Name.SetText("")
		q.Affiliation.SetText("")
		q.Group.SetSelected(notSaid)
		q.Region.SetSelected(notSaid)
		q.Youth.SetChecked(false)
		q.Remote.SetChecked(false)
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

func (q *queuePanel) refresh() { q.List.Refresh() }

func (q *queuePanel) length() int { return len(q.v.m.Floor().Queue) }

// create is a queue row on two lines, the name on its own so it is read
// whole at 1280 wide, then who: "Civil Society, African Group · remote:
// Nairobi · youth".
func (q *queuePanel) create() fyne.CanvasObject {
	name := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	who := widget.NewLabel("")
	name.Truncation, who.Truncation = fyne.TextTruncateEllipsis, fyne.TextTruncateEllipsis
	label := container.New(layout.NewCustomPaddedVBoxLayout(-2*theme.Padding()), name, who)
	give := widget.NewButtonWithIcon("", theme.MediaPlayIcon(), nil)
	join := widget.NewButton(tr("+ Join"), nil) // joins the speaker on the floor: a dialogue
	up := widget.NewButtonWithIcon("", theme.MoveUpIcon(), nil)
	drop := widget.NewButtonWithIcon("", theme.DeleteIcon(), nil)
	return container.NewBorder(nil, nil, nil, container.NewHBox(give, join, up, drop), label)
}

func (q *queuePanel) update(i widget.ListItemID, o fyne.CanvasObject) {
	queue := q.v.m.Floor().Queue
	if i >= len(queue) {
		return
	}
	r := queue[i]
	row := o.(*fyne.Container)
	buttons := row.Objects[1].(*fyne.Container).Objects
	lines := row.Objects[0].(*fyne.Container).Objects
	lines[0].(*widget.Label).SetText(fmt.Sprintf("%d. %s", i+1, r.Speaker.Name))
	lines[1].(*widget.Label).SetText(requestWho(r.Speaker))
	buttons[0].(*widget.Button).OnTapped = func() { q.v.give(r.ID) }
	join := buttons[1].(*widget.Button)
	join.OnTapped = func() { q.v.do(q.v.m.Join(q.v.ctx, r.ID)) }
	setEnabled(join, q.v.m.Floor().Current != nil)
	buttons[2].(*widget.Button).OnTapped = func() { q.v.do(q.v.m.Move(q.v.ctx, r.ID, i-1)) }
	buttons[3].(*widget.Button).OnTapped = func() { q.v.do(q.v.m.Withdraw(q.v.ctx, r.ID)) }
}

// requestWho is "Group, Region · remote: Nairobi · youth", what the queue
// shows under the name.
func requestWho(s floor.Speaker) string {
	text := s.Place()
	if tags := joinNonEmpty(", ", s.Group, s.Region); tags != "" {
		text = tags + " · " + text
	}
	if s.Youth {
		text += " · youth"
	}
	return text
}
