package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/igf-floor/floor/app/agenda"
)

// SaveSchedule stores a parsed schedule in one transaction: sessions with a
// known (source, guid) are updated in place (same id, favourites untouched),
// new ones are added, and for a complete schedule the source's sessions that
// are gone are removed. A schedule without sessions is refused, so a bad
// download never empties the agenda.
func (db *DB) SaveSchedule(ctx context.Context, sched agenda.Schedule, rec agenda.ImportRecord) (agenda.SaveResult, error) {
	res := agenda.SaveResult{Kept: map[string][]agenda.Kept{}}
	if len(sched.Sessions) == 0 {
		return res, errors.New("save schedule: it has no sessions; the stored agenda is kept")
	}
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return res, fmt.Errorf("save schedule: %w", busy(err))
	}
	defer tx.Rollback()
	source := sched.Sessions[0].Source
	eventID, others, err := eventFor(ctx, tx, source, sched.Event.ID)
	if err != nil {
		return res, fmt.Errorf("save event %s: %w", sched.Event.ID, err)
	}
	if eventID != sched.Event.ID {
		res.Notes = append(res.Notes, fmt.Sprintf("the event id %q is already another source's event (%s); this schedule is kept apart as its own event %q, and the other is left as it was",
			sched.Event.ID, strings.Join(others, ", "), eventID))
		sched.Event.ID = eventID
	}
	res.EventID = eventID
	if _, err := tx.ExecContext(ctx, `INSERT INTO events (id, title, zone) VALUES (?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET title = excluded.title, zone = excluded.zone`,
		sched.Event.ID, sched.Event.Title, sched.Event.Zone); err != nil {
		return res, fmt.Errorf("save event %s: %w", sched.Event.ID, err)
	}
	var existing int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM sessions WHERE source = ?`, source).Scan(&existing); err != nil {
		return res, fmt.Errorf("save schedule: %w", err)
	}
	warnings, _ := json.Marshal(rec.Report.Warnings)
	var importID int64
	if err := tx.QueryRowContext(ctx, `INSERT INTO imports (source, file, format, at, sessions, warnings) VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
		source, rec.File, rec.Format, rec.At.Unix(), len(sched.Sessions), string(warnings)).Scan(&importID); err != nil {
		return res, fmt.Errorf("record import: %w", err)
	}
	st, err := prepareSave(ctx, tx)
	if err != nil {
		return res, fmt.Errorf("save schedule: %w", err)
	}
	defer st.close()
	record := func(s agenda.Session, c agenda.Change) error {
		res.Changes++
		_, err := st.change.ExecContext(ctx, importID, s.Source, s.GUID, s.Title, c.Field, c.Old, c.New)
		return err
	}
	stored, err := storedSessions(ctx, tx, source, existing, len(sched.Sessions))
	if err != nil {
		return res, fmt.Errorf("save schedule: %w", err)
	}
	keep := map[string]bool{}
	for _, s := range sched.Sessions {
		keep[s.GUID] = true
		s.EventID = sched.Event.ID
		var prev agenda.Session
		if stored != nil {
			var ok bool
			if prev, ok = stored[s.GUID]; !ok {
				err = ErrNotFound
			} else {
				err = nil
			}
		} else {
			prev, err = scanSession(st.get.QueryRowContext(ctx, s.Source, s.GUID))
		}
		existed := err == nil
		switch {
		case errors.Is(err, ErrNotFound):
			res.Added++
			// The first import of a source is all new; say "new" only after it.
			if existing > 0 {
				if err := record(s, agenda.Change{Field: "new", New: s.Title}); err != nil {
					return res, fmt.Errorf("record change: %w", err)
				}
			}
		case err != nil:
			return res, fmt.Errorf("save session %s: %w", s.GUID, err)
		default:
			// A whole schedule is its publisher's new version and replaces
			// the session (agenda.Merge); a single page (IGF) is one view
			// of it and only adds to what is known (agenda.MergePage).
			var kept []agenda.Kept
			if sched.Complete {
				s, kept = agenda.Merge(prev, s)
			} else {
				s, kept = agenda.MergePage(prev, s)
			}
			if len(kept) > 0 {
				res.Kept[s.GUID] = kept
			}
			for _, c := range agenda.Diff(prev, s) {
				if err := record(s, c); err != nil {
					return res, fmt.Errorf("record change: %w", err)
				}
			}
			if unchanged(prev, s) {
				res.Unchanged++
				continue // nothing to write: a re-import of the same schedule costs reads only
			}
			res.Updated++
		}
		if err := st.upsertSession(ctx, s, existed, rec.At); err != nil {
			return res, fmt.Errorf("save session %s: %w", s.GUID, err)
		}
	}
	if err := st.flushSearch(ctx); err != nil {
		return res, fmt.Errorf("save schedule: index for search: %w", err)
	}
	if sched.Complete {
		gone, err := removeMissing(ctx, tx, source, keep)
		if err != nil {
			return res, fmt.Errorf("save schedule: %w", err)
		}
		for _, s := range gone {
			if err := record(s, agenda.Change{Field: "removed", Old: s.Title}); err != nil {
				return res, fmt.Errorf("record change: %w", err)
			}
		}
		res.Removed = len(gone)
	}
	if err := tx.Commit(); err != nil {
		return res, fmt.Errorf("save schedule: %w", busy(err))
	}
	return res, nil
}

