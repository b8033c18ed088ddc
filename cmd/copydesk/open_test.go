package main

import (
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"copydesk/internal/cli"
)

// TestReadCommandsNeverCreateADatabase: a mistyped --db, an empty file or a
// file that is not copydesk's is refused with exit 2 naming it, and left as
// it was (issue 13, item 2); the commands that add content may create one.
func TestReadCommandsNeverCreateADatabase(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "typo", "good.db")
	empty := filepath.Join(dir, "empty.db")
	os.WriteFile(empty, nil, 0o644)
	oneByte := filepath.Join(dir, "one.db")
	os.WriteFile(oneByte, []byte("x"), 0o644)
	foreign := filepath.Join(dir, "other.db")
	raw, err := sql.Open("sqlite3", foreign)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`CREATE TABLE accounts (id INTEGER PRIMARY KEY)`); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	foreignBefore, _ := os.ReadFile(foreign)
	site := filepath.Join(dir, "site")

	commands := [][]string{{"stories"}, {"show", "x"}, {"search", "x"}, {"check", "x"}, {"diff", "x"},
		{"export", "--out", site}, {"backup", filepath.Join(dir, "b.db")}, {"revisions", "x"}, {"quotes", "x"},
		{"people"}, {"pages"}, {"blame", "x"}}
	for _, db := range []string{missing, empty, oneByte, foreign} {
		for _, args := range commands {
			var out, errb strings.Builder
			code := run(append([]string{"--db", db}, args...), strings.NewReader(""), &out, &errb)
			if code != cli.ExitUsage || !strings.Contains(errb.String(), db) {
				t.Errorf("--db %s %s: exit %d %q, want 2 naming the file", filepath.Base(db), args[0], code, errb.String())
			}
		}
	}
	if _, err := os.Stat(filepath.Dir(missing)); !os.IsNotExist(err) {
		t.Errorf("a read command made the folder of a missing database")
	}
	if info, _ := os.Stat(empty); info.Size() != 0 {
		t.Errorf("a read command wrote %d bytes into an empty file", info.Size())
	}
	if after, _ := os.ReadFile(foreign); string(after) != string(foreignBefore) {
		t.Errorf("a read command changed a SQLite file that is not copydesk's")
	}
	if _, err := os.Stat(site); !os.IsNotExist(err) {
		t.Errorf("export made a site from no database")
	}

	// Adding content may start a database, even in a new folder or an empty file.
	for _, db := range []string{missing, empty} {
		c := &runner{t: t, db: db}
		c.ok("new", "--headline", "First")
		c.ok("stories")
	}
	// but never takes over another program's file.
	if _, errOut, code := (&runner{t: t, db: foreign}).run("", "new", "--headline", "First"); code != cli.ExitUsage || !strings.Contains(errOut, "not a copydesk database") {
		t.Errorf("new on a foreign SQLite file: exit %d %q, want 2", code, errOut)
	}
}

// TestReadersDoNotWaitForAWriter: while another connection holds the write
// lock, reads answer at once (issue 13, item 6), and a write that cannot get
// the lock says the database is busy, exit 1, not bad usage.
func TestReadersDoNotWaitForAWriter(t *testing.T) {
	c := newCLI(t)
	id, _, _ := strings.Cut(c.ok("import", sampleWirePath), "\t")
	raw, err := sql.Open("sqlite3", c.db+"?_busy_timeout=0")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	conn, err := raw.Conn(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(t.Context(), `BEGIN IMMEDIATE`); err != nil {
		t.Fatal(err)
	}
	defer conn.ExecContext(t.Context(), `ROLLBACK`)
	for _, args := range [][]string{{"stories"}, {"show", id}, {"search", "Cleverly"}, {"revisions", id}, {"check", id}} {
		if _, errOut, code := c.run("", args...); code != 0 && code != cli.ExitProblem {
			t.Errorf("%s while another connection writes: exit %d %q", args[0], code, errOut)
		} else if strings.Contains(errOut, "busy") || strings.Contains(errOut, "locked") {
			t.Errorf("%s while another connection writes: %q", args[0], errOut)
		}
	}
	if _, errOut, code := c.run("", "new", "--headline", "Blocked"); code != cli.ExitProblem || !strings.Contains(errOut, "is busy") {
		t.Errorf("new while another connection holds the lock: exit %d %q, want 1 saying it is busy", code, errOut)
	}
}
