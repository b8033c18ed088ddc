package storage_test

import (
	"errors"
	"testing"

	"copydesk/editor"
)

func TestWorkingCopies(t *testing.T) {
	db, path := openDB(t)
	s := newStory(t, db, "Council sets budget", "First words.")
	if _, err := db.WorkingCopy(ctx, s.ID); !errors.Is(err, editor.ErrNotFound) {
		t.Fatalf("WorkingCopy of a story never edited = %v, want ErrNotFound", err)
	}

	edited := *s
	edited.Body = "First words. And the words typed since."
	wc := &editor.WorkingCopy{DocID: s.ID, DocKind: "story", Base: s.Revision, Content: edited.Content()}
	if err := db.SaveWorkingCopy(ctx, wc); err != nil {
		t.Fatalf("SaveWorkingCopy = %v", err)
	}
	if wc.SavedAt.IsZero() {
		t.Errorf("SaveWorkingCopy left SavedAt zero")
	}
	edited.Body += " More."
	wc.Content = edited.Content()
	if err := db.SaveWorkingCopy(ctx, wc); err != nil {
		t.Fatalf("second SaveWorkingCopy = %v", err)
	}

	// Nothing of it is a revision, and it outlives the connection.
	db.Close()
	db = openAt(t, path)
	if revs, _ := db.Revisions(ctx, s.ID); len(revs) != 1 {
		t.Errorf("working copies made revisions: %d, want 1", len(revs))
	}
	if cur, _ := db.Story(ctx, s.ID); cur.Body != "First words." {
		t.Errorf("working copy changed the story: body %q", cur.Body)
	}
	got, err := db.WorkingCopy(ctx, s.ID)
	if err != nil {
		t.Fatalf("WorkingCopy after reopen = %v", err)
	}
	var back editor.Story
	if err := back.ApplyContent(got.Content); err != nil {
		t.Fatal(err)
	}
	if back.Body != edited.Body || got.Base != s.Revision || got.DocKind != "story" {
		t.Errorf("WorkingCopy = base %d kind %s body %q, want base %d story %q", got.Base, got.DocKind, back.Body, s.Revision, edited.Body)
	}
	all, err := db.WorkingCopies(ctx)
	if err != nil || len(all) != 1 || all[0].DocID != s.ID {
		t.Errorf("WorkingCopies = %+v, %v, want the one story", all, err)
	}

	if err := db.DropWorkingCopy(ctx, s.ID); err != nil {
		t.Fatalf("DropWorkingCopy = %v", err)
	}
	if _, err := db.WorkingCopy(ctx, s.ID); !errors.Is(err, editor.ErrNotFound) {
		t.Errorf("WorkingCopy after drop = %v, want ErrNotFound", err)
	}
}

func TestWorkingCopyRefusesUnknownDocuments(t *testing.T) {
	db, _ := openDB(t)
	err := db.SaveWorkingCopy(ctx, &editor.WorkingCopy{DocID: "nope", DocKind: "story", Base: 1, Content: []byte("{}")})
	if !errors.Is(err, editor.ErrNotFound) {
		t.Errorf("SaveWorkingCopy of a missing story = %v, want ErrNotFound", err)
	}
	var ve *editor.ValidationError
	if err := db.SaveWorkingCopy(ctx, &editor.WorkingCopy{DocID: "x", DocKind: "poem"}); !errors.As(err, &ve) {
		t.Errorf("SaveWorkingCopy of kind poem = %v, want a ValidationError", err)
	}
	if all, err := db.WorkingCopies(ctx); err != nil || len(all) != 0 {
		t.Errorf("WorkingCopies = %v, %v, want none", all, err)
	}
}
