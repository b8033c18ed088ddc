package editor_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"copydesk/editor"
)

var (
	saveNow = time.Date(2026, 12, 3, 10, 0, 0, 0, time.UTC)
	created = time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
)

func lookups(takenSlugs ...string) editor.Lookups {
	n := 0
	return editor.Lookups{
		NewID: func() string { n++; return fmt.Sprintf("id-%d", n) },
		PersonID: func(name string) (string, error) {
			if name == "James Cleverly" {
				return "p-cleverly", nil
			}
			return "", nil
		},
		SlugTaken: func(slug, except string) (bool, error) {
			for _, t := range takenSlugs {
				if t == slug {
					return true, nil
				}
			}
			return false, nil
		},
	}
}

func stored(status editor.Status, rev int, body string) *editor.Story {
	return &editor.Story{ID: "s1", Slug: "minister", Headline: "Minister", Body: body, Status: status,
		Revision: rev, CreatedAt: created, UpdatedAt: created, Tags: []string{}}
}

func TestPlanStorySave(t *testing.T) {
	published := created.Add(time.Hour)
	tests := []struct {
		name      string
		cur       *editor.Story
		edit      func(s *editor.Story)
		base      int
		baseStory *editor.Story
		meta      editor.RevisionMeta
		wantErr   error
		wantKind  editor.ConflictKind
		wantWrite bool
		wantRev   int
		wantMeta  editor.RevisionKind
		check     func(t *testing.T, p editor.StoryPlan)
	}{
		{name: "an edit of the current revision", cur: stored(editor.StatusDraft, 2, "One.\n\nTwo."),
			edit: func(s *editor.Story) { s.Body = "One, tightened.\n\nTwo." }, base: 2,
			wantWrite: true, wantRev: 3, wantMeta: editor.RevisionCheckpoint},
		{name: "nothing changed", cur: stored(editor.StatusDraft, 2, "One."),
			edit: func(s *editor.Story) { s.Body = "One.\n\n" }, base: 2, wantWrite: false, wantRev: 2},
		{name: "stale base without merging", cur: stored(editor.StatusDraft, 3, "One."),
			edit: func(s *editor.Story) { s.Body = "Uno." }, base: 2,
			wantErr: editor.ErrConflict, wantKind: editor.ConflictRevision},
		{name: "stale base merged", cur: stored(editor.StatusDraft, 3, "One.\n\nTwo, theirs."),
			baseStory: stored(editor.StatusDraft, 2, "One.\n\nTwo."),
			edit:      func(s *editor.Story) { s.Body = "One, ours.\n\nTwo." }, base: 2,
			wantWrite: true, wantRev: 4, wantMeta: editor.RevisionCheckpoint,
			check: func(t *testing.T, p editor.StoryPlan) {
				if p.Story.Body != "One, ours.\n\nTwo, theirs." || p.MergedWith != 3 {
					t.Errorf("merged body %q with %d, want both edits with revision 3", p.Story.Body, p.MergedWith)
				}
			}},
		{name: "stale base that clashes", cur: stored(editor.StatusDraft, 3, "One, theirs."),
			baseStory: stored(editor.StatusDraft, 2, "One."),
			edit:      func(s *editor.Story) { s.Body = "One, ours." }, base: 2,
			wantErr: editor.ErrConflict, wantKind: editor.ConflictClash},
		{name: "slug of another story", cur: stored(editor.StatusDraft, 1, "One."),
			edit: func(s *editor.Story) { s.Slug = "taken" }, base: 1,
			wantErr: editor.ErrConflict, wantKind: editor.ConflictSlug},
		{name: "empty slug keeps the current one", cur: stored(editor.StatusDraft, 1, "One."),
			edit: func(s *editor.Story) { s.Slug, s.Body = "", "Two." }, base: 1, wantWrite: true, wantRev: 2, wantMeta: editor.RevisionCheckpoint,
			check: func(t *testing.T, p editor.StoryPlan) {
				if p.Story.Slug != "minister" {
					t.Errorf("slug = %q, want minister", p.Story.Slug)
				}
			}},
		{name: "first publication is dated", cur: stored(editor.StatusReady, 1, "One."),
			edit: func(s *editor.Story) { s.Status = editor.StatusPublished }, base: 1, meta: editor.RevisionMeta{Kind: editor.RevisionStatus},
			wantWrite: true, wantRev: 2, wantMeta: editor.RevisionStatus,
			check: func(t *testing.T, p editor.StoryPlan) {
				if p.Story.PublishedAt == nil || !p.Story.PublishedAt.Equal(saveNow) {
					t.Errorf("PublishedAt = %v, want %v", p.Story.PublishedAt, saveNow)
				}
			}},
		{name: "a change to a published story needs a note", cur: func() *editor.Story {
			s := stored(editor.StatusPublished, 2, "Yes.")
			s.PublishedAt = &published
			return s
		}(), edit: func(s *editor.Story) { s.Body = "No." }, base: 2, wantErr: &editor.ValidationError{}},
		{name: "a change to a published story is a correction", cur: func() *editor.Story {
			s := stored(editor.StatusPublished, 2, "Yes.")
			s.PublishedAt = &published
			return s
		}(), edit: func(s *editor.Story) { s.Body = "No." }, base: 2, meta: editor.RevisionMeta{Note: "misreported"},
			wantWrite: true, wantRev: 3, wantMeta: editor.RevisionCorrection,
			check: func(t *testing.T, p editor.StoryPlan) {
				if p.Correction == nil || len(p.Story.Corrections) != 1 || p.Story.Corrections[0].Note != "misreported" || !p.Story.PublishedAt.Equal(published) {
					t.Errorf("correction %+v, corrections %+v, published %v", p.Correction, p.Story.Corrections, p.Story.PublishedAt)
				}
			}},
		{name: "quotes are found again, given IDs and speakers", cur: stored(editor.StatusDraft, 1, "He said: “Yes.”"),
			edit: func(s *editor.Story) {
				s.Body = "Added first. He said: “Yes.”"
				s.Quotes = []editor.Quote{{Text: "Yes.", Speaker: "James Cleverly"}}
			}, base: 1, wantWrite: true, wantRev: 2, wantMeta: editor.RevisionCheckpoint,
			check: func(t *testing.T, p editor.StoryPlan) {
				q := p.Story.Quotes[0]
				if q.ID == "" || q.PersonID != "p-cleverly" || p.Story.Body[q.Anchor.Start:q.Anchor.End] != "Yes." {
					t.Errorf("quote = %+v", q)
				}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			edited := *tt.cur
			tt.edit(&edited)
			plan, err := editor.PlanStorySave(editor.StorySave{Current: tt.cur, Edited: &edited, Base: tt.base, BaseStory: tt.baseStory,
				Meta: tt.meta, Now: saveNow, Lookups: lookups("taken")})
			if tt.wantErr != nil {
				var ve *editor.ValidationError
				if _, isVE := tt.wantErr.(*editor.ValidationError); isVE && !errors.As(err, &ve) {
					t.Fatalf("PlanStorySave() = %v, want a ValidationError", err)
				}
				var ce *editor.ConflictError
				if tt.wantKind != "" && (!errors.Is(err, editor.ErrConflict) || !errors.As(err, &ce) || ce.Kind != tt.wantKind) {
					t.Fatalf("PlanStorySave() = %v, want a %s conflict", err, tt.wantKind)
				}
				return
			}
			if err != nil {
				t.Fatalf("PlanStorySave() = %v", err)
			}
			if plan.Write != tt.wantWrite || plan.Story.Revision != tt.wantRev || (tt.wantWrite && plan.Meta.Kind != tt.wantMeta) {
				t.Errorf("PlanStorySave() = write %v revision %d kind %q, want %v %d %q", plan.Write, plan.Story.Revision, plan.Meta.Kind, tt.wantWrite, tt.wantRev, tt.wantMeta)
			}
			if plan.Story != &edited {
				t.Errorf("the plan's story is not the edited one")
			}
			if tt.check != nil {
				tt.check(t, plan)
			}
		})
	}
}

