package postgres_test

import (
	"context"
	"os"
	"sync"
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
	var mu sync.Mutex
	urls := map[storage.Store]string{} // the URL each store was opened on, for Fixture.Share
	storetest.Run(t, func(t *testing.T, fx storetest.Fixture) storage.Store {
		var db *postgres.DB
		if fx.Share != nil {
			mu.Lock()
			url := urls[fx.Share]
			mu.Unlock()
			var err error
			if db, err = postgres.Open(context.Background(), url, postgres.Options{}); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { db.Close() })
		} else {
			var srv *pgtest.Server
			var name string
			db, srv, name = openDesk(t)
			mu.Lock()
			urls[db] = srv.URL(name, pgtest.Superuser)
			mu.Unlock()
		}
		db.Now = fx.Now
		if fx.NewID != nil {
			db.NewID = fx.NewID
		}
		return db
	})
}
