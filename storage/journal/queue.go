package journal

import (
	"context"
	"fmt"
	"time"

	"copydesk/editor"
)

// The offline save queue: a save made while the shared desk cannot be
// reached waits here, in the order it was made, and is sent when the desk
// is back.

// PendingSave is one save waiting for the desk (editor.PendingSave).
type PendingSave = editor.PendingSave

// Enqueue puts p at the end of its owner's queue on desk, setting p.ID and
// p.QueuedAt.
func (j *Journal) Enqueue(ctx context.Context, desk string, p *PendingSave) error {
	if p.DocKind != "story" && p.DocKind != "page" {
		return &editor.ValidationError{Field: "doc_kind", Problem: fmt.Sprintf("%q is not story or page", p.DocKind)}
	}
	at := j.now()
	res, err := j.db.ExecContext(ctx, `INSERT INTO pending_saves (desk, user_name, client, doc_id, doc_kind, base, content, kind, author, note, queued_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		desk, p.User, p.Client, p.DocID, p.DocKind, p.Base, p.Content, string(p.Meta.Kind), p.Meta.Author, p.Meta.Note, at.Format(timeLayout))
	if err != nil {
		return err
	}
	p.ID, err = res.LastInsertId()
	p.QueuedAt = at
	return err
}

// Pending lists who's saves waiting on desk, oldest first: what the status
// bar counts, and what quitting asks about.
func (j *Journal) Pending(ctx context.Context, desk string, who editor.Owner) ([]PendingSave, error) {
	rows, err := j.db.QueryContext(ctx, `SELECT id, doc_id, doc_kind, base, content, kind, author, note, queued_at, user_name, client
		FROM pending_saves WHERE desk = ? AND user_name = ? AND client = ? ORDER BY id`, desk, who.User, who.Client)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []PendingSave
	for rows.Next() {
		var p PendingSave
		var kind, at string
		if err := rows.Scan(&p.ID, &p.DocID, &p.DocKind, &p.Base, &p.Content, &kind, &p.Meta.Author, &p.Meta.Note, &at, &p.User, &p.Client); err != nil {
			return nil, err
		}
		p.Meta.Kind = editor.RevisionKind(kind)
		if p.QueuedAt, err = time.Parse(timeLayout, at); err != nil {
			return nil, fmt.Errorf("journal: pending save %d: bad time %q", p.ID, at)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// Sent removes a pending save from the queue: it has landed in the store.
func (j *Journal) Sent(ctx context.Context, id int64) error {
	_, err := j.db.ExecContext(ctx, `DELETE FROM pending_saves WHERE id = ?`, id)
	return err
}

// Drain sends who's pending saves on desk in order through send, removing
// each once send returns nil, and stops at the first error (the desk gone
// again, a clash to resolve), leaving that save and the ones after it
// queued. It returns the saves sent, for the notice of what was sent.
func (j *Journal) Drain(ctx context.Context, desk string, who editor.Owner, send func(ctx context.Context, p PendingSave) error) ([]PendingSave, error) {
	pending, err := j.Pending(ctx, desk, who)
	if err != nil {
		return nil, err
	}
	var sent []PendingSave
	for _, p := range pending {
		if err := send(ctx, p); err != nil {
			return sent, err
		}
		if err := j.Sent(ctx, p.ID); err != nil {
			return sent, err
		}
		sent = append(sent, p)
	}
	return sent, nil
}
