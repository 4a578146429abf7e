package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/floor"
)

// reportPanel is where the rapporteur writes the takeaways and calls to
// action, the moderator enters the participation figures, and either
// exports the session report.
type reportPanel struct {
	v       *ConsoleView
	reports app.SessionReports

	Takeaways, Calls      *widget.Entry
	InRoom, Online, Women *widget.Entry
	Save                  *widget.Button
	Export                map[string]*widget.Button // by format: md, html, pdf
	Result                *widget.Label
	content               fyne.CanvasObject
}

// EnableReport adds the Report tab for the session's rapporteur.
func (v *ConsoleView) EnableReport(reports app.SessionReports) {
	p := &reportPanel{v: v, reports: reports, Export: map[string]*widget.Button{}}
	p.Takeaways, p.Calls = widget.NewMultiLineEntry(), widget.NewMultiLineEntry()
	p.Takeaways.SetPlaceHolder(lang.L("Key takeaways, one a line"))
	p.Calls.SetPlaceHolder(lang.L("Calls to action, one a line"))
	p.Takeaways.Wrapping, p.Calls.Wrapping = fyne.TextWrapWord, fyne.TextWrapWord
	p.Takeaways.SetMinRowsVisible(4)
	p.Calls.SetMinRowsVisible(3)
	p.InRoom, p.Online, p.Women = widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	p.Save = widget.NewButton(lang.L("Save notes"), func() { p.save() })
	p.Result = widget.NewLabel("")
	p.Result.Wrapping = fyne.TextWrapWord
	exports := container.NewHBox(widget.NewLabel(tr("Export:")))
	for _, f := range app.ReportFormats {
		b := widget.NewButton(strings.ToUpper(f), func() { p.export(f) })
		p.Export[f] = b
		exports.Add(b)
	}
	if n, err := reports.Notes(v.ctx); err == nil {
		p.Takeaways.SetText(n.Takeaways)
		p.Calls.SetText(n.CallsToAction)
		p.InRoom.SetText(countText(n.InRoom))
		p.Online.SetText(countText(n.Online))
		p.Women.SetText(countText(n.Women))
	}
	form := widget.NewForm(
		widget.NewFormItem(lang.L("In the room"), p.InRoom),
		widget.NewFormItem(lang.L("Online, outside hubs"), p.Online),
		widget.NewFormItem(lang.L("Women and gender-diverse (estimate)"), p.Women))
	p.content = container.NewVScroll(container.NewVBox(
		widget.NewLabelWithStyle(lang.L("Key takeaways"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), p.Takeaways,
		widget.NewLabelWithStyle(lang.L("Calls to action"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), p.Calls,
		widget.NewLabelWithStyle(lang.L("Participation (hubs count themselves)"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), form,
		p.Save, exports, p.Result))
	v.reportPanel = p
	v.rebuildRight()
}

func countText(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// save keeps the notes; it reports whether they were kept.
func (p *reportPanel) save() bool {
	n := floor.Rapporteur{Takeaways: p.Takeaways.Text, CallsToAction: p.Calls.Text}
	for _, f := range []struct {
		name  string
		entry *widget.Entry
		dst   *int
	}{{"in the room", p.InRoom, &n.InRoom}, {"online", p.Online, &n.Online}, {"women and gender-diverse", p.Women, &n.Women}} {
		text := strings.TrimSpace(f.entry.Text)
		if text == "" {
			continue
		}
		v, err := strconv.Atoi(text)
		if err != nil || v < 0 {
			setLabel(p.Result, tr("Not saved: “{{.Text}}” for {{.Field}} is not a number of people.", "Text", text, "Field", tr(f.name)))
			return false
		}
		*f.dst = v
	}
	if err := p.reports.SaveNotes(p.v.ctx, n); err != nil {
		setLabel(p.Result, tr("Not saved: {{.Why}}", "Why", err.Error()))
		return false
	}
	setLabel(p.Result, tr("Notes saved."))
	return true
}

// export saves the notes, then writes the report.
func (p *reportPanel) export(format string) {
	if !p.save() {
		return
	}
	path, err := p.reports.Export(p.v.ctx, format)
	if err != nil {
		setLabel(p.Result, tr("Not exported: {{.Why}}", "Why", err.Error()))
		return
	}
	setLabel(p.Result, tr("Report written to {{.Path}}", "Path", path))
}
