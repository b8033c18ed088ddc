package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"copydesk/editor"
	"copydesk/internal/savetrace"
)

// storyColumns are the columns of stories, in the order storyArgs gives
// their values and scanStory reads them. Each of the story's text fields
// (editor.StoryFields) has a column named as the field is, so that a field
// added to the domain needs only its migration here.
var storyColumns = append(append([]string{"id"}, editor.StoryFieldNames()...),
	"tags", "status", "revision", "created_at", "updated_at", "published_at",
	"urgency", "embargo", "expires", "subjects", "media", "aliases")

// textFields are the story's text fields, in the order of their columns.
var textFields = editor.StoryFields()

var (
	selectStory = "SELECT " + strings.Join(storyColumns, ", ") + " FROM stories"
	insertStory = "INSERT INTO stories (" + strings.Join(storyColumns, ", ") + ") VALUES (?" + strings.Repeat(", ?", len(storyColumns)-1) + ")"
	// updateStory sets every column but the ID, then names the row by it.
	updateStory = "UPDATE stories SET " + strings.Join(storyColumns[1:], " = ?, ") + " = ? WHERE id = ?"
)

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
	return d.write(ctx, func(tx *sql.Tx) (bool, error) {
		for i := range people {
			if err := d.savePerson(ctx, tx, &people[i]); err != nil {
				return false, fmt.Errorf("person %q: %w", people[i].Name, err)
			}
		}
		for i, s := range stories {
			if err := ctx.Err(); err != nil {
				return false, err
			}
			if err := d.createStory(ctx, tx, s, meta); err != nil {
				return false, err
			}
			if progress != nil {
				progress(i+1, len(stories))
			}
		}
		return true, nil
	})
}

func (d *DB) createStory(ctx context.Context, tx *sql.Tx, s *editor.Story, meta editor.RevisionMeta) error {
	meta, err := editor.PlanNewStory(s, meta, d.now(), d.lookups(ctx, tx, "stories"))
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, insertStory, storyArgs(s)...); err != nil {
		return err
	}
	if err := replaceQuotes(ctx, tx, s); err != nil {
		return err
	}
	return d.insertRevision(ctx, tx, "story", s.ID, 1, meta, s.Content(), nil, s.Words())
}

// lookups is what the save rules ask of the database inside tx; table is
// where slugs must be unique.
func (d *DB) lookups(ctx context.Context, tx *sql.Tx, table string) editor.Lookups {
	return editor.Lookups{
		NewID: d.NewID,
		PersonID: func(name string) (string, error) {
			var id string
			err := tx.QueryRowContext(ctx, `SELECT id FROM people WHERE name = ?`, name).Scan(&id)
			if errors.Is(err, sql.ErrNoRows) {
				return "", nil
			}
			return id, err
		},
		SlugTaken: func(slug, exceptID string) (bool, error) { return slugTaken(ctx, tx, table, slug, exceptID) },
	}
}

// SaveStory saves an edited story as a new revision, when its content differs
// from the current revision; saved is false when there was nothing to save.
// base is the revision the edit started from: when the story has moved on
// since, nothing is written and the error is an *editor.ConflictError of kind
// revision. The save rules are editor.PlanStorySave's.
func (d *DB) SaveStory(ctx context.Context, s *editor.Story, base int, meta editor.RevisionMeta) (saved bool, err error) {
	res, err := d.saveStoryTx(ctx, s, base, meta, false)
	return res.Saved, err
}

// MergeStory saves an edited story as SaveStory does, but when the story has
// moved on since base it merges the edit with the revisions saved since
// (editor.MergeStories), inside the save's transaction; only a real clash
// is refused, with an *editor.ConflictError of kind clash naming the places.
func (d *DB) MergeStory(ctx context.Context, s *editor.Story, base int, meta editor.RevisionMeta) (editor.SaveResult, error) {
	return d.saveStoryTx(ctx, s, base, meta, true)
}

func (d *DB) saveStoryTx(ctx context.Context, s *editor.Story, base int, meta editor.RevisionMeta, merge bool) (res editor.SaveResult, err error) {
	err = d.write(ctx, func(tx *sql.Tx) (bool, error) {
		start := time.Now()
		cur, err := findStoryByID(ctx, tx, s.ID)
		savetrace.From(ctx).Since(savetrace.ReadBase, start)
		if err != nil {
			return false, err
		}
		res, err = d.saveStory(ctx, tx, cur, s, base, meta, merge)
		return res.Saved, err
	})
	return res, err
}

