package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"copydesk/editor"
)

func init() {
	register(&command{name: "new", args: "--headline TEXT [--json]", summary: "create an empty draft story", maxArgs: 0,
		setup: func(fs *flag.FlagSet) func(*env, []string) error {
			headline := fs.String("headline", "", "the story's headline")
			asJSON := fs.Bool("json", false, "print the new story as JSON")
			author := fs.String("author", defaultAuthor(), "who is making it")
			return func(e *env, _ []string) error {
				s := &editor.Story{Headline: *headline}
				if err := e.db.CreateStory(e.ctx, s, editor.RevisionMeta{Kind: editor.RevisionCheckpoint, Author: *author}); err != nil {
					return err
				}
				if *asJSON {
					return writeJSON(e.stdout, jsonStory(s))
				}
				fmt.Fprintf(e.stdout, "%s\t%s\n", s.ID, s.Title())
				return nil
			}
		}})

	register(&command{name: "stories", args: "[--status S] [--json]", summary: "list stories, the most recently changed first", maxArgs: 0,
		setup: func(fs *flag.FlagSet) func(*env, []string) error {
			status := fs.String("status", "", "only stories with this status (draft, subbing, ready, published, spiked)")
			asJSON := fs.Bool("json", false, "print JSON")
			return func(e *env, _ []string) error {
				var filter editor.StoryFilter
				if *status != "" {
					st, err := editor.ParseStatus(*status)
					if err != nil {
						return usagef("--status: %v", err)
					}
					filter.Status = st
				}
				list, err := e.db.ListStories(e.ctx, filter)
				if err != nil {
					return err
				}
				if *asJSON {
					if list == nil {
						list = []editor.StorySummary{}
					}
					return writeJSON(e.stdout, list)
				}
				if len(list) == 0 {
					fmt.Fprintln(e.stderr, "no stories; add one with 'copydesk import FILE' or 'copydesk new --headline TEXT'")
					return nil
				}
				tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
				fmt.Fprintln(tw, "ID\tSTATUS\tREV\tUPDATED\tHEADLINE")
				for _, s := range list {
					fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s\n", s.ID[:8], s.Status, s.Revision, s.UpdatedAt.Local().Format("2006-01-02 15:04"), s.Title)
				}
				return tw.Flush()
			}
		}})

	register(&command{name: "show", args: "ID [--rev N] [--json | --format md]", summary: "show a story or page, or one of its revisions", minArgs: 1, maxArgs: 1,
		setup: func(fs *flag.FlagSet) func(*env, []string) error {
			rev := fs.Int("rev", 0, "show this revision instead of the current one")
			asJSON := fs.Bool("json", false, "print JSON")
			format := fs.String("format", "text", "text, json or md (Markdown with YAML front matter, the form 'update' reads)")
			return func(e *env, args []string) error {
				if *asJSON {
					*format = "json"
				}
				if *format != "text" && *format != "json" && *format != "md" {
					return usagef("--format %q: use text, json or md", *format)
				}
				doc, err := findDoc(e, args[0])
				if err != nil {
					return err
				}
				if *rev < 0 {
					return usagef("--rev %d: revisions are numbered from 1", *rev)
				}
				if doc.story != nil {
					s := doc.story
					if *rev > 0 {
						if s, _, err = e.db.StoryRevision(e.ctx, s.ID, *rev); err != nil {
							return err
						}
					}
					return printStory(e.stdout, s, *format)
				}
				p := doc.page
				if *rev > 0 {
					if p, _, err = e.db.PageRevision(e.ctx, p.ID, *rev); err != nil {
						return err
					}
				}
				return printPage(e.stdout, p, *format)
			}
		}})

	register(&command{name: "update", args: "ID FILE [--note TEXT] [--author NAME]", summary: "save a story or page from a file in the 'show --format md' form as a new revision", minArgs: 2, maxArgs: 2,
		setup: func(fs *flag.FlagSet) func(*env, []string) error {
			note := fs.String("note", "", "a note on the revision (\"subbed\", \"legalled\")")
			author := fs.String("author", defaultAuthor(), "who is making the revision")
			return func(e *env, args []string) error {
				return runUpdate(e, args[0], args[1], editor.RevisionMeta{Kind: editor.RevisionCheckpoint, Author: *author, Note: *note})
			}
		}})

	register(&command{name: "restore", args: "ID REV [--note TEXT]", summary: "make an old revision of a story or page current again, as a new revision", minArgs: 2, maxArgs: 2,
		setup: func(fs *flag.FlagSet) func(*env, []string) error {
			note := fs.String("note", "", "a note on the revision (a correction note, when the story is published)")
			author := fs.String("author", defaultAuthor(), "who is restoring")
			return func(e *env, args []string) error {
				seq, err := strconv.Atoi(args[1])
				if err != nil || seq < 1 {
					return usagef("%q is not a revision number; 'copydesk revisions %s' lists them", args[1], args[0])
				}
				d, err := findDoc(e, args[0])
				if err != nil {
					return err
				}
				meta := editor.RevisionMeta{Author: *author, Note: *note}
				var title string
				var rev int
				var saved bool
				if d.story != nil {
					restored, ok, err := e.db.RestoreStory(e.ctx, d.story.ID, seq, meta)
					if err != nil {
						return withNoteFlag(err)
					}
					title, rev, saved = restored.Title(), restored.Revision, ok
				} else {
					restored, ok, err := e.db.RestorePage(e.ctx, d.page.ID, seq, meta)
					if err != nil {
						return err
					}
					title, rev, saved = restored.Title, restored.Revision, ok
				}
				if !saved {
					fmt.Fprintf(e.stdout, "%s already reads as revision %d did; nothing to restore\n", title, seq)
					return nil
				}
				fmt.Fprintf(e.stdout, "restored revision %d of %s as revision %d\n", seq, title, rev)
				return nil
			}
		}})

	register(&command{name: "status", args: "ID STATUS [--note TEXT]", summary: "move a story through the workflow: draft, subbing, ready, published, spiked", minArgs: 2, maxArgs: 2,
		setup: func(fs *flag.FlagSet) func(*env, []string) error {
			note := fs.String("note", "", "a note on the revision")
			author := fs.String("author", defaultAuthor(), "who is making the change")
			return func(e *env, args []string) error {
				st, err := editor.ParseStatus(args[1])
				if err != nil {
					return usagef("%v", err)
				}
				s, err := e.db.FindStory(e.ctx, args[0])
				if err != nil {
					return err
				}
				from := s.Status
				s, err = e.db.SetStatus(e.ctx, s.ID, st, editor.RevisionMeta{Author: *author, Note: *note})
				if err != nil {
					return withNoteFlag(err)
				}
				if from == st {
					fmt.Fprintf(e.stdout, "%s is already %s\n", s.Title(), st)
					return nil
				}
				fmt.Fprintf(e.stdout, "%s: %s → %s (revision %d)\n", s.Title(), from, st, s.Revision)
				return nil
			}
		}})
}

