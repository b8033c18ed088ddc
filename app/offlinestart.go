package app

import (
	"context"
	"fmt"
	"time"

	"fyne.io/fyne/v2"

	"copydesk/editor"
)

// Starting while the shared desk cannot be reached: instead of an error,
// the window opens offline on what this computer's journal holds of that
// desk (the working copies and the saves waiting), so typing goes on into
// the journal and saves wait in its queue. Every few seconds the desk is
// tried again; once it answers the window moves onto it, where the working
// copies come back and the waiting saves are sent (offline.go).

// journalStore is a Store over the local journal of one desk and owner:
// it reads the stories the journal holds, each as its owner last had it on
// screen over the revision it was typed on, and refuses everything else
// with the error that says why the desk cannot be reached.
type journalStore struct {
	j    Journal
	desk string // the desk's Path, as its own store names it
	user string
	who  editor.Owner
	err  error
}

// held is the journal's stories: the newest of each one's working copy
// and waiting saves, updated when that was kept.
func (s *journalStore) held(ctx context.Context) ([]editor.Story, error) {
	wcs, err := s.j.WorkingCopies(ctx, s.desk, s.who)
	if err != nil {
		return nil, err
	}
	pending, err := s.j.Pending(ctx, s.desk, s.who)
	if err != nil {
		return nil, err
	}
	type copy struct {
		base    int
		content []byte
		at      time.Time
	}
	newest := map[string]copy{}
	var order []string
	add := func(kind, id string, c copy) {
		if kind != storyKind.noun {
			return // pages wait in the journal, but only stories are listed offline
		}
		old, seen := newest[id]
		if !seen {
			order = append(order, id)
		}
		if !seen || c.at.After(old.at) {
			newest[id] = c
		}
	}
	for _, wc := range wcs {
		add(wc.DocKind, wc.DocID, copy{wc.Base, wc.Content, wc.SavedAt})
	}
	for _, p := range pending {
		add(p.DocKind, p.DocID, copy{p.Base, p.Content, p.QueuedAt})
	}
	var out []editor.Story
	for _, id := range order {
		c := newest[id]
		st := editor.Story{ID: id, Revision: c.base, UpdatedAt: c.at}
		if err := st.ApplyContent(c.content); err != nil {
			return nil, fmt.Errorf("the journal's copy of story %s: %w", id, err)
		}
		st.Normalize()
		out = append(out, st)
	}
	return out, nil
}

func (s *journalStore) ListStories(ctx context.Context, f editor.StoryFilter) ([]editor.StorySummary, error) {
	all, err := s.held(ctx)
	if err != nil || f.Offset > 0 {
		return nil, err
	}
	var out []editor.StorySummary
	for _, st := range all {
		if f.Status != "" && st.Status != f.Status {
			continue
		}
		out = append(out, editor.StorySummary{ID: st.ID, Slug: st.Slug, Headline: st.Headline, Title: st.Headline,
			Status: st.Status, Section: st.Section, Revision: st.Revision, UpdatedAt: st.UpdatedAt, Urgency: st.Urgency, Slugline: st.Slugline})
	}
	return out, nil
}

func (s *journalStore) CountStories(ctx context.Context, status editor.Status) (int, error) {
	rows, err := s.ListStories(ctx, editor.StoryFilter{Status: status})
	return len(rows), err
}

func (s *journalStore) Story(ctx context.Context, id string) (*editor.Story, error) {
	all, err := s.held(ctx)
	if err != nil {
		return nil, err
	}
	for i := range all {
		if all[i].ID == id {
			// Not saved as a revision at that time: the status bar says
			// nothing of when it was saved.
			all[i].UpdatedAt = time.Time{}
			return &all[i], nil
		}
	}
	return nil, s.err
}

// The journal's copy is the story itself here: there is no other working
// copy to offer over it.
func (s *journalStore) WorkingCopy(context.Context, string, editor.Owner) (*editor.WorkingCopy, error) {
	return nil, s.err
}

func (s *journalStore) WorkingCopies(ctx context.Context, who editor.Owner) ([]editor.WorkingCopy, error) {
	return s.j.WorkingCopies(ctx, s.desk, who)
}

func (s *journalStore) Path() string { return s.desk }
func (s *journalStore) Close() error { return nil }

// Desk and User name the desk as its store does; Role cannot be read.
func (s *journalStore) Desk() string                              { return deskHost(s.desk) }
func (s *journalStore) User() string                              { return s.user }
func (s *journalStore) Role(context.Context) (editor.Role, error) { return "", s.err }

