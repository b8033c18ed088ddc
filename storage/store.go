// Package storage is the contract every copydesk store keeps, and Open,
// which picks the engine by the database's name: a path is a SQLite file
// (package storage/sqlite), a postgres:// or postgresql:// URL a shared desk
// on PostgreSQL (package storage/postgres). The command line and the desktop
// app work through Store alone, so the same commands, JSON and exit codes
// hold on both; storage/storetest is the behavioural suite both pass.
//
// The decisions of a save (conflicts, merges, corrections, quote anchors)
// are editor's (editor.PlanStorySave); an engine reads and writes rows.
package storage

import (
	"context"

	"copydesk/editor"
)

// The errors every engine returns, by value: compare with errors.Is and
// errors.As. They are editor's, so that the engines, which Open imports,
// need not import this package.
var (
	// ErrNotFound: no story, page, person, revision or database of that name.
	ErrNotFound = editor.ErrNotFound
	// ErrConflict: a stale base, a clash, or a slug or name already taken;
	// the error is a *ConflictError saying which.
	ErrConflict = editor.ErrConflict
	// ErrPermission: the database refused the action to the user's role;
	// the error is a *PermissionError naming the role needed.
	ErrPermission = editor.ErrPermission
	// ErrLogin: the server refused the user name or password.
	ErrLogin = editor.ErrLogin
)

// ConflictError says what a refused write clashed with.
type ConflictError = editor.ConflictError

// PermissionError names the role an action needs.
type PermissionError = editor.PermissionError

// BusyError is a write that could not get the database's lock in time.
type BusyError = editor.BusyError

