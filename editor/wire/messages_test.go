package wire_test

import (
	"errors"
	"strings"
	"testing"

	"copydesk/editor"
	"copydesk/editor/wire"
)

// TestMessagesNameWhereAndWhat: a Markdown file whose body passes the limit
// is refused naming the line where it does (not none, not the last), and a
// file name holding a line break shows on one line in every message.
func TestMessagesNameWhereAndWhat(t *testing.T) {
	para := strings.Repeat("word ", 200) + "\n\n" // 1,002 bytes on two lines
	md := "---\ntitle: Big\n---\n" + strings.Repeat(para, 1100) + "end\n"
	_, err := wire.ParseFile("big.md", []byte(md))
	var fe *editor.FileError
	// The limit falls in paragraph 1047 (1046 × 1002 < 1 MiB ≤ 1047 × 1002), on line 4 + 2×1046.
	if !errors.As(err, &fe) || fe.Line != 4+2*1046 {
		t.Errorf("ParseFile(big.md) = %v, want an error naming line %d", err, 4+2*1046)
	}

	r, err := wire.ParseFile("new\nline.txt", []byte("“Yes,” he said.\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range r.Warnings {
		if strings.ContainsAny(w, "\n\r") || !strings.HasPrefix(w, `new\nline.txt`) {
			t.Errorf("warning %q is not one line naming the file", w)
		}
	}
	if _, err := wire.ParseFile("bad\nname.xml", []byte("<nitf>")); err == nil || strings.Contains(err.Error(), "\n") {
		t.Errorf("ParseFile(bad\\nname.xml) = %v, want a one-line error", err)
	}
}
