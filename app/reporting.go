package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/igf-floor/floor/app/agenda"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/report"
)

// ReportStore is what a session report is read from; storage.DB is one.
type ReportStore interface {
	FloorLog(ctx context.Context, session string) ([]floor.Command, error)
	PollStore
	Rapporteur(ctx context.Context, session string) (floor.Rapporteur, error)
	SaveRapporteur(ctx context.Context, session string, r floor.Rapporteur) error
	Headcounts(ctx context.Context, session string) ([]floor.Headcount, error)
	TeamNotes(ctx context.Context, session string) ([]floor.TeamNote, error)
	Seats(ctx context.Context) ([]floor.Seat, error)
	Questions(ctx context.Context, session string) ([]floor.AudienceQuestion, error)
}

// ReportFormats are the formats a report is written in.
var ReportFormats = []string{"md", "html", "pdf"}

// BuildReport reads session s's logs, polls and notes into its report.
func BuildReport(ctx context.Context, store ReportStore, clock Clock, s agenda.Session) (report.Report, error) {
	key := ModerationKey(s.Source, s.GUID)
	log, err := store.FloorLog(ctx, key)
	if err != nil {
		return report.Report{}, err
	}
	fs, err := floor.Replay(log)
	if err != nil {
		return report.Report{}, err
	}
	polls, err := OpenPolls(ctx, store, clock, key)
	if err != nil {
		return report.Report{}, err
	}
	notes, err := store.Rapporteur(ctx, key)
	if err != nil {
		return report.Report{}, err
	}
	heads, err := store.Headcounts(ctx, key)
	if err != nil {
		return report.Report{}, err
	}
	team, err := store.TeamNotes(ctx, key)
	if err != nil {
		return report.Report{}, err
	}
	seats, err := store.Seats(ctx)
	if err != nil {
		return report.Report{}, err
	}
	asked, err := store.Questions(ctx, key)
	if err != nil {
		return report.Report{}, err
	}
	return report.Build(report.Input{Session: s, Floor: fs, Polls: polls.All(), Notes: notes,
		Headcounts: heads, Team: team, Served: served(seats, log, team), Audience: asked, Generated: clock.Now()}), nil
}

// WriteReport writes r as format (md, html or pdf) to path. Markdown's
// charts go beside it as PATH-NAME.png; HTML and PDF hold theirs. The file
// is written whole to a temporary name and renamed, so a full disk leaves
// no half report behind.
func WriteReport(r report.Report, format, path string) error {
	charts, err := report.Charts(r)
	if err != nil {
		return err
	}
	var body []byte
	switch format {
	case "md":
		base := strings.TrimSuffix(path, filepath.Ext(path))
		for _, c := range charts {
			if err := writeWhole(base+"-"+c.Name+".png", c.PNG); err != nil {
				return err
			}
		}
		body = []byte(report.Markdown(r, charts, func(c report.Chart) string {
			return filepath.Base(base) + "-" + c.Name + ".png"
		}))
	case "html":
		body, err = report.HTML(r, charts)
	case "pdf":
		body, err = report.PDF(r, charts)
	default:
		return fmt.Errorf("report format %q: use md, html or pdf", format)
	}
	if err != nil {
		return err
	}
	return writeWhole(path, body)
}

func writeWhole(path string, b []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	_, err = tmp.Write(b)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o644) // a report is meant to be shared
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// ReportFileName is a file name for session s's report in format.
func ReportFileName(s agenda.Session, format string) string {
	name := s.Number
	if name == "" {
		name = s.Title
	}
	var b strings.Builder
	for _, r := range strings.ToLower(name) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
	}
	return "report-" + strings.Trim(b.String(), "-") + "." + format
}

// SessionReports is one session's report as the console edits and exports
// it: the rapporteur's notes, and files written to Dir.
type SessionReports struct {
	Store   ReportStore
	Clock   Clock
	Session agenda.Session
	Dir     string // where exported reports go
}

// Notes is what the rapporteur has written so far.
func (s SessionReports) Notes(ctx context.Context) (floor.Rapporteur, error) {
	return s.Store.Rapporteur(ctx, ModerationKey(s.Session.Source, s.Session.GUID))
}

// SaveNotes keeps what the rapporteur wrote.
func (s SessionReports) SaveNotes(ctx context.Context, n floor.Rapporteur) error {
	for _, v := range []int{n.InRoom, n.Online, n.Women} {
		if v < 0 || v > 1000000 {
			return fmt.Errorf("a count of people is 0 or more, not %d", v)
		}
	}
	n.Updated = s.Clock.Now()
	return s.Store.SaveRapporteur(ctx, ModerationKey(s.Session.Source, s.Session.GUID), n)
}

// Export writes the report in format to Dir and returns its path.
func (s SessionReports) Export(ctx context.Context, format string) (string, error) {
	r, err := BuildReport(ctx, s.Store, s.Clock, s.Session)
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(s.Dir, 0o700); err != nil {
		return "", fmt.Errorf("report folder: %w", err)
	}
	path := filepath.Join(s.Dir, ReportFileName(s.Session, format))
	return path, WriteReport(r, format, path)
}
