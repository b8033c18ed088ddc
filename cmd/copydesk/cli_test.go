package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"copydesk/internal/pgtest"
)

// sampleWire is the repository's copy of ../shared/samples/wire.
const sampleWirePath = "../../assets/sample/pa-duncan-smith-china-threat.txt"

// runner runs the command line against the database at db and returns its output.
type runner struct {
	t  *testing.T
	db string
	// author is who the revisions it saves are by.
	author string
}

// newCLI works on a new SQLite file.
func newCLI(t *testing.T) *runner {
	t.Helper()
	t.Setenv("COPYDESK_AUTHOR", "Test Sub")
	return &runner{t: t, db: filepath.Join(t.TempDir(), "desk.db"), author: "Test Sub"}
}

// newDeskCLI works on a new shared desk on the private PostgreSQL server,
// as its owner: the revisions are the database user's.
func newDeskCLI(t *testing.T) *runner {
	t.Helper()
	srv := pgtest.Get(t)
	t.Setenv("COPYDESK_AUTHOR", "Test Sub")
	return &runner{t: t, db: srv.URL(srv.NewDatabase(t), pgtest.Superuser), author: pgtest.Superuser}
}

// onEngines runs a test of the command-line contract on a SQLite file and
// on a shared desk: the same commands, output and exit codes hold on both.
func onEngines(t *testing.T, test func(t *testing.T, c *runner)) {
	t.Run("sqlite", func(t *testing.T) { test(t, newCLI(t)) })
	t.Run("postgres", func(t *testing.T) { test(t, newDeskCLI(t)) })
}

func (c *runner) run(stdin string, args ...string) (stdout, stderr string, code int) {
	c.t.Helper()
	var out, errb bytes.Buffer
	code = run(append([]string{"--db", c.db}, args...), strings.NewReader(stdin), &out, &errb)
	return out.String(), errb.String(), code
}

// ok runs a command that must succeed.
func (c *runner) ok(args ...string) string {
	c.t.Helper()
	out, errOut, code := c.run("", args...)
	if code != 0 {
		c.t.Fatalf("copydesk %s: exit %d, stderr %q", strings.Join(args, " "), code, errOut)
	}
	return out
}

func (c *runner) json(v any, args ...string) {
	c.t.Helper()
	out := c.ok(append(args, "--json")...)
	if err := json.Unmarshal([]byte(out), v); err != nil {
		c.t.Fatalf("copydesk %s --json: %v\n%s", strings.Join(args, " "), err, out)
	}
}

// fingerprint hashes what the database holds, to show a command changed nothing.
func (c *runner) fingerprint() string {
	c.t.Helper()
	var b strings.Builder
	b.WriteString(c.ok("stories", "--json"))
	b.WriteString(c.ok("pages", "--json"))
	var list []struct{ ID string }
	json.Unmarshal([]byte(c.ok("stories", "--json")), &list)
	for _, s := range list {
		b.WriteString(c.ok("show", s.ID, "--json"))
		b.WriteString(c.ok("revisions", s.ID, "--json"))
	}
	return fmt.Sprintf("%x", sha256.Sum256([]byte(b.String())))
}

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

type storyJSON struct {
	ID       string   `json:"id"`
	Slug     string   `json:"slug"`
	Headline string   `json:"headline"`
	Body     string   `json:"body"`
	Status   string   `json:"status"`
	Revision int      `json:"revision"`
	Tags     []string `json:"tags"`
}

