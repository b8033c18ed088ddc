package editor_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"copydesk/editor"
)

func TestStoryMarkdownRoundTrip(t *testing.T) {
	pub := time.Date(2021, 7, 20, 14, 5, 0, 0, time.UTC)
	s := editor.Story{
		Slug: "sir-iain", Headline: `Sir Iain: ‘direct threat’ from "China"`, Standfirst: "Line one\nline two: with colon",
		Byline: "Press Association", Dateline: "LONDON", Body: "First para.\n\n“Quoted,” he said.\n\n---\n\nAfter a rule.",
		Credit: "Reporting by Press Association.", Section: "Politics", Tags: []string{"China", "yes", "123"},
		Status: editor.StatusPublished, RulesPage: "comment-rules", Revision: 7, PublishedAt: &pub,
	}
	md := editor.FormatStoryMarkdown(&s)
	f, err := editor.ParseStoryMarkdown("a.md", md)
	if err != nil {
		t.Fatalf("ParseStoryMarkdown(FormatStoryMarkdown()) = %v\n%s", err, md)
	}
	got := f.Story
	if string(got.Content()) != string(s.Content()) {
		t.Errorf("round trip changed the story:\n got %s\nwant %s\nfile:\n%s", got.Content(), s.Content(), md)
	}
	if f.Revision != 7 || !f.Date.Equal(pub) {
		t.Errorf("round trip revision = %d, date = %v, want 7, %v", f.Revision, f.Date, pub)
	}
	if len(f.Warnings) != 0 {
		t.Errorf("warnings = %q, want none", f.Warnings)
	}
}

func TestParseStoryMarkdownHugoAndJekyll(t *testing.T) {
	tests := []struct {
		name, in string
		want     editor.Story
	}{
		{"hugo", "---\ntitle: \"Storm hits coast\"\ndescription: Winds of 90mph\nauthor: Jane Doe\ndraft: false\ntags: [weather, storms]\ncategories: [News, UK]\ndate: 2024-01-02T10:00:00Z\n---\nBody text.\n",
			editor.Story{Headline: "Storm hits coast", Standfirst: "Winds of 90mph", Byline: "Jane Doe", Status: editor.StatusPublished, Tags: []string{"weather", "storms"}, Section: "News", Body: "Body text."}},
		{"jekyll", "---\nlayout: post\ntitle: Hello\nauthors:\n  - A\n  - B\n  - C\npublished: false\ntags: one, two\n---\n\nBody.",
			editor.Story{Headline: "Hello", Byline: "A, B and C", Status: editor.StatusDraft, Tags: []string{"one", "two"}, Body: "Body."}},
		{"hugo draft", "---\ntitle: T\ndraft: true\n---\nB", editor.Story{Headline: "T", Status: editor.StatusDraft, Body: "B"}},
		{"no front matter", "Just a body.\n", editor.Story{Body: "Just a body.", Status: editor.StatusDraft}},
	}
	for _, tt := range tests {
		f, err := editor.ParseStoryMarkdown(tt.name+".md", []byte(tt.in))
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		tt.want.Normalize()
		if string(f.Story.Content()) != string(tt.want.Content()) {
			t.Errorf("%s: got %s\nwant %s", tt.name, f.Story.Content(), tt.want.Content())
		}
	}
}

func TestParseStoryMarkdownErrorsNameTheLine(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"unclosed list", "---\nheadline: ok\ntags: [a, b\nstatus: draft\n---\nBody", "bad.md:3: front matter is not valid YAML"},
		{"unclosed map", "---\nheadline: ok\nbyline: x\nextra: {a: 1\n---\nBody", "bad.md:4: front matter is not valid YAML"},
		{"bad indentation", "---\nheadline: ok\n  byline: x\n---\n", "bad.md:3:"},
		{"bad status", "---\nheadline: ok\nstatus: live\n---\nBody", "bad.md:3: status: \"live\" is not a status"},
		{"bad draft", "---\ntitle: ok\ndraft: maybe\n---\n", "bad.md:3: draft:"},
		{"list headline", "---\nheadline: [a, b]\n---\n", "bad.md:2: headline: must be a single value"},
		{"bad date", "---\ndate: yesterday\n---\n", "bad.md:2: date:"},
		{"bad revision", "---\nrevision: two\n---\n", "bad.md:2: revision:"},
		{"bad slug", "---\nslug: ../../etc/passwd\n---\n", "bad.md:2: slug:"},
		{"unclosed", "---\nheadline: x\nbody", "bad.md:1: front matter opened with --- is never closed"},
		{"duplicate", "---\ntitle: a\ntitle: b\n---\n", "bad.md:"},
	}
	for _, tt := range tests {
		_, err := editor.ParseStoryMarkdown("bad.md", []byte(tt.in))
		var fe *editor.FileError
		if err == nil || !errors.As(err, &fe) || !strings.HasPrefix(err.Error(), tt.want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: ParseStoryMarkdown() = %v, want a one-line error starting %q", tt.name, err, tt.want)
		}
	}
}

func TestParseStoryMarkdownWarnsOfUnknownKeys(t *testing.T) {
	f, err := editor.ParseStoryMarkdown("x.md", []byte("---\ntitle: T\nlayout: post\nweight: 3\n---\nB"))
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Warnings) != 2 || !strings.Contains(f.Warnings[0], "x.md:3: layout") {
		t.Errorf("Warnings = %q, want two, the first naming x.md:3 layout", f.Warnings)
	}
}

func TestPageMarkdownRoundTrip(t *testing.T) {
	p := editor.Page{Slug: "comment-rules", Kind: editor.PageRules, Title: "Comments: Our rules",
		Summary: "We want our comments to be lively.\n\nRead the rules here", Body: "## Rules\n\n1. Be civil.", Revision: 3}
	f, err := editor.ParsePageMarkdown("p.md", editor.FormatPageMarkdown(&p))
	if err != nil {
		t.Fatal(err)
	}
	if string(f.Page.Content()) != string(p.Content()) || f.Revision != 3 {
		t.Errorf("round trip = %s rev %d, want %s rev 3", f.Page.Content(), f.Revision, p.Content())
	}
	if _, err := editor.ParsePageMarkdown("p.md", []byte("---\ntitle: T\nkind: blog\n---\n")); err == nil || !strings.HasPrefix(err.Error(), "p.md:3: kind:") {
		t.Errorf("ParsePageMarkdown(kind: blog) = %v, want p.md:3: kind: …", err)
	}
}