// saveStory plans and writes one save of a story inside tx.
func (d *DB) saveStory(ctx context.Context, tx *sql.Tx, cur, s *editor.Story, base int, meta editor.RevisionMeta, merge bool) (editor.SaveResult, error) {
	trace, start := savetrace.From(ctx), time.Now()
	in := editor.StorySave{Current: cur, Edited: s, Base: base, Meta: meta, Now: d.now(), Lookups: d.lookups(ctx, tx, "stories")}
	if merge && base >= 1 && base < cur.Revision {
		old, err := baseVersion(ctx, tx, cur, cur.ID, base)
		if err != nil {
			return editor.SaveResult{}, err
		}
		in.BaseStory = old
	}
	start = trace.Since(savetrace.ReadBase, start)
	plan, err := editor.PlanStorySave(in)
	start = trace.Since(savetrace.Merge, start)
	if err != nil || !plan.Write {
		return editor.SaveResult{}, err
	}
	defer trace.Since(savetrace.Write, start)
	if _, err := tx.ExecContext(ctx, updateStory, append(storyArgs(s)[1:], s.ID)...); err != nil {
		return editor.SaveResult{}, err
	}
	if c := plan.Correction; c != nil {
		if _, err := tx.ExecContext(ctx, `INSERT INTO corrections (story_id, seq, kind, note, at) VALUES (?, ?, ?, ?, ?)`,
			s.ID, s.Revision, string(c.Kind.Or(editor.ChangeCorrection)), c.Note, formatTime(c.At)); err != nil {
			return editor.SaveResult{}, err
		}
	}
	if err := replaceQuotes(ctx, tx, s); err != nil {
		return editor.SaveResult{}, err
	}
	if err := reanchorNotes(ctx, tx, s.ID, cur.Body, s.Body); err != nil {
		return editor.SaveResult{}, err
	}
	if err := d.insertRevision(ctx, tx, "story", s.ID, s.Revision, plan.Meta, s.Content(), cur.Content(), s.Words()); err != nil {
		return editor.SaveResult{}, err
	}
	return editor.SaveResult{Saved: true, MergedWith: plan.MergedWith}, nil
}

// RestoreStory makes revision seq of a story current again, as a new revision
// of kind restore; nothing is deleted. saved is false when the story already
// reads as it did then.
func (d *DB) RestoreStory(ctx context.Context, id string, seq int, meta editor.RevisionMeta) (next *editor.Story, saved bool, err error) {
	err = d.write(ctx, func(tx *sql.Tx) (bool, error) {
		cur, err := findStoryByID(ctx, tx, id)
		if err != nil {
			return false, err
		}
		_, content, err := findRevision(ctx, tx, id, seq)
		if err != nil {
			return false, err
		}
		var m editor.RevisionMeta
		if next, m, err = editor.RestoreEdit(cur, seq, content, meta); err != nil {
			return false, err
		}
		res, err := d.saveStory(ctx, tx, cur, next, cur.Revision, m, false)
		saved = res.Saved
		return saved, err
	})
	if err != nil {
		return nil, false, err
	}
	return next, saved, nil
}

// SetStatus moves a story through the workflow as a new revision of kind
// status. base is the revision the person saw: when the story has moved on
// since, nothing is written and the error is an *editor.ConflictError. A
// story already in the status is returned as it is.
func (d *DB) SetStatus(ctx context.Context, id string, base int, status editor.Status, meta editor.RevisionMeta) (*editor.Story, error) {
	if err := status.Validate(); err != nil {
		return nil, err
	}
	var next *editor.Story
	err := d.write(ctx, func(tx *sql.Tx) (bool, error) {
		cur, err := findStoryByID(ctx, tx, id)
		if err != nil {
			return false, err
		}
		if cur.Status == status {
			next = cur
			return false, nil
		}
		var m editor.RevisionMeta
		next, m = editor.StatusEdit(cur, status, meta)
		_, err = d.saveStory(ctx, tx, cur, next, base, m, false)
		return err == nil, err
	})
	if err != nil {
		return nil, err
	}
	return next, nil
}

