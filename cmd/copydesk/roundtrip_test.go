package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"copydesk/editor"
)

// TestShowUpdateRoundTrip: every text field, whatever it holds, survives
// show --format md → update unchanged (issue 13: "Arts, Books" came back as
// "Arts"): the file of a story saved with awkward values updates to no
// change, and the story shows the same values after.
func TestShowUpdateRoundTrip(t *testing.T) {
	c := newCLI(t)
	values := []string{"Arts, Books", "Politics: the week", `She said "no"`, "- leading dash", "# hash", "yes", "null", "~",
		"[a, b]", "Minister\u2028resigns", strings.Repeat("Long, long value; ", 9)}
	for i, v := range values {
		id, _, _ := strings.Cut(c.ok("new", "--headline", fmt.Sprintf("Story %d", i)), "\t")
		s := editor.Story{Body: "Body of the story.", Tags: []string{"other"}, Status: editor.StatusDraft, Revision: 1}
		if len(v) <= editor.TagMax {
			s.Tags = append(s.Tags, v)
		}
		for _, f := range editor.StoryFields() {
			switch {
			case f.Slug:
				f.Set(&s, "")
			case f.Count:
				f.Set(&s, fmt.Sprint(400+i))
			case f.Key != "":
				f.Set(&s, string([]rune(v)[:min(len([]rune(v)), f.Max)]))
			}
		}
		file := writeFile(t, "edit.md", string(editor.FormatStoryMarkdown(&s)))
		c.ok("update", id, file)
		before := c.ok("show", id, "--json")
		var got map[string]any
		if err := json.Unmarshal([]byte(before), &got); err != nil {
			t.Fatal(err)
		}
		s.Normalize()
		for _, f := range editor.StoryFields() {
			if f.Key != "" && !f.Slug && got[f.Name] != f.Get(&s) {
				t.Errorf("value %q: after update, %s = %q, want %q", v, f.Name, got[f.Name], f.Get(&s))
			}
		}
		md := writeFile(t, "show.md", c.ok("show", id, "--format", "md"))
		if out := c.ok("update", id, md); !strings.Contains(out, "no changes") {
			t.Errorf("value %q: update with show --format md's output = %q, want no changes\n%s", v, out, c.ok("show", id, "--format", "md"))
		}
		if after := c.ok("show", id, "--json"); after != before {
			t.Errorf("value %q: the round trip changed the story:\n%s\nwant\n%s", v, after, before)
		}
	}
}