func TestClashNamesThePlaces(t *testing.T) {
	cur := stored(editor.StatusDraft, 3, "The minister said yes.")
	edited := *stored(editor.StatusDraft, 2, "The minister said no.")
	_, err := editor.PlanStorySave(editor.StorySave{Current: cur, Edited: &edited, Base: 2,
		BaseStory: stored(editor.StatusDraft, 2, "The minister said maybe."), Now: saveNow, Lookups: lookups()})
	var ce *editor.ConflictError
	if !errors.As(err, &ce) || len(ce.Conflicts) != 1 || ce.Conflicts[0].Field != "body" || !strings.Contains(err.Error(), "revision 2") {
		t.Fatalf("PlanStorySave(clash) = %v, want one body conflict", err)
	}
}

func TestPlanNewStory(t *testing.T) {
	s := &editor.Story{Headline: "Minister", Status: editor.StatusPublished, Body: "“Yes,” said James Cleverly.",
		Quotes: []editor.Quote{{Text: "Yes,", Speaker: "James Cleverly"}}}
	meta, err := editor.PlanNewStory(s, editor.RevisionMeta{}, saveNow, lookups("minister"))
	if err != nil || s.Slug != "minister-2" || s.Revision != 1 || s.ID == "" || s.PublishedAt == nil || meta.Kind != editor.RevisionCheckpoint {
		t.Fatalf("PlanNewStory() = %+v, %v", s, err)
	}
	if s.Quotes[0].PersonID != "p-cleverly" {
		t.Errorf("quote speaker not linked: %+v", s.Quotes[0])
	}
	if _, err := editor.PlanNewStory(&editor.Story{Status: "live"}, editor.RevisionMeta{}, saveNow, lookups()); err == nil {
		t.Errorf("PlanNewStory(status live) = nil error")
	}
}

