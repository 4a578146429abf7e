package storage

import (
	"context"
	"database/sql"
)

// saveStmts are the statements a schedule save runs per session, prepared
// once per transaction: preparing each call parsed the SQL 117 times for
// DebConf, and 10 000 times for a large schedule.
type saveStmts struct {
	get, upsert, ftsDel, ftsIns, change *sql.Stmt
	search                              []searchRow // queued for flushSearch
}

type searchRow struct {
	id                          int64
	existed                     bool
	number, title, people, body string
}

func prepareSave(ctx context.Context, tx *sql.Tx) (*saveStmts, error) {
	st := &saveStmts{}
	for _, p := range []struct {
		dst **sql.Stmt
		sql string
	}{
		{&st.get, `SELECT ` + sessionColumns + ` FROM sessions WHERE source = ? AND guid = ?`},
		{&st.upsert, `INSERT INTO sessions (source, guid, event_id, number, title, format, online_format,
		planned_min, online_min, start_utc, end_utc, zone, room, abstract, description, issues, policy_intro,
		expected_outcomes, people, policy_questions, sdgs, agenda_items, links, notes, updated_at, track, track_colour)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (source, guid) DO UPDATE SET event_id = excluded.event_id, number = excluded.number,
		title = excluded.title, format = excluded.format, online_format = excluded.online_format,
		planned_min = excluded.planned_min, online_min = excluded.online_min, start_utc = excluded.start_utc,
		end_utc = excluded.end_utc, zone = excluded.zone, room = excluded.room, abstract = excluded.abstract,
		description = excluded.description, issues = excluded.issues, policy_intro = excluded.policy_intro,
		expected_outcomes = excluded.expected_outcomes, people = excluded.people,
		policy_questions = excluded.policy_questions, sdgs = excluded.sdgs, agenda_items = excluded.agenda_items,
		links = excluded.links, notes = excluded.notes, updated_at = excluded.updated_at, track = excluded.track,
		track_colour = excluded.track_colour
		RETURNING id`},
		{&st.ftsDel, `DELETE FROM session_search WHERE rowid = ?`},
		{&st.ftsIns, `INSERT INTO session_search (rowid, number, title, people, body) VALUES (?, ?, ?, ?, ?)`},
		{&st.change, `INSERT INTO session_changes (import_id, source, guid, title, field, old, new) VALUES (?, ?, ?, ?, ?, ?, ?)`},
	} {
		s, err := tx.PrepareContext(ctx, p.sql)
		if err != nil {
			st.close()
			return nil, err
		}
		*p.dst = s
	}
	return st, nil
}

func (st *saveStmts) close() {
	for _, s := range []*sql.Stmt{st.get, st.upsert, st.ftsDel, st.ftsIns, st.change} {
		if s != nil {
			s.Close()
		}
	}
}