func TestImportSearchShowUpdateRoundTrip(t *testing.T) {
	onEngines(t, func(t *testing.T, c *runner) {
		out := c.ok("import", sampleWirePath)
		id, _, _ := strings.Cut(out, "\t")
		if len(id) != 36 {
			t.Fatalf("import printed %q, want an ID and a headline", out)
		}
		var list []storyJSON
		c.json(&list, "stories")
		if len(list) != 1 || list[0].ID != id {
			t.Fatalf("stories --json = %+v, want the imported story", list)
		}
		var hits []struct{ Kind, ID, Snippet string }
		c.json(&hits, "search", "Cleverly")
		kinds := map[string]bool{}
		for _, h := range hits {
			kinds[h.Kind] = true
			if h.Kind == "story" && (h.ID != id || !strings.Contains(h.Snippet, "Cleverly")) {
				t.Errorf("search Cleverly found story %+v, want %s with a snippet naming him", h, id)
			}
		}
		if !kinds["story"] || !kinds["person"] || !kinds["quote"] {
			t.Fatalf("search Cleverly --json = %+v, want the story, his quotes and him", hits)
		}

		md := writeFile(t, "a.md", c.ok("show", id, "--format", "md"))
		if out := c.ok("update", id, md); !strings.Contains(out, "no changes") {
			t.Errorf("update with the unchanged file: %q, want no changes", out)
		}
		var revs []map[string]any
		c.json(&revs, "revisions", id)
		if len(revs) != 1 {
			t.Fatalf("after an unchanged update: %d revisions, want 1", len(revs))
		}

		text, _ := os.ReadFile(md)
		edited := strings.Replace(string(text), "outspoken critic", "vocal critic", 1)
		os.WriteFile(md, []byte(edited), 0o644)
		if out := c.ok("update", id, md); !strings.Contains(out, "saved revision 2") {
			t.Errorf("update with one word changed: %q, want saved revision 2", out)
		}
		c.json(&revs, "revisions", id)
		if len(revs) != 2 || revs[1]["author"] != c.author {
			t.Fatalf("revisions = %+v, want 2, the second by %s", revs, c.author)
		}
		back := c.ok("show", id, "--rev", "2", "--format", "md")
		if strings.Replace(back, "revision: 2", "revision: 1", 1) != edited {
			t.Errorf("show --rev 2 --format md differs from the file saved:\n%s\n---\n%s", back, edited)
		}
		var s storyJSON
		c.json(&s, "show", id, "--rev", "1")
		if !strings.Contains(s.Body, "outspoken critic") || s.Revision != 1 {
			t.Errorf("show --rev 1 = revision %d, body without the original words", s.Revision)
		}

		// A file from revision 1 that changes the same words clashes: exit 1.
		os.WriteFile(md, []byte(strings.Replace(string(text), "outspoken", "fierce", 1)), 0o644)
		before := c.fingerprint()
		if _, errOut, code := c.run("", "update", id, md); code != 1 || !strings.Contains(errOut, "changes the same words") ||
			!strings.Contains(errOut, "[vocal]") || !strings.Contains(errOut, "[fierce]") {
			t.Errorf("clashing update from revision 1 at 2: exit %d %q, want 1 showing both versions", code, errOut)
		}
		if c.fingerprint() != before {
			t.Errorf("a refused update changed the database")
		}
	})
}

func TestBadInputExitsTwoAndChangesNothing(t *testing.T) {
	onEngines(t, func(t *testing.T, c *runner) {
		id, _, _ := strings.Cut(c.ok("import", sampleWirePath), "\t")
		badYAML := writeFile(t, "bad.md", "---\nheadline: ok\ntags: [a, b\nstatus: draft\n---\nBody\n")
		badStatus := writeFile(t, "status.md", "---\nheadline: ok\nstatus: live\n---\nBody\n")
		tests := []struct {
			name string
			args []string
			want string
		}{
			{"missing file", []string{"import", "/no/such/file.txt"}, "/no/such/file.txt: no such file"},
			{"one missing among good files, all or nothing", []string{"import", "--all-or-nothing", sampleWirePath, "/no/such/file.md"}, "no such file"},
			{"front matter not YAML", []string{"import", badYAML}, "bad.md:"},
			{"update with bad YAML", []string{"update", id, badYAML}, "bad.md:"},
			{"bad status in file", []string{"update", id, badStatus}, "status.md:3: status: \"live\""},
			{"unknown ID", []string{"show", "nosuchstory"}, "no story or page has the ID or slug \"nosuchstory\""},
			{"unknown ID for status", []string{"status", "nosuchstory", "ready"}, "nosuchstory"},
			{"unknown status", []string{"status", id, "live"}, "\"live\" is not a status"},
			{"unknown command", []string{"publish"}, "\"publish\" is not a command"},
			{"missing argument", []string{"show"}, "usage: copydesk show"},
			{"bad flag", []string{"stories", "--colour"}, "flag provided but not defined"},
			{"bad status filter", []string{"stories", "--status", "live"}, "--status"},
			{"bad revision", []string{"show", id, "--rev", "9"}, "revision 9"},
		}
		before := c.fingerprint()
		for _, tt := range tests {
			out, errOut, code := c.run("", tt.args...)
			lines := strings.Split(strings.TrimSpace(errOut), "\n")
			last := lines[len(lines)-1]
			if code != 2 || !strings.Contains(last, tt.want) || !strings.HasPrefix(last, "copydesk") {
				t.Errorf("%s: exit %d, stderr %q, stdout %q; want exit 2 and a line with %q", tt.name, code, errOut, out, tt.want)
			}
		}
		if c.fingerprint() != before {
			t.Errorf("bad input changed the database")
		}
		var list []storyJSON
		if c.json(&list, "stories"); len(list) != 1 {
			t.Errorf("after failed imports: %d stories, want the 1 imported first", len(list))
		}
	})
}

