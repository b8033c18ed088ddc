// Package storetest is the behavioural suite every copydesk store passes:
// what the command line and the desktop app rely on, whatever the engine.
// An engine's test calls Run with a function that opens a new, empty store.
package storetest

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"copydesk/editor"
	"copydesk/storage"
)

// Fixture is what a test fixes in the store it opens.
type Fixture struct {
	// Now is the store's clock: it ticks a second on every call, so that
	// every write has a time of its own.
	Now func() time.Time
	// NewID, when not nil, makes the store's identifiers.
	NewID func() string
	// Share, when not nil, is a store this opener opened earlier in the
	// test: open another handle on its database (as a second copy of the
	// app would), not a new one.
	Share storage.Store
}

// Opener opens a new, empty store for one test, with the fixture's clock
// and identifiers; it closes the store when the test ends.
type Opener func(t *testing.T, fx Fixture) storage.Store

// Run runs every behaviour of the contract against stores that open makes,
// one t.Run each.
func Run(t *testing.T, open Opener) {
	for _, b := range behaviours {
		t.Run(b.name, func(t *testing.T) { b.test(t, open) })
	}
}

type behaviour struct {
	name string
	test func(t *testing.T, open Opener)
}

// behaviours is the contract, one entry per behaviour.
var behaviours = []behaviour{
	{"CreateAndSaveStory", testCreateAndSaveStory},
	{"EveryTextFieldIsStored", testEveryTextField},
	{"TypedNewsroomFieldsAreStored", testTypedFields},
	{"SaveFromAStaleBaseIsAConflict", testStaleBase},
	{"RefusedSavesChangeNothing", testRefusedSaves},
	{"SlugsAreUniqueAndRefsResolve", testSlugsAndRefs},
	{"AmbiguousPrefix", testAmbiguousPrefix},
	{"StatusMoves", testStatusMoves},
	{"StatusMoveFromAStaleBase", testStatusStaleBase},
	{"Corrections", testCorrections},
	{"PublishedChangesNeedACorrectionNote", testPublishedNeedsNote},
	{"KindsOfChangeToAPublishedStory", testChangeKinds},
	{"ListStoriesHidesSpiked", testHideSpiked},
	{"ListStoriesWindows", testListWindows},
	{"ListStoriesOrders", testListOrders},
	{"QuotesPeopleAndSearch", testQuotesPeopleSearch},
	{"PeopleMergeByName", testPeopleMerge},
	{"Pages", testPages},
	{"RestoreStory", testRestoreStory},
	{"RestorePage", testRestorePage},
	{"StoriesWithStatusLoadsWholeStories", testStoriesWithStatus},
	{"ExportReadsHeadsThenWholeStories", testExportReads},
	{"ExportMemosAreKept", testExportMemos},
	{"RevisionsRebuildExactly", testRevisionsRebuild},
	{"StoryHistory", testStoryHistory},
	{"WorkingCopies", testWorkingCopies},
	{"WorkingCopyRefusesUnknownDocuments", testWorkingCopyUnknown},
	{"WorkingCopiesBelongToTheirOwner", testWorkingCopiesByOwner},
	{"PresenceComesAndExpires", testPresence},
	{"ChangesFollowEveryRevision", testChanges},
	{"LiveAcrossTwoHandles", testLiveAcrossHandles},
	{"MergeSaveMergesOrRefusesAClash", testMergeSave},
	{"RacingSavesFromOneBase", testRacingSaves},
	{"Import", testImport},
	{"RevisionAuthor", testRevisionAuthor},
	{"CopyIntoAnEmptyStore", testCopy},
	{"Notes", testNotes},
	{"DeskSettingsAreShared", testDeskSettings},
	{"NotesFollowSaves", testNotesFollowSaves},
	{"ConfirmedSpeakersAreStored", testConfirmedSpeakers},
}

var ctx = context.Background()

// openStore opens a store with a clock that ticks a second on every call.
func openStore(t *testing.T, open Opener) storage.Store {
	t.Helper()
	return open(t, Fixture{Now: tickingClock()})
}

func tickingClock() func() time.Time {
	clock := time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC)
	var mu sync.Mutex
	return func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		clock = clock.Add(time.Second)
		return clock
	}
}

func newStory(t *testing.T, db storage.Store, headline, body string) *editor.Story {
	t.Helper()
	s := &editor.Story{Headline: headline, Body: body}
	if err := db.CreateStory(ctx, s, editor.RevisionMeta{Kind: editor.RevisionImport}); err != nil {
		t.Fatalf("CreateStory(%q) = %v", headline, err)
	}
	return s
}

func mustStory(t *testing.T, db storage.Store, id string) *editor.Story {
	t.Helper()
	s, err := db.Story(ctx, id)
	if err != nil {
		t.Fatalf("Story(%s) = %v", id, err)
	}
	return s
}

// prefixIDs makes IDs that share their first characters.
func prefixIDs() func() string {
	n := 0
	return func() string { n++; return fmt.Sprintf("abcdef00-0000-4000-8000-%012d", n) }
}
