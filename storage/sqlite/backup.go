package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	sqlite3 "github.com/mattn/go-sqlite3"
)

// Backup copies the open database to dest with SQLite's online backup API,
// while it stays in use. The copy is written beside dest and renamed into
// place, so an interrupted backup never leaves a half-written file at dest.
func (d *DB) Backup(ctx context.Context, dest string) error {
	abs, err := filepath.Abs(dest)
	if err != nil {
		return err
	}
	if abs == d.path {
		return fmt.Errorf("backup %s: that is the database itself; choose another file", dest)
	}
	tmp, err := os.CreateTemp(filepath.Dir(abs), "."+filepath.Base(abs)+".*.tmp")
	if err != nil {
		return fmt.Errorf("backup %s: %w", dest, err)
	}
	tmpName := tmp.Name()
	tmp.Close()
	defer os.Remove(tmpName)

	destDB, err := sql.Open("sqlite3", tmpName)
	if err != nil {
		return err
	}
	defer destDB.Close()
	if err := copyDatabase(ctx, d.rdb, destDB); err != nil {
		return fmt.Errorf("backup %s: %w", dest, err)
	}
	if err := destDB.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmpName, abs); err != nil {
		return fmt.Errorf("backup %s: %w", dest, err)
	}
	return nil
}

func copyDatabase(ctx context.Context, src, dest *sql.DB) error {
	srcConn, err := src.Conn(ctx)
	if err != nil {
		return err
	}
	defer srcConn.Close()
	destConn, err := dest.Conn(ctx)
	if err != nil {
		return err
	}
	defer destConn.Close()
	return destConn.Raw(func(dc any) error {
		return srcConn.Raw(func(sc any) error {
			ds, ok1 := dc.(*sqlite3.SQLiteConn)
			ss, ok2 := sc.(*sqlite3.SQLiteConn)
			if !ok1 || !ok2 {
				return errors.New("not a SQLite connection")
			}
			bk, err := ds.Backup("main", ss, "main")
			if err != nil {
				return err
			}
			for {
				done, err := bk.Step(256)
				if err != nil {
					bk.Finish()
					return err
				}
				if done {
					break
				}
				if err := ctx.Err(); err != nil {
					bk.Finish()
					return err
				}
			}
			return bk.Finish()
		})
	})
}
