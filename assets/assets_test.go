package assets_test

import (
	"io/fs"
	"strings"
	"testing"

	"copydesk/assets"
	"copydesk/editor"
)

// The sample story as filed must be exactly the wire copy's story: its
// paragraphs, with the credit line and the comment-rules block taken out.
func TestSampleAsFiledMatchesWireCopy(t *testing.T) {
	wire, err := fs.ReadFile(assets.Sample(), "pa-duncan-smith-china-threat.txt")
	if err != nil {
		t.Fatal(err)
	}
	md, err := fs.ReadFile(assets.Sample(), "as-filed.md")
	if err != nil {
		t.Fatal(err)
	}
	f, err := editor.ParseStoryMarkdown("as-filed.md", md)
	if err != nil {
		t.Fatal(err)
	}
	paras := editor.Paragraphs(string(wire))
	credit := -1
	for i, p := range paras {
		if p == f.Story.Credit {
			credit = i
		}
	}
	if credit < 0 {
		t.Fatalf("credit %q is not a paragraph of the wire copy", f.Story.Credit)
	}
	if got, want := f.Story.Body, strings.Join(paras[:credit], "\n\n"); got != want {
		t.Errorf("as-filed body differs from the wire copy:\n got %q\nwant %q", got, want)
	}
	rules, err := fs.ReadFile(assets.Sample(), "comment-rules.md")
	if err != nil {
		t.Fatal(err)
	}
	page, err := editor.ParsePageMarkdown("comment-rules.md", rules)
	if err != nil {
		t.Fatal(err)
	}
	if page.Page.Title != paras[credit+1] {
		t.Errorf("rules page title = %q, want the block's first line %q", page.Page.Title, paras[credit+1])
	}
}

func TestIcon(t *testing.T) {
	if b := assets.Icon(); len(b) < 100 || string(b[1:4]) != "PNG" {
		t.Errorf("Icon() is not a PNG (%d bytes)", len(b))
	}
}
