package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/igf-floor/floor/app/floor"
)

const hubColumns = `id, name, city, grp, region, created_at, revoked_at`

// AddHub stores a new hub with the hash of its token.
func (db *DB) AddHub(ctx context.Context, h floor.Hub, tokenHash []byte) error {
	_, err := db.sql.ExecContext(ctx, `INSERT INTO hubs (`+hubColumns+`, token_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		h.ID, h.Name, h.City, h.Group, h.Region, unix(h.Created), unix(h.Revoked), tokenHash)
	if err != nil {
		return fmt.Errorf("add hub %s: %w", h.Name, busy(err))
	}
	return nil
}

// Hubs returns every hub, revoked ones included, oldest first.
func (db *DB) Hubs(ctx context.Context) ([]floor.Hub, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT `+hubColumns+` FROM hubs ORDER BY created_at, id`)
	if err != nil {
		return nil, fmt.Errorf("hubs: %w", err)
	}
	defer rows.Close()
	var out []floor.Hub
	for rows.Next() {
		h, err := scanHub(rows)
		if err != nil {
			return nil, fmt.Errorf("hubs: %w", err)
		}
		out = append(out, h)
	}
	return out, rows.Err()
}

// Hub returns hub id, or ErrNotFound.
func (db *DB) Hub(ctx context.Context, id string) (floor.Hub, error) {
	return db.oneHub(ctx, `SELECT `+hubColumns+` FROM hubs WHERE id = ?`, id)
}

// HubByTokenHash returns the hub whose token hashes to hash, with the
// stored hash so the caller can compare it in constant time; ErrNotFound
// when none does.
func (db *DB) HubByTokenHash(ctx context.Context, hash []byte) (floor.Hub, []byte, error) {
	row := db.sql.QueryRowContext(ctx, `SELECT `+hubColumns+`, token_hash FROM hubs WHERE token_hash = ?`, hash)
	var stored []byte
	h, err := scanHub(row, &stored)
	if errors.Is(err, sql.ErrNoRows) {
		return h, nil, fmt.Errorf("hub token: %w", ErrNotFound)
	}
	if err != nil {
		return h, nil, fmt.Errorf("hub token: %w", err)
	}
	return h, stored, nil
}

// RevokeHub marks hub id revoked at at; its token stops working at once.
func (db *DB) RevokeHub(ctx context.Context, id string, at time.Time) (floor.Hub, error) {
	res, err := db.sql.ExecContext(ctx, `UPDATE hubs SET revoked_at = ? WHERE id = ? AND revoked_at = 0`, unix(at), id)
	if err != nil {
		return floor.Hub{}, fmt.Errorf("revoke hub %s: %w", id, busy(err))
	}
	if n, _ := res.RowsAffected(); n == 0 {
		if _, err := db.Hub(ctx, id); err != nil {
			return floor.Hub{}, err
		}
	}
	return db.Hub(ctx, id)
}

// AppendAudit adds one line to the hubs' security record.
func (db *DB) AppendAudit(ctx context.Context, e floor.AuditEvent) error {
	_, err := db.sql.ExecContext(ctx, `INSERT INTO hub_audit (at, kind, hub, remote, detail) VALUES (?, ?, ?, ?, ?)`,
		e.At.UnixNano(), e.Kind, e.Hub, e.Remote, e.Detail)
	if err != nil {
		return fmt.Errorf("audit %s: %w", e.Kind, busy(err))
	}
	return nil
}

// Audit returns the last limit lines of the security record, oldest first.
func (db *DB) Audit(ctx context.Context, limit int) ([]floor.AuditEvent, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT at, kind, hub, remote, detail FROM
		(SELECT * FROM hub_audit ORDER BY id DESC LIMIT ?) ORDER BY id`, limit)
	if err != nil {
		return nil, fmt.Errorf("audit: %w", err)
	}
	defer rows.Close()
	var out []floor.AuditEvent
	for rows.Next() {
		var e floor.AuditEvent
		var at int64
		if err := rows.Scan(&at, &e.Kind, &e.Hub, &e.Remote, &e.Detail); err != nil {
			return nil, fmt.Errorf("audit: %w", err)
		}
		e.At = time.Unix(0, at).UTC()
		out = append(out, e)
	}
	return out, rows.Err()
}

func (db *DB) oneHub(ctx context.Context, query string, args ...any) (floor.Hub, error) {
	h, err := scanHub(db.sql.QueryRowContext(ctx, query, args...))
	if errors.Is(err, sql.ErrNoRows) {
		return h, fmt.Errorf("hub %v: %w", args[0], ErrNotFound)
	}
	if err != nil {
		return h, fmt.Errorf("hub %v: %w", args[0], err)
	}
	return h, nil
}

func scanHub(row interface{ Scan(...any) error }, extra ...any) (floor.Hub, error) {
	var h floor.Hub
	var created, revoked int64
	dest := append([]any{&h.ID, &h.Name, &h.City, &h.Group, &h.Region, &created, &revoked}, extra...)
	if err := row.Scan(dest...); err != nil {
		return h, err
	}
	h.Created, h.Revoked = fromUnix(created), fromUnix(revoked)
	return h, nil
}
