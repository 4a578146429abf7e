package ui

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/timer"
)

// budgetDimensions are the dimensions the Budgets tab offers, in order.
func budgetDimensions() []floor.Dimension {
	return []floor.Dimension{floor.ByGroup, floor.ByRegion, floor.ByPlace, floor.ByYouth}
}

// dimensionWords is d in the window's language.
func dimensionWords(d floor.Dimension) string {
	switch d {
	case floor.ByGroup:
		return lang.L("Stakeholder group")
	case floor.ByRegion:
		return lang.L("Region")
	case floor.ByPlace:
		return lang.L("Place")
	case floor.ByYouth:
		return lang.L("Youth")
	}
	return d.String()
}

// budgetCategories are d's categories as the plan names them.
func budgetCategories(d floor.Dimension) []string {
	switch d {
	case floor.ByGroup:
		return groupNames()
	case floor.ByRegion:
		return regionNames()
	case floor.ByPlace:
		return []string{floor.InTheRoom, floor.Online}
	case floor.ByYouth:
		return []string{floor.Youth, floor.NotYouth}
	}
	return nil
}

// categoryWords is a category as the window shows it: groups and regions
// by their names, the place and youth in the window's language.
func categoryWords(c string) string {
	switch c {
	case floor.InTheRoom:
		return lang.L("in the room")
	case floor.Online:
		return lang.L("online")
	case floor.Youth:
		return lang.L("youth")
	case floor.NotYouth:
		return lang.L("not youth")
	}
	return c
}

// usageWords is a budget as it stands, in words: "Civil Society: 2:00 of
// 12:00 spoken, 10:00 left · 1 turn", or "1:30 over" once spent.
func usageWords(u floor.Usage) string {
	c := categoryWords(u.Budget.Category)
	if u.Planned <= 0 {
		return tr("{{.Category}}: {{.Share}} % of the time spoken, its share {{.Plan}} %", "Category", c,
			"Share", fmt.Sprintf("%.0f", 100*u.Share), "Plan", fmt.Sprintf("%.0f", float64(u.Budget.Permille)/10))
	}
	used, planned := floor.Clock(u.Used), floor.Clock(u.Planned)
	if u.Left() < 0 {
		return tr("{{.Category}}: {{.Used}} of {{.Planned}} spoken, {{.Over}} over · turns: {{.Turns}}", "Category", c,
			"Used", used, "Planned", planned, "Over", floor.Clock(-u.Left()), "Turns", u.Turns)
	}
	return tr("{{.Category}}: {{.Used}} of {{.Planned}} spoken, {{.Left}} left · turns: {{.Turns}}", "Category", c,
		"Used", used, "Planned", planned, "Left", floor.Clock(u.Left()), "Turns", u.Turns)
}

// parseShare reads a budget's share as floor.ParseShare does, refusing it
// in the window's language.
func parseShare(text string, session time.Duration) (int, error) {
	permille, err := floor.ParseShare(text, session)
	if err != nil {
		return 0, errors.New(tr("a share is minutes (“12”) or a percentage (“20%”) of the session, not “{{.Text}}”", "Text", text))
	}
	return permille, nil
}

// budgetPanel is the Budgets tab: the moderator gives stakeholder groups,
// regions, the room and online, or youth a share of the session's time,
// and sees each budget's used and left time live.
type budgetPanel struct {
	v         *ConsoleView
	Dimension *widget.Select
	Category  *widget.Select
	Share     *widget.Entry // minutes or a percentage
	Set       *widget.Button
	Equal     *widget.Button // the IGF rule: the room and online half each
	Clear     *widget.Button
	Order     *widget.Entry // a point of order's time
	Reply     *widget.Entry // a direct reply's time
	SetTimes  *widget.Button
	Summary   *widget.Label // "No budgets: …" or the session's length shared
	Usage     []*widget.Label
	rows      *fyne.Container
	rowsKey   string          // the budgets the rows were made for
	times     floor.TypeTimes // the typed requests' times the entries show
	content   fyne.CanvasObject
}

