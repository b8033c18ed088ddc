package editor

import (
	"bytes"
	"fmt"
	"strings"
	"time"
)

// The save rules: what a save of a story or page writes, whatever engine
// stores it. An engine reads the current state inside its transaction, asks
// for a plan, and writes the rows the plan describes; it decides nothing
// itself, so two engines cannot come to differ.

// Lookups is what planning a save asks of the store, inside the engine's
// transaction.
type Lookups struct {
	// NewID makes an identifier for a new story, page or quote.
	NewID func() string
	// PersonID is the directory's ID for a speaker's full name, "" when the
	// directory does not know them; nil links no quote.
	PersonID func(name string) (string, error)
	// SlugTaken reports whether another story (or page, for a page's plan)
	// than exceptID has this slug.
	SlugTaken func(slug, exceptID string) (bool, error)
}

// StorySave is one save of an edited story, as an engine hands it to
// PlanStorySave.
type StorySave struct {
	Current *Story // the story as stored now, with its quotes and corrections
	Edited  *Story // the story as the person saved it; the plan fills it in
	Base    int    // the revision the edit started from
	// BaseStory is revision Base, given when it is not the current one and
	// the save should merge the edit with the revisions saved since; nil
	// refuses an edit of an old revision.
	BaseStory *Story
	Meta      RevisionMeta
	Now       time.Time
	Lookups
}

// StoryPlan is what a save of a story writes.
type StoryPlan struct {
	// Write is false when there is nothing to save: the content is the
	// current revision's.
	Write bool
	// Story is the new current state (the edit, merged when its base had
	// moved), with its new revision number and times.
	Story *Story
	// Meta is the new revision's kind, author and note, its kind decided:
	// a change to a published story is a correction.
	Meta RevisionMeta
	// Correction is the note published with the story, when the save is a
	// correction; it is already in Story.Corrections.
	Correction *Correction
	// MergedWith is the revision the edit was merged with when its base had
	// moved on (the current one); 0 when it was not merged.
	MergedWith int
}

// PlanStorySave applies the save rules to an edit of in.Current: a stale
// base is merged when in.BaseStory is given and refused otherwise; a clash
// is refused with a *ConflictError listing the places; an empty slug keeps
// the current one and a taken one is refused; quotes are found again in the
// edited body and linked to the directory; the content unchanged is nothing
// to save; a first publication is dated; a change to a published story is a
// correction and needs a note. *in.Edited becomes the planned story.
func PlanStorySave(in StorySave) (StoryPlan, error) {
	cur, s, meta := in.Current, in.Edited, in.Meta
	s.Normalize()
	if err := firstError(s.Validate(), meta.Validate()); err != nil {
		return StoryPlan{}, err
	}
	if meta.Kind == "" {
		meta.Kind = RevisionCheckpoint
	}
	plan := StoryPlan{Meta: meta}
	if in.Base != cur.Revision {
		if in.BaseStory == nil || in.Base > cur.Revision {
			return StoryPlan{}, &ConflictError{Kind: ConflictRevision, Noun: "story", Title: cur.Title(), Current: cur.Revision, Base: in.Base}
		}
		merged, conflicts := MergeStories(in.BaseStory, cur, s)
		if len(conflicts) > 0 {
			return StoryPlan{}, &ConflictError{Kind: ConflictClash, Noun: "story", Title: cur.Title(), Current: cur.Revision, Base: in.Base, Conflicts: conflicts}
		}
		merged.Normalize()
		*s = *merged
		plan.MergedWith = cur.Revision
	}
	s.ID = cur.ID
	if err := checkSlug(&s.Slug, cur.Slug, cur.ID, "story", in.SlugTaken); err != nil {
		return StoryPlan{}, err
	}
	if err := prepareQuotes(s, in.Lookups); err != nil {
		return StoryPlan{}, err
	}
	s.CreatedAt, s.Corrections, s.PublishedAt = cur.CreatedAt, cur.Corrections, cur.PublishedAt
	plan.Story = s
	if bytes.Equal(s.Content(), cur.Content()) {
		s.Revision, s.UpdatedAt = cur.Revision, cur.UpdatedAt
		return plan, nil
	}
	now := in.Now
	s.Revision, s.UpdatedAt = cur.Revision+1, now
	if s.Status == StatusPublished && s.PublishedAt == nil {
		s.PublishedAt = &now
	}
	live := cur.Status == StatusPublished && s.Status == StatusPublished
	if live && plan.Meta.Kind == RevisionCheckpoint {
		// A change to a live story is a correction, published with the story.
		plan.Meta.Kind = RevisionCorrection
	}
	if plan.Meta.Kind == RevisionCorrection || (plan.Meta.Kind == RevisionRestore && live) {
		change := plan.Meta.Change.Or(ChangeCorrection)
		note := strings.TrimSpace(plan.Meta.Note)
		if note == "" {
			return StoryPlan{}, &ValidationError{Field: "note", Problem: fmt.Sprintf(
				"is empty; %q is published, so a change to it needs a note saying what changed (%s)", cur.Title(), changeNoteHint(change))}
		}
		plan.Meta.Change, plan.Meta.Note = change, note
		if change != ChangeCorrection {
			plan.Meta.Note = change.Label() + ": " + note
		}
		if change.Public() {
			plan.Correction = &Correction{Kind: change, Note: note, At: now}
			s.Corrections = append(append([]Correction{}, cur.Corrections...), *plan.Correction)
		}
	}
	plan.Write = true
	return plan, nil
}