// Store is what both engines keep: every read and write the command line
// and the desktop app make. Each write is one transaction.
type Store interface {
	// Stories.
	CreateStory(ctx context.Context, s *editor.Story, meta editor.RevisionMeta) error
	CreateStories(ctx context.Context, stories []*editor.Story, meta editor.RevisionMeta, progress func(done, total int)) error
	Import(ctx context.Context, stories []*editor.Story, people []editor.Person, meta editor.RevisionMeta, progress func(done, total int)) error
	SaveStory(ctx context.Context, s *editor.Story, base int, meta editor.RevisionMeta) (saved bool, err error)
	MergeStory(ctx context.Context, s *editor.Story, base int, meta editor.RevisionMeta) (editor.SaveResult, error)
	RestoreStory(ctx context.Context, id string, seq int, meta editor.RevisionMeta) (*editor.Story, bool, error)
	SetStatus(ctx context.Context, id string, base int, status editor.Status, meta editor.RevisionMeta) (*editor.Story, error)
	Story(ctx context.Context, id string) (*editor.Story, error)
	FindStory(ctx context.Context, ref string) (*editor.Story, error)
	ListStories(ctx context.Context, f editor.StoryFilter) ([]editor.StorySummary, error)
	CountStories(ctx context.Context, status editor.Status) (int, error)
	StoriesWithStatus(ctx context.Context, status editor.Status) ([]editor.Story, error)

	// What the website export reads (export.Source). PublishedHeads is every
	// published story without its body (kept when it has no headline, for
	// its title), quotes and corrections, in any order; StoriesByID the
	// stories named, whole, in any order. The export's memos of each story
	// (editor.ExportMemo) are kept beside it: ExportMemos returns them all
	// without HTML, ExportHTML those of the stories named with it, and
	// SaveExportMemos replaces the stories' memos (leaving out a story
	// that no longer exists) and forgets the HTML of every story not in
	// keepHTML.
	PublishedHeads(ctx context.Context) ([]editor.Story, error)
	// PublishedVersions is every published story's version
	// (editor.StoryVersion), in any order, read without the stories.
	PublishedVersions(ctx context.Context) ([]editor.StoryVersion, error)
	StoriesByID(ctx context.Context, ids []string) ([]editor.Story, error)
	ExportMemos(ctx context.Context) ([]editor.ExportMemo, error)
	ExportHTML(ctx context.Context, ids []string) ([]editor.ExportMemo, error)
	SaveExportMemos(ctx context.Context, memos []editor.ExportMemo, keepHTML []string) error
	// StoryIDsByFeedID lists the stories a feed's item became, by the
	// feed's own ID (editor.Story.FeedID), oldest first; none is no error.
	StoryIDsByFeedID(ctx context.Context, feedID string) ([]string, error)
	PublishedRevision(ctx context.Context, id string) (int, error)
	StoryRevision(ctx context.Context, id string, seq int) (*editor.Story, *editor.Revision, error)
	StoryHistory(ctx context.Context, id string) ([]editor.Story, []editor.Revision, error)

	// Notes between editor and subeditor on a story: kept beside it, not in
	// its revisions; every save of the story moves their anchors.
	Notes(ctx context.Context, storyID string) ([]editor.Note, error)
	AddNote(ctx context.Context, n *editor.Note) error
	ResolveNote(ctx context.Context, storyID, noteID string, resolved bool, by string) (*editor.Note, error)

	// Site pages.
	CreatePage(ctx context.Context, p *editor.Page, meta editor.RevisionMeta) error
	SavePage(ctx context.Context, p *editor.Page, base int, meta editor.RevisionMeta) (saved bool, err error)
	MergePage(ctx context.Context, p *editor.Page, base int, meta editor.RevisionMeta) (editor.SaveResult, error)
	RestorePage(ctx context.Context, id string, seq int, meta editor.RevisionMeta) (*editor.Page, bool, error)
	Page(ctx context.Context, id string) (*editor.Page, error)
	FindPage(ctx context.Context, ref string) (*editor.Page, error)
	Pages(ctx context.Context) ([]editor.Page, error)
	PageRevision(ctx context.Context, id string, seq int) (*editor.Page, *editor.Revision, error)

	// The people directory.
	SavePerson(ctx context.Context, p *editor.Person) error
	Person(ctx context.Context, id string) (*editor.Person, error)
	People(ctx context.Context) ([]editor.Person, error)

	// The settings a desk shares (on a shared desk, every copy of the app
	// reads the same): the house words spelling counts as correct, and
	// whether speakers must be confirmed. DeskSettings gives the defaults
	// when none were saved; SaveDeskSettings replaces them all (normalised,
	// the desk role only on a shared desk); AddHouseWord adds one word
	// (anyone), one already there, ignoring case, being no error.
	DeskSettings(ctx context.Context) (editor.DeskSettings, error)
	SaveDeskSettings(ctx context.Context, s *editor.DeskSettings) error
	AddHouseWord(ctx context.Context, word string) error

	// Revisions of a story or page, and search over everything.
	Revisions(ctx context.Context, docID string) ([]editor.Revision, error)
	Search(ctx context.Context, query string, limit int) ([]editor.SearchHit, error)

	// The desktop app's working copies, each one person's on one copy of
	// the app: keyed by document, user and client (wc.User, wc.Client; on
	// a shared desk the user is the database user, whatever is given).
	// Saving one replaces the owner's earlier one and adopts the user's old
	// client-less one. WorkingCopy, WorkingCopies and DropWorkingCopy see
	// only who's own: the same user and client, or the same user and no
	// client (kept before clients had IDs). Nobody else's is ever returned
	// or dropped.
	SaveWorkingCopy(ctx context.Context, wc *editor.WorkingCopy) error
	WorkingCopy(ctx context.Context, docID string, who editor.Owner) (*editor.WorkingCopy, error)
	WorkingCopies(ctx context.Context, who editor.Owner) ([]editor.WorkingCopy, error)
	DropWorkingCopy(ctx context.Context, docID string, who editor.Owner) error

	// Presence. Heartbeat says that who has docID open ("" for none) and
	// whether they are typing; one entry per user and client, so a beat
	// for another document moves it. Present lists the copies of the app
	// whose last beat is at most editor.PresenceTTL old, on docID or, for
	// "", everywhere, by document, user and client; the caller's own
	// copy is among them (editor.Others drops it). An entry expires on its
	// own, so a killed copy disappears; Leave removes it at once.
	Heartbeat(ctx context.Context, docID string, who editor.Owner, typing bool) error
	Present(ctx context.Context, docID string) ([]editor.Presence, error)
	Leave(ctx context.Context, who editor.Owner) error

	// The change feed: every new revision of a story or page, by anyone,
	// in commit order. Changes returns those after since (at most a few
	// hundred at a time; call again until none come) and the cursor to
	// pass next; since editor.CursorNow returns none and the newest
	// cursor. Watch sends the changes after since on the channel as they
	// are committed (LISTEN/NOTIFY on PostgreSQL, polling on SQLite; within
	// a second or two), retrying quietly while the database cannot be
	// reached, and closes it when ctx ends.
	Changes(ctx context.Context, since editor.Cursor) ([]editor.Change, editor.Cursor, error)
	Watch(ctx context.Context, since editor.Cursor) <-chan editor.Change

	// Path names the database for a person: the file, or the URL without
	// its password.
	Path() string
	// Created reports whether Open made this database new.
	Created() bool
	Close() error
}

// Backuper is a store that can copy itself to a file while in use (SQLite's
// online backup); a shared desk is backed up by its server.
type Backuper interface {
	Backup(ctx context.Context, dest string) error
}

// Desk is a shared desk, where the database user is the author of every
// revision and the database enforces the roles: the administrator sets it
// up and adds its people.
type Desk interface {
	// User is the database user this store connects as.
	User() string
	// Init creates or updates the schema and the group roles editor,
	// subeditor and desk, with their rights; running it again changes nothing.
	Init(ctx context.Context) error
	// AddMember creates the login role name in the group role, or moves it
	// there; password, when not empty, is its new password.
	AddMember(ctx context.Context, name string, role editor.Role, password string) error
}