func newBudgetPanel(v *ConsoleView) *budgetPanel {
	p := &budgetPanel{v: v}
	var dims []string
	for _, d := range budgetDimensions() {
		dims = append(dims, dimensionWords(d))
	}
	p.Category = widget.NewSelect(nil, nil)
	p.Dimension = widget.NewSelect(dims, func(string) { p.offerCategories() })
	p.Dimension.SetSelectedIndex(0)
	p.Share = widget.NewEntry()
	p.Share.SetPlaceHolder(lang.L("Minutes or %"))
	p.Share.OnSubmitted = func(string) { p.set() }
	p.Set = widget.NewButtonWithIcon(lang.L("Set budget"), theme.ConfirmIcon(), p.set)
	p.Equal = widget.NewButton(lang.L("Equal time for the room and online"), p.equal)
	p.Clear = widget.NewButton(lang.L("Clear the budgets"), func() { v.do(v.m.SetPlan(v.ctx, nil)) })
	p.Order, p.Reply = widget.NewEntry(), widget.NewEntry()
	p.times = v.m.Floor().Times
	p.Order.SetText(floor.Clock(p.times.Allotted(floor.PointOfOrder, 0)))
	p.Reply.SetText(floor.Clock(p.times.Allotted(floor.DirectReply, 0)))
	p.SetTimes = widget.NewButton(lang.L("Set the times"), p.setTimes)
	p.Summary = widget.NewLabel("")
	p.Summary.Wrapping = fyne.TextWrapWord
	p.rows = container.NewVBox()
	form := container.NewVBox(
		labelled(lang.L("Budget by"), p.Dimension), p.Category,
		container.NewBorder(nil, nil, nil, p.Set, p.Share),
		p.Equal, p.Clear,
		widget.NewSeparator(),
		widget.NewLabelWithStyle(lang.L("Times of typed requests"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		labelled(typeWords(floor.PointOfOrder), p.Order), labelled(typeWords(floor.DirectReply), p.Reply),
		p.SetTimes, widget.NewSeparator(), p.Summary)
	p.content = container.NewBorder(form, nil, nil, nil, container.NewVScroll(p.rows))
	return p
}

// offerCategories fills the category drop-down for the chosen dimension.
func (p *budgetPanel) offerCategories() {
	var words []string
	for _, c := range budgetCategories(p.dimension()) {
		words = append(words, categoryWords(c))
	}
	p.Category.SetOptions(words)
	p.Category.SetSelectedIndex(0)
}

func (p *budgetPanel) dimension() floor.Dimension {
	if i := p.Dimension.SelectedIndex(); i >= 0 {
		return budgetDimensions()[i]
	}
	return floor.ByGroup
}

// plan is the session's plan now, or an empty one over the session's length.
func (p *budgetPanel) plan() floor.Plan {
	if pl := p.v.m.Floor().Plan; pl != nil {
		return floor.Plan{Session: pl.Session, Budgets: slices.Clone(pl.Budgets)}
	}
	return floor.Plan{Session: p.v.sessionPlanned()}
}

// set gives the chosen category the share typed, replacing its budget.
func (p *budgetPanel) set() {
	pl := p.plan()
	d := p.dimension()
	i := p.Category.SelectedIndex()
	if i < 0 {
		p.v.do(errors.New(tr("choose what the budget is for")))
		return
	}
	c := budgetCategories(d)[i]
	permille, err := parseShare(p.Share.Text, pl.Session)
	if err != nil {
		p.v.do(err)
		return
	}
	b := floor.Budget{Dimension: d, Category: c, Permille: permille}
	if j := slices.IndexFunc(pl.Budgets, func(x floor.Budget) bool { return x.Dimension == d && x.Category == c }); j >= 0 {
		pl.Budgets[j] = b
	} else {
		pl.Budgets = append(pl.Budgets, b)
	}
	err = p.v.m.SetPlan(p.v.ctx, &pl)
	if err == nil {
		p.Share.SetText("")
	}
	p.v.do(err)
}

func (p *budgetPanel) equal() {
	pl := floor.EqualPlaces(p.plan().Session)
	p.v.do(p.v.m.SetPlan(p.v.ctx, &pl))
}

func (p *budgetPanel) remove(b floor.Budget) {
	pl := p.plan()
	pl.Budgets = slices.DeleteFunc(pl.Budgets, func(x floor.Budget) bool { return x == b })
	if len(pl.Budgets) == 0 {
		p.v.do(p.v.m.SetPlan(p.v.ctx, nil))
		return
	}
	p.v.do(p.v.m.SetPlan(p.v.ctx, &pl))
}

func (p *budgetPanel) setTimes() {
	var tt floor.TypeTimes
	for _, f := range []struct {
		e *widget.Entry
		d *time.Duration
	}{{p.Order, &tt.PointOfOrder}, {p.Reply, &tt.DirectReply}} {
		mode, d, err := parseTurn(f.e.Text)
		if err == nil && (mode != timer.CountDown || d <= 0) {
			err = errors.New(tr("a typed request's time is minutes and seconds (“1:00”)"))
		}
		if err != nil {
			p.v.do(err)
			return
		}
		*f.d = d
	}
	p.v.do(p.v.m.SetTypeTimes(p.v.ctx, tt))
}

// tick shows each budget's used and left time now.
func (p *budgetPanel) tick(fs floor.State) {
	if fs.Plan == nil {
		setLabel(p.Summary, tr("No budgets: the fair order aims at equal time for the room and online."))
	} else {
		setLabel(p.Summary, tr("Budgets of the session's {{.Session}}:", "Session", floor.Clock(fs.Plan.Session)))
	}
	if fs.Times != p.times { // set here, or from floor serve or a seat
		p.times = fs.Times
		p.Order.SetText(floor.Clock(fs.Times.Allotted(floor.PointOfOrder, 0)))
		p.Reply.SetText(floor.Clock(fs.Times.Allotted(floor.DirectReply, 0)))
	}
	key := ""
	if fs.Plan != nil {
		key = fmt.Sprint(fs.Plan.Budgets)
	}
	if key != p.rowsKey || len(p.Usage) == 0 && fs.Plan != nil {
		p.rowsKey = key
		p.Usage = nil
		p.rows.Objects = nil
		if fs.Plan != nil {
			for _, b := range fs.Plan.Budgets {
				l := widget.NewLabel("")
				l.Wrapping = fyne.TextWrapWord
				drop := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { p.remove(b) })
				p.Usage = append(p.Usage, l)
				p.rows.Add(container.NewBorder(nil, nil, nil, drop, l))
			}
		}
		p.rows.Refresh()
	}
	for i, u := range p.v.m.Budgets() {
		if i < len(p.Usage) {
			setLabel(p.Usage[i], dimensionWords(u.Budget.Dimension)+" · "+usageWords(u))
		}
	}
}
