package storage_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"copydesk/storage"
)

func TestOpenChoosesTheEngineByTheName(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "desk.db")
	if _, err := storage.Open(ctx, path, storage.OpenExisting); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("Open(missing file, OpenExisting) = %v, want ErrNotFound", err)
	}
	db, err := storage.Open(ctx, path, storage.OpenOrCreate)
	if err != nil {
		t.Fatalf("Open(new file, OpenOrCreate) = %v", err)
	}
	if _, ok := db.(storage.Backuper); !ok || !db.Created() || db.Path() != path {
		t.Errorf("Open(file) = %T at %s, want a new SQLite store that backs up", db, db.Path())
	}
	db.Close()
	if _, err := storage.Open(ctx, "ftp://example/desk", storage.OpenOrCreate); err == nil {
		t.Errorf("Open(ftp URL) = nil error")
	}
	for _, tt := range []struct {
		dsn  string
		want bool
	}{{"postgres://u@h/db", true}, {"PostgreSQL://h/db", true}, {"desk.db", false}, {"/srv/postgres/desk.db", false}} {
		if got := storage.IsURL(tt.dsn); got != tt.want {
			t.Errorf("IsURL(%q) = %v, want %v", tt.dsn, got, tt.want)
		}
	}
}