// doc is a story or a page, as the commands that take either find them.
type doc struct {
	story *editor.Story
	page  *editor.Page
}

// findDoc finds a story by ID, prefix or slug, and failing that a page.
func findDoc(e *env, ref string) (doc, error) {
	s, err := e.db.FindStory(e.ctx, ref)
	if err == nil {
		return doc{story: s}, nil
	}
	p, perr := e.db.FindPage(e.ctx, ref)
	if perr == nil {
		return doc{page: p}, nil
	}
	if strings.Contains(err.Error(), "more than one") {
		return doc{}, err
	}
	return doc{}, fmt.Errorf("no story or page has the ID or slug %q; 'copydesk stories' and 'copydesk pages' list them: %w", ref, editor.ErrNotFound)
}

// jsonStory makes the lists of a story encode as [] rather than null.
func jsonStory(s *editor.Story) *editor.Story {
	c := *s
	if c.Tags == nil {
		c.Tags = []string{}
	}
	if c.Quotes == nil {
		c.Quotes = []editor.Quote{}
	}
	if c.Corrections == nil {
		c.Corrections = []editor.Correction{}
	}
	return &c
}

func printStory(w io.Writer, s *editor.Story, format string) error {
	switch format {
	case "json":
		return writeJSON(w, jsonStory(s))
	case "md":
		_, err := w.Write(editor.FormatStoryMarkdown(s))
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "%s\n\n", s.Title())
	for _, f := range [][2]string{
		{"id", s.ID}, {"slug", s.Slug}, {"status", string(s.Status)}, {"revision", strconv.Itoa(s.Revision)},
		{"updated", s.UpdatedAt.Local().Format(time.DateTime)}, {"standfirst", s.Standfirst}, {"byline", s.Byline},
		{"dateline", s.Dateline}, {"section", s.Section}, {"tags", strings.Join(s.Tags, ", ")}, {"credit", s.Credit},
		{"quotes", strconv.Itoa(len(s.Quotes))}, {"words", strconv.Itoa(s.Words())},
	} {
		if f[1] != "" {
			fmt.Fprintf(tw, "%s\t%s\n", f[0], f[1])
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "\n%s\n", s.Body)
	return err
}

func printPage(w io.Writer, p *editor.Page, format string) error {
	switch format {
	case "json":
		return writeJSON(w, p)
	case "md":
		_, err := w.Write(editor.FormatPageMarkdown(p))
		return err
	}
	_, err := fmt.Fprintf(w, "%s\n\nid        %s\nslug      %s\nkind      %s\nrevision  %d\n\n%s\n\n%s\n", p.Title, p.ID, p.Slug, p.Kind, p.Revision, p.Summary, p.Body)
	return err
}

// readInput reads a file, or standard input for "-".
func readInput(e *env, name string) ([]byte, error) {
	if name == "-" {
		return io.ReadAll(e.stdin)
	}
	b, err := os.ReadFile(name)
	if err != nil {
		if os.IsNotExist(err) {
			return nil, usagef("%s: no such file", name)
		}
		return nil, usagef("%s: %v", name, err)
	}
	return b, nil
}

// runUpdate saves a story or page from a Markdown file. Fields the file's front
// matter leaves out keep their current values; the body is always the file's.
func runUpdate(e *env, ref, file string, meta editor.RevisionMeta) error {
	d, err := findDoc(e, ref)
	if err != nil {
		return err
	}
	data, err := readInput(e, file)
	if err != nil {
		return err
	}
	if d.page != nil {
		return updatePage(e, d.page, file, data, meta)
	}
	cur := d.story
	f, err := editor.ParseStoryMarkdown(file, data)
	if err != nil {
		return err
	}
	for _, w := range f.Warnings {
		fmt.Fprintln(e.stderr, "warning:", w)
	}
	base, err := baseRevision(e, ref, file, f.Revision, cur.Revision, cur.Title())
	if err != nil {
		return err
	}
	next := applyStoryFile(cur, f)
	if base < cur.Revision {
		// The file was made from an older revision: merge its changes with
		// those saved since, word by word, or refuse when they clash.
		old, _, err := e.db.StoryRevision(e.ctx, cur.ID, base)
		if err != nil {
			return err
		}
		edited := applyStoryFile(old, f)
		merged, conflicts := editor.MergeStories(old, cur, &edited)
		if len(conflicts) > 0 {
			return &problemError{conflictMessage(file, base, conflicts)}
		}
		next = *merged
		fmt.Fprintf(e.stderr, "%s was based on revision %d; its changes were merged with revisions %d to %d\n", file, base, base+1, cur.Revision)
	}
	saved, err := e.db.SaveStory(e.ctx, &next, cur.Revision, meta)
	if err != nil {
		return withNoteFlag(err)
	}
	reportSave(e, saved, next.Revision)
	return nil
}

// fileFields are the story's text fields a file's front matter may set, by
// the name StoryFile.Set uses.
var fileFields = map[string]func(*editor.Story) *string{
	"headline":   func(s *editor.Story) *string { return &s.Headline },
	"standfirst": func(s *editor.Story) *string { return &s.Standfirst },
	"byline":     func(s *editor.Story) *string { return &s.Byline },
	"dateline":   func(s *editor.Story) *string { return &s.Dateline },
	"credit":     func(s *editor.Story) *string { return &s.Credit },
	"section":    func(s *editor.Story) *string { return &s.Section },
	"slug":       func(s *editor.Story) *string { return &s.Slug },
	"rules_page": func(s *editor.Story) *string { return &s.RulesPage },
}

// applyStoryFile is base with the file's body and the fields its front matter sets.
func applyStoryFile(base *editor.Story, f *editor.StoryFile) editor.Story {
	next := *base
	next.Body = f.Story.Body
	for name, field := range fileFields {
		if f.Set[name] {
			*field(&next) = *field(&f.Story)
		}
	}
	if f.Set["tags"] {
		next.Tags = f.Story.Tags
	}
	if f.Set["status"] {
		next.Status = f.Story.Status
	}
	return next
}

// withNoteFlag tells a person at the command line how to give the correction
// note a change to a published story needs.
func withNoteFlag(err error) error {
	var ve *editor.ValidationError
	if errors.As(err, &ve) && ve.Field == "note" {
		return usagef("%v; give it with --note TEXT, and nothing was saved", err)
	}
	return err
}

func updatePage(e *env, cur *editor.Page, file string, data []byte, meta editor.RevisionMeta) error {
	f, err := editor.ParsePageMarkdown(file, data)
	if err != nil {
		return err
	}
	for _, w := range f.Warnings {
		fmt.Fprintln(e.stderr, "warning:", w)
	}
	base, err := baseRevision(e, cur.Slug, file, f.Revision, cur.Revision, cur.Title)
	if err != nil {
		return err
	}
	next := f.Page
	next.ID = cur.ID
	if base < cur.Revision {
		old, _, err := e.db.PageRevision(e.ctx, cur.ID, base)
		if err != nil {
			return err
		}
		edited := f.Page
		merged, conflicts := editor.MergePages(old, cur, &edited)
		if len(conflicts) > 0 {
			return &problemError{conflictMessage(file, base, conflicts)}
		}
		next = *merged
	}
	saved, err := e.db.SavePage(e.ctx, &next, cur.Revision, meta)
	if err != nil {
		return err
	}
	reportSave(e, saved, next.Revision)
	return nil
}

// baseRevision checks the revision a file says it was based on against the
// current one; a file that names none is taken as based on the current one.
func baseRevision(e *env, ref, file string, fileRev, current int, title string) (int, error) {
	switch {
	case fileRev == 0:
		fmt.Fprintf(e.stderr, "warning: %s names no revision; taking it as an edit of the current revision %d\n", file, current)
		return current, nil
	case fileRev > current:
		return 0, usagef("%s: revision: %d does not exist yet; %q is at revision %d", file, fileRev, title, current)
	}
	return fileRev, nil
}

func reportSave(e *env, saved bool, rev int) {
	if saved {
		fmt.Fprintf(e.stdout, "saved revision %d\n", rev)
	} else {
		fmt.Fprintf(e.stdout, "no changes; revision %d is current\n", rev)
	}
}
