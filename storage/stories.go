package storage

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"copydesk/editor"
)

// querier is what both *sql.DB and *sql.Tx offer, so the small helpers below
// serve reads outside a transaction and writes inside one.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

const storyColumns = `id, slug, headline, standfirst, byline, dateline, body, credit, section, tags,
	status, rules_page, revision, created_at, updated_at, published_at`

// CreateStory saves a new story as revision 1. It gives the story an ID, a
// slug unique among stories (from its slug, headline or first words) and its
// times, and fills them in s.
func (d *DB) CreateStory(ctx context.Context, s *editor.Story, meta editor.RevisionMeta) error {
	return d.CreateStories(ctx, []*editor.Story{s}, meta, nil)
}

// CreateStories saves new stories as CreateStory does, all in one transaction:
// either every one is saved or none is. progress, when not nil, is told how
// many are done.
func (d *DB) CreateStories(ctx context.Context, stories []*editor.Story, meta editor.RevisionMeta, progress func(done, total int)) error {
	return d.Import(ctx, stories, nil, meta, progress)
}

// Import saves the people an import found to the directory (merged with those
// already known by name) and the new stories, in one transaction, so that
// their quotes link to their speakers.
func (d *DB) Import(ctx context.Context, stories []*editor.Story, people []editor.Person, meta editor.RevisionMeta, progress func(done, total int)) error {
	for i, s := range stories {
		s.Normalize()
		if err := s.Validate(); err != nil {
			if len(stories) > 1 {
				return fmt.Errorf("story %d (%s): %w", i+1, s.Title(), err)
			}
			return err
		}
	}
	if err := meta.Validate(); err != nil {
		return err
	}
	if meta.Kind == "" {
		meta.Kind = editor.RevisionCheckpoint
	}
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for i := range people {
		if err := d.savePerson(ctx, tx, &people[i]); err != nil {
			return fmt.Errorf("person %q: %w", people[i].Name, err)
		}
	}
	for i, s := range stories {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := d.createStory(ctx, tx, s, meta); err != nil {
			return err
		}
		if progress != nil {
			progress(i+1, len(stories))
		}
	}
	return tx.Commit()
}

func (d *DB) createStory(ctx context.Context, tx *sql.Tx, s *editor.Story, meta editor.RevisionMeta) error {
	base := s.Slug
	if base == "" {
		base = s.SlugBase()
	}
	slug, err := editor.UniqueSlug(base, "story", func(c string) (bool, error) { return slugTaken(ctx, tx, "stories", c, "") })
	if err != nil {
		return err
	}
	now := d.now()
	s.ID, s.Slug, s.Revision, s.UpdatedAt = d.NewID(), slug, 1, now
	if s.CreatedAt.IsZero() {
		s.CreatedAt = now
	}
	if s.Status == editor.StatusPublished && s.PublishedAt == nil {
		t := s.CreatedAt
		s.PublishedAt = &t
	}
	if err := d.prepareQuotes(ctx, tx, s); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO stories (`+storyColumns+`)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, storyArgs(s)...); err != nil {
		return err
	}
	if err := writeStoryParts(ctx, tx, s); err != nil {
		return err
	}
	return d.insertRevision(ctx, tx, "story", s.ID, 1, meta, s.Content(), s.Words())
}

