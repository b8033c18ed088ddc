package export

import (
	"bytes"
	"strings"
	"testing"

	"copydesk/editor"
)

func TestPlaceQuotes(t *testing.T) {
	body := "He said “one two three” and “four five”."
	at := func(s string) (int, int) { i := strings.Index(body, s); return i, i + len(s) }
	s1, e1 := at("one two three")
	s2, e2 := at("four five")
	tests := []struct {
		name   string
		quotes []editor.Quote
		want   []string // the words each placed quote covers, in body order
	}{
		{"anchors", []editor.Quote{
			{Text: "four five", Anchor: editor.Anchor{Exact: "four five", Start: s2, End: e2}},
			{Text: "one two three", Anchor: editor.Anchor{Exact: "one two three", Start: s1, End: e1}},
		}, []string{"one two three", "four five"}},
		{"moved anchor found by its words", []editor.Quote{
			{Text: "four five", Anchor: editor.Anchor{Exact: "four five", Start: 0, End: 9}},
		}, []string{"four five"}},
		{"anchor out of range", []editor.Quote{
			{Text: "one two three", Anchor: editor.Anchor{Exact: "one two three", Start: 40, End: 400}},
		}, []string{"one two three"}},
		{"words no longer in the body", []editor.Quote{
			{Text: "six seven", Anchor: editor.Anchor{Exact: "six seven", Start: s1, End: e1}},
		}, nil},
		{"words twice, anchor wrong: not guessed", []editor.Quote{
			{Text: "o", Anchor: editor.Anchor{Exact: "o", Start: 0, End: 1}},
		}, nil},
		{"overlapping: the first kept", []editor.Quote{
			{Text: "one two three", Anchor: editor.Anchor{Exact: "one two three", Start: s1, End: e1}},
			{Text: "two", Anchor: editor.Anchor{Exact: "two", Start: s1 + 4, End: s1 + 7}},
		}, []string{"one two three"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for i, p := range placeQuotes(body, tt.quotes) {
				got = append(got, body[p.start:p.end])
				if want := "quote-" + string(rune('1'+i)); p.anchor != want {
					t.Errorf("quote %d anchor = %q, want %q", i, p.anchor, want)
				}
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("placeQuotes = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestRenderMarkdownQuotes(t *testing.T) {
	tests := []struct {
		name, body, exact, want string
	}{
		{"plain", "He said “a b c” then.", "a b c",
			"<p>He said “<q class=\"quote\" id=\"quote-1\">a b c</q>” then.</p>\n"},
		{"emphasis inside", "He said “a *b* c” then.", "a *b* c",
			"<p>He said “<q class=\"quote\" id=\"quote-1\">a <em>b</em> c</q>” then.</p>\n"},
		{"over two paragraphs", "“a b\n\n“c d”", "a b\n\n“c d",
			"<p>“<q class=\"quote\" id=\"quote-1\">a b</q></p>\n<p>“<q class=\"quote\">c d</q>”</p>\n"},
		{"raw HTML inside is kept as the body's HTML may be", "“a <b>b</b> c”", "a <b>b</b> c",
			"<p>“<q class=\"quote\" id=\"quote-1\">a </q><b><q class=\"quote\">b</q></b><q class=\"quote\"> c</q>”</p>\n"},
	}
	md := newMarkdown()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			i := strings.Index(tt.body, tt.exact)
			quotes := placeQuotes(tt.body, []editor.Quote{{Text: tt.exact, Anchor: editor.Anchor{Exact: tt.exact, Start: i, End: i + len(tt.exact)}}})
			var buf bytes.Buffer
			if err := renderMarkdown(md, &buf, []byte(tt.body), quotes); err != nil {
				t.Fatal(err)
			}
			if buf.String() != tt.want {
				t.Errorf("renderMarkdown(%q) =\n%q\nwant\n%q", tt.body, buf.String(), tt.want)
			}
		})
	}
}

func TestBlankBadRunes(t *testing.T) {
	in := "a\x00b\x07c\td\ne\u0085f\uFFFEg\xffh“i”"
	got := string(blankBadRunes(in))
	want := "a b c\td\ne  f   g h“i”"
	if got != want || len(got) != len(in) {
		t.Errorf("blankBadRunes(%q) = %q, want %q (same length)", in, got, want)
	}
}
