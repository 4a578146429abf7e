package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/igf-floor/floor/app/agenda"
	"github.com/igf-floor/floor/app/agenda/frab"
	"github.com/igf-floor/floor/app/agenda/ical"
	"github.com/igf-floor/floor/app/agenda/igf"
)

// MaxImportSize is the largest file Floor reads as an agenda (each format
// has its own, smaller or equal, limit). It is read with a cap, so a larger
// (or endless) file costs no more memory than this.
const MaxImportSize = frab.MaxSize

// reader is one agenda format Floor understands.
type reader struct {
	name  string
	looks func([]byte) bool
	parse func([]byte) (agenda.Schedule, agenda.Report, error)
}

func readers() []reader {
	return []reader{
		{name: "igf", looks: igf.Looks, parse: igf.Parse},
		{name: "frab schedule.xml", looks: frab.LooksXML, parse: frab.ParseXML},
		{name: "c3voc schedule.json", looks: frab.LooksJSON, parse: frab.ParseJSON},
		{name: "iCalendar", looks: ical.Looks, parse: ical.Parse},
	}
}

// ErrUnknownFormat is returned for a document no reader recognises.
var ErrUnknownFormat = errors.New("not an agenda Floor can read (it reads IGF session pages, frab schedule.xml, c3voc schedule.json and iCalendar)")

// Importer reads agenda documents and saves them.
type Importer struct {
	Store AgendaStore
	Clock Clock
}

// ImportResult says what an import did.
type ImportResult struct {
	Name     string
	Format   string
	Event    agenda.Event
	Sessions []agenda.Session
	Report   agenda.Report
	Saved    agenda.SaveResult
	Refresh  time.Duration // how often the publisher asks to be polled, when it says
}

// ImportFile reads the file at path and imports it. Nothing is written
// unless the whole document is valid.
func (im Importer) ImportFile(ctx context.Context, path string) (ImportResult, error) {
	f, err := os.Open(path)
	if err != nil {
		return ImportResult{}, fmt.Errorf("import %s: %w", path, err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return ImportResult{}, fmt.Errorf("import %s: %w", path, err)
	}
	if !info.Mode().IsRegular() {
		return ImportResult{}, fmt.Errorf("import %s: not a regular file", path)
	}
	if info.Size() > MaxImportSize {
		// Refused before reading a byte: a 100 MB file costs nothing.
		return ImportResult{}, fmt.Errorf("import %s: the file is larger than %d MiB (%d MiB), more than any agenda Floor reads",
			path, MaxImportSize>>20, info.Size()>>20)
	}
	return im.ImportReader(ctx, path, f)
}

// ImportReader reads a document from r, at most MaxImportSize bytes, and
// imports it; name is used in messages and the import log.
func (im Importer) ImportReader(ctx context.Context, name string, r io.Reader) (ImportResult, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxImportSize+1))
	if err != nil {
		return ImportResult{}, fmt.Errorf("import %s: %w", name, err)
	}
	if len(data) > MaxImportSize {
		return ImportResult{}, fmt.Errorf("import %s: the file is larger than %d MiB, more than any agenda Floor reads", name, MaxImportSize>>20)
	}
	return im.ImportBytes(ctx, name, data)
}

// ImportBytes imports a document already in memory; name is used in
// messages and the import log.
func (im Importer) ImportBytes(ctx context.Context, name string, data []byte) (ImportResult, error) {
	res := ImportResult{Name: name}
	var rd *reader
	for _, r := range readers() {
		if r.looks(data) {
			rd = &r
			break
		}
	}
	if rd == nil {
		if err := agenda.CheckText(data); err != nil {
			return res, fmt.Errorf("import %s: %w", name, err)
		}
		if len(data) == 0 {
			return res, fmt.Errorf("import %s: the file is empty", name)
		}
		return res, fmt.Errorf("import %s: %w", name, ErrUnknownFormat)
	}
	sched, rep, err := rd.parse(data)
	if err != nil {
		return res, fmt.Errorf("import %s: %w", name, err)
	}
	res.Format, res.Event, res.Sessions, res.Report, res.Refresh = rd.name, sched.Event, sched.Sessions, rep, sched.Refresh
	saved, err := im.Store.SaveSchedule(ctx, sched, agenda.ImportRecord{File: name, Format: rd.name, At: im.Clock.Now(), Report: rep})
	if err != nil {
		return res, fmt.Errorf("import %s: %w", name, err)
	}
	res.Saved = saved
	if saved.EventID != "" && saved.EventID != res.Event.ID {
		// Another source's event had the id: this schedule is its own event.
		res.Event.ID = saved.EventID
		res.Sessions = slices.Clone(res.Sessions)
		for i := range res.Sessions {
			res.Sessions[i].EventID = saved.EventID
		}
	}
	for _, n := range saved.Notes {
		res.Report.Add(0, n)
	}
	for _, guid := range slices.Sorted(maps.Keys(saved.Kept)) {
		for _, k := range keptNotes(saved.Kept[guid]) {
			res.Report.Add(0, guid+": "+k)
		}
	}
	return res, nil
}

// keptNotes says what a merge kept, one sentence per reason, in the order
// the reasons first come: "kept time, room from the earlier import (this
// document does not give them)".
func keptNotes(kept []agenda.Kept) []string {
	var whys []string
	what := map[string][]string{}
	for _, k := range kept {
		if _, ok := what[k.Why]; !ok {
			whys = append(whys, k.Why)
		}
		what[k.Why] = append(what[k.Why], k.What)
	}
	var out []string
	for _, why := range whys {
		out = append(out, fmt.Sprintf("kept %s from the earlier import (%s)", strings.Join(what[why], ", "), why))
	}
	return out
}

// EnsureBuiltInAgenda imports the built-in agenda when the database holds no
// session, so a first start shows a real agenda offline. It reports whether
// it imported.
func EnsureBuiltInAgenda(ctx context.Context, im Importer, name string, data []byte) (bool, error) {
	n, err := im.Store.CountSessions(ctx)
	if err != nil {
		return false, fmt.Errorf("built-in agenda: %w", err)
	}
	if n > 0 {
		return false, nil
	}
	if _, err := im.ImportBytes(ctx, name, data); err != nil {
		return false, fmt.Errorf("built-in agenda: %w", err)
	}
	return true, nil
}