// SaveStory saves an edited story as a new revision, when its content differs
// from the current revision; saved is false when there was nothing to save.
// base is the revision the edit started from: when the story has moved on
// since, nothing is written and the error wraps editor.ErrConflict.
func (d *DB) SaveStory(ctx context.Context, s *editor.Story, base int, meta editor.RevisionMeta) (saved bool, err error) {
	s.Normalize()
	if err := firstErr(s.Validate(), meta.Validate()); err != nil {
		return false, err
	}
	if meta.Kind == "" {
		meta.Kind = editor.RevisionCheckpoint
	}
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return false, err
	}
	defer tx.Rollback()

	cur, err := findStoryByID(ctx, tx, s.ID)
	if err != nil {
		return false, err
	}
	if err := checkEdit(ctx, tx, "stories", "story", cur.Title(), s.ID, &s.Slug, cur.Slug, base, cur.Revision); err != nil {
		return false, err
	}
	if err := d.prepareQuotes(ctx, tx, s); err != nil {
		return false, err
	}
	s.CreatedAt, s.Corrections = cur.CreatedAt, cur.Corrections
	if bytes.Equal(s.Content(), cur.Content()) {
		s.Revision, s.UpdatedAt, s.PublishedAt = cur.Revision, cur.UpdatedAt, cur.PublishedAt
		return false, nil
	}
	now := d.now()
	s.Revision, s.UpdatedAt, s.PublishedAt = cur.Revision+1, now, cur.PublishedAt
	if s.Status == editor.StatusPublished && s.PublishedAt == nil {
		s.PublishedAt = &now
	}
	if _, err := tx.ExecContext(ctx, `UPDATE stories SET slug = ?, headline = ?, standfirst = ?, byline = ?,
		dateline = ?, body = ?, credit = ?, section = ?, tags = ?, status = ?, rules_page = ?, revision = ?,
		created_at = ?, updated_at = ?, published_at = ? WHERE id = ?`, append(storyArgs(s)[1:], s.ID)...); err != nil {
		return false, err
	}
	if cur.Status == editor.StatusPublished && s.Status == editor.StatusPublished && meta.Kind == editor.RevisionCheckpoint {
		// A change to a live story is a correction, published with the story.
		meta.Kind = editor.RevisionCorrection
	}
	if meta.Kind == editor.RevisionCorrection || (meta.Kind == editor.RevisionRestore && cur.Status == editor.StatusPublished && s.Status == editor.StatusPublished) {
		if strings.TrimSpace(meta.Note) == "" {
			return false, &editor.ValidationError{Field: "note", Problem: fmt.Sprintf(
				"is empty; %q is published, so a change to it needs a correction note saying what was corrected", cur.Title())}
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO corrections (story_id, seq, note, at) VALUES (?, ?, ?, ?)`,
			s.ID, s.Revision, meta.Note, formatTime(now)); err != nil {
			return false, err
		}
		s.Corrections = append(s.Corrections, editor.Correction{Note: meta.Note, At: now})
	}
	if err := writeStoryParts(ctx, tx, s); err != nil {
		return false, err
	}
	if err := d.insertRevision(ctx, tx, "story", s.ID, s.Revision, meta, s.Content(), s.Words()); err != nil {
		return false, err
	}
	return true, tx.Commit()
}

// RestoreStory makes revision seq of a story current again, as a new revision
// of kind restore; nothing is deleted. saved is false when the story already
// reads as it did then.
func (d *DB) RestoreStory(ctx context.Context, id string, seq int, meta editor.RevisionMeta) (*editor.Story, bool, error) {
	cur, err := d.Story(ctx, id)
	if err != nil {
		return nil, false, err
	}
	_, content, err := findRevision(ctx, d.db, id, seq)
	if err != nil {
		return nil, false, err
	}
	next := *cur
	if err := next.ApplyContent(content); err != nil {
		return nil, false, err
	}
	if meta.Note == "" && cur.Status != editor.StatusPublished {
		meta.Note = fmt.Sprintf("restored revision %d", seq)
	}
	meta.Kind = editor.RevisionRestore
	saved, err := d.SaveStory(ctx, &next, cur.Revision, meta)
	if err != nil {
		return nil, false, err
	}
	return &next, saved, nil
}

// SetStatus moves a story through the workflow as a new revision of kind status.
func (d *DB) SetStatus(ctx context.Context, id string, status editor.Status, meta editor.RevisionMeta) (*editor.Story, error) {
	if err := status.Validate(); err != nil {
		return nil, err
	}
	s, err := d.Story(ctx, id)
	if err != nil {
		return nil, err
	}
	if s.Status == status {
		return s, nil
	}
	s.Status = status
	meta.Kind = editor.RevisionStatus
	if _, err := d.SaveStory(ctx, s, s.Revision, meta); err != nil {
		return nil, err
	}
	return s, nil
}

// Story returns the current state of the story with this ID.
func (d *DB) Story(ctx context.Context, id string) (*editor.Story, error) {
	return findStoryByID(ctx, d.db, id)
}

// FindStory finds a story by its full ID, a unique prefix of its ID of at
// least 6 characters, or its slug.
func (d *DB) FindStory(ctx context.Context, ref string) (*editor.Story, error) {
	id, err := resolveRef(ctx, d.db, "stories", "story", ref)
	if err != nil {
		return nil, err
	}
	return findStoryByID(ctx, d.db, id)
}

// ListStories lists stories, the most recently changed first.
func (d *DB) ListStories(ctx context.Context, f editor.StoryFilter) ([]editor.StorySummary, error) {
	q := `SELECT id, slug, headline, substr(body, 1, 200), status, section, revision, updated_at FROM stories`
	var args []any
	if f.Status != "" {
		q += ` WHERE status = ?`
		args = append(args, string(f.Status))
	}
	q += ` ORDER BY updated_at DESC, id LIMIT ? OFFSET ?`
	limit := f.Limit
	if limit <= 0 {
		limit = -1
	}
	args = append(args, limit, f.Offset)
	rows, err := d.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []editor.StorySummary
	for rows.Next() {
		var s editor.StorySummary
		var body string
		if err := rows.Scan(&s.ID, &s.Slug, &s.Headline, &body, &s.Status, &s.Section, &s.Revision, timeCol{&s.UpdatedAt}); err != nil {
			return nil, err
		}
		s.Title = (&editor.Story{Headline: s.Headline, Body: body}).Title()
		out = append(out, s)
	}
	return out, rows.Err()
}

// CountStories counts the stories with this status, or all of them when status is empty.
func (d *DB) CountStories(ctx context.Context, status editor.Status) (int, error) {
	q, args := `SELECT count(*) FROM stories`, []any{}
	if status != "" {
		q, args = q+` WHERE status = ?`, append(args, string(status))
	}
	var n int
	err := d.db.QueryRowContext(ctx, q, args...).Scan(&n)
	return n, err
}

// StoriesWithStatus loads every story with this status (every story when
// status is empty) whole, with quotes and corrections, in three queries: what
// an export needs.
func (d *DB) StoriesWithStatus(ctx context.Context, status editor.Status) ([]editor.Story, error) {
	where, args := "", []any{}
	if status != "" {
		where, args = ` WHERE status = ?`, append(args, string(status))
	}
	rows, err := d.db.QueryContext(ctx, `SELECT `+storyColumns+` FROM stories`+where+` ORDER BY published_at DESC, created_at DESC, id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []editor.Story
	index := map[string]int{}
	for rows.Next() {
		s, err := scanStory(rows)
		if err != nil {
			return nil, err
		}
		index[s.ID] = len(out)
		out = append(out, *s)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	quoteRows, err := d.db.QueryContext(ctx, `SELECT story_id, `+quoteColumns+` FROM quotes
		WHERE story_id IN (SELECT id FROM stories`+where+`) ORDER BY story_id, position`, args...)
	if err != nil {
		return nil, err
	}
	defer quoteRows.Close()
	for quoteRows.Next() {
		var storyID string
		q, err := scanQuote(quoteRows, &storyID)
		if err != nil {
			return nil, err
		}
		if i, ok := index[storyID]; ok {
			out[i].Quotes = append(out[i].Quotes, *q)
		}
	}
	if err := quoteRows.Err(); err != nil {
		return nil, err
	}
	corrRows, err := d.db.QueryContext(ctx, `SELECT story_id, note, at FROM corrections
		WHERE story_id IN (SELECT id FROM stories`+where+`) ORDER BY story_id, seq`, args...)
	if err != nil {
		return nil, err
	}
	defer corrRows.Close()
	for corrRows.Next() {
		var storyID string
		var c editor.Correction
		if err := corrRows.Scan(&storyID, &c.Note, timeCol{&c.At}); err != nil {
			return nil, err
		}
		if i, ok := index[storyID]; ok {
			out[i].Corrections = append(out[i].Corrections, c)
		}
	}
	return out, corrRows.Err()
}

// PublishedRevision is the revision at which a story last went live: the
// first of the latest run of revisions whose status is published.
func (d *DB) PublishedRevision(ctx context.Context, id string) (int, error) {
	cur, err := findStoryByID(ctx, d.db, id)
	if err != nil {
		return 0, err
	}
	found := 0
	for seq := cur.Revision; seq >= 1; seq-- {
		_, content, err := findRevision(ctx, d.db, id, seq)
		if err != nil {
			return 0, err
		}
		var s editor.Story
		if err := s.ApplyContent(content); err != nil {
			return 0, err
		}
		if s.Status == editor.StatusPublished {
			found = seq
		} else if found > 0 {
			break
		}
	}
	if found == 0 {
		return 0, fmt.Errorf("%q has never been published: %w", cur.Title(), editor.ErrNotFound)
	}
	return found, nil
}

// StoryRevision rebuilds the story as it was at revision seq.
func (d *DB) StoryRevision(ctx context.Context, id string, seq int) (*editor.Story, *editor.Revision, error) {
	cur, err := findStoryByID(ctx, d.db, id)
	if err != nil {
		return nil, nil, err
	}
	rev, content, err := findRevision(ctx, d.db, id, seq)
	if err != nil {
		return nil, nil, err
	}
	old := *cur
	if err := old.ApplyContent(content); err != nil {
		return nil, nil, fmt.Errorf("story %s revision %d: %w", id, seq, err)
	}
	old.Revision, old.UpdatedAt = rev.Seq, rev.CreatedAt
	return &old, rev, nil
}

func storyArgs(s *editor.Story) []any {
	tags := s.Tags
	if tags == nil {
		tags = []string{}
	}
	tagJSON, _ := json.Marshal(tags)
	return []any{s.ID, s.Slug, s.Headline, s.Standfirst, s.Byline, s.Dateline, s.Body, s.Credit, s.Section,
		string(tagJSON), string(s.Status), s.RulesPage, s.Revision, formatTime(s.CreatedAt), formatTime(s.UpdatedAt),
		formatTimePtr(s.PublishedAt)}
}

func findStoryByID(ctx context.Context, q querier, id string) (*editor.Story, error) {
	s, err := scanStory(q.QueryRowContext(ctx, `SELECT `+storyColumns+` FROM stories WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("story %s: %w", id, editor.ErrNotFound)
	}
	if err != nil {
		return nil, err
	}
	if s.Quotes, err = findQuotes(ctx, q, id); err != nil {
		return nil, err
	}
	if s.Corrections, err = findCorrections(ctx, q, id); err != nil {
		return nil, err
	}
	return s, nil
}

// scanStory reads a row of storyColumns.
func scanStory(row scanner) (*editor.Story, error) {
	var s editor.Story
	var tags string
	if err := row.Scan(&s.ID, &s.Slug, &s.Headline, &s.Standfirst, &s.Byline, &s.Dateline, &s.Body, &s.Credit, &s.Section, &tags,
		&s.Status, &s.RulesPage, &s.Revision, timeCol{&s.CreatedAt}, timeCol{&s.UpdatedAt}, nullTime{&s.PublishedAt}); err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(tags), &s.Tags); err != nil {
		return nil, fmt.Errorf("story %s: tags: %w", s.ID, err)
	}
	return &s, nil
}

func findCorrections(ctx context.Context, q querier, storyID string) ([]editor.Correction, error) {
	rows, err := q.QueryContext(ctx, `SELECT note, at FROM corrections WHERE story_id = ? ORDER BY seq`, storyID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []editor.Correction
	for rows.Next() {
		var c editor.Correction
		if err := rows.Scan(&c.Note, timeCol{&c.At}); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// writeStoryParts replaces the story's current quotes and its search rows.
func writeStoryParts(ctx context.Context, tx *sql.Tx, s *editor.Story) error {
	if err := replaceQuotes(ctx, tx, s); err != nil {
		return err
	}
	return indexStory(ctx, tx, s)
}

// checkEdit refuses an edit based on a revision other than the current one,
// keeps the current slug when the edit gives none, and refuses a slug another
// row of table has. noun and title name the story or page in the message.
func checkEdit(ctx context.Context, tx *sql.Tx, table, noun, title, id string, slug *string, curSlug string, base, current int) error {
	if base != current {
		return fmt.Errorf("%s %q is at revision %d, but this edit is based on revision %d: %w",
			noun, title, current, base, editor.ErrConflict)
	}
	if *slug == "" {
		*slug = curSlug
	}
	if *slug == curSlug {
		return nil
	}
	taken, err := slugTaken(ctx, tx, table, *slug, id)
	if err != nil {
		return err
	}
	if taken {
		return fmt.Errorf("slug %q is used by another %s; choose another: %w", *slug, noun, editor.ErrConflict)
	}
	return nil
}

// slugTaken reports whether a row of table other than exceptID has this slug.
func slugTaken(ctx context.Context, q querier, table, slug, exceptID string) (bool, error) {
	var n int
	err := q.QueryRowContext(ctx, `SELECT count(*) FROM `+table+` WHERE slug = ? AND id != ?`, slug, exceptID).Scan(&n)
	return n > 0, err
}

// resolveRef turns an ID, an ID prefix of 6 or more characters, or a slug into an ID.
func resolveRef(ctx context.Context, q querier, table, noun, ref string) (string, error) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return "", fmt.Errorf("no %s given: %w", noun, editor.ErrNotFound)
	}
	var id string
	err := q.QueryRowContext(ctx, `SELECT id FROM `+table+` WHERE id = ? OR slug = ?`, ref, ref).Scan(&id)
	if err == nil {
		return id, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return "", err
	}
	if len(ref) >= 6 && !strings.ContainsAny(ref, "%_") {
		rows, err := q.QueryContext(ctx, `SELECT id FROM `+table+` WHERE id LIKE ? || '%' LIMIT 2`, strings.ToLower(ref))
		if err != nil {
			return "", err
		}
		defer rows.Close()
		var ids []string
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				return "", err
			}
			ids = append(ids, id)
		}
		if err := rows.Err(); err != nil {
			return "", err
		}
		switch len(ids) {
		case 1:
			return ids[0], nil
		case 2:
			return "", fmt.Errorf("%q starts the IDs of more than one %s; give more of the ID: %w", ref, noun, editor.ErrAmbiguous)
		}
	}
	return "", fmt.Errorf("no %s has the ID or slug %q: %w", noun, ref, editor.ErrNotFound)
}

func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