// changeNoteHint says who reads the note of a change of kind k.
func changeNoteHint(k ChangeKind) string {
	if k.Public() {
		return "a " + strings.ToLower(k.Label()) + " note is published with the story"
	}
	return "a minor fix's note is kept in the history only"
}

// PlanNewStory prepares a new story to be saved as revision 1: it checks
// it, gives it an ID, a slug unique among stories (from its slug, headline
// or first words), its times (a published one its date of publication, an
// archive's post its last change) and
// its quotes their anchors, IDs and speakers. It returns the revision's
// meta, its kind decided.
func PlanNewStory(s *Story, meta RevisionMeta, now time.Time, l Lookups) (RevisionMeta, error) {
	s.Normalize()
	if err := firstError(s.Validate(), meta.Validate()); err != nil {
		return meta, err
	}
	if meta.Kind == "" {
		meta.Kind = RevisionCheckpoint
	}
	base := s.Slug
	if base == "" {
		base = s.SlugBase()
	}
	slug, err := UniqueSlug(base, "story", func(c string) (bool, error) { return l.SlugTaken(c, "") })
	if err != nil {
		return meta, err
	}
	// An archive's post keeps its own last change (Hugo's lastmod) when it
	// gives one no earlier than its creation.
	updated := s.UpdatedAt
	s.ID, s.Slug, s.Revision, s.UpdatedAt = l.NewID(), slug, 1, now
	if s.CreatedAt.IsZero() {
		s.CreatedAt = now
	}
	if !updated.IsZero() && !updated.Before(s.CreatedAt) && !updated.After(now) {
		s.UpdatedAt = updated.UTC()
	}
	if s.Status == StatusPublished && s.PublishedAt == nil {
		t := s.CreatedAt
		s.PublishedAt = &t
	}
	return meta, prepareQuotes(s, l)
}

// StatusEdit is the edit a move to another status makes: the current story
// with its status changed, saved as a revision of kind status.
func StatusEdit(cur *Story, status Status, meta RevisionMeta) (*Story, RevisionMeta) {
	next := *cur
	next.Status = status
	meta.Kind = RevisionStatus
	return &next, meta
}

// RestoreEdit is the edit that makes revision seq's content current again,
// as a revision of kind restore; a story not published notes which revision
// it restored when the person gave no note.
func RestoreEdit(cur *Story, seq int, content []byte, meta RevisionMeta) (*Story, RevisionMeta, error) {
	next := *cur
	if err := next.ApplyContent(content); err != nil {
		return nil, meta, fmt.Errorf("story %s revision %d: %w", cur.ID, seq, err)
	}
	if meta.Note == "" && cur.Status != StatusPublished {
		meta.Note = fmt.Sprintf("restored revision %d", seq)
	}
	meta.Kind = RevisionRestore
	return &next, meta, nil
}

// PageSave is one save of an edited site page, as for StorySave.
type PageSave struct {
	Current  *Page
	Edited   *Page
	Base     int
	BasePage *Page // revision Base, to merge with; nil refuses a stale base
	Meta     RevisionMeta
	Now      time.Time
	Lookups
}

// PagePlan is what a save of a page writes, as for StoryPlan.
type PagePlan struct {
	Write      bool
	Page       *Page
	Meta       RevisionMeta
	MergedWith int
}

