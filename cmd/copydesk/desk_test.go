package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5"

	"copydesk/internal/cli"
	"copydesk/internal/pgtest"
)

// desk is a shared desk on the private server, set up by its owner, with one
// person in each role.
type desk struct {
	srv   *pgtest.Server
	name  string
	owner *runner
	as    map[string]*runner // editor, subeditor, desk: a person in that role
}

func newDesk(t *testing.T) *desk {
	t.Helper()
	owner := newDeskCLI(t)
	d := &desk{srv: pgtest.Get(t), owner: owner, as: map[string]*runner{}}
	d.name = strings.TrimPrefix(strings.SplitN(strings.SplitN(owner.db, "@/", 2)[1], "?", 2)[0], "/")
	for i := 0; i < 2; i++ { // desk init is idempotent
		if out := owner.ok("desk", "init"); !strings.Contains(out, "roles editor, subeditor and desk") {
			t.Fatalf("desk init: %q", out)
		}
	}
	for _, role := range []string{"editor", "subeditor", "desk"} {
		user := fmt.Sprintf("%s_%s", role, d.name)
		owner.ok("desk", "add", user, role)
		d.as[role] = &runner{t: t, db: d.srv.URL(d.name, user), author: user}
	}
	return d
}

func TestDeskRolesAndAuthorship(t *testing.T) {
	d := newDesk(t)
	ed, sub, dk := d.as["editor"], d.as["subeditor"], d.as["desk"]
	id, _, _ := strings.Cut(ed.ok("import", sampleWirePath), "\t")
	// Restoring needs a subeditor.
	md := writeFile(t, "a.md", strings.Replace(ed.ok("show", id, "--format", "md"), "outspoken", "vocal", 1))
	ed.ok("update", id, md)
	if _, errOut, code := ed.run("", "restore", id, "1"); code != cli.ExitProblem || !strings.Contains(errOut, "subeditor role may restore") {
		t.Errorf("restore as an editor: exit %d %q", code, errOut)
	}
	sub.ok("restore", id, "1")

	// Moving to subbing needs a subeditor.
	if _, errOut, code := ed.run("", "status", id, "subbing"); code != cli.ExitProblem || !strings.Contains(errOut, "subeditor role") {
		t.Errorf("status subbing as an editor: exit %d %q, want 1 naming the subeditor role", code, errOut)
	}
	sub.ok("status", id, "subbing")
	sub.ok("status", id, "ready")

	// An editor may not publish: refused naming the desk role, nothing changed.
	before := ed.fingerprint()
	if _, errOut, code := ed.run("", "status", id, "published", "--override", "the wire copy has no headline yet"); code != cli.ExitProblem || !strings.Contains(errOut, "only the desk role may publish a story") {
		t.Errorf("status published as an editor: exit %d %q, want 1 naming the desk role", code, errOut)
	}
	if ed.fingerprint() != before {
		t.Errorf("a refused publication changed the desk")
	}
	if out := dk.ok("status", id, "published", "--override", "the wire copy has no headline yet"); !strings.Contains(out, "ready → published") {
		t.Errorf("status published as the desk: %q", out)
	}
	var revs []struct {
		Seq    int
		Author string
	}
	dk.json(&revs, "revisions", id)
	if len(revs) != 6 || revs[0].Author != ed.author || revs[2].Author != sub.author || revs[4].Author != sub.author || revs[5].Author != dk.author {
		t.Errorf("revisions = %+v, want authored by %s, %s and %s", revs, ed.author, sub.author, dk.author)
	}

	// Nobody saves in another's name.
	md = writeFile(t, "b.md", strings.Replace(ed.ok("show", id, "--format", "md"), "outspoken", "fierce", 1))
	before = ed.fingerprint()
	if _, errOut, code := ed.run("", "update", id, md, "--note", "x", "--author", "Someone Else"); code != cli.ExitUsage || !strings.Contains(errOut, "database user") {
		t.Errorf("update --author someone else: exit %d %q, want 2", code, errOut)
	}
	if ed.fingerprint() != before {
		t.Errorf("a refused --author changed the desk")
	}
	if _, errOut, code := ed.run("", "update", id, md, "--note", "A word corrected.", "--author", ed.author); code != 0 {
		t.Errorf("update --author as oneself: exit %d %q", code, errOut)
	}
	// Site pages need the desk.
	if _, errOut, code := sub.run("", "sample"); code != cli.ExitProblem || !strings.Contains(errOut, "desk role may edit site pages") {
		t.Errorf("sample (adds a site page) as a subeditor: exit %d %q", code, errOut)
	}
	dk.ok("sample")
	rules := writeFile(t, "rules.md", strings.Replace(dk.ok("show", "comment-rules", "--format", "md"), "Be civil.", "Be kind.", 1))
	dk.ok("update", "comment-rules", rules)
	if _, errOut, code := sub.run("", "restore", "comment-rules", "1"); code != cli.ExitProblem || !strings.Contains(errOut, "desk role") {
		t.Errorf("page restore as a subeditor: exit %d %q", code, errOut)
	}
	// Moving a person to another role.
	d.owner.ok("desk", "add", ed.author, "desk")
	if _, errOut, code := ed.run("", "status", id, "spiked"); code != 0 {
		t.Errorf("after desk add %s desk: status spiked: exit %d %q", ed.author, code, errOut)
	}
	if _, errOut, code := d.owner.run("", "desk", "add", "x", "boss"); code != cli.ExitUsage || !strings.Contains(errOut, "not a role") {
		t.Errorf("desk add with a bad role: exit %d %q", code, errOut)
	}
	if _, errOut, code := (&runner{t: t, db: writeFile(t, "x.db", "")}).run("", "desk", "init"); code != cli.ExitUsage || !strings.Contains(errOut, "postgres://") {
		t.Errorf("desk init on a file: exit %d %q", code, errOut)
	}
}

