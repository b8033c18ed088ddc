package app

import (
	"strings"
	"testing"

	"copydesk/editor"
)

func TestQuotesPanelShowsAnInterruptedQuoteAsOne(t *testing.T) {
	store := newFakeStore(2)
	body := "“We will appeal the ruling,” said Anna Holt. “And we will win it.”"
	store.stories[1].Body = body
	spans := editor.QuotedSpans(body)
	for i, sp := range spans {
		store.stories[1].Quotes = append(store.stories[1].Quotes, editor.Quote{ID: "q" + string(rune('1'+i)), Speaker: "Anna Holt",
			Text: body[sp.Start:sp.End], Verb: "said", Anchor: editor.NewAnchor(body, sp.Start, sp.End)})
	}
	g, _ := newTestGUI(t, store)
	g.list.list.Select(1)
	if n := len(g.story.quotes.shown); n != 2 || g.story.quotes.count.Text != "1 attributed quote" {
		t.Fatalf("%d records, count %q: want two pieces counted as one quote", n, g.story.quotes.count.Text)
	}
	got := quoteTexts(g)
	if strings.Count(got, "Anna Holt|") != 1 || !strings.Contains(got, "… “And we will win it.”") {
		t.Errorf("quotes panel reads %q, want one card naming Anna Holt once with both pieces", got)
	}
}
