package postgres_test

import (
	"context"
	"os"
	"testing"

	"copydesk/internal/pgtest"
	"copydesk/storage"
	"copydesk/storage/postgres"
	"copydesk/storage/storetest"
)

// The engine keeps the store contract, and can be copied from and into.
var (
	_ storage.Store    = (*postgres.DB)(nil)
	_ storage.Archiver = (*postgres.DB)(nil)
	_ storage.Desk     = (*postgres.DB)(nil)
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// openDesk opens a new database on the private server as its owner.
func openDesk(t *testing.T) (*postgres.DB, *pgtest.Server, string) {
	t.Helper()
	srv := pgtest.Get(t)
	name := srv.NewDatabase(t)
	db, err := postgres.Open(context.Background(), srv.URL(name, pgtest.Superuser), postgres.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db, srv, name
}

func TestContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T, fx storetest.Fixture) storage.Store {
		db, _, _ := openDesk(t)
		db.Now = fx.Now
		if fx.NewID != nil {
			db.NewID = fx.NewID
		}
		return db
	})
}
