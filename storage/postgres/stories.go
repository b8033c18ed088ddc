package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"copydesk/editor"
	"copydesk/internal/savetrace"
)

// querier is a pool or a transaction: the small helpers below serve both.
type querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// storyColumns are the columns of stories, in the order storyArgs gives
// their values and scanStory reads them. Each of the story's text fields
// (editor.StoryFields) has a column named as the field is, so that a field
// added to the domain needs only its migration here.
var storyColumns = append(append([]string{"id"}, editor.StoryFieldNames()...),
	"tags", "status", "revision", "created_at", "updated_at", "published_at", "quotes", "corrections",
	"urgency", "embargo", "expires", "subjects", "media", "aliases")

// textFields are the story's text fields, in the order of their columns.
var textFields = editor.StoryFields()

var (
	selectStory = "SELECT " + strings.Join(storyColumns, ", ") + " FROM stories"
	insertStory = "INSERT INTO stories (" + strings.Join(storyColumns, ", ") + ") VALUES (" + placeholders(1, len(storyColumns)) + ")"
	// updateStory sets every column but the ID, on the row with that ID
	// still at the revision the save was planned from.
	updateStory = func() string {
		set := make([]string, len(storyColumns)-1)
		for i, c := range storyColumns[1:] {
			set[i] = fmt.Sprintf("%s = $%d", c, i+1)
		}
		n := len(storyColumns)
		return fmt.Sprintf("UPDATE stories SET %s WHERE id = $%d AND revision = $%d", strings.Join(set, ", "), n, n+1)
	}()
)

// placeholders writes "$from, …, $to".
func placeholders(from, to int) string {
	ps := make([]string, 0, to-from+1)
	for i := from; i <= to; i++ {
		ps = append(ps, fmt.Sprintf("$%d", i))
	}
	return strings.Join(ps, ", ")
}

// CreateStory saves a new story as revision 1, as editor.PlanNewStory
// prepares it.
func (d *DB) CreateStory(ctx context.Context, s *editor.Story, meta editor.RevisionMeta) error {
	return d.CreateStories(ctx, []*editor.Story{s}, meta, nil)
}

// CreateStories saves new stories in one transaction: all or none.
func (d *DB) CreateStories(ctx context.Context, stories []*editor.Story, meta editor.RevisionMeta, progress func(done, total int)) error {
	return d.Import(ctx, stories, nil, meta, progress)
}

// Import saves the people an import found (merged with those known by
// name) and the new stories, in one transaction.
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
	if err := d.checkAuthor(meta); err != nil {
		return err
	}
	orig := make([]editor.Story, len(stories))
	for i, s := range stories {
		orig[i] = *s
	}
	perm := &permission{editor.RoleEditor, "add stories"}
	return d.write(ctx, perm, func(tx pgx.Tx) error {
		for i := range people {
			if err := d.savePerson(ctx, tx, &people[i]); err != nil {
				return fmt.Errorf("person %q: %w", people[i].Name, err)
			}
		}
		for i, s := range stories {
			if err := ctx.Err(); err != nil {
				return err
			}
			*s = orig[i]
			s.Quotes = slices.Clone(orig[i].Quotes)
			if s.Status != editor.StatusDraft {
				perm.role, perm.action = editor.StatusRole(editor.StatusDraft, s.Status), "add a story as "+string(s.Status)
			}
			if err := d.createStory(ctx, tx, s, meta); err != nil {
				return err
			}
			if progress != nil {
				progress(i+1, len(stories))
			}
		}
		return nil
	})
}

func (d *DB) createStory(ctx context.Context, tx pgx.Tx, s *editor.Story, meta editor.RevisionMeta) error {
	meta, err := editor.PlanNewStory(s, meta, d.now(), d.lookups(ctx, tx, "stories"))
	if err != nil {
		return err
	}
	// The revision first: the row's guard looks for it.
	if err := d.insertRevision(ctx, tx, "story", s.ID, 1, meta, s.Content(), nil, s.Words()); err != nil {
		return err
	}
	_, err = tx.Exec(ctx, insertStory, storyArgs(s)...)
	return err
}