// What needs the desk says it cannot be reached.
func (s *journalStore) CreateStory(context.Context, *editor.Story, editor.RevisionMeta) error {
	return s.err
}
func (s *journalStore) SaveStory(context.Context, *editor.Story, int, editor.RevisionMeta) (bool, error) {
	return false, s.err
}
func (s *journalStore) SetStatus(context.Context, string, int, editor.Status, editor.RevisionMeta) (*editor.Story, error) {
	return nil, s.err
}
func (s *journalStore) StoryRevision(context.Context, string, int) (*editor.Story, *editor.Revision, error) {
	return nil, nil, s.err
}
func (s *journalStore) Revisions(context.Context, string) ([]editor.Revision, error) {
	return nil, s.err
}
func (s *journalStore) Pages(context.Context) ([]editor.Page, error)       { return nil, nil }
func (s *journalStore) Page(context.Context, string) (*editor.Page, error) { return nil, s.err }
func (s *journalStore) CreatePage(context.Context, *editor.Page, editor.RevisionMeta) error {
	return s.err
}
func (s *journalStore) SavePage(context.Context, *editor.Page, int, editor.RevisionMeta) (bool, error) {
	return false, s.err
}
func (s *journalStore) PageRevision(context.Context, string, int) (*editor.Page, *editor.Revision, error) {
	return nil, nil, s.err
}
func (s *journalStore) People(context.Context) ([]editor.Person, error)  { return nil, nil }
func (s *journalStore) SavePerson(context.Context, *editor.Person) error { return s.err }
func (s *journalStore) DeskSettings(context.Context) (editor.DeskSettings, error) {
	return editor.DeskSettings{}, nil
}
func (s *journalStore) SaveDeskSettings(context.Context, *editor.DeskSettings) error {
	return s.err
}
func (s *journalStore) AddHouseWord(context.Context, string) error                 { return s.err }
func (s *journalStore) SaveWorkingCopy(context.Context, *editor.WorkingCopy) error { return s.err }
func (s *journalStore) DropWorkingCopy(context.Context, string, editor.Owner) error {
	return s.err
}
func (s *journalStore) Search(context.Context, string, int) ([]editor.SearchHit, error) {
	return nil, s.err
}
func (s *journalStore) RestoreStory(context.Context, string, int, editor.RevisionMeta) (*editor.Story, bool, error) {
	return nil, false, s.err
}
func (s *journalStore) RestorePage(context.Context, string, int, editor.RevisionMeta) (*editor.Page, bool, error) {
	return nil, false, s.err
}
func (s *journalStore) PublishedRevision(context.Context, string) (int, error) { return 0, s.err }
func (s *journalStore) StoriesWithStatus(context.Context, editor.Status) ([]editor.Story, error) {
	return nil, s.err
}

// deskOffline is what Run needs to open a desk offline: the name its
// store would give it (the journal's key) and its user, from the URL.
type deskOffline func(dsn string) (path, user string, err error)

// offlineStore is the journal's store for the desk dsn names, which could
// not be reached for err; false when the desk cannot be named or nothing
// answers for the journal.
func offlineStore(j Journal, name deskOffline, p *prefs, dsn string, err error) (*journalStore, bool) {
	if j == nil || name == nil || !unreachable(err) {
		return nil, false
	}
	path, user, nerr := name(dsn)
	if nerr != nil {
		return nil, false
	}
	p.deskUser = user
	return &journalStore{j: j, desk: path, user: user, who: p.owner(), err: err}, true
}

// startedOffline is the window open on a journalStore: it says so, and
// tries the desk (open) every retryEvery until it answers, then moves onto
// it (install), after the typing on screen is in the journal.
func (g *gui) startedOffline(open func() (Store, error), install func(Store)) {
	g.wentOffline()
	if g.retryEvery <= 0 {
		return // tests try themselves (tryDesk)
	}
	go func() {
		t := time.NewTicker(g.retryEvery)
		defer t.Stop()
		for {
			select {
			case <-g.ctx.Done():
				return
			case <-t.C:
			}
			if st, err := open(); err == nil {
				fyne.Do(func() { g.deskBack(st, install) })
				return
			}
		}
	}()
}

// tryDesk tries the desk once: for tests, which have no ticker.
func (g *gui) tryDesk(open func() (Store, error), install func(Store)) error {
	st, err := open()
	if err == nil {
		g.deskBack(st, install)
	}
	return err
}

// deskBack moves the window onto the desk that answered, once the last
// typing is in the journal.
func (g *gui) deskBack(st Store, install func(Store)) {
	if g.ctx.Err() != nil {
		st.Close() // the window moved elsewhere meanwhile
		return
	}
	liveLog("reconnected")
	g.autosaveThen(func() { g.write(func() func() { return func() { install(st) } }) })
}
