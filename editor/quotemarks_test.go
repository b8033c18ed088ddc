package editor_test

import (
	"testing"

	"copydesk/editor"
)

func TestQuotedSpans(t *testing.T) {
	tests := []struct {
		name, body string
		want       []string
	}{
		{"curly", "He said: “It is over.” Then he left.", []string{"It is over."}},
		{"straight", `"We won," she said. "Again."`, []string{"We won", "Again."}},
		{"mixed glyphs", "“We won,\" she said.", []string{"We won"}},
		{"nested single", "“They call it ‘a mess’ and ‘chaos’,” he said.", []string{"They call it ‘a mess’ and ‘chaos’"}},
		{"apostrophes", "“Don’t go,” said O’Neill's aide.", []string{"Don’t go"}},
		{"partial", "a “direct threat” from China", []string{"direct threat"}},
		{"runs over paragraphs", "He said: “One.\n\n“Two.\n\n“Three.”\n\nAfter.", []string{"One.\n\n“Two.\n\n“Three."}},
		{"closed then new paragraph quote", "“One.”\n\n“Two.”", []string{"One.", "Two."}},
		{"never closed", "He said: “One.\n\nAfter “two” words.", []string{"One.", "two"}},
		{"stray closing mark", "Size 5” screen and “this”.", []string{"this"}},
		{"none", "Nothing quoted here.", nil},
	}
	for _, tt := range tests {
		spans := editor.QuotedSpans(tt.body)
		var got []string
		for _, s := range spans {
			got = append(got, tt.body[s.Start:s.End])
		}
		if len(got) != len(tt.want) {
			t.Errorf("%s: QuotedSpans(%q) = %q, want %q", tt.name, tt.body, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("%s: QuotedSpans(%q)[%d] = %q, want %q", tt.name, tt.body, i, got[i], tt.want[i])
			}
		}
	}
}

func TestQuoteWords(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"One.", "One."},
		{"One.\n\n“Two.\n\n\"Three.", "One.\n\nTwo.\n\nThree."},
	} {
		if got := editor.QuoteWords(tt.in); got != tt.want {
			t.Errorf("QuoteWords(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