// TestNoRoleCanRewriteHistory: whatever each role does in plain SQL —
// DELETE, TRUNCATE, UPDATE on every table — every story and revision reads
// as before.
func TestNoRoleCanRewriteHistory(t *testing.T) {
	d := newDesk(t)
	id, _, _ := strings.Cut(d.as["editor"].ok("import", sampleWirePath), "\t")
	md := writeFile(t, "a.md", strings.Replace(d.owner.ok("show", id, "--format", "md"), "outspoken", "vocal", 1))
	d.as["editor"].ok("update", id, md)
	d.as["desk"].ok("sample")
	d.as["subeditor"].ok("status", id, "subbing")
	d.as["subeditor"].ok("status", id, "ready")
	d.as["desk"].ok("status", id, "published", "--override", "the wire copy has no headline yet")
	history := func() string {
		var b strings.Builder
		b.WriteString(d.owner.fingerprint())
		for n := 1; n <= 3; n++ {
			b.WriteString(d.owner.ok("show", id, "--rev", fmt.Sprint(n), "--json"))
		}
		b.WriteString(d.owner.ok("show", "comment-rules", "--json"))
		return b.String()
	}
	before := history()
	tables := []string{"stories", "pages", "people", "revisions", "working_copies", "search_docs", "schema_migrations"}
	ctx := context.Background()
	for role, c := range d.as {
		conn, err := pgx.Connect(ctx, c.db)
		if err != nil {
			t.Fatal(err)
		}
		refused := 0
		for _, table := range tables {
			for _, q := range []string{
				`DELETE FROM ` + table,
				`TRUNCATE ` + table + ` CASCADE`,
			} {
				if _, err := conn.Exec(ctx, q); err != nil {
					refused++
				}
			}
		}
		for _, q := range []string{
			`UPDATE stories SET body = 'rewritten', headline = 'rewritten'`,
			`UPDATE stories SET body = 'rewritten', revision = revision + 1`,
			`UPDATE stories SET quotes = '[]', corrections = '[]'`,
			`UPDATE stories SET status = 'draft'`,
			`UPDATE pages SET body = 'rewritten'`,
			`UPDATE revisions SET content = 'x', author = 'nobody', note = 'x'`,
			`UPDATE revisions SET sha256 = repeat('0', 64)`,
			`UPDATE search_docs SET body = 'x'`,
			`UPDATE schema_migrations SET version = version + 100`,
		} {
			if _, err := conn.Exec(ctx, q); err != nil {
				refused++
			}
		}
		conn.Close(ctx)
		if refused == 0 {
			t.Errorf("as %s nothing was refused", role)
		}
		if after := history(); after != before {
			t.Fatalf("as %s, SQL changed the stories or their revisions", role)
		}
	}
}

