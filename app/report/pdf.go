package report

import (
	"bytes"
	"fmt"
	"image/png"
	"strings"

	"codeberg.org/go-fonts/liberation/liberationsansbold"
	"codeberg.org/go-fonts/liberation/liberationsansregular"
	"codeberg.org/go-pdf/fpdf"
)

// PDF is the report as an A4 PDF, made in Go with fpdf (the maintained
// fork of gofpdf, already a dependency of gonum/plot) and the Liberation
// Sans fonts, so every name in any Latin, Greek or Cyrillic script prints.
func PDF(r Report, charts []Chart) ([]byte, error) {
	d := &pdfDoc{f: fpdf.New("P", "mm", "A4", "")}
	f := d.f
	f.SetTitle("Session report: "+r.Title, true)
	f.SetCreator("Floor", true)
	f.AddUTF8FontFromBytes("sans", "", liberationsansregular.TTF)
	f.AddUTF8FontFromBytes("sans", "B", liberationsansbold.TTF)
	f.SetMargins(18, 18, 18)
	f.SetAutoPageBreak(true, 18)
	f.SetFooterFunc(func() {
		f.SetY(-12)
		f.SetFont("sans", "", 8)
		f.CellFormat(0, 5, fmt.Sprintf("%s — page %d", r.Title, f.PageNo()), "", 0, "C", false, 0, "")
	})
	f.AddPage()

	f.SetFont("sans", "B", 17)
	f.MultiCell(0, 8, "Session report: "+r.Title, "", "L", false)
	f.Ln(2)
	for _, fact := range r.Facts() {
		d.labelled(fact[0], fact[1])
	}
	for _, rp := range r.People {
		d.labelled(rp.RoleTitle(), strings.Join(rp.People, "; "))
	}
	for _, rp := range r.Served {
		d.labelled(rp.RoleTitle()+" (served, from their seat)", strings.Join(rp.People, "; "))
	}
	d.list("Key takeaways", r.Takeaways, "The rapporteur has not written the takeaways yet.")
	d.list("Calls to action", r.CallsToAction, "The rapporteur has not written calls to action yet.")
	if len(r.KeyPoints) > 0 {
		d.list("Key points", r.KeyPoints, "")
	}

	d.heading("Interventions by policy question")
	summary := fmt.Sprintf("%s, %s of speaking time.", Plural(r.Interventions, "intervention"), Clock(r.SpeakingTime))
	if t := r.TypedWords(); t != "" {
		summary += " Among them " + t + "."
	}
	if r.StillSpeaking != "" {
		summary += " " + r.StillSpeaking + " still has the floor; that turn is not counted."
	}
	d.text(summary)
	widths := []float64{52, 34, 40, 28, 20}
	for _, q := range r.Questions {
		d.subheading(q.Heading())
		d.row(widths, true, "Speaker", "Group", "Region", "Place", "Time")
		for _, iv := range q.Turns {
			s := iv.Speaker
			d.row(widths, false, TurnName(iv), orDash(s.Group), orDash(s.Region), s.Place(), Clock(iv.Spoke))
		}
		d.row(widths, true, Plural(len(q.Turns), "turn"), "", "", "", Clock(q.Time))
	}

	d.heading("Speaking-time balance")
	bw := []float64{90, 20, 30, 34}
	for _, dim := range r.Balance {
		d.subheading("By " + dim.Name)
		d.row(bw, true, title(dim.Name), "Turns", "Time", "Share")
		for _, s := range dim.Shares {
			d.row(bw, false, s.Category, itoa(s.Turns), Clock(s.Time), fmt.Sprintf("%d %%", Percent(s.Time, r.SpeakingTime)))
		}
	}
	if len(r.Plan) > 0 {
		d.subheading("Speaking-time budgets: plan against actual")
		pw := []float64{64, 30, 20, 24, 22, 14}
		d.row(pw, true, "Budget", "Planned", "Spoke", "Share spoken", "Left", "Turns")
		for _, p := range r.Plan {
			d.row(pw, false, title(p.Dimension)+": "+p.Category, p.PlannedWords(), Clock(p.Spoke), fmt.Sprintf("%d %%", p.Percent), p.LeftWords(), itoa(p.Turns))
		}
	}
	for _, c := range chartsWithPrefix(charts, "balance-") {
		if err := d.image(c); err != nil {
			return nil, err
		}
	}

	d.heading("Polls")
	if len(r.Polls) == 0 {
		d.text("No polls were run.")
	}
	for _, t := range r.Polls {
		d.subheading(fmt.Sprintf("Poll %d: %s", t.Poll.ID, t.Poll.Question))
		d.text(fmt.Sprintf("%s; %s (%s).", pollKind(t), Plural(t.Voters, "voter"), byPlace(t)))
		for i, o := range t.Poll.Options {
			d.row([]float64{140, 34}, false, o, itoa(t.Counts[i]))
		}
		for _, a := range t.Answers {
			d.text("• " + a)
		}
		for _, c := range chartsWithPrefix(charts, fmt.Sprintf("poll-%d", t.Poll.ID)) {
			if err := d.image(c); err != nil {
				return nil, err
			}
		}
	}

	pa := r.Participation
	d.heading("Audience questions")
	d.text(r.Audience.Summary())
	for _, q := range r.Audience.Questions {
		text := q.Text
		if q.Name != "" {
			text += " (" + q.Name + ")"
		}
		d.text(fmt.Sprintf("%d. %s — %s; %s.", q.Number, text, Plural(q.Upvotes, "upvote"), q.Outcome))
	}
	d.heading("Participation")
	pw := []float64{140, 34}
	d.row(pw, false, "In the room", itoa(pa.InRoom))
	for _, h := range pa.Hubs {
		d.row(pw, false, "Hub: "+h.Hub, itoa(h.People))
	}
	d.row(pw, false, "Online, outside hubs", itoa(pa.Online))
	d.row(pw, true, "Total", itoa(pa.Total))
	d.text(fmt.Sprintf("Women and gender-diverse participants (moderator's estimate): %d.", pa.Women))
	d.text(fmt.Sprintf("Poll ballots: %d from the room, %d from hubs.", pa.RoomVoters, pa.HubVoters))
	d.text("Report made by Floor on " + r.Generated + ".")

	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		return nil, fmt.Errorf("report PDF: %w", err)
	}
	return buf.Bytes(), nil
}