func TestImportMarkdownArchive(t *testing.T) {
	onEngines(t, func(t *testing.T, c *runner) {
		hugo := writeFile(t, "storm.md", "---\ntitle: Storm hits coast\ndraft: false\ndate: 2024-01-02T10:00:00Z\ntags: [weather]\n---\nWinds of 90mph.\n")
		jekyll := writeFile(t, "2024-01-03-hello.markdown", "---\nlayout: post\ntitle: Hello\npublished: false\n---\nBody.\n")
		var res []struct{ ID, Slug, Headline, File string }
		c.json(&res, "import", hugo, jekyll)
		if len(res) != 2 || res[0].Slug != "storm-hits-coast" || res[1].Headline != "Hello" {
			t.Fatalf("import --json = %+v", res)
		}
		var s struct {
			Status      string `json:"status"`
			PublishedAt string `json:"published_at"`
			CreatedAt   string `json:"created_at"`
		}
		c.json(&s, "show", res[0].ID)
		if s.Status != "published" || s.PublishedAt != "2024-01-02T10:00:00Z" {
			t.Errorf("Hugo draft: false imported as %+v, want published on 2024-01-02T10:00:00Z", s)
		}
		c.json(&s, "show", "hello")
		if s.Status != "draft" {
			t.Errorf("Jekyll published: false imported as %q, want draft", s.Status)
		}
	})
}

func TestDryRunSavesNothing(t *testing.T) {
	c := newCLI(t)
	var r struct {
		Format string
		Story  struct{ Headline, Body string }
		Quotes []any
	}
	c.json(&r, "import", "--dry-run", sampleWirePath)
	if r.Format != "text" || !strings.Contains(r.Story.Body, "Sir Iain told the Commons") || r.Quotes == nil {
		t.Errorf("import --dry-run --json = %+v", r)
	}
	if out := c.ok("stories", "--json"); strings.TrimSpace(out) != "[]" {
		t.Errorf("after a dry run: stories = %s, want []", out)
	}
}

func TestNewStatusPagesSampleAndBackup(t *testing.T) {
	c := newCLI(t)
	var s storyJSON
	c.json(&s, "new", "--headline", "Council tax to rise")
	if s.Slug != "council-tax-to-rise" || s.Status != "draft" || s.Tags == nil {
		t.Errorf("new --json = %+v", s)
	}
	if out := c.ok("status", s.Slug, "Subbing"); !strings.Contains(out, "draft → subbing") {
		t.Errorf("status: %q", out)
	}
	c.ok("sample")
	var pages []struct{ ID, Slug, Title, Summary string }
	c.json(&pages, "pages")
	if len(pages) != 1 || pages[0].Title != "Comments: Our rules" || !strings.Contains(pages[0].Summary, "Please report any comments") {
		t.Fatalf("pages --json = %+v", pages)
	}
	var list []storyJSON
	c.json(&list, "stories")
	var sample string
	for _, st := range list {
		if strings.HasPrefix(st.Headline, "Sir Iain") {
			sample = st.ID
		}
	}
	var revs []struct {
		Seq  int
		Note string
	}
	c.json(&revs, "revisions", sample)
	if len(revs) != 2 || revs[0].Note != "as filed" || revs[1].Note != "subbed" {
		t.Errorf("sample revisions = %+v, want as filed and subbed", revs)
	}

	// A page edits like a story, by slug.
	md := writeFile(t, "rules.md", strings.Replace(c.ok("show", "comment-rules", "--format", "md"), "Be civil.", "Be kind.", 1))
	if out := c.ok("update", "comment-rules", md); !strings.Contains(out, "saved revision 2") {
		t.Errorf("page update: %q", out)
	}
	if out := c.ok("restore", "comment-rules", "1"); !strings.Contains(out, "as revision 3") {
		t.Errorf("page restore: %q", out)
	}
	if body := c.ok("show", "comment-rules", "--format", "md"); !strings.Contains(body, "Be civil.") || strings.Contains(body, "Be kind.") {
		t.Errorf("after restoring revision 1 the page reads:\n%s", body)
	}

	backup := filepath.Join(t.TempDir(), "copy.db")
	c.ok("backup", backup)
	other := &runner{t: t, db: backup}
	if got, want := other.ok("stories", "--json"), c.ok("stories", "--json"); got != want {
		t.Errorf("backup lists other stories:\n%s\nwant\n%s", got, want)
	}
}

