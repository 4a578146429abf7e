package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// Export .ics writes the session shown as an iCalendar file named after it.
func TestExportICSWritesTheSessionShown(t *testing.T) {
	v, _ := newView(t)
	var name, data string
	v.save = func(n string, b []byte) { name, data = n, string(b) }
	v.List.Select(1) // WS #234
	test.Tap(v.ExportICS)
	if name != "WS-234-Security-of-digital-products-Industry-and-enhancing.ics" {
		t.Errorf("file name %q", name)
	}
	if strings.Count(data, "BEGIN:VEVENT") != 1 || !strings.Contains(data, "SUMMARY:") || !strings.Contains(data, "DTSTART:20201111T112000Z") {
		t.Errorf("calendar:\n%s", data)
	}
}