// Story returns the current state of the story with this ID.
func (d *DB) Story(ctx context.Context, id string) (s *editor.Story, err error) {
	err = d.read(ctx, func(q querier) error {
		s, err = findStoryByID(ctx, q, id)
		return err
	})
	return s, err
}

// FindStory finds a story by its full ID, a unique prefix of its ID of at
// least 6 characters, or its slug.
func (d *DB) FindStory(ctx context.Context, ref string) (s *editor.Story, err error) {
	err = d.read(ctx, func(q querier) error {
		id, err := resolveRef(ctx, q, "stories", "story", ref)
		if err != nil {
			return err
		}
		s, err = findStoryByID(ctx, q, id)
		return err
	})
	return s, err
}

// ListStories lists stories in the filter's order, the most recently changed first by default.
func (d *DB) ListStories(ctx context.Context, f editor.StoryFilter) ([]editor.StorySummary, error) {
	q := `SELECT id, slug, headline, substr(body, 1, 200), status, section, revision, updated_at, urgency, slugline FROM stories`
	var args []any
	if f.Status != "" {
		q += ` WHERE status = ?`
		args = append(args, string(f.Status))
	} else if f.HideSpiked {
		q += ` WHERE status <> '` + string(editor.StatusSpiked) + `'`
	}
	q += ` ORDER BY ` + f.Order.OrderBy() + ` LIMIT ? OFFSET ?`
	limit := f.Limit
	if limit <= 0 {
		limit = -1
	}
	args = append(args, limit, f.Offset)
	rows, err := d.rdb.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []editor.StorySummary
	for rows.Next() {
		var s editor.StorySummary
		var body string
		if err := rows.Scan(&s.ID, &s.Slug, &s.Headline, &body, &s.Status, &s.Section, &s.Revision, timeCol{&s.UpdatedAt}, &s.Urgency, &s.Slugline); err != nil {
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
	err := d.rdb.QueryRowContext(ctx, q, args...).Scan(&n)
	return n, err
}

// StoriesWithStatus loads every story with this status (every story when
// status is empty) whole, with quotes and corrections, in three queries: what
// an export needs.
func (d *DB) StoriesWithStatus(ctx context.Context, status editor.Status) (out []editor.Story, err error) {
	err = d.read(ctx, func(q querier) error {
		out, err = storiesWithStatus(ctx, q, status)
		return err
	})
	return out, err
}

// StoryIDsByFeedID lists the stories with this feed ID, oldest first.
func (d *DB) StoryIDsByFeedID(ctx context.Context, feedID string) (ids []string, err error) {
	err = d.read(ctx, func(q querier) error {
		rows, err := q.QueryContext(ctx, `SELECT id FROM stories WHERE feed_id = ? AND feed_id <> '' ORDER BY created_at, id`, feedID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				return err
			}
			ids = append(ids, id)
		}
		return rows.Err()
	})
	return ids, err
}

func storiesWithStatus(ctx context.Context, q querier, status editor.Status) ([]editor.Story, error) {
	where, args := "", []any{}
	if status != "" {
		where, args = ` WHERE status = ?`, append(args, string(status))
	}
	return loadStories(ctx, q, selectStory+where+` ORDER BY published_at DESC, created_at DESC, id`,
		`(SELECT id FROM stories`+where+`)`, args)
}

// loadStories reads the stories query selects (selectStory with its
// conditions and order), then their quotes and corrections, whose story IDs
// are in the set in names (a subquery or a list); args fill both.
func loadStories(ctx context.Context, q querier, query, in string, args []any) ([]editor.Story, error) {
	rows, err := q.QueryContext(ctx, query, args...)
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
	quoteRows, err := q.QueryContext(ctx, `SELECT story_id, `+quoteColumns+` FROM quotes
		WHERE story_id IN `+in+` ORDER BY story_id, position`, args...)
	if err != nil {
		return nil, err
	}
	defer quoteRows.Close()
	for quoteRows.Next() {
		var storyID string
		quote, err := scanQuote(quoteRows, &storyID)
		if err != nil {
			return nil, err
		}
		if i, ok := index[storyID]; ok {
			out[i].Quotes = append(out[i].Quotes, *quote)
		}
	}
	if err := quoteRows.Err(); err != nil {
		return nil, err
	}
	corrRows, err := q.QueryContext(ctx, `SELECT story_id, kind, note, at FROM corrections
		WHERE story_id IN `+in+` ORDER BY story_id, seq`, args...)
	if err != nil {
		return nil, err
	}
	defer corrRows.Close()
	for corrRows.Next() {
		var storyID string
		var c editor.Correction
		if err := corrRows.Scan(&storyID, &c.Kind, &c.Note, timeCol{&c.At}); err != nil {
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
func (d *DB) PublishedRevision(ctx context.Context, id string) (seq int, err error) {
	err = d.read(ctx, func(q querier) error {
		seq, err = publishedRevision(ctx, q, id)
		return err
	})
	return seq, err
}

func publishedRevision(ctx context.Context, q querier, id string) (int, error) {
	cur, err := findStoryByID(ctx, q, id)
	if err != nil {
		return 0, err
	}
	found := 0
	for seq := cur.Revision; seq >= 1; seq-- {
		_, content, err := findRevision(ctx, q, id, seq)
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
func (d *DB) StoryRevision(ctx context.Context, id string, seq int) (old *editor.Story, rev *editor.Revision, err error) {
	err = d.read(ctx, func(q querier) error {
		old, rev, err = storyRevision(ctx, q, id, seq)
		return err
	})
	return old, rev, err
}

func storyRevision(ctx context.Context, q querier, id string, seq int) (*editor.Story, *editor.Revision, error) {
	cur, err := findStoryByID(ctx, q, id)
	if err != nil {
		return nil, nil, err
	}
	old, rev, err := oldVersion(ctx, q, cur, id, seq)
	if err != nil {
		return nil, nil, err
	}
	old.Revision, old.UpdatedAt = rev.Seq, rev.CreatedAt
	return old, rev, nil
}

func storyArgs(s *editor.Story) []any {
	tags := s.Tags
	if tags == nil {
		tags = []string{}
	}
	tagJSON, _ := json.Marshal(tags)
	args := []any{s.ID}
	for _, f := range textFields {
		args = append(args, f.Get(s))
	}
	return append(args, string(tagJSON), string(s.Status), s.Revision, formatTime(s.CreatedAt), formatTime(s.UpdatedAt),
		formatTimePtr(s.PublishedAt), s.Urgency, formatTimePtr(s.Embargo), formatTimePtr(s.Expires),
		jsonList(s.Subjects), jsonList(s.Media), jsonList(s.Aliases))
}

// jsonList encodes a list for a JSON column, an empty one as [].
func jsonList[T any](list []T) string {
	if list == nil {
		list = []T{}
	}
	b, err := json.Marshal(list)
	if err != nil {
		panic("sqlite: a list does not encode: " + err.Error())
	}
	return string(b)
}

func findStoryByID(ctx context.Context, q querier, id string) (*editor.Story, error) {
	s, err := scanStory(q.QueryRowContext(ctx, selectStory+` WHERE id = ?`, id))
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
	var tags, subjects, media, aliases string
	dest := []any{&s.ID}
	for _, f := range textFields {
		dest = append(dest, f.Addr(&s))
	}
	dest = append(dest, &tags, &s.Status, &s.Revision, timeCol{&s.CreatedAt}, timeCol{&s.UpdatedAt}, nullTime{&s.PublishedAt},
		&s.Urgency, nullTime{&s.Embargo}, nullTime{&s.Expires}, &subjects, &media, &aliases)
	if err := row.Scan(dest...); err != nil {
		return nil, err
	}
	for _, col := range []struct {
		name, json string
		dst        any
	}{{"tags", tags, &s.Tags}, {"subjects", subjects, &s.Subjects}, {"media", media, &s.Media}, {"aliases", aliases, &s.Aliases}} {
		if err := json.Unmarshal([]byte(col.json), col.dst); err != nil {
			return nil, fmt.Errorf("story %s: %s: %w", s.ID, col.name, err)
		}
	}
	return &s, nil
}

func findCorrections(ctx context.Context, q querier, storyID string) ([]editor.Correction, error) {
	rows, err := q.QueryContext(ctx, `SELECT kind, note, at FROM corrections WHERE story_id = ? ORDER BY seq`, storyID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []editor.Correction
	for rows.Next() {
		var c editor.Correction
		if err := rows.Scan(&c.Kind, &c.Note, timeCol{&c.At}); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}