func TestHelp(t *testing.T) {
	var out bytes.Buffer
	if code := run([]string{"help"}, nil, &out, &out); code != 0 || !strings.Contains(out.String(), "import") {
		t.Errorf("help: exit %d, %q", code, out.String())
	}
}

func TestRestoreAndCorrections(t *testing.T) {
	onEngines(t, func(t *testing.T, c *runner) {
		id, _, _ := strings.Cut(c.ok("import", sampleWirePath), "\t")
		md := writeFile(t, "a.md", strings.Replace(c.ok("show", id, "--format", "md"), "outspoken", "vocal", 1))
		c.ok("update", id, md)
		if out := c.ok("restore", id, "1"); !strings.Contains(out, "restored revision 1") || !strings.Contains(out, "as revision 3") {
			t.Errorf("restore: %q", out)
		}
		var s storyJSON
		c.json(&s, "show", id)
		if !strings.Contains(s.Body, "outspoken") || s.Revision != 3 {
			t.Errorf("after restore: revision %d, body without the restored words", s.Revision)
		}
		var revs []struct {
			Seq  int
			Kind string
		}
		c.json(&revs, "revisions", id)
		if len(revs) != 3 || revs[2].Kind != "restore" {
			t.Errorf("revisions after restore = %+v", revs)
		}

		c.publish(id, "--override", "the wire copy has no headline yet")
		md = writeFile(t, "b.md", strings.Replace(c.ok("show", id, "--format", "md"), "outspoken", "fierce", 1))
		before := c.fingerprint()
		if _, errOut, code := c.run("", "update", id, md); code != 2 || !strings.Contains(errOut, "--note") {
			t.Errorf("update of a published story without --note: exit %d %q, want 2 and a word on --note", code, errOut)
		}
		if c.fingerprint() != before {
			t.Errorf("a refused correction changed the database")
		}
		c.ok("update", id, md, "--note", "Corrected a description of Sir Iain.")
		var full struct {
			Corrections []struct{ Note, At string }
		}
		c.json(&full, "show", id)
		if len(full.Corrections) != 1 || full.Corrections[0].Note != "Corrected a description of Sir Iain." {
			t.Errorf("corrections = %+v", full.Corrections)
		}
		if _, _, code := c.run("", "restore", id, "x"); code != 2 {
			t.Errorf("restore with a bad revision number: exit %d, want 2", code)
		}
	})
}

func TestUpdatesFromTheSameBaseMerge(t *testing.T) {
	onEngines(t, func(t *testing.T, c *runner) {
		id, _, _ := strings.Cut(c.ok("import", sampleWirePath), "\t")
		base := c.ok("show", id, "--format", "md")
		first := writeFile(t, "first.md", strings.Replace(base, "An outspoken critic", "A fierce critic", 1))
		second := writeFile(t, "second.md", strings.Replace(base, "China has strongly denied", "China has always denied", 1))
		clash := writeFile(t, "clash.md", strings.Replace(base, "An outspoken critic", "A noted critic", 1))
		c.ok("update", id, first)
		if out, errOut, code := c.run("", "update", id, second); code != 0 || !strings.Contains(out, "saved revision 3") {
			t.Fatalf("second update from the same base: exit %d %q %q, want both to land", code, out, errOut)
		}
		var s storyJSON
		c.json(&s, "show", id)
		if !strings.Contains(s.Body, "A fierce critic") || !strings.Contains(s.Body, "China has always denied") {
			t.Errorf("merged body lost a change: %q", s.Body)
		}
		before := c.fingerprint()
		if _, errOut, code := c.run("", "update", id, clash); code != 1 || !strings.Contains(errOut, "[A fierce]") {
			t.Errorf("clashing update: exit %d %q, want 1 showing the clash", code, errOut)
		}
		if c.fingerprint() != before {
			t.Errorf("a clashing update changed the database")
		}
	})
}

