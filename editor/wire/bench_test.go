package wire_test

import (
	"os"
	"strings"
	"testing"

	"copydesk/editor"
	"copydesk/editor/wire"
)

// BenchmarkParseLong parses a story near the body limit: the sample's
// paragraphs repeated, with a quote in most of them.
func BenchmarkParseLong(b *testing.B) {
	sample, err := os.ReadFile("testdata/pa-duncan-smith-china-threat.txt")
	if err != nil {
		b.Fatal(err)
	}
	story := strings.SplitN(string(sample), "Reporting by", 2)[0]
	long := []byte(strings.Repeat(story, editor.BodyMax/len(story)-2) + "Reporting by Press Association.\n")
	b.SetBytes(int64(len(long)))
	for b.Loop() {
		if _, err := wire.ParseFile("long.txt", long); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheckLong checks a draft near the body limit, every quote in place.
func BenchmarkCheckLong(b *testing.B) {
	sample, err := os.ReadFile("testdata/pa-duncan-smith-china-threat.txt")
	if err != nil {
		b.Fatal(err)
	}
	story := strings.SplitN(string(sample), "Reporting by", 2)[0]
	r, err := wire.ParseFile("long.txt", []byte(strings.Repeat(story, editor.BodyMax/len(story)-2)))
	if err != nil {
		b.Fatal(err)
	}
	s, people := r.ToStory()
	for b.Loop() {
		editor.Check(&s, people)
	}
}

// BenchmarkCheckLongAllChanged checks the long draft after an edit that
// changes every quote.
func BenchmarkCheckLongAllChanged(b *testing.B) {
	sample, err := os.ReadFile("testdata/pa-duncan-smith-china-threat.txt")
	if err != nil {
		b.Fatal(err)
	}
	story := strings.SplitN(string(sample), "Reporting by", 2)[0]
	r, err := wire.ParseFile("long.txt", []byte(strings.Repeat(story, editor.BodyMax/len(story)-2)))
	if err != nil {
		b.Fatal(err)
	}
	s, people := r.ToStory()
	s.Body = strings.NewReplacer(" the ", " a ", "threat", "menace", "groups", "gangs", "lies", "untruths").Replace(s.Body)
	for b.Loop() {
		editor.Check(&s, people)
	}
}