func TestPlanPageSave(t *testing.T) {
	cur := &editor.Page{ID: "p1", Slug: "rules", Kind: editor.PageRules, Title: "Rules", Body: "One.\n\nTwo.", Revision: 3}
	base := &editor.Page{ID: "p1", Slug: "rules", Kind: editor.PageRules, Title: "Rules", Body: "One.\n\nTwo, before.", Revision: 2}
	edited := *base
	edited.Body = "One, ours.\n\nTwo, before."
	plan, err := editor.PlanPageSave(editor.PageSave{Current: cur, Edited: &edited, Base: 2, BasePage: base, Now: saveNow, Lookups: lookups()})
	if err != nil || !plan.Write || plan.Page.Body != "One, ours.\n\nTwo." || plan.Page.Revision != 4 || plan.MergedWith != 3 {
		t.Fatalf("PlanPageSave(merge) = %+v, %v", plan, err)
	}
	stale := *cur
	stale.Body = "Else."
	if _, err := editor.PlanPageSave(editor.PageSave{Current: cur, Edited: &stale, Base: 2, Now: saveNow, Lookups: lookups()}); !errors.Is(err, editor.ErrConflict) {
		t.Errorf("PlanPageSave(stale, no merge) = %v, want ErrConflict", err)
	}
}

func TestStatusRole(t *testing.T) {
	tests := []struct {
		from, to editor.Status
		want     editor.Role
	}{
		{editor.StatusDraft, editor.StatusDraft, editor.RoleEditor},
		{editor.StatusDraft, editor.StatusSubbing, editor.RoleSubeditor},
		{editor.StatusReady, editor.StatusDraft, editor.RoleSubeditor},
		{editor.StatusReady, editor.StatusPublished, editor.RoleDesk},
		{editor.StatusPublished, editor.StatusDraft, editor.RoleDesk},
		{editor.StatusDraft, editor.StatusSpiked, editor.RoleDesk},
		{editor.StatusSpiked, editor.StatusDraft, editor.RoleDesk},
	}
	for _, tt := range tests {
		if got := editor.StatusRole(tt.from, tt.to); got != tt.want {
			t.Errorf("StatusRole(%s, %s) = %s, want %s", tt.from, tt.to, got, tt.want)
		}
	}
	if !editor.RoleDesk.Allows(editor.RoleSubeditor) || editor.RoleEditor.Allows(editor.RoleSubeditor) {
		t.Errorf("Allows: desk must allow subeditor, editor must not")
	}
}

