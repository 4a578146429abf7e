package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/igf-floor/floor/app/qr"
)

// Share… gives My agenda as a floor:// link and a QR code, and Copy link
// puts the link on the clipboard.
func TestShareGivesALinkAndAQRCode(t *testing.T) {
	v, _ := newView(t)
	v.List.Select(1)
	v.toggleFavourite()
	test.Tap(v.ShareButton)
	p := v.Share()
	if p == nil || !strings.HasPrefix(p.Link.Text, "floor://agenda/?") || p.QR.Resource == nil {
		t.Fatalf("the share panel: %+v", p)
	}
	test.Tap(p.Copy)
	if got := fyne.CurrentApp().Clipboard().Content(); got != p.Link.Text {
		t.Errorf("the clipboard has %q", got)
	}
	test.Type(p.Link, "x")
	if !strings.HasPrefix(p.Link.Text, "floor://agenda/?") || strings.HasSuffix(p.Link.Text, "x") {
		t.Errorf("the link was edited: %q", p.Link.Text)
	}
}

// A link pasted in the panel adds its sessions to My agenda; a wrong one
// is refused in words and changes nothing.
func TestSharedLinkPastedAddsToMyAgenda(t *testing.T) {
	from, _ := newView(t)
	from.List.Select(1)
	from.toggleFavourite()
	from.ShowShare()
	link := from.Share().Link.Text

	v, _ := newView(t)
	v.ShowShare()
	p := v.Share()
	p.Paste.SetText("https://example.org/agenda")
	test.Tap(p.Add)
	if !strings.HasPrefix(p.Result.Text, "Not added: not a shared My agenda link") {
		t.Fatalf("a wrong link: %q", p.Result.Text)
	}
	p.Paste.SetText(link)
	test.Tap(p.Add)
	if p.Result.Text != "1 of its 1 sessions added to My agenda." {
		t.Fatalf("the shared link: %q", p.Result.Text)
	}
	v.MyAgenda.SetChecked(true)
	if v.p.SessionCount() != 1 {
		t.Fatalf("My agenda has %d sessions", v.p.SessionCount())
	}
}

// Export My agenda .ics… writes every session of My agenda in one file.
func TestExportMyAgendaWritesOneCalendar(t *testing.T) {
	v, _ := newView(t)
	v.List.Select(1)
	v.toggleFavourite()
	var name string
	var data []byte
	v.save = func(n string, d []byte) { name, data = n, d }
	v.ShowShare()
	test.Tap(v.Share().ExportICS)
	if !strings.HasPrefix(name, "my-agenda-") || strings.Count(string(data), "BEGIN:VEVENT") != 1 || !strings.Contains(string(data), "Marilia Maciel") {
		t.Fatalf("exported %q:\n%s", name, data)
	}
}

// A picture of another Floor's code (its saved PNG) adds that agenda; a
// picture without a code is refused in words.
func TestPictureOfASharedCodeAddsToMyAgenda(t *testing.T) {
	from, _ := newView(t)
	from.List.Select(1)
	from.toggleFavourite()
	from.ShowShare()
	code, err := qr.PNG(from.Share().Link.Text, 400)
	if err != nil {
		t.Fatal(err)
	}

	v, _ := newView(t)
	v.ShowShare()
	p := v.Share()
	v.takePicture(p, []byte("not a picture"))
	if !strings.HasPrefix(p.Result.Text, "Not added: read a QR code: not a PNG or JPEG picture") {
		t.Fatalf("a text file: %q", p.Result.Text)
	}
	v.takePicture(p, code)
	if p.Result.Text != "1 of its 1 sessions added to My agenda." {
		t.Fatalf("the picture: %q", p.Result.Text)
	}
}
