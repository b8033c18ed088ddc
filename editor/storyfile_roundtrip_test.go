package editor_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"copydesk/editor"
)

// hostileValues are texts that YAML would read as something else if they
// were written without care: lists, comments, keywords, indicators,
// separators, and the very long.
var hostileValues = []string{
	"Arts, Books", "Politics: the week", `She said "no"`, "It's ‘quoted’", "- leading dash", "-", "# not a comment",
	"yes", "no", "null", "~", "true", "off", "123", "1e3", "0x1F", "2026-11-28", ".inf", "<<",
	"[not, a, list]", "{not: a map}", "*not-an-alias", "&not-an-anchor", "!not-a-tag", "| pipe", "> fold",
	"%percent", "@at", "`tick", "a\tb", "Minister\u2028resigns", "caf\u00e9 \u00a0 non-breaking", "\u200fright-to-left",
	"back\\slash", "ends with colon:", "trailing space ", " leading space", strings.Repeat("Very long value, ", 60),
}

// TestEveryFieldSurvivesTheRoundTrip: each text field, holding each hostile
// value, comes back from FormatStoryMarkdown → ParseStoryMarkdown as it was
// saved (a save normalizes first: a single-line field's U+2028 is already a
// space by then).
func TestEveryFieldSurvivesTheRoundTrip(t *testing.T) {
	for _, f := range editor.StoryFields() {
		for _, v := range hostileValues {
			s := editor.Story{Headline: "H", Body: "Body.", Status: editor.StatusDraft, Revision: 3}
			if f.Slug {
				v = editor.Slugify(v)
				if v == "" {
					continue
				}
			}
			if f.Count && v != "123" { // a count holds digits only
				continue
			}
			if f.Max > 0 && len([]rune(v)) > f.Max {
				v = string([]rune(v)[:f.Max])
			}
			f.Set(&s, v)
			s.Normalize()
			if err := s.Validate(); err != nil {
				t.Fatalf("%s = %q: %v", f.Name, v, err)
			}
			checkRoundTrip(t, fmt.Sprintf("%s = %q", f.Name, v), &s)
		}
	}
}

func TestTagsSurviveTheRoundTrip(t *testing.T) {
	var tags []string
	for _, v := range hostileValues {
		if len([]rune(v)) <= editor.TagMax && strings.TrimSpace(v) != "" {
			tags = append(tags, v)
		}
	}
	for len(tags) > 0 {
		n := min(len(tags), editor.TagsMax)
		s := editor.Story{Headline: "H", Body: "B", Tags: tags[:n], Status: editor.StatusDraft}
		s.Normalize()
		checkRoundTrip(t, fmt.Sprintf("tags %q", tags[:n]), &s)
		tags = tags[n:]
	}
}

func checkRoundTrip(t *testing.T, what string, s *editor.Story) {
	t.Helper()
	md := editor.FormatStoryMarkdown(s)
	f, err := editor.ParseStoryMarkdown("a.md", md)
	if err != nil {
		t.Errorf("%s: ParseStoryMarkdown(FormatStoryMarkdown()) = %v\n%s", what, err, md)
		return
	}
	if got, want := f.Story.Content(), s.Content(); string(got) != string(want) {
		t.Errorf("%s: the round trip changed the story:\n got %s\nwant %s\nfile:\n%s", what, got, want, md)
	}
	for _, field := range editor.StoryFields() {
		if field.Key != "" && !f.Set[field.Name] {
			t.Errorf("%s: the file does not set %s", what, field.Name)
		}
	}
	if f.Revision != s.Revision || len(f.Warnings) > 0 {
		t.Errorf("%s: revision %d, warnings %q; want %d and none", what, f.Revision, f.Warnings, s.Revision)
	}
}

func TestSectionIsOneValue(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"section: Arts, Books", "Arts, Books"},
		{"section: \"Arts, Books\"", "Arts, Books"},
		{"categories: [Arts, Books]", "Arts"},
		{"category: Arts, Books", "Arts, Books"},
		{"byline: Smith, Jones", "Smith, Jones"},
	} {
		f, err := editor.ParseStoryMarkdown("a.md", []byte("---\n"+tt.in+"\n---\nBody"))
		if err != nil {
			t.Errorf("%s: %v", tt.in, err)
			continue
		}
		field := "section"
		if strings.HasPrefix(tt.in, "byline") {
			field = "byline"
		}
		sf, _ := editor.LookupStoryField(field)
		if got := sf.Get(&f.Story); got != tt.want {
			t.Errorf("%s: %s = %q, want %q", tt.in, field, got, tt.want)
		}
	}
}

func TestFrontMatterAliases(t *testing.T) {
	f, err := editor.ParseStoryMarkdown("a.md", []byte("---\nstandfirst: &s The words\nheadline: *s\ntags: &t [a, b]\n---\nBody"))
	if err != nil || f.Story.Headline != "The words" || f.Story.Standfirst != "The words" {
		t.Errorf("an alias to a value: %+v, %v; want headline and standfirst \"The words\"", f, err)
	}
	for _, tt := range []struct{ in, want string }{
		{"tags: &t [a, b]\nheadline: *t", "a.md:3: headline: must be a single value, not a list;"},
		{"extra: &m {a: 1}\nbyline: *m", "a.md:3: byline: must be a single value, not a map of key: value pairs;"},
		{"headline: *nowhere", "a.md:2: front matter is not valid YAML: unknown anchor 'nowhere' referenced"},
		{"headline: [a, b]", "a.md:2: headline: must be a single value, not a list; write it as headline: text"},
		{"tags: [[a], b]", "a.md:2: tags: must be a list of words, as [politics, china], not a list holding a list"},
		{"headline: \"unclosed\nbyline: x", "a.md:2: front matter is not valid YAML:"},
		{"headline: x\n\n\nbyline: [a,\n  b\ncredit: c", "a.md:5: front matter is not valid YAML:"},
		{"headline: !!binary not*base64", "a.md:2: headline: is marked !!binary but is not base64"},
	} {
		_, err := editor.ParseStoryMarkdown("a.md", []byte("---\n"+tt.in+"\n---\nBody"))
		var fe *editor.FileError
		if !errors.As(err, &fe) || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%q: ParseStoryMarkdown() = %v, want an error starting %q", tt.in, err, tt.want)
		}
	}
}

// TestLongBodyNamesTheLine: a body past the limit is refused on the line
// where it passes it, not on the file's first or last.
func TestLongBodyNamesTheLine(t *testing.T) {
	para := strings.Repeat("x", 999) + "\n"
	n := editor.BodyMax/len(para) + 1 // the line on which the limit is passed, counting from the body's first
	md := "---\nheadline: Long\n---\n\n" + strings.Repeat(para, n+50)
	_, err := editor.ParseStoryMarkdown("long.md", []byte(md))
	var fe *editor.FileError
	if !errors.As(err, &fe) || fe.Line != 4+n || !strings.Contains(err.Error(), "passes the limit of 1048576") {
		t.Errorf("ParseStoryMarkdown(a body of %d lines) = %v, want an error on line %d", n+50, err, 4+n)
	}
}