func TestTwoHundredUpdatesRebuildAndDiff(t *testing.T) {
	c := newCLI(t)
	id, _, _ := strings.Cut(c.ok("import", sampleWirePath), "\t")
	md := filepath.Join(t.TempDir(), "s.md")
	saved := map[int]string{1: c.ok("show", id, "--format", "md")}
	for i := 2; i <= 201; i++ {
		text := c.ok("show", id, "--format", "md")
		words := []string{"outspoken", "Asian", "superpower", "Commons", "intelligence", "careful", "allies", "Exchange"}
		w := words[i%len(words)]
		text = strings.Replace(text, w, fmt.Sprintf("%s%d", w, i), 1)
		if i%10 == 0 {
			text += fmt.Sprintf("\nA sentence added in edit %d.\n", i)
		}
		os.WriteFile(md, []byte(text), 0o644)
		if out := c.ok("update", id, md); !strings.Contains(out, fmt.Sprintf("saved revision %d", i)) {
			t.Fatalf("edit %d: %q", i, out)
		}
		saved[i] = text
	}
	for n, want := range saved {
		got := c.ok("show", id, "--rev", fmt.Sprint(n), "--format", "md")
		if bodyOf(got) != bodyOf(want) {
			t.Fatalf("show --rev %d gives back other text than was saved", n)
		}
	}
	for _, pair := range [][2]int{{1, 201}, {57, 58}, {200, 3}} {
		var d struct {
			From, To int
			Fields   []struct {
				Field string
				Ops   []struct{ Op, Text string }
			}
			Stats struct {
				InsertedWords int `json:"inserted_words"`
				DeletedWords  int `json:"deleted_words"`
			}
		}
		out := c.ok("diff", id, fmt.Sprint(pair[0]), fmt.Sprint(pair[1]), "--format", "json")
		if err := json.Unmarshal([]byte(out), &d); err != nil {
			t.Fatal(err)
		}
		for _, f := range d.Fields {
			if f.Field != "body" {
				continue
			}
			var oldB, newB strings.Builder
			for _, op := range f.Ops {
				if op.Op != "insert" {
					oldB.WriteString(op.Text)
				}
				if op.Op != "delete" {
					newB.WriteString(op.Text)
				}
			}
			if oldB.String() != bodyOf(saved[pair[0]]) || newB.String() != bodyOf(saved[pair[1]]) {
				t.Errorf("diff %d %d: the ops do not rebuild both bodies", pair[0], pair[1])
			}
		}
		if pair == [2]int{57, 58} && d.Stats.InsertedWords != 1 {
			t.Errorf("diff 57 58 stats = %+v, want one word inserted", d.Stats)
		}
	}
	html := c.ok("diff", id, "1", "201", "--format", "html")
	if !strings.HasPrefix(strings.TrimSpace(html), "<!DOCTYPE html>") || !strings.Contains(html, "<del") || !strings.Contains(html, "<ins") {
		t.Errorf("diff --format html is not a redline page: %.300q", html)
	}
	var blame []struct {
		Text string
		Seq  int
	}
	c.json(&blame, "blame", id)
	if len(blame) < 10 || blame[0].Seq != 1 {
		t.Errorf("blame --json = %+v, want a row a paragraph, the untouched first one from revision 1", blame)
	}
	var touched bool
	for _, p := range blame {
		touched = touched || (strings.Contains(p.Text, "outspoken") && p.Seq > 1)
	}
	if !touched {
		t.Errorf("blame credits no later revision with the edited paragraph: %+v", blame)
	}
	if out := c.ok("diff", id); !strings.Contains(out, "revision 200 → 201") {
		t.Errorf("diff with no revisions: %q, want the last two", out)
	}
	c.publish(id, "--override", "a test story: its checks are not what is tested here")
	if out := c.ok("diff", id, "published"); !strings.Contains(out, "no changes") {
		t.Errorf("diff published right after publishing: %q", out)
	}
	if _, errOut, code := c.run("", "diff", id, "999"); code != 2 || !strings.Contains(errOut, "does not exist") {
		t.Errorf("diff to a revision that does not exist: exit %d %q", code, errOut)
	}
}

