package pgtest_test

import (
	"context"
	"os"
	"testing"

	"copydesk/internal/pgtest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

func TestServerTakesQueries(t *testing.T) {
	srv := pgtest.Get(t)
	db := srv.NewDatabase(t)
	if err := srv.Exec(context.Background(), db, pgtest.Superuser, `CREATE TABLE x (id int)`, `INSERT INTO x VALUES (1)`); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(srv.Dir); err != nil {
		t.Errorf("the server's folder %s: %v", srv.Dir, err)
	}
}
