package wire_test

import (
	"strings"
	"testing"

	"copydesk/editor"
	"copydesk/editor/wire"
)

// fieldValue is a value each kind of text field accepts, made from its name
// so that no two fields hold the same words.
func fieldValue(f editor.StoryField) string {
	switch {
	case f.Slug:
		return "the-" + strings.ReplaceAll(f.Name, "_", "-")
	case f.Count:
		return "400"
	case f.Name == "language":
		return "en-GB"
	case f.Name == "body":
		return "The council said on Tuesday that bills would rise.\n\nA second paragraph of the body."
	case f.Lines == editor.PlainText:
		return "First line of the " + f.Label + ".\nSecond line of it."
	}
	return "The " + f.Label + " as written"
}

// TestEveryTextFieldComesBackFromMarkdown: a story with each of its text
// fields set (editor.StoryFields, so a field added to the table is tested
// without touching this test), printed as `show --format md` prints it and
// imported again, has every field as it went out.
func TestEveryTextFieldComesBackFromMarkdown(t *testing.T) {
	var want editor.Story
	for _, f := range editor.StoryFields() {
		f.Set(&want, fieldValue(f))
	}
	want.Tags = []string{"politics", "council tax"}
	want.Status = editor.StatusDraft
	if err := want.Validate(); err != nil {
		t.Fatalf("the test's story is not valid: %v", err)
	}
	r, err := wire.ParseFile("story.md", editor.FormatStoryMarkdown(&want))
	if err != nil {
		t.Fatalf("ParseFile: %v", err)
	}
	for _, w := range r.Warnings {
		t.Errorf("warning: %s", w)
	}
	got, _ := r.ToStory()
	for _, f := range editor.StoryFields() {
		t.Run(f.Name, func(t *testing.T) {
			if g, w := f.Get(&got), f.Get(&want); g != w {
				t.Errorf("%s came back as %q, want %q", f.Name, g, w)
			}
		})
	}
	if strings.Join(got.Tags, "|") != strings.Join(want.Tags, "|") {
		t.Errorf("tags came back as %q, want %q", got.Tags, want.Tags)
	}
}