// bodyOf is the body of a story file in the show --format md form.
func bodyOf(md string) string {
	parts := strings.SplitN(md, "\n---\n", 2)
	return strings.TrimSpace(parts[len(parts)-1])
}

func TestQuotesAndCheck(t *testing.T) {
	onEngines(t, func(t *testing.T, c *runner) {
		id, _, _ := strings.Cut(c.ok("import", sampleWirePath), "\t")
		var quotes []struct {
			ID, Text, State string
			Speaker         struct{ Name, Role string }
			Partial         bool
		}
		c.json(&quotes, "quotes", id)
		if len(quotes) != 5 || quotes[0].Text != "direct threat" || !quotes[0].Partial || quotes[2].Speaker.Name != "James Cleverly" {
			t.Fatalf("quotes --json = %+v", quotes)
		}
		type findings struct {
			Findings []struct {
				Severity, Kind, Message string
				QuoteID                 string `json:"quote_id"`
			}
		}
		check := func(wantCode int) findings {
			t.Helper()
			out, errOut, code := c.run("", "check", id, "--json")
			var f findings
			if err := json.Unmarshal([]byte(out), &f); err != nil || code != wantCode {
				t.Fatalf("check --json: exit %d (want %d), %v, %q", code, wantCode, err, errOut)
			}
			return f
		}
		unconfirmed := 0
		for _, f := range check(1).Findings {
			switch {
			case f.Kind == "unconfirmed_speaker" && f.Severity == "warning":
				unconfirmed++ // the finder's attributions are suggestions until a person confirms them
			case f.QuoteID != "":
				t.Errorf("the imported story has a quote finding: %+v", f)
			}
		}
		if unconfirmed != len(quotes) {
			t.Errorf("check warns about %d unconfirmed speakers, want one per quote, %d", unconfirmed, len(quotes))
		}

		// Change one word inside Mr Cleverly's quote: reported as changed, naming the word.
		md := c.ok("show", id, "--format", "md")
		md = strings.Replace(md, "He will understand that we don’t discuss", "He will understand that we never discuss", 1)
		c.ok("update", id, writeFile(t, "a.md", md))
		var changed bool
		for _, f := range check(1).Findings {
			if f.Kind == "changed_quote" && f.QuoteID == quotes[2].ID && f.Severity == "error" && strings.Contains(f.Message, "don’t") {
				changed = true
			}
		}
		if !changed {
			t.Errorf("check after changing a quoted word: %+v, want a changed_quote error naming it", check(1))
		}
		c.json(&quotes, "quotes", id)
		if quotes[2].State != "changed" {
			t.Errorf("quotes state after the change = %q, want changed", quotes[2].State)
		}

		// Take the quotation marks away from the partial quote: reported missing.
		md = c.ok("show", id, "--format", "md")
		md = strings.Replace(md, "“Chinese state-backed groups”", "Chinese state-backed groups", 1)
		c.ok("update", id, writeFile(t, "b.md", md))
		var missing bool
		for _, f := range check(1).Findings {
			missing = missing || (f.Kind == "missing_quote" && f.QuoteID == quotes[3].ID)
		}
		if !missing {
			t.Errorf("check after removing quotation marks: %+v, want a missing_quote", check(1))
		}
	})
}

