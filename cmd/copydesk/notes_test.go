package main

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"copydesk/internal/cli"
)

// noteJSON is a row of `notes --json` (docs/contract.md).
type noteJSON struct {
	ID, State, Text, Author, Words string
	ResolvedBy                     string  `json:"resolved_by"`
	ResolvedAt                     *string `json:"resolved_at"`
	CreatedAt                      string  `json:"created_at"`
	Start, End                     int
	Detached                       bool
}

func TestNotesOnTheCommandLine(t *testing.T) {
	onEngines(t, func(t *testing.T, c *runner) {
		const slug = "sir-iain-direct-threat-from-china"
		c.ok("sample")
		var before storyJSON
		c.json(&before, "show", slug)
		var added noteJSON
		c.json(&added, "note", slug, "--at", "Five Eyes sources", "--text", "Which of the Five Eyes? Ask the PA desk")
		if added.ID == "" || added.State != "open" || added.Words != "Five Eyes sources" || added.Author != c.author || added.CreatedAt == "" {
			t.Fatalf("note --json = %+v; want an open note by %s on the words", added, c.author)
		}
		c.ok("note", slug, "--at", "Microsoft Exchange hack", "--text", "Date of the hack?")

		var notes []noteJSON
		c.json(&notes, "notes", slug)
		if len(notes) != 2 || notes[0].ID != added.ID || notes[1].Text != "Date of the hack?" {
			t.Fatalf("notes --json = %+v", notes)
		}
		var story storyJSON
		c.json(&story, "show", slug)
		if story.Body[notes[0].Start:notes[0].End] != "Five Eyes sources" || story.Revision != before.Revision {
			t.Fatalf("the note's offsets %d–%d read %q; story at revision %d (want %d: a note is no revision)",
				notes[0].Start, notes[0].End, story.Body[notes[0].Start:notes[0].End], story.Revision, before.Revision)
		}
		if out := c.ok("notes", slug); !strings.Contains(out, "Date of the hack?") || !strings.Contains(out, "open") {
			t.Errorf("notes lists %q", out)
		}

		openNotes := func() []string {
			t.Helper()
			var f struct {
				Findings []struct{ Severity, Kind, Field, Message string }
			}
			out, errOut, _ := c.run("", "check", slug, "--json")
			if err := jsonUnmarshal(out, &f); err != nil {
				t.Fatalf("check --json: %v %q", err, errOut)
			}
			var got []string
			for _, x := range f.Findings {
				if x.Kind == "open_note" {
					if x.Severity != "warning" || x.Field != "body" {
						t.Errorf("open note finding %+v, want a warning on the body", x)
					}
					got = append(got, x.Message)
				}
			}
			return got
		}
		if got := openNotes(); len(got) != 2 || !strings.Contains(got[0], "Which of the Five Eyes?") {
			t.Fatalf("check lists open notes %q; want both, in the order of the body", got)
		}

		// Resolve by the first characters of the ID; reopen; resolve again.
		if out := c.ok("note", slug, "--resolve", added.ID[:8]); !strings.Contains(out, "resolved") {
			t.Errorf("note --resolve said %q", out)
		}
		c.json(&notes, "notes", slug)
		if notes[0].State != "resolved" || notes[0].ResolvedBy != c.author || notes[0].ResolvedAt == nil {
			t.Fatalf("after --resolve, notes[0] = %+v", notes[0])
		}
		if got := openNotes(); len(got) != 1 || !strings.Contains(got[0], "Date of the hack?") {
			t.Fatalf("after resolving one, check lists %q", got)
		}
		c.json(&notes, "notes", slug, "--open")
		if len(notes) != 1 {
			t.Errorf("notes --open lists %d, want 1", len(notes))
		}
		c.ok("note", slug, "--reopen", added.ID)
		if got := openNotes(); len(got) != 2 {
			t.Fatalf("after reopening, check lists %q", got)
		}

		// Bad usage exits 2 and changes nothing.
		unchanged := c.fingerprint() + c.ok("notes", slug, "--json")
		for _, args := range [][]string{
			{"note", slug},
			{"note", slug, "--at", "Five Eyes"},
			{"note", slug, "--text", "no words"},
			{"note", slug, "--at", "no such words here", "--text", "x"},
			{"note", slug, "--at", "Five Eyes", "--text", "x", "--resolve", added.ID},
			{"note", slug, "--resolve", "nosuchnote"},
			{"note", "no-such-story", "--at", "Five Eyes", "--text", "x"},
			{"notes", "no-such-story"},
		} {
			if _, errOut, code := c.run("", args...); code != 2 || errOut == "" {
				t.Errorf("copydesk %s: exit %d %q, want 2 with a message", strings.Join(args, " "), code, errOut)
			}
		}
		if after := c.fingerprint() + c.ok("notes", slug, "--json"); after != unchanged {
			t.Errorf("refused note commands changed the database")
		}
	})
}

