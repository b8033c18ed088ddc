package wire_test

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"copydesk/editor"
	"copydesk/editor/wire"
)

// FuzzParse feeds Parse arbitrary files: it may refuse them, but it must not
// panic, and every quote it finds must lie inside the body it returns.
func FuzzParse(f *testing.F) {
	sample, err := os.ReadFile("testdata/pa-duncan-smith-china-threat.txt")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(sample)
	f.Add([]byte("“A,” he said. “B\n\n“C.”\nReporting by X."))
	f.Add([]byte("<nitf><body><body.content><p>“Hi,” said Sir Jo Bloggs (R-N.Y.), a ‘spokesman’.</p></body.content></body></nitf>"))
	f.Add([]byte("\"\"\" ” “ \u00a0“x” — Name\n"))
	feeds, _ := filepath.Glob("testdata/*/*.*")
	for _, name := range feeds {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		name := "fuzz.txt"
		if len(data) > 0 && data[0]%2 == 1 {
			name = "fuzz.md" // the Markdown reader too
		}
		r, err := wire.ParseFile(name, data)
		if err != nil {
			return
		}
		body := r.Story.Body
		for _, q := range r.Quotes {
			if q.Start < 0 || q.End > len(body) || q.Start > q.End || !utf8.RuneStart(body[q.Start]) {
				t.Fatalf("quote %+v lies outside body %q", q, body)
			}
		}
		s, _ := r.ToStory()
		for _, q := range s.Quotes {
			editor.Place(s.Body, q)
		}
		editor.Check(&s, nil)
	})
}
