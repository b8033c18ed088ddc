package editor_test

import (
	"strings"
	"testing"

	"copydesk/editor"
)

// FuzzStoryMarkdownRoundTrip: whatever a story's fields hold, once a save
// has normalized them, FormatStoryMarkdown → ParseStoryMarkdown gives them
// back unchanged. line goes in every single-line field (a slug of it in the
// slug fields), text in the standfirst, tag in the tags, body in the body.
func FuzzStoryMarkdownRoundTrip(f *testing.F) {
	f.Add("Arts, Books", "Line one\nline two: with colon", "yes", "First para.\n\n---\n\nAfter a rule.")
	f.Add("- null", "~", "# hash", "---\nnot: front matter\n---")
	f.Add("Minister\u2028resigns", "One\u2029two\u0085three", "a, b", "Body\u2028text")
	f.Fuzz(func(t *testing.T, line, text, tag, body string) {
		s := editor.Story{Body: body, Tags: []string{tag}, Status: editor.StatusDraft, Revision: 1}
		for _, fld := range editor.StoryFields() {
			switch {
			case fld.Slug:
				fld.Set(&s, editor.Slugify(line))
			case fld.SingleLine():
				fld.Set(&s, line)
			case fld.Name == "standfirst":
				fld.Set(&s, text)
			}
		}
		s.Normalize()
		if s.Validate() != nil {
			return
		}
		md := editor.FormatStoryMarkdown(&s)
		got, err := editor.ParseStoryMarkdown("fuzz.md", md)
		if err != nil {
			t.Fatalf("ParseStoryMarkdown(FormatStoryMarkdown()) = %v\n%s", err, md)
		}
		if a, b := got.Story.Content(), s.Content(); string(a) != string(b) {
			t.Fatalf("the round trip changed the story:\n got %s\nwant %s\nfile:\n%s", a, b, md)
		}
	})
}

// FuzzParseStoryMarkdown feeds ParseStoryMarkdown arbitrary files: it may
// refuse them, with a one-line error naming the file, but never panic; and
// what it reads, written back out, reads the same.
func FuzzParseStoryMarkdown(f *testing.F) {
	f.Add([]byte("---\ntitle: \"Storm hits coast\"\ndescription: Winds of 90mph\nauthor: Jane Doe\ndraft: false\ntags: [weather, storms]\ncategories: [News, UK]\ndate: 2024-01-02T10:00:00Z\n---\nBody text.\n"))
	f.Add([]byte("---\nheadline: ok\ntags: [a, b\nstatus: draft\n---\nBody"))
	f.Add([]byte("---\na: &x [1, *x]\nheadline: *x\n---\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		sf, err := editor.ParseStoryMarkdown("fuzz.md", data)
		if err != nil {
			if msg := err.Error(); !strings.HasPrefix(msg, "fuzz.md") {
				t.Fatalf("error %q does not name the file", msg)
			}
			return
		}
		md := editor.FormatStoryMarkdown(&sf.Story)
		again, err := editor.ParseStoryMarkdown("again.md", md)
		if err != nil {
			t.Fatalf("what was read does not read back: %v\n%s", err, md)
		}
		if a, b := again.Story.Content(), sf.Story.Content(); string(a) != string(b) {
			t.Fatalf("what was read reads back changed:\n got %s\nwant %s\nfile:\n%s", a, b, md)
		}
	})
}
