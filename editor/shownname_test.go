package editor_test

import (
	"testing"

	"copydesk/editor"
)

func TestShownName(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"story.txt", "story.txt"},
		{"café – notes.md", "café – notes.md"},
		{"new\nline.txt", `new\nline.txt`},
		{"a\rb\tc.xml", `a\rb\tc.xml`},
		{"sep\u2028arated.txt", `sep\u2028arated.txt`},
		{"bad\xffbyte.txt", "bad\ufffdbyte.txt"},
	} {
		if got := editor.ShownName(tc.in); got != tc.want {
			t.Errorf("ShownName(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	err := &editor.FileError{Name: "new\nline.txt", Line: 3, Err: editor.ErrNotFound}
	if got, want := err.Error(), `new\nline.txt:3: not found`; got != want {
		t.Errorf("FileError.Error() = %q, want %q", got, want)
	}
}
