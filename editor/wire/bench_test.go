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

// benchStory is a wire story of about 600 words with a quote in every
// paragraph, as scripts/bench-import.sh writes them.
func benchStory(paras int) []string {
	var out []string
	for k := 0; k < paras; k++ {
		out = append(out, "The council said on Tuesday that spending on roads in the ward would rise by a tenth next year, after residents complained about potholes. “We have listened and we will act,” said Councillor Jane Doe, who chairs the transport committee. Opposition members said the rise was too small and came too late for the winter.")
	}
	return out
}

// BenchmarkParseFileText reads a plain-text wire story of about 600 words.
func BenchmarkParseFileText(b *testing.B) {
	data := []byte("Council raises road budget\nBy Sam Writer\nLEWES (PA) — " + strings.Join(benchStory(10), "\n") + "\nReporting by Press Association.\n")
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := wire.ParseFile("story.txt", data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseFileNITF reads an NITF story of about 600 words.
func BenchmarkParseFileNITF(b *testing.B) {
	data := []byte(`<?xml version="1.0" encoding="UTF-8"?><nitf><head><docdata><doc-id id-string="X-1"/><urgency ed-urg="4"/></docdata></head>` +
		`<body><body.head><hedline><hl1>Council raises road budget</hl1></hedline><byline>By <person>SAM WRITER</person><byttl>Staff Writer</byttl></byline></body.head><body.content><p>` +
		strings.Join(benchStory(10), "</p><p>") + `</p><ul><li>Work starts in April</li></ul></body.content></body></nitf>`)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := wire.ParseFile("story.xml", data); err != nil {
			b.Fatal(err)
		}
	}
}