// eventFor is the id a source's schedule stores its event under. Event
// identity is per source: an event id belongs to the source whose sessions
// use it, so a schedule of another source that names the same id (a frab
// acronym, a calendar's name: "igf-2020") can never rename, re-zone or take
// over that event, the built-in agenda's included. It becomes its own event,
// "<id>@<source>" (a number added should that be taken too), the same one on
// every re-import. others names the sources that own id when it is not free.
func eventFor(ctx context.Context, tx *sql.Tx, source, id string) (string, []string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT DISTINCT event_id, source FROM sessions`)
	if err != nil {
		return "", nil, err
	}
	owners := map[string][]string{} // event id → sources with sessions in it
	for rows.Next() {
		var ev, src string
		if err := rows.Scan(&ev, &src); err != nil {
			rows.Close()
			return "", nil, err
		}
		owners[ev] = append(owners[ev], src)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return "", nil, err
	}
	only := func(ev string) (mine, theirs bool) {
		for _, src := range owners[ev] {
			if src == source {
				mine = true
			} else {
				theirs = true
			}
		}
		return mine, theirs
	}
	if _, theirs := only(id); !theirs {
		return id, nil, nil
	}
	others := slices.DeleteFunc(slices.Clone(owners[id]), func(s string) bool { return s == source })
	slices.Sort(others)
	candidates := []string{id + "@" + source}
	for n := 2; n <= 9; n++ {
		candidates = append(candidates, fmt.Sprintf("%s@%s-%d", id, source, n))
	}
	for _, c := range candidates { // the one it already has
		if mine, theirs := only(c); mine && !theirs {
			return c, others, nil
		}
	}
	for _, c := range candidates {
		if _, theirs := only(c); !theirs {
			return c, others, nil
		}
	}
	return "", others, fmt.Errorf("the event id %q and its alternatives are other sources' events", id)
}

// upsertSession writes s and queues its search row: the search index is
// written after every session, since FTS5 flushes its pending terms to disk
// whenever another statement opens a savepoint, which made a per-session
// index write cost ten times the row itself.
func (st *saveStmts) upsertSession(ctx context.Context, s agenda.Session, existed bool, now time.Time) error {
	var id int64
	err := st.upsert.QueryRowContext(ctx,
		s.Source, s.GUID, s.EventID, s.Number, s.Title, s.Format, s.OnlineFormat,
		int(s.Planned/time.Minute), int(s.Online/time.Minute), unixOrNull(s.Start), unixOrNull(s.End),
		s.Zone, s.Room, s.Abstract, s.Description, s.Issues, s.PolicyIntro, s.ExpectedOutcomes,
		encodePeople(s.People), mustJSON(nonNil(s.PolicyQuestions)), mustJSON(nonNil(s.SDGs)),
		mustJSON(nonNil(s.AgendaItems)), mustJSON(nonNil(s.Links)), mustJSON(nonNil(s.Notes)), now.Unix(), s.Track, s.TrackColour,
	).Scan(&id)
	if err != nil {
		return err
	}
	st.search = append(st.search, searchRow{id: id, existed: existed, number: s.Number, title: s.Title,
		people: searchPeople(s), body: searchBody(s)})
	return nil
}

// flushSearch writes the queued search rows, one run of FTS statements.
func (st *saveStmts) flushSearch(ctx context.Context) error {
	for _, r := range st.search {
		if r.existed {
			if _, err := st.ftsDel.ExecContext(ctx, r.id); err != nil {
				return err
			}
		}
	}
	for _, r := range st.search {
		if _, err := st.ftsIns.ExecContext(ctx, r.id, r.number, r.title, r.people, r.body); err != nil {
			return err
		}
	}
	st.search = nil
	return nil
}

// storedSessions reads all of a source's sessions in one query when a
// schedule is large (one query instead of one per session: 10 000 lookups
// cost more than the diff they feed); nil for a single page.
func storedSessions(ctx context.Context, tx *sql.Tx, source string, existing, incoming int) (map[string]agenda.Session, error) {
	if existing == 0 || incoming < 50 {
		return nil, nil
	}
	rows, err := tx.QueryContext(ctx, `SELECT `+sessionColumns+` FROM sessions WHERE source = ?`, source)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make(map[string]agenda.Session, existing)
	for rows.Next() {
		s, err := scanSession(rows)
		if err != nil {
			return nil, err
		}
		out[s.GUID] = s
	}
	return out, rows.Err()
}

// unchanged reports whether next, once stored, would read back as prev.
func unchanged(prev, next agenda.Session) bool {
	next.ID = prev.ID
	return reflect.DeepEqual(asStored(prev), asStored(next))
}

// asStored is s as it reads back from the database: whole minutes, whole
// seconds, empty lists as nil.
func asStored(s agenda.Session) agenda.Session {
	s.Planned, s.Online = s.Planned.Truncate(time.Minute), s.Online.Truncate(time.Minute)
	s.Start, s.End = timeOrZero(unixOrNull(s.Start)), timeOrZero(unixOrNull(s.End))
	s.PolicyQuestions, s.SDGs, s.AgendaItems = nilIfEmpty(s.PolicyQuestions), nilIfEmpty(s.SDGs), nilIfEmpty(s.AgendaItems)
	s.Links, s.Notes, s.People = nilIfEmpty(s.Links), nilIfEmpty(s.Notes), nilIfEmpty(s.People)
	return s
}

func nilIfEmpty[T any](xs []T) []T {
	if len(xs) == 0 {
		return nil
	}
	return xs
}

func nonNil[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}

// removeMissing deletes the source's sessions that are not in keep and
// returns them (source, guid and title) for the change log.
func removeMissing(ctx context.Context, tx *sql.Tx, source string, keep map[string]bool) ([]agenda.Session, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, guid, title FROM sessions WHERE source = ?`, source)
	if err != nil {
		return nil, err
	}
	var gone []agenda.Session
	for rows.Next() {
		var s agenda.Session
		if err := rows.Scan(&s.ID, &s.GUID, &s.Title); err != nil {
			rows.Close()
			return nil, err
		}
		if !keep[s.GUID] {
			s.Source = source
			gone = append(gone, s)
		}
	}
	rows.Close()
	for _, s := range gone {
		if _, err := tx.ExecContext(ctx, `DELETE FROM session_search WHERE rowid = ?`, s.ID); err != nil {
			return nil, err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE id = ?`, s.ID); err != nil {
			return nil, err
		}
	}
	return gone, nil
}

type querier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

const sessionColumns = `id, source, guid, event_id, number, title, format, online_format, planned_min, online_min,
	start_utc, end_utc, zone, room, abstract, description, issues, policy_intro, expected_outcomes,
	people, policy_questions, sdgs, agenda_items, links, notes, track, track_colour`

func scanSession(row interface{ Scan(...any) error }) (agenda.Session, error) {
	var s agenda.Session
	var planned, online int
	var start, end sql.NullInt64
	var people, questions, sdgs, items, links, notes string
	if err := row.Scan(&s.ID, &s.Source, &s.GUID, &s.EventID, &s.Number, &s.Title, &s.Format, &s.OnlineFormat,
		&planned, &online, &start, &end, &s.Zone, &s.Room, &s.Abstract, &s.Description, &s.Issues,
		&s.PolicyIntro, &s.ExpectedOutcomes, &people, &questions, &sdgs, &items, &links, &notes, &s.Track, &s.TrackColour); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return s, ErrNotFound
		}
		return s, err
	}
	s.Planned, s.Online = time.Duration(planned)*time.Minute, time.Duration(online)*time.Minute
	s.Start, s.End = timeOrZero(start), timeOrZero(end)
	var err error
	if s.People, err = decodePeople(people); err != nil {
		return s, err
	}
	for _, f := range []struct {
		src string
		dst any
	}{{questions, &s.PolicyQuestions}, {sdgs, &s.SDGs}, {items, &s.AgendaItems}, {links, &s.Links}, {notes, &s.Notes}} {
		if err := json.Unmarshal([]byte(f.src), f.dst); err != nil {
			return s, fmt.Errorf("decode session %d: %w", s.ID, err)
		}
	}
	// An empty list reads back as nil, as a parser leaves it.
	s.PolicyQuestions, s.SDGs, s.AgendaItems = nilIfEmpty(s.PolicyQuestions), nilIfEmpty(s.SDGs), nilIfEmpty(s.AgendaItems)
	s.Links, s.Notes, s.People = nilIfEmpty(s.Links), nilIfEmpty(s.Notes), nilIfEmpty(s.People)
	return s, nil
}

func sessionByKey(ctx context.Context, q querier, source, guid string) (agenda.Session, error) {
	return scanSession(q.QueryRowContext(ctx, `SELECT `+sessionColumns+` FROM sessions WHERE source = ? AND guid = ?`, source, guid))
}

// Session returns the whole session with the given id.
func (db *DB) Session(ctx context.Context, id int64) (agenda.Session, error) {
	s, err := scanSession(db.sql.QueryRowContext(ctx, `SELECT `+sessionColumns+` FROM sessions WHERE id = ?`, id))
	if err != nil {
		return s, fmt.Errorf("session %d: %w", id, err)
	}
	return s, nil
}

// FindSession resolves what a user typed: a row id, a GUID ("IGF 2020 WS
// #234") or a session number ("WS #234", "ws234"), ignoring case and spaces.
func (db *DB) FindSession(ctx context.Context, ref string) (agenda.Session, error) {
	if id, err := strconv.ParseInt(strings.TrimSpace(ref), 10, 64); err == nil {
		return db.Session(ctx, id)
	}
	key := compactKey(ref)
	rows, err := db.sql.QueryContext(ctx, `SELECT id, guid FROM sessions
		WHERE replace(replace(lower(guid), ' ', ''), '#', '') = ?
		   OR replace(replace(lower(number), ' ', ''), '#', '') = ? ORDER BY start_utc, id`, key, key)
	if err != nil {
		return agenda.Session{}, fmt.Errorf("find session %q: %w", ref, err)
	}
	defer rows.Close()
	var ids []int64
	var guids []string
	for rows.Next() {
		var id int64
		var guid string
		if err := rows.Scan(&id, &guid); err != nil {
			return agenda.Session{}, fmt.Errorf("find session %q: %w", ref, err)
		}
		ids, guids = append(ids, id), append(guids, guid)
	}
	if err := rows.Err(); err != nil {
		return agenda.Session{}, fmt.Errorf("find session %q: %w", ref, err)
	}
	switch len(ids) {
	case 0:
		return agenda.Session{}, fmt.Errorf("session %q: %w", ref, ErrNotFound)
	case 1:
		return db.Session(ctx, ids[0])
	}
	return agenda.Session{}, fmt.Errorf("%q matches %d sessions (%s); give the id or the full name", ref, len(ids), strings.Join(guids, ", "))
}

// compactKey drops case, spaces and '#', so "ws234" finds "WS #234".
func compactKey(s string) string {
	return strings.ReplaceAll(strings.ToLower(strings.Join(strings.Fields(s), "")), "#", "")
}