// lookups is what the save rules ask of the desk inside tx; table is where
// slugs must be unique.
func (d *DB) lookups(ctx context.Context, tx pgx.Tx, table string) editor.Lookups {
	return editor.Lookups{
		NewID: d.NewID,
		PersonID: func(name string) (string, error) {
			var id string
			err := tx.QueryRow(ctx, `SELECT id FROM people WHERE lower(name) = lower($1)`, name).Scan(&id)
			if errors.Is(err, pgx.ErrNoRows) {
				return "", nil
			}
			return id, err
		},
		SlugTaken: func(slug, exceptID string) (bool, error) {
			var taken bool
			err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM `+table+` WHERE slug = $1 AND id <> $2)`, slug, exceptID).Scan(&taken)
			return taken, err
		},
	}
}

// SaveStory saves an edited story as a new revision when its content
// changed; an edit of a revision that is no longer current is refused with
// an *editor.ConflictError of kind revision. The rules are editor.PlanStorySave's.
func (d *DB) SaveStory(ctx context.Context, s *editor.Story, base int, meta editor.RevisionMeta) (bool, error) {
	res, err := d.saveStoryTx(ctx, s, base, meta, false)
	return res.Saved, err
}

// MergeStory saves an edited story, merging it with the revisions saved
// since base; only a real clash is refused.
func (d *DB) MergeStory(ctx context.Context, s *editor.Story, base int, meta editor.RevisionMeta) (editor.SaveResult, error) {
	return d.saveStoryTx(ctx, s, base, meta, true)
}

func (d *DB) saveStoryTx(ctx context.Context, s *editor.Story, base int, meta editor.RevisionMeta, merge bool) (res editor.SaveResult, err error) {
	if err := d.checkAuthor(meta); err != nil {
		return res, err
	}
	orig := *s
	perm := &permission{editor.RoleEditor, "edit stories"}
	err = d.write(ctx, perm, func(tx pgx.Tx) error {
		*s = orig
		s.Quotes = slices.Clone(orig.Quotes)
		start := time.Now()
		cur, err := lockStoryByID(ctx, tx, s.ID)
		savetrace.From(ctx).Since(savetrace.ReadBase, start)
		if err != nil {
			return err
		}
		res, err = d.saveStory(ctx, tx, cur, s, base, meta, merge, perm)
		return err
	})
	return res, err
}

// saveStory plans and writes one save of a story inside tx; perm learns
// what the save needs, for the message should the desk refuse it.
func (d *DB) saveStory(ctx context.Context, tx pgx.Tx, cur, s *editor.Story, base int, meta editor.RevisionMeta, merge bool, perm *permission) (editor.SaveResult, error) {
	trace, start := savetrace.From(ctx), time.Now()
	in := editor.StorySave{Current: cur, Edited: s, Base: base, Meta: meta, Now: d.now(), Lookups: d.lookups(ctx, tx, "stories")}
	if merge && base >= 1 && base < cur.Revision {
		old, _, err := d.oldStory(ctx, tx, cur, base)
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
	if plan.Meta.Kind == editor.RevisionRestore {
		perm.role, perm.action = editor.RoleSubeditor, "restore an old revision"
	}
	if need := editor.StatusRole(cur.Status, s.Status); !perm.role.Allows(need) {
		perm.role, perm.action = need, editor.StatusAction(cur.Status, s.Status)
	}
	if err := d.insertRevision(ctx, tx, "story", s.ID, s.Revision, plan.Meta, s.Content(), cur.Content(), s.Words()); err != nil {
		return editor.SaveResult{}, err
	}
	args := append(storyArgs(s)[1:], s.ID, cur.Revision)
	tag, err := tx.Exec(ctx, updateStory, args...)
	if err != nil {
		return editor.SaveResult{}, err
	}
	if tag.RowsAffected() == 0 {
		return editor.SaveResult{}, errStale
	}
	if err := reanchorNotes(ctx, tx, s.ID, cur.Body, s.Body); err != nil {
		return editor.SaveResult{}, err
	}
	return editor.SaveResult{Saved: true, MergedWith: plan.MergedWith}, nil
}

// RestoreStory makes revision seq current again, as a new revision of kind
// restore; saved is false when the story already reads as it did then.
func (d *DB) RestoreStory(ctx context.Context, id string, seq int, meta editor.RevisionMeta) (next *editor.Story, saved bool, err error) {
	if err := d.checkAuthor(meta); err != nil {
		return nil, false, err
	}
	perm := &permission{editor.RoleSubeditor, "restore an old revision"}
	err = d.write(ctx, perm, func(tx pgx.Tx) error {
		cur, err := lockStoryByID(ctx, tx, id)
		if err != nil {
			return err
		}
		_, content, err := findRevision(ctx, tx, id, seq)
		if err != nil {
			return err
		}
		var m editor.RevisionMeta
		if next, m, err = editor.RestoreEdit(cur, seq, content, meta); err != nil {
			return err
		}
		res, err := d.saveStory(ctx, tx, cur, next, cur.Revision, m, false, perm)
		saved = res.Saved
		return err
	})
	if err != nil {
		return nil, false, err
	}
	return next, saved, nil
}

// SetStatus moves a story through the workflow as a revision of kind
// status, from base, the revision the person saw.
func (d *DB) SetStatus(ctx context.Context, id string, base int, status editor.Status, meta editor.RevisionMeta) (next *editor.Story, err error) {
	if err := status.Validate(); err != nil {
		return nil, err
	}
	if err := d.checkAuthor(meta); err != nil {
		return nil, err
	}
	perm := &permission{editor.RoleSubeditor, "move a story to " + string(status)}
	err = d.write(ctx, perm, func(tx pgx.Tx) error {
		cur, err := lockStoryByID(ctx, tx, id)
		if err != nil {
			return err
		}
		if cur.Status == status {
			next = cur
			return nil
		}
		var m editor.RevisionMeta
		next, m = editor.StatusEdit(cur, status, meta)
		_, err = d.saveStory(ctx, tx, cur, next, base, m, false, perm)
		return err
	})
	if err != nil {
		return nil, err
	}
	return next, nil
}

// checkAuthor refuses to save in another's name: on a shared desk the
// author of a revision is the database user, set by the server.
func (d *DB) checkAuthor(meta editor.RevisionMeta) error {
	if meta.Author != "" && meta.Author != d.user {
		return &editor.ValidationError{Field: "author", Problem: fmt.Sprintf(
			"is %q, but on a shared desk a revision's author is the database user who saves it, %s; leave --author out", meta.Author, d.user)}
	}
	return nil
}

// Story returns the current state of the story with this ID.
func (d *DB) Story(ctx context.Context, id string) (*editor.Story, error) {
	s, err := findStoryByID(ctx, d.pool, id)
	return s, d.explain(err, &permission{editor.RoleEditor, "read stories"})
}

// FindStory finds a story by its full ID, a unique prefix of at least 6
// characters, or its slug.
func (d *DB) FindStory(ctx context.Context, ref string) (s *editor.Story, err error) {
	err = d.read(ctx, func(tx pgx.Tx) error {
		id, err := resolveRef(ctx, tx, "stories", "story", ref)
		if err != nil {
			return err
		}
		s, err = findStoryByID(ctx, tx, id)
		return err
	})
	return s, err
}

// ListStories lists stories in the filter's order, the most recently changed first by default.
func (d *DB) ListStories(ctx context.Context, f editor.StoryFilter) ([]editor.StorySummary, error) {
	q := `SELECT id, slug, headline, substr(body, 1, 200), status, section, revision, updated_at, urgency, slugline FROM stories`
	var args []any
	if f.Status != "" {
		q += ` WHERE status = $1`
		args = append(args, string(f.Status))
	} else if f.HideSpiked {
		q += ` WHERE status <> '` + string(editor.StatusSpiked) + `'`
	}
	q += fmt.Sprintf(` ORDER BY %s OFFSET %d`, f.Order.OrderBy(), max(f.Offset, 0))
	if f.Limit > 0 {
		q += fmt.Sprintf(` LIMIT %d`, f.Limit)
	}
	rows, err := d.pool.Query(ctx, q, args...)
	if err != nil {
		return nil, d.explain(err, &permission{editor.RoleEditor, "read stories"})
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (editor.StorySummary, error) {
		var s editor.StorySummary
		var body string
		err := row.Scan(&s.ID, &s.Slug, &s.Headline, &body, &s.Status, &s.Section, &s.Revision, &s.UpdatedAt, &s.Urgency, &s.Slugline)
		s.UpdatedAt = s.UpdatedAt.UTC()
		s.Title = (&editor.Story{Headline: s.Headline, Body: body}).Title()
		return s, err
	})
	if len(out) == 0 {
		out = nil
	}
	return out, err
}

// CountStories counts the stories with this status, or all when it is empty.
func (d *DB) CountStories(ctx context.Context, status editor.Status) (int, error) {
	var n int
	err := d.pool.QueryRow(ctx, `SELECT count(*) FROM stories WHERE $1 = '' OR status = $1`, string(status)).Scan(&n)
	return n, err
}

// StoryIDsByFeedID lists the stories with this feed ID, oldest first.
func (d *DB) StoryIDsByFeedID(ctx context.Context, feedID string) ([]string, error) {
	rows, err := d.pool.Query(ctx, `SELECT id FROM stories WHERE feed_id = $1 AND feed_id <> '' ORDER BY created_at, id`, feedID)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowTo[string])
}

// StoriesWithStatus loads every story with this status (all when empty)
// whole, with quotes and corrections: what an export needs.
func (d *DB) StoriesWithStatus(ctx context.Context, status editor.Status) ([]editor.Story, error) {
	rows, err := d.pool.Query(ctx, selectStory+` WHERE $1 = '' OR status = $1
		ORDER BY published_at DESC NULLS LAST, created_at DESC, id`, string(status))
	if err != nil {
		return nil, err
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (editor.Story, error) {
		s, err := scanStory(row)
		if err != nil {
			return editor.Story{}, err
		}
		return *s, nil
	})
	return out, err
}

// PublishedRevision is the revision at which a story last went live: the
// first of the latest run of revisions whose status is published.
func (d *DB) PublishedRevision(ctx context.Context, id string) (found int, err error) {
	err = d.read(ctx, func(tx pgx.Tx) error {
		cur, err := findStoryByID(ctx, tx, id)
		if err != nil {
			return err
		}
		stories, _, err := d.history(ctx, tx, cur)
		if err != nil {
			return err
		}
		for i := len(stories) - 1; i >= 0; i-- {
			if stories[i].Status == editor.StatusPublished {
				found = stories[i].Revision
			} else if found > 0 {
				break
			}
		}
		if found == 0 {
			return fmt.Errorf("%q has never been published: %w", cur.Title(), editor.ErrNotFound)
		}
		return nil
	})
	return found, err
}

// StoryRevision rebuilds the story as it was at revision seq.
func (d *DB) StoryRevision(ctx context.Context, id string, seq int) (old *editor.Story, rev *editor.Revision, err error) {
	err = d.read(ctx, func(tx pgx.Tx) error {
		cur, err := findStoryByID(ctx, tx, id)
		if err != nil {
			return err
		}
		old, rev, err = d.oldStory(ctx, tx, cur, seq)
		return err
	})
	return old, rev, err
}

func (d *DB) oldStory(ctx context.Context, q querier, cur *editor.Story, seq int) (*editor.Story, *editor.Revision, error) {
	rev, content, err := findRevision(ctx, q, cur.ID, seq)
	if err != nil {
		return nil, nil, err
	}
	old := *cur
	if err := old.ApplyContent(content); err != nil {
		return nil, nil, fmt.Errorf("story %s revision %d: %w", cur.ID, seq, err)
	}
	old.Revision, old.UpdatedAt = rev.Seq, rev.CreatedAt
	return &old, rev, nil
}

func storyArgs(s *editor.Story) []any {
	tags := s.Tags
	if tags == nil {
		tags = []string{}
	}
	args := []any{s.ID}
	for _, f := range textFields {
		args = append(args, f.Get(s))
	}
	return append(args, tags, string(s.Status), s.Revision, s.CreatedAt, s.UpdatedAt, s.PublishedAt,
		jsonList(s.Quotes), jsonList(s.Corrections),
		s.Urgency, s.Embargo, s.Expires, jsonList(s.Subjects), jsonList(s.Media), jsonList(s.Aliases))
}

// jsonList encodes a list for a jsonb column, an empty one as [].
func jsonList[T any](list []T) []byte {
	if list == nil {
		list = []T{}
	}
	b, err := json.Marshal(list)
	if err != nil {
		panic("postgres: a list does not encode: " + err.Error())
	}
	return b
}

func findStoryByID(ctx context.Context, q querier, id string) (*editor.Story, error) {
	return findStory(ctx, q, selectStory+` WHERE id = $1`, id)
}

// lockStoryByID reads a story for a write and locks its row until the
// transaction ends: saves of one story queue here instead of racing to the
// next revision number and starting again, which under load made the slow
// saves slower still.
func lockStoryByID(ctx context.Context, tx pgx.Tx, id string) (*editor.Story, error) {
	return findStory(ctx, tx, selectStory+` WHERE id = $1 FOR UPDATE`, id)
}

func findStory(ctx context.Context, q querier, query, id string) (*editor.Story, error) {
	s, err := scanStory(q.QueryRow(ctx, query, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("story %s: %w", id, editor.ErrNotFound)
	}
	return s, err
}

// scanStory reads a row of storyColumns.
func scanStory(row pgx.Row) (*editor.Story, error) {
	var s editor.Story
	var quotes, corrections, subjects, media, aliases []byte
	dest := []any{&s.ID}
	for _, f := range textFields {
		dest = append(dest, f.Addr(&s))
	}
	dest = append(dest, &s.Tags, &s.Status, &s.Revision, &s.CreatedAt, &s.UpdatedAt, &s.PublishedAt, &quotes, &corrections,
		&s.Urgency, &s.Embargo, &s.Expires, &subjects, &media, &aliases)
	if err := row.Scan(dest...); err != nil {
		return nil, err
	}
	s.CreatedAt, s.UpdatedAt = s.CreatedAt.UTC(), s.UpdatedAt.UTC()
	for _, t := range []**time.Time{&s.PublishedAt, &s.Embargo, &s.Expires} {
		if *t != nil {
			u := (*t).UTC()
			*t = &u
		}
	}
	for _, col := range []struct {
		name string
		json []byte
		dst  any
	}{{"subjects", subjects, &s.Subjects}, {"media", media, &s.Media}, {"aliases", aliases, &s.Aliases}} {
		if err := json.Unmarshal(col.json, col.dst); err != nil {
			return nil, fmt.Errorf("story %s: %s: %w", s.ID, col.name, err)
		}
	}
	if err := json.Unmarshal(quotes, &s.Quotes); err != nil {
		return nil, fmt.Errorf("story %s: quotes: %w", s.ID, err)
	}
	if err := json.Unmarshal(corrections, &s.Corrections); err != nil {
		return nil, fmt.Errorf("story %s: corrections: %w", s.ID, err)
	}
	if len(s.Quotes) == 0 {
		s.Quotes = nil
	}
	if len(s.Corrections) == 0 {
		s.Corrections = nil
	}
	for i := range s.Corrections {
		s.Corrections[i].At = s.Corrections[i].At.UTC()
		// A note kept before there were kinds of change is a correction.
		s.Corrections[i].Kind = s.Corrections[i].Kind.Or(editor.ChangeCorrection)
	}
	return &s, nil
}

// resolveRef turns an ID, an ID prefix or a slug into an ID, by
// editor.ResolveRef's rules.
func resolveRef(ctx context.Context, q querier, table, noun, ref string) (string, error) {
	exact := func(ref string) (string, bool, error) {
		var id string
		err := q.QueryRow(ctx, `SELECT id FROM `+table+` WHERE id = $1 OR slug = $1`, ref).Scan(&id)
		if errors.Is(err, pgx.ErrNoRows) {
			return "", false, nil
		}
		return id, err == nil, err
	}
	prefix := func(start string) ([]string, error) {
		rows, err := q.Query(ctx, `SELECT id FROM `+table+` WHERE id LIKE $1 || '%' LIMIT 2`, start)
		if err != nil {
			return nil, err
		}
		return pgx.CollectRows(rows, pgx.RowTo[string])
	}
	return editor.ResolveRef(noun, ref, exact, prefix)
}