// PlanPageSave applies the save rules to an edit of a page, as
// PlanStorySave does for a story. *in.Edited becomes the planned page.
func PlanPageSave(in PageSave) (PagePlan, error) {
	cur, p, meta := in.Current, in.Edited, in.Meta
	p.Normalize()
	if err := firstError(p.Validate(), meta.Validate()); err != nil {
		return PagePlan{}, err
	}
	if meta.Kind == "" {
		meta.Kind = RevisionCheckpoint
	}
	plan := PagePlan{Meta: meta, Page: p}
	if in.Base != cur.Revision {
		if in.BasePage == nil || in.Base > cur.Revision {
			return PagePlan{}, &ConflictError{Kind: ConflictRevision, Noun: "page", Title: cur.Title, Current: cur.Revision, Base: in.Base}
		}
		merged, conflicts := MergePages(in.BasePage, cur, p)
		if len(conflicts) > 0 {
			return PagePlan{}, &ConflictError{Kind: ConflictClash, Noun: "page", Title: cur.Title, Current: cur.Revision, Base: in.Base, Conflicts: conflicts}
		}
		merged.Normalize()
		*p = *merged
		plan.MergedWith = cur.Revision
	}
	p.ID = cur.ID
	if err := checkSlug(&p.Slug, cur.Slug, cur.ID, "page", in.SlugTaken); err != nil {
		return PagePlan{}, err
	}
	p.CreatedAt = cur.CreatedAt
	if bytes.Equal(p.Content(), cur.Content()) {
		p.Revision, p.UpdatedAt = cur.Revision, cur.UpdatedAt
		return plan, nil
	}
	p.Revision, p.UpdatedAt = cur.Revision+1, in.Now
	plan.Write = true
	return plan, nil
}

// PlanNewPage prepares a new page to be saved as revision 1: checked, with
// an ID, a slug unique among pages (from its slug or title) and its times.
func PlanNewPage(p *Page, meta RevisionMeta, now time.Time, l Lookups) (RevisionMeta, error) {
	p.Normalize()
	if err := firstError(p.Validate(), meta.Validate()); err != nil {
		return meta, err
	}
	if meta.Kind == "" {
		meta.Kind = RevisionCheckpoint
	}
	base := p.Slug
	if base == "" {
		base = Slugify(p.Title)
	}
	slug, err := UniqueSlug(base, "page", func(c string) (bool, error) { return l.SlugTaken(c, "") })
	if err != nil {
		return meta, err
	}
	p.ID, p.Slug, p.Revision, p.CreatedAt, p.UpdatedAt = l.NewID(), slug, 1, now, now
	return meta, nil
}

// RestorePageEdit is the edit that makes revision seq of a page current
// again, as a revision of kind restore noting which one.
func RestorePageEdit(cur *Page, seq int, content []byte, meta RevisionMeta) (*Page, RevisionMeta, error) {
	next := *cur
	if err := next.ApplyContent(content); err != nil {
		return nil, meta, fmt.Errorf("page %s revision %d: %w", cur.ID, seq, err)
	}
	if meta.Note == "" {
		meta.Note = fmt.Sprintf("restored revision %d", seq)
	}
	meta.Kind = RevisionRestore
	return &next, meta, nil
}

// checkSlug keeps the current slug when the edit gives none, and refuses a
// slug another document of the kind has.
func checkSlug(slug *string, curSlug, id, noun string, taken func(string, string) (bool, error)) error {
	if *slug == "" {
		*slug = curSlug
	}
	if *slug == curSlug {
		return nil
	}
	isTaken, err := taken(*slug, id)
	if err != nil {
		return err
	}
	if isTaken {
		return &ConflictError{Kind: ConflictSlug, Noun: noun, Value: *slug}
	}
	return nil
}

// prepareQuotes finds each quote again in the body as it now stands, so that
// anchors follow edits, gives new quotes an ID, and links each quote to the
// person of its speaker's name when the directory knows them.
func prepareQuotes(s *Story, l Lookups) error {
	Reanchor(s.Body, s.Quotes)
	for i := range s.Quotes {
		q := &s.Quotes[i]
		if q.ID == "" {
			q.ID = l.NewID()
		}
		if q.PersonID != "" || q.Speaker == "" || l.PersonID == nil {
			continue
		}
		id, err := l.PersonID(q.Speaker)
		if err != nil {
			return err
		}
		q.PersonID = id
	}
	return nil
}

// SaveResult says what a save did.
type SaveResult struct {
	// Saved is false when there was nothing to save.
	Saved bool
	// MergedWith is the revision the edit's changes were merged with because
	// its base had moved on; 0 when the edit was of the current revision.
	MergedWith int
}
