package storage

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/igf-floor/floor/app/agenda"
)

// DefaultSearchLimit caps search results: a person types to find a handful
// of sessions, and a search that matches more asks them to type more.
const DefaultSearchLimit = 200

const listColumns = `s.id, s.source, s.guid, s.event_id, s.number, s.title, s.format, s.planned_min, s.online_min,
	s.start_utc, s.end_utc, s.zone, s.room, s.track, s.track_colour`

// ListSessions returns sessions in agenda order (by start, unscheduled last)
// with the fields a list shows; people and long texts are left out.
//
// A search takes the first matches in index order and stops at the limit,
// so that a common word costs the same as a rare one on 100 000 sessions;
// ranking every match by relevance cost 30–90 ms there.
func (db *DB) ListSessions(ctx context.Context, f agenda.Filter) (agenda.Listing, error) {
	var (
		where []string
		args  []any
		limit = f.Limit
	)
	if limit <= 0 {
		limit = DefaultSearchLimit
	}
	match := ftsQuery(f.Search)
	if match != "" {
		where = append(where, fmt.Sprintf(`s.id IN (SELECT rowid FROM session_search WHERE session_search MATCH ? LIMIT %d)`, limit+1))
		args = append(args, match)
	}
	if f.FavouritesOnly {
		where = append(where, `EXISTS (SELECT 1 FROM favourites v WHERE v.source = s.source AND v.guid = s.guid)`)
	}
	q := `SELECT ` + listColumns + ` FROM sessions s`
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, " AND ")
	}
	q += ` ORDER BY s.start_utc IS NULL, s.start_utc, s.id`
	rows, err := db.sql.QueryContext(ctx, q, args...)
	if err != nil {
		return agenda.Listing{}, fmt.Errorf("list sessions: %w", err)
	}
	defer rows.Close()
	var (
		out agenda.Listing
		// A schedule names a few sources, events, zones, rooms, tracks and
		// formats thousands of times: the listing keeps one copy of each
		// (10 000 sessions: 1.4 MB less that the window keeps live).
		shared                                         = sharedStrings{}
		source, event, format, zone, room, trk, colour sql.RawBytes
	)
	for rows.Next() {
		var s agenda.Session
		var planned, online int
		var start, end sql.NullInt64
		if err := rows.Scan(&s.ID, &source, &s.GUID, &event, &s.Number, &s.Title, &format,
			&planned, &online, &start, &end, &zone, &room, &trk, &colour); err != nil {
			return agenda.Listing{}, fmt.Errorf("list sessions: %w", err)
		}
		s.Source, s.EventID, s.Format = shared.of(source), shared.of(event), shared.of(format)
		s.Zone, s.Room, s.Track, s.TrackColour = shared.of(zone), shared.of(room), shared.of(trk), shared.of(colour)
		s.Planned, s.Online = time.Duration(planned)*time.Minute, time.Duration(online)*time.Minute
		s.Start, s.End = timeOrZero(start), timeOrZero(end)
		out.Sessions = append(out.Sessions, s)
	}
	if err := rows.Err(); err != nil {
		return agenda.Listing{}, fmt.Errorf("list sessions: %w", err)
	}
	// append grows a long slice by a quarter at a time: give the window a
	// listing of its own length (up to 1 MB less with 10 000 sessions).
	if spare := cap(out.Sessions) - len(out.Sessions); spare > len(out.Sessions)/16 {
		out.Sessions = slices.Clone(out.Sessions)
	}
	if match != "" && len(out.Sessions) > limit {
		out.Sessions, out.Truncated = dropLatest(out.Sessions), true
	}
	return out, nil
}

// sharedStrings hands out one string for each distinct value read.
type sharedStrings map[string]string

func (m sharedStrings) of(b sql.RawBytes) string {
	if s, ok := m[string(b)]; ok {
		return s
	}
	s := string(b)
	m[s] = s
	return s
}

// dropLatest removes one session, the latest in agenda order, to bring a
// limit+1 probe back to the limit.
func dropLatest(ss []agenda.Session) []agenda.Session {
	latest := 0
	for i := range ss {
		if agendaBefore(ss[latest], ss[i]) {
			latest = i
		}
	}
	return append(ss[:latest], ss[latest+1:]...)
}

func agendaBefore(a, b agenda.Session) bool {
	if a.Scheduled() != b.Scheduled() {
		return a.Scheduled()
	}
	if !a.Start.Equal(b.Start) {
		return a.Start.Before(b.Start)
	}
	return a.ID < b.ID
}

// ftsQuery turns what a person typed into an FTS5 query that cannot be a
// syntax error: every word becomes a quoted prefix term, all must match.
func ftsQuery(input string) string {
	words := strings.FieldsFunc(input, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) })
	for i, w := range words {
		words[i] = `"` + w + `"*`
	}
	return strings.Join(words, " ")
}

// CountSessions returns how many sessions are stored.
func (db *DB) CountSessions(ctx context.Context) (int, error) {
	var n int
	if err := db.sql.QueryRowContext(ctx, `SELECT count(*) FROM sessions`).Scan(&n); err != nil {
		return 0, fmt.Errorf("count sessions: %w", err)
	}
	return n, nil
}

// Event returns the event with the given id.
func (db *DB) Event(ctx context.Context, id string) (agenda.Event, error) {
	var e agenda.Event
	err := db.sql.QueryRowContext(ctx, `SELECT id, title, zone FROM events WHERE id = ?`, id).Scan(&e.ID, &e.Title, &e.Zone)
	if err == sql.ErrNoRows {
		return e, fmt.Errorf("event %q: %w", id, ErrNotFound)
	}
	if err != nil {
		return e, fmt.Errorf("event %q: %w", id, err)
	}
	return e, nil
}
