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

// feedSeeds are the agency files under testdata/feeds, one per format the
// importer reads (NITF, NewsML 1.2, NewsML-G2, ninjs, ANPA 1312, IPTC 7901,
// text): the starting points FuzzParseFormats mutates.
func feedSeeds(tb testing.TB) [][]byte {
	tb.Helper()
	names, err := filepath.Glob("testdata/feeds/*.*")
	if err != nil || len(names) == 0 {
		tb.Fatalf("no feed files under testdata/feeds: %v", err)
	}
	var out [][]byte
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, data)
	}
	return out
}

// FuzzParseFormats splices arbitrary bytes into a real file of each format,
// so the fuzzer works inside well-formed NITF, NewsML, ninjs, ANPA and IPTC
// files instead of mostly producing text ParseFile refuses at once: the
// result may be refused, but it must not panic.
func FuzzParseFormats(f *testing.F) {
	seeds := feedSeeds(f)
	for i := range seeds {
		f.Add(uint8(i), uint16(0), uint16(0), []byte(nil))
		f.Add(uint8(i), uint16(len(seeds[i])/2), uint16(3), []byte("Sir A1 A: “Yes.”"))
		f.Add(uint8(i), uint16(len(seeds[i])/3), uint16(0), []byte("<p>“Hi,” said Sir Jo Bloggs.</p><x><y><z>"))
	}
	f.Fuzz(func(t *testing.T, which uint8, at, cut uint16, insert []byte) {
		seed := seeds[int(which)%len(seeds)]
		i := int(at) % (len(seed) + 1)
		j := min(i+int(cut), len(seed))
		data := append(append(append([]byte{}, seed[:i]...), insert...), seed[j:]...)
		r, err := wire.ParseFile("fuzz.xml", data)
		if err != nil {
			return
		}
		for _, q := range r.Quotes {
			if q.Start < 0 || q.End > len(r.Story.Body) || q.Start > q.End {
				t.Fatalf("quote %+v lies outside body %q", q, r.Story.Body)
			}
		}
	})
}