func TestExport(t *testing.T) {
	onEngines(t, func(t *testing.T, c *runner) {
		c.ok("sample")
		out := filepath.Join(t.TempDir(), "site")
		type report struct {
			Files []struct{ Path, Kind, ID, State string }
		}
		var r report
		c.json(&r, "export", "--out", out, "--base-url", "https://news.example.com/")
		for _, f := range r.Files {
			if f.Kind == "article" {
				t.Errorf("a draft was exported: %+v", f)
			}
		}
		if len(r.Files) == 0 {
			t.Fatalf("export wrote nothing: %+v", r)
		}

		c.publish("sir-iain-direct-threat-from-china")
		c.json(&r, "export", "--out", out, "--base-url", "https://news.example.com/")
		var article string
		for _, f := range r.Files {
			if f.Kind == "article" && f.State == "written" && strings.HasSuffix(f.Path, ".html") {
				article = f.Path
			}
		}
		if article == "" {
			t.Fatalf("after publishing, no article page was written: %+v", r.Files)
		}
		page, err := os.ReadFile(filepath.Join(out, article))
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"Sir Iain: ‘direct threat’ from China", "Reporting by Press Association.", "Read the rules here", "<q"} {
			if !strings.Contains(string(page), want) {
				t.Errorf("article %s lacks %q", article, want)
			}
		}
		var again report
		c.json(&again, "export", "--out", out, "--base-url", "https://news.example.com/")
		for _, f := range again.Files {
			if f.State != "unchanged" {
				t.Errorf("a second export of the same database rewrote %+v", f)
			}
		}
		if _, errOut, code := c.run("", "export", "--out", out, "--base-url", "ftp://x"); code != 2 || !strings.Contains(errOut, "base URL") {
			t.Errorf("export with a bad base URL: exit %d %q, want 2 naming the base URL", code, errOut)
		}
		if _, _, code := c.run("", "export"); code != 2 {
			t.Errorf("export without --out: exit %d, want 2", code)
		}
	})
}

// A hand-written file sets only the fields its front matter names; the others
// keep their current values, and the body is always the file's.
func TestUpdateKeepsFieldsTheFileLeavesOut(t *testing.T) {
	onEngines(t, func(t *testing.T, c *runner) {
		c.ok("sample")
		f := writeFile(t, "short.md", "---\nheadline: A shorter headline\nrevision: 2\n---\n\nOnly this paragraph now.\n")
		c.ok("update", "sir-iain-direct-threat-from-china", f)
		var s struct {
			Headline, Byline, Credit, Section, Body string
			Tags                                    []string
		}
		c.json(&s, "show", "sir-iain-direct-threat-from-china")
		if s.Headline != "A shorter headline" || s.Body != "Only this paragraph now." {
			t.Errorf("fields the file sets: headline %q, body %q", s.Headline, s.Body)
		}
		if s.Byline != "Press Association" || s.Credit != "Reporting by Press Association." || s.Section != "Politics" || len(s.Tags) != 3 {
			t.Errorf("fields the file leaves out changed: %+v", s)
		}
	})
}

// publish moves a story along the workflow to published; with a reason,
// over the errors its checks find.
func (c *runner) publish(id string, override ...string) {
	c.t.Helper()
	c.ok("status", id, "subbing")
	c.ok("status", id, "ready")
	c.ok(append([]string{"status", id, "published"}, override...)...)
}

func TestPublishingObeysTheChecks(t *testing.T) {
	c := newCLI(t)
	id := strings.Fields(c.ok("new", "--headline", strings.Repeat("A headline far too long ", 5)))[0]
	if _, errOut, code := c.run("", "status", id, "published"); code != 2 || !strings.Contains(errOut, "cannot move from draft to published") {
		t.Errorf("draft straight to published: exit %d, %q", code, errOut)
	}
	c.ok("status", id, "subbing")
	c.ok("status", id, "ready")
	before := c.fingerprint()
	out, errOut, code := c.run("", "status", id, "published")
	if code != 1 || !strings.Contains(out, "error   no body") || !strings.Contains(errOut, "--override REASON") {
		t.Fatalf("publishing with no body: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if c.fingerprint() != before {
		t.Errorf("a refused publication changed the database")
	}
	c.ok("status", id, "published", "--override", "breaking news; body to follow")
	var revs []struct {
		Kind string `json:"kind"`
		Note string `json:"note"`
	}
	c.json(&revs, "revisions", id)
	last := revs[len(revs)-1]
	if last.Kind != "status" || last.Note != "ready → published; published over 1 error by the desk: breaking news; body to follow" {
		t.Errorf("the publishing revision reads %+v", last)
	}
}
