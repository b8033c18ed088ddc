package editor_test

import (
	"strings"
	"testing"

	"copydesk/editor"
)

func TestParsePlainText(t *testing.T) {
	tests := []struct {
		name, in       string
		headline, body string
		warnings       int
	}{
		{"title and paragraphs", "Storm hits the coast\n\nWinds of 90mph\nbattered the town.\n\nMore.\n", "Storm hits the coast", "Winds of 90mph battered the town.\n\nMore.", 0},
		{"wire lines", "Sir Iain has claimed a threat.\nHe told the Commons.\nReporting by PA.", "", "Sir Iain has claimed a threat.\n\nHe told the Commons.\n\nReporting by PA.", 1},
		{"title line then wire lines", "China threat claim\nFirst para.\nSecond para.", "China threat claim", "First para.\n\nSecond para.", 0},
		{"question title", "Is China a threat?\n\nBody.", "Is China a threat?", "Body.", 0},
		{"one paragraph only", "Only one line here", "", "Only one line here", 1},
		{"crlf and bom", "\xef\xbb\xbfHead line\r\n\r\nBody one.\r\n", "Head line", "Body one.", 0},
	}
	for _, tt := range tests {
		f, err := editor.ParsePlainText("in.txt", []byte(tt.in))
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if f.Story.Headline != tt.headline || f.Story.Body != tt.body || len(f.Warnings) != tt.warnings {
			t.Errorf("%s: ParsePlainText() = headline %q body %q warnings %q, want %q %q and %d warnings", tt.name, f.Story.Headline, f.Story.Body, f.Warnings, tt.headline, tt.body, tt.warnings)
		}
	}
}

func TestParsePlainTextRejects(t *testing.T) {
	for _, in := range []string{"", "  \n\n \n", "bad \xff bytes"} {
		_, err := editor.ParsePlainText("in.txt", []byte(in))
		if err == nil || !strings.HasPrefix(err.Error(), "in.txt: ") {
			t.Errorf("ParsePlainText(%q) = %v, want an error naming in.txt", in, err)
		}
	}
}
