package main

import (
	"fmt"
	"strings"
	"sync"
	"testing"
)

// TestConcurrentUpdatesOfDifferentParagraphsAllLand runs updates from one
// base at once, each changing its own paragraph: the merge happens inside
// the save, so none is refused because another landed between its read and
// its write (issue 13, item 7).
func TestConcurrentUpdatesOfDifferentParagraphsAllLand(t *testing.T) {
	onEngines(t, func(t *testing.T, c *runner) {
		var paras []string
		for i := range 6 {
			paras = append(paras, fmt.Sprintf("Paragraph %d says what it says.", i))
		}
		in := writeFile(t, "story.md", "---\nheadline: Six paragraphs\n---\n"+strings.Join(paras, "\n\n")+"\n")
		id, _, _ := strings.Cut(c.ok("import", in), "\t")
		base := c.ok("show", id, "--format", "md")
		var files []string
		for i := range paras {
			files = append(files, writeFile(t, fmt.Sprintf("edit%d.md", i),
				strings.Replace(base, fmt.Sprintf("Paragraph %d says", i), fmt.Sprintf("Paragraph %d now says", i), 1)))
		}
		var wg sync.WaitGroup
		results := make([]string, len(files))
		for i, f := range files {
			wg.Go(func() {
				_, errOut, code := c.run("", "update", id, f)
				if code != 0 {
					results[i] = fmt.Sprintf("update %d: exit %d %q", i, code, errOut)
				}
			})
		}
		wg.Wait()
		for _, r := range results {
			if r != "" {
				t.Error(r)
			}
		}
		var s storyJSON
		c.json(&s, "show", id)
		for i := range paras {
			if !strings.Contains(s.Body, fmt.Sprintf("Paragraph %d now says", i)) {
				t.Errorf("the edit of paragraph %d is not in the story: %q", i, s.Body)
			}
		}
		if s.Revision != len(paras)+1 {
			t.Errorf("revision %d after %d updates of revision 1", s.Revision, len(paras))
		}
	})
}

// TestUpdateToATakenSlugIsBadInput: the person chooses another slug, so
// the exit is 2, and nothing is written (issue 13, item 11).
func TestUpdateToATakenSlugIsBadInput(t *testing.T) {
	onEngines(t, func(t *testing.T, c *runner) {
		c.ok("new", "--headline", "First story")
		id, _, _ := strings.Cut(c.ok("new", "--headline", "Second story"), "\t")
		md := writeFile(t, "b.md", strings.Replace(c.ok("show", id, "--format", "md"), "slug: second-story", "slug: first-story", 1))
		before := c.fingerprint()
		if _, errOut, code := c.run("", "update", id, md); code != 2 || !strings.Contains(errOut, `slug "first-story" is used by another story`) {
			t.Errorf("update to a taken slug: exit %d %q, want 2 naming the slug", code, errOut)
		}
		if c.fingerprint() != before {
			t.Errorf("a refused update changed the database")
		}
	})
}