type pdfDoc struct {
	f      *fpdf.Fpdf
	images int
}

func (d *pdfDoc) heading(s string) {
	d.f.Ln(4)
	d.f.SetFont("sans", "B", 13)
	d.f.SetTextColor(0x0b, 0x53, 0x94)
	d.f.MultiCell(0, 7, s, "", "L", false)
	d.f.SetTextColor(0, 0, 0)
	d.f.Ln(1)
}

func (d *pdfDoc) subheading(s string) {
	d.f.Ln(2)
	d.f.SetFont("sans", "B", 10.5)
	d.f.MultiCell(0, 5.5, s, "", "L", false)
}

func (d *pdfDoc) text(s string) {
	d.f.SetFont("sans", "", 10)
	d.f.MultiCell(0, 5, s, "", "L", false)
}

func (d *pdfDoc) labelled(label, value string) {
	d.f.SetFont("sans", "B", 10)
	w := d.f.GetStringWidth(label+": ") + 1
	d.f.CellFormat(w, 5, label+":", "", 0, "L", false, 0, "")
	d.f.SetFont("sans", "", 10)
	d.f.MultiCell(0, 5, value, "", "L", false)
}

func (d *pdfDoc) list(name string, items []string, none string) {
	d.heading(name)
	if len(items) == 0 {
		d.text(none)
	}
	for _, it := range items {
		d.text("• " + it)
	}
}

// row is one table row; long cells are cut to their column, numbers align right.
func (d *pdfDoc) row(widths []float64, bold bool, cells ...string) {
	style := ""
	if bold {
		style = "B"
	}
	d.f.SetFont("sans", style, 9)
	for i, c := range cells {
		align := "L"
		if i == len(cells)-1 && len(cells) > 1 {
			align = "R"
		}
		for d.f.GetStringWidth(c) > widths[i]-2 && len([]rune(c)) > 1 {
			r := []rune(c)
			c = string(r[:len(r)-2]) + "…"
		}
		d.f.CellFormat(widths[i], 5.5, c, "B", 0, align, false, 0, "")
	}
	d.f.Ln(-1)
}

func (d *pdfDoc) image(c Chart) error {
	cfg, err := png.DecodeConfig(bytes.NewReader(c.PNG))
	if err != nil {
		return fmt.Errorf("chart %s: %w", c.Name, err)
	}
	d.images++
	name := fmt.Sprintf("chart%d", d.images)
	d.f.RegisterImageOptionsReader(name, fpdf.ImageOptions{ImageType: "PNG"}, bytes.NewReader(c.PNG))
	w := 140.0
	h := w * float64(cfg.Height) / float64(cfg.Width)
	_, pageH := d.f.GetPageSize()
	if d.f.GetY()+h > pageH-20 {
		d.f.AddPage()
	}
	d.f.Ln(2)
	d.f.ImageOptions(name, 18, d.f.GetY(), w, h, true, fpdf.ImageOptions{ImageType: "PNG"}, 0, "")
	return d.f.Error()
}
