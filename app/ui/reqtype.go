package ui

import (
	"strings"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/igf-floor/floor/app/floor"
)

// requestTypes are the types a request may have, in the order the forms
// offer them: regular first, the default.
func requestTypes() []floor.RequestType {
	return []floor.RequestType{floor.Regular, floor.PointOfOrder, floor.DirectReply}
}

// typeWords is t in the window's language: "Point of order".
func typeWords(t floor.RequestType) string {
	switch t.Norm() {
	case floor.PointOfOrder:
		return lang.L("Point of order")
	case floor.DirectReply:
		return lang.L("Direct reply")
	}
	return lang.L("Regular")
}

// newTypeSelect is a drop-down of the request types, regular chosen.
func newTypeSelect() *widget.Select {
	var names []string
	for _, t := range requestTypes() {
		names = append(names, typeWords(t))
	}
	s := widget.NewSelect(names, nil)
	s.SetSelectedIndex(0)
	return s
}

// selectedType is the type s shows; regular when none is chosen.
func selectedType(s *widget.Select) floor.RequestType {
	if i := s.SelectedIndex(); i >= 0 && i < len(requestTypes()) {
		return requestTypes()[i]
	}
	return floor.Regular
}

// typedWho is a queue row's third line: where the speaker is, after the
// request's type and time for a point of order or a direct reply, in
// words and capitals so it never rests on colour, and first so a narrow
// queue cuts the rest, not the type: "POINT OF ORDER (1:00) · hub São
// Paulo · youth".
func typedWho(r floor.Request, times floor.TypeTimes) string {
	who := requestWhere(r.Speaker)
	if r.Speaker.Type.IsZero() {
		return who
	}
	return tr("{{.Type}} ({{.Time}}) · {{.Who}}", "Type", strings.ToUpper(typeWords(r.Speaker.Type)),
		"Time", floor.Clock(times.Allotted(r.Speaker.Type, 0)), "Who", who)
}

// typedAt reports whether request id (0: the next) is a point of order or
// a direct reply, which take their type's time.
func typedAt(fs floor.State, id int) bool {
	for i, r := range fs.Queue {
		if r.ID == id || (id == 0 && i == 0) {
			return !r.Speaker.Type.IsZero()
		}
	}
	return false
}

// typedTurn is the name the timer shows for the turn on the floor, with
// its type when it answers a point of order or a direct reply: "Marilia
// Maciel · POINT OF ORDER", so the room knows why she has the floor.
func typedTurn(fs floor.State, name string) string {
	if fs.Current == nil || fs.Current.Speaker.Type.IsZero() || name == "" {
		return name
	}
	return name + " · " + strings.ToUpper(typeWords(fs.Current.Speaker.Type))
}