// TestTwoProcessesSaveFromOneBase: two copydesk processes saving edits of
// the same revision at once: different paragraphs both land; the same words
// give one success and one exit 1 that writes nothing.
func TestTwoProcessesSaveFromOneBase(t *testing.T) {
	onEngines(t, func(t *testing.T, c *runner) {
		id, _, _ := strings.Cut(c.ok("import", sampleWirePath), "\t")
		base := c.ok("show", id, "--format", "md")
		first := writeFile(t, "first.md", strings.Replace(base, "An outspoken critic", "A fierce critic", 1))
		second := writeFile(t, "second.md", strings.Replace(base, "China has strongly denied", "China has always denied", 1))
		codes, errs := c.processes([]string{"update", id, first}, []string{"update", id, second})
		if codes[0] != 0 || codes[1] != 0 {
			t.Fatalf("two updates of different paragraphs: exits %v, %q", codes, errs)
		}
		var s storyJSON
		c.json(&s, "show", id)
		if !strings.Contains(s.Body, "A fierce critic") || !strings.Contains(s.Body, "China has always denied") || s.Revision != 3 {
			t.Errorf("after both: revision %d, body %q", s.Revision, s.Body)
		}

		base = c.ok("show", id, "--format", "md")
		one := writeFile(t, "one.md", strings.Replace(base, "A fierce critic", "A noted critic", 1))
		other := writeFile(t, "other.md", strings.Replace(base, "A fierce critic", "A bitter critic", 1))
		codes, errs = c.processes([]string{"update", id, one}, []string{"update", id, other})
		won := map[int]int{}
		for _, code := range codes {
			won[code]++
		}
		if won[0] != 1 || won[cli.ExitProblem] != 1 {
			t.Fatalf("two updates of the same words: exits %v %q, want one 0 and one 1", codes, errs)
		}
		c.json(&s, "show", id)
		var revs []map[string]any
		c.json(&revs, "revisions", id)
		if s.Revision != 4 || len(revs) != 4 || strings.Contains(s.Body, "A noted critic") == strings.Contains(s.Body, "A bitter critic") {
			t.Errorf("after the clash: revision %d, %d revisions, body %q; want exactly one of the two saved", s.Revision, len(revs), s.Body)
		}
		loser := errs[0]
		if codes[1] != 0 {
			loser = errs[1]
		}
		if !strings.Contains(loser, "changes the same words") {
			t.Errorf("the refused update said %q", loser)
		}
	})
}

// processes runs copydesk commands as separate processes at once and returns
// their exit codes and standard errors.
func (c *runner) processes(commands ...[]string) ([]int, []string) {
	c.t.Helper()
	codes, errs := make([]int, len(commands)), make([]string, len(commands))
	var wg sync.WaitGroup
	for i, args := range commands {
		cmd := exec.Command(os.Args[0], append([]string{"--db", c.db}, args...)...)
		cmd.Env = append(os.Environ(), asMain+"=1")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		wg.Go(func() {
			err := cmd.Run()
			codes[i], errs[i] = cmd.ProcessState.ExitCode(), stderr.String()
			if err != nil && cmd.ProcessState == nil {
				codes[i], errs[i] = -1, err.Error()
			}
		})
	}
	wg.Wait()
	return codes, errs
}

func TestDiffAndSearchOnADesk(t *testing.T) {
	c := newDeskCLI(t)
	id, _, _ := strings.Cut(c.ok("import", sampleWirePath), "\t")
	md := writeFile(t, "a.md", strings.Replace(c.ok("show", id, "--format", "md"), "An outspoken critic", "A fierce critic", 1))
	c.ok("update", id, md)
	var d struct {
		From, To int
		Stats    struct {
			InsertedWords int `json:"inserted_words"`
			DeletedWords  int `json:"deleted_words"`
		}
	}
	if err := json.Unmarshal([]byte(c.ok("diff", id, "--format", "json")), &d); err != nil || d.From != 1 || d.To != 2 || d.Stats.InsertedWords != 2 || d.Stats.DeletedWords != 2 {
		t.Errorf("diff --format json = %+v, %v", d, err)
	}
	var hits []struct{ Kind, ID, Snippet string }
	c.json(&hits, "search", "fierce")
	if len(hits) != 1 || hits[0].ID != id || !strings.Contains(hits[0].Snippet, "fierce") {
		t.Errorf("search fierce = %+v", hits)
	}
}
