package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
)

// TestRecordTheWordsShowsTheWholeQuote checks that the dialog that records
// the words now in the text shows all of them, wrapped, and scrolls only a
// quote too long for the dialog.
func TestRecordTheWordsShowsTheWholeQuote(t *testing.T) {
	long := strings.TrimSpace(strings.Repeat("We will build the homes this city needs, and we will build them where people want to live. ", 14))
	tests := []struct {
		name, said string
		scrolls    bool
	}{
		{"short", "We will win the vote on Friday.", false},
		{"long", long, true},
	}
	for _, tt := range tests {
		now := strings.Replace(strings.Replace(tt.said, "win", "carry", 1), "homes", "houses", 1)
		store := newFakeStore(2)
		s := store.stories[0]
		s.Body = "Mark Dobson said: “" + now + "”\n\nThe vote is on Friday."
		s.Quotes = []editor.Quote{{ID: "q-dobson", Speaker: "Mark Dobson", Text: tt.said, Source: "Interview"}}
		editor.Reanchor(s.Body, s.Quotes)
		g, w := newTestGUI(t, store)
		tapButton(t, w, "Record the words in the text…")
		d := g.topDialog()
		if d == nil {
			t.Fatalf("%s: no dialog", tt.name)
		}
		var words *widget.Label
		var scroll *container.Scroll
		for _, o := range test.LaidOutObjects(d.content) {
			switch x := o.(type) {
			case *widget.Label:
				if strings.HasPrefix(x.Text, "“") {
					words = x
				}
			case *container.Scroll:
				scroll = x
			}
		}
		if words == nil || words.Text != "“"+now+"”" {
			t.Errorf("%s: dialog shows %q, want the whole quote %q", tt.name, cardTexts(d.content), "“"+now+"”")
			continue
		}
		if words.Wrapping != fyne.TextWrapWord {
			t.Errorf("%s: the quote's words do not wrap", tt.name)
		}
		if got := scroll != nil && scroll.Content == words; got != tt.scrolls {
			t.Errorf("%s: the words scroll = %v, want %v", tt.name, got, tt.scrolls)
		}
		if h := d.content.MinSize().Height; h > maxQuoteViewHeight+200 {
			t.Errorf("%s: the dialog's text is %.0f high, want it to fit with its buttons on screen", tt.name, h)
		}
		tapButton(t, w, "Record these words")
		if got := g.story.quotes.shown[0].Text; got != now {
			t.Errorf("%s: record reads %q, want %q", tt.name, got, now)
		}
	}
}
