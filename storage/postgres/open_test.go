package postgres_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"copydesk/editor"
	"copydesk/internal/pgtest"
	"copydesk/storage/postgres"
)

func TestOpenRefusesAPasswordInPlainText(t *testing.T) {
	for _, tt := range []struct {
		url  string
		want string
	}{
		{"postgres://ed:secret@desk.example.org/news", "will not send a password to desk.example.org without encryption"},
		{"postgres://ed:secret@desk.example.org/news?sslmode=prefer", "without encryption"},
		{"postgres://ed:secret@desk.example.org/news?sslmode=disable", "add ?sslmode=require"},
	} {
		_, err := postgres.Open(context.Background(), tt.url, postgres.Options{})
		if err == nil || !strings.Contains(err.Error(), tt.want) || strings.Contains(err.Error(), "secret") {
			t.Errorf("Open(%s) = %v, want %q and no password", tt.url, err, tt.want)
		}
	}
}

func TestOpenExplainsAServerThatIsNotThere(t *testing.T) {
	// A port on this machine with nothing behind it.
	_, err := postgres.Open(context.Background(), "postgres://ed@127.0.0.1:1/news?connect_timeout=5", postgres.Options{})
	if !errors.Is(err, editor.ErrNotFound) || !strings.Contains(err.Error(), "127.0.0.1:1") || strings.Contains(err.Error(), "\n") ||
		!strings.Contains(err.Error(), "nothing is listening") {
		t.Errorf("Open(nothing listening) = %v, want one line naming the host and what to do", err)
	}
}

func TestOpenExistingRefusesADatabaseWithoutADesk(t *testing.T) {
	srv := pgtest.Get(t)
	name := srv.NewDatabase(t)
	url := srv.URL(name, pgtest.Superuser)
	if _, err := postgres.Open(context.Background(), url, postgres.Options{}); !errors.Is(err, editor.ErrNotFound) || !strings.Contains(err.Error(), "desk init") {
		t.Errorf("Open(empty database) = %v, want ErrNotFound saying to run desk init", err)
	}
	db, err := postgres.Open(context.Background(), url, postgres.Options{Create: true})
	if err != nil || !db.Created() {
		t.Fatalf("Open(empty database, Create) = %v, created %v", err, db != nil && db.Created())
	}
	db.Close()
	again, err := postgres.Open(context.Background(), url, postgres.Options{})
	if err != nil || again.Created() {
		t.Fatalf("Open(existing desk) = %v", err)
	}
	if v, err := again.SchemaVersion(context.Background()); err != nil || v < 1 {
		t.Errorf("SchemaVersion() = %d, %v", v, err)
	}
	again.Close()
	if _, err := postgres.Open(context.Background(), srv.URL("no_such_db", pgtest.Superuser), postgres.Options{}); !errors.Is(err, editor.ErrNotFound) || !strings.Contains(err.Error(), `no database "no_such_db"`) {
		t.Errorf("Open(missing database) = %v", err)
	}
}
