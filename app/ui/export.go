package ui

import (
	"bytes"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"github.com/igf-floor/floor/app/agenda"
	"github.com/igf-floor/floor/app/agenda/ical"
)

// exportShown writes the session shown as an iCalendar file, for a
// calendar application: what `floor export ics` writes, for one session.
func (v *ParticipantView) exportShown() {
	if v.selected == 0 {
		return
	}
	d, err := v.p.Detail(v.ctx, v.selected)
	if err != nil {
		v.Status.SetText(tr("Could not read the session: {{.Why}}", "Why", err.Error()))
		return
	}
	var b bytes.Buffer
	if err := ical.Write(&b, d.Event.Title, []agenda.Session{d.Session}, v.p.Now()); err != nil {
		v.Status.SetText(tr("Could not export the session: {{.Why}}", "Why", err.Error()))
		return
	}
	v.save(icsFileName(d.Session), b.Bytes())
}

// saveWithDialog asks where to save data, named name at first.
func (v *ParticipantView) saveWithDialog(name string, data []byte) {
	if v.window == nil {
		return
	}
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return // cancelled
		}
		_, err = w.Write(data)
		if cerr := w.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			v.Status.SetText(tr("Could not export the session: {{.Why}}", "Why", err.Error()))
			return
		}
		v.Status.SetText(tr("Saved {{.File}}", "File", w.URI().Name()))
	}, v.window)
	d.SetFileName(name)
	d.Show()
}

// icsFileName is "WS-234-Security-of-digital-products.ics": the number and
// title in letters, digits and dashes, at most 60 runes (whole words) before ".ics".
func icsFileName(s agenda.Session) string {
	var b strings.Builder
	dash := false
	for _, r := range joinNonEmpty(" ", s.Number, s.Title) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	name := []rune(strings.TrimRight(b.String(), "-"))
	if len(name) > 60 { // cut at the last whole word
		cut := string(name[:60])
		if i := strings.LastIndexByte(cut, '-'); i > 0 {
			cut = cut[:i]
		}
		name = []rune(cut)
	}
	if len(name) == 0 {
		return "session.ics"
	}
	return string(name) + ".ics"
}
