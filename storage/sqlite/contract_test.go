package sqlite_test

import (
	"path/filepath"
	"testing"

	"copydesk/storage"
	"copydesk/storage/sqlite"
	"copydesk/storage/storetest"
)

// The engine keeps the store contract, and can be copied from and into.
var (
	_ storage.Store    = (*sqlite.DB)(nil)
	_ storage.Archiver = (*sqlite.DB)(nil)
)

func TestContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T, fx storetest.Fixture) storage.Store {
		path := filepath.Join(t.TempDir(), "contract.db")
		if fx.Share != nil {
			path = fx.Share.Path()
		}
		db, err := sqlite.Open(path, sqlite.Options{Create: true})
		if err != nil {
			t.Fatal(err)
		}
		db.Now = fx.Now
		if fx.NewID != nil {
			db.NewID = fx.NewID
		}
		t.Cleanup(func() { db.Close() })
		return db
	})
}