func TestChangeKinds(t *testing.T) {
	published := created.Add(time.Hour)
	live := func() *editor.Story {
		s := stored(editor.StatusPublished, 2, "Yes.")
		s.PublishedAt = &published
		s.Corrections = []editor.Correction{{Kind: editor.ChangeCorrection, Note: "earlier", At: published}}
		return s
	}
	tests := []struct {
		change     editor.ChangeKind
		note       string
		wantErr    bool
		wantPublic *editor.Correction // the note added for readers, nil for none
		wantNote   string             // the revision's note
	}{
		{change: "", note: "misreported", wantPublic: &editor.Correction{Kind: editor.ChangeCorrection, Note: "misreported"}, wantNote: "misreported"},
		{change: editor.ChangeCorrection, note: " A name was misspelt. ", wantPublic: &editor.Correction{Kind: editor.ChangeCorrection, Note: "A name was misspelt."}, wantNote: "A name was misspelt."},
		{change: editor.ChangeClarification, note: "The figure is annual.", wantPublic: &editor.Correction{Kind: editor.ChangeClarification, Note: "The figure is annual."}, wantNote: "Clarification: The figure is annual."},
		{change: editor.ChangeUpdate, note: "Adds the council's response.", wantPublic: &editor.Correction{Kind: editor.ChangeUpdate, Note: "Adds the council's response."}, wantNote: "Update: Adds the council's response."},
		{change: editor.ChangeFix, note: "typo", wantNote: "Minor fix: typo"},
		{change: editor.ChangeFix, note: "  ", wantErr: true},
		{change: editor.ChangeUpdate, note: "", wantErr: true},
		{change: "retraction", note: "gone", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(string(tt.change)+"/"+tt.note, func(t *testing.T) {
			cur := live()
			edited := *cur
			edited.Body = "No."
			plan, err := editor.PlanStorySave(editor.StorySave{Current: cur, Edited: &edited, Base: 2,
				Meta: editor.RevisionMeta{Note: tt.note, Change: tt.change}, Now: saveNow, Lookups: lookups()})
			if tt.wantErr {
				var ve *editor.ValidationError
				if !errors.As(err, &ve) {
					t.Fatalf("PlanStorySave(%q, %q) = %v, want a ValidationError", tt.change, tt.note, err)
				}
				return
			}
			if err != nil {
				t.Fatalf("PlanStorySave(%q, %q) = %v", tt.change, tt.note, err)
			}
			if plan.Meta.Kind != editor.RevisionCorrection || plan.Meta.Note != tt.wantNote {
				t.Errorf("revision = %q %q, want correction %q", plan.Meta.Kind, plan.Meta.Note, tt.wantNote)
			}
			want := 1
			if tt.wantPublic != nil {
				want = 2
				got := plan.Story.Corrections[len(plan.Story.Corrections)-1]
				if got.Kind != tt.wantPublic.Kind || got.Note != tt.wantPublic.Note || !got.At.Equal(saveNow) {
					t.Errorf("public note = %+v, want %+v at %v", got, *tt.wantPublic, saveNow)
				}
			} else if plan.Correction != nil {
				t.Errorf("a minor fix made a public note %+v", plan.Correction)
			}
			if len(plan.Story.Corrections) != want || len(cur.Corrections) != 1 {
				t.Errorf("corrections = %+v (current %+v), want %d", plan.Story.Corrections, cur.Corrections, want)
			}
		})
	}
}