// Notes are the desk's, never the reader's: no exported file holds one.
func TestNotesAreNeverExported(t *testing.T) {
	onEngines(t, func(t *testing.T, c *runner) {
		const slug = "sir-iain-direct-threat-from-china"
		const secret = "NOTE-7Q: do not print, check with legal"
		c.ok("sample")
		c.ok("note", slug, "--at", "Five Eyes sources", "--text", secret)
		c.ok("note", slug, "--at", "Microsoft Exchange hack", "--text", secret+" (resolved)")
		var notes []noteJSON
		c.json(&notes, "notes", slug)
		c.ok("note", slug, "--resolve", notes[1].ID)
		c.publish(slug)
		out := filepath.Join(t.TempDir(), "site")
		c.ok("export", "--out", out, "--base-url", "https://news.example.com/")

		var article, ninjs bool
		err := filepath.WalkDir(out, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(out, path)
			if strings.Contains(string(b), "NOTE-7Q") || strings.Contains(string(b), "check with legal") {
				t.Errorf("exported %s holds the note's text", rel)
			}
			if strings.Contains(rel, slug) && strings.HasSuffix(rel, ".html") && strings.Contains(string(b), "application/ld+json") {
				article = true
			}
			if strings.HasPrefix(rel, "ninjs"+string(filepath.Separator)) && strings.Contains(rel, slug) {
				ninjs = true
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if !article || !ninjs {
			t.Fatalf("the export lacks the story's article with JSON-LD (%v) or its ninjs (%v): the test would prove nothing", article, ninjs)
		}
	})
}

func jsonUnmarshal(s string, v any) error { return json.Unmarshal([]byte(s), v) }

// On a shared desk every role may write and resolve notes, in its own
// name, and a save by any of them moves the notes.
func TestNotesOnADesk(t *testing.T) {
	d := newDesk(t)
	ed, sub := d.as["editor"], d.as["subeditor"]
	id, _, _ := strings.Cut(ed.ok("import", sampleWirePath), "\t")
	var n noteJSON
	ed.json(&n, "note", id, "--at", "Five Eyes sources", "--text", "Which of them?")
	if n.Author != ed.author {
		t.Errorf("a note by the editor is by %q, want %q", n.Author, ed.author)
	}
	if _, errOut, code := ed.run("", "note", id, "--at", "Five Eyes", "--text", "x", "--author", "Someone Else"); code != cli.ExitUsage || !strings.Contains(errOut, "database user") {
		t.Errorf("note --author someone else on a desk: exit %d %q, want 2", code, errOut)
	}
	sub.ok("note", id, "--resolve", n.ID)
	md := writeFile(t, "b.md", strings.Replace(ed.ok("show", id, "--format", "md"), "Sir Iain Duncan Smith has", "A new first paragraph.\n\nSir Iain Duncan Smith has", 1))
	var notes []noteJSON
	ed.json(&notes, "notes", id)
	start := notes[0].Start
	ed.ok("update", id, md)
	ed.json(&notes, "notes", id)
	if notes[0].Start != start+len("A new first paragraph.\n\n") {
		t.Fatalf("after the editor's update the note starts at %d, want %d", notes[0].Start, start+len("A new first paragraph.\n\n"))
	}
	sub.ok("restore", id, "1")
	sub.json(&notes, "notes", id)
	var story storyJSON
	sub.json(&story, "show", id)
	if len(notes) != 1 || notes[0].State != "resolved" || notes[0].ResolvedBy != sub.author || notes[0].Detached ||
		story.Body[notes[0].Start:notes[0].End] != "Five Eyes sources" {
		t.Fatalf("after an update and a restore, notes = %+v", notes)
	}
}
