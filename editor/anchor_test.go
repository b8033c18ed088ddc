package editor_test

import (
	"strings"
	"testing"

	"copydesk/editor"
)

const quoteBody = "Sir Iain told the Commons: “There is a direct threat from the Chinese government.”\n\nMr Cleverly replied: “We do not discuss intelligence matters.”"

// quoteAt makes the record of the n-th quoted span of body.
func quoteAt(t *testing.T, body string, n int, speaker string) editor.Quote {
	t.Helper()
	sp := editor.QuotedSpans(body)[n]
	return editor.Quote{ID: "q" + speaker, Speaker: speaker, Text: body[sp.Start:sp.End], Source: "Hansard", Anchor: editor.NewAnchor(body, sp.Start, sp.End)}
}

func TestPlace(t *testing.T) {
	q := quoteAt(t, quoteBody, 0, "Iain Duncan Smith")
	tests := []struct {
		name, body string
		state      editor.QuoteState
		changed    string
	}{
		{"unchanged", quoteBody, editor.QuoteStateOK, ""},
		{"moved by an edit before it", "Today, " + quoteBody, editor.QuoteStateOK, ""},
		{"paragraphs swapped", "Mr Cleverly replied: “We do not discuss intelligence matters.”\n\n" + strings.Split(quoteBody, "\n\n")[0], editor.QuoteStateOK, ""},
		{"one word changed", strings.Replace(quoteBody, "direct threat", "direct menace", 1), editor.QuoteStateChanged, "threat → menace"},
		{"word cut", strings.Replace(quoteBody, "a direct threat", "a threat", 1), editor.QuoteStateChanged, "direct → (cut)"},
		{"marks deleted", strings.NewReplacer("“There", "There", "government.”", "government.").Replace(quoteBody), editor.QuoteStateMissing, ""},
		{"quote deleted", "Sir Iain spoke.\n\nMr Cleverly replied: “We do not discuss intelligence matters.”", editor.QuoteStateMissing, ""},
	}
	for _, tt := range tests {
		p := editor.Place(tt.body, q)
		changed := strings.Join(p.Changed(), "; ")
		if p.State != tt.state || changed != tt.changed {
			t.Errorf("%s: Place(%q) = %s %q, want %s %q", tt.name, tt.body, p.State, changed, tt.state, tt.changed)
			continue
		}
		if p.State != editor.QuoteStateMissing {
			if got := tt.body[p.Anchor.Start:p.Anchor.End]; got != p.Anchor.Exact || !strings.HasPrefix(got, "There is") {
				t.Errorf("%s: anchor covers %q, want the quote's words", tt.name, got)
			}
		}
	}
}

func TestNewAnchorKeepsWholeCharacters(t *testing.T) {
	body := strings.Repeat("é", 40) + "“word”" + strings.Repeat("ü", 40)
	sp := editor.QuotedSpans(body)[0]
	a := editor.NewAnchor(body, sp.Start, sp.End)
	if a.Exact != "word" || !strings.HasSuffix(a.Prefix, "“") || !strings.HasPrefix(a.Suffix, "”") {
		t.Errorf("NewAnchor = %+v, want exact %q with the marks around it", a, "word")
	}
	for _, s := range []string{a.Prefix, a.Suffix} {
		if !strings.HasPrefix(s, "é") && !strings.HasPrefix(s, "”") && !strings.HasPrefix(s, "“") {
			t.Errorf("NewAnchor context %q starts inside a character", s)
		}
	}
}

func TestReanchor(t *testing.T) {
	qs := []editor.Quote{quoteAt(t, quoteBody, 0, "Iain Duncan Smith"), quoteAt(t, quoteBody, 1, "James Cleverly")}
	body := "New first paragraph.\n\n" + strings.Replace(quoteBody, "“We do not discuss intelligence matters.”", "nothing.", 1)
	states := editor.Reanchor(body, qs)
	if states[0] != editor.QuoteStateOK || states[1] != editor.QuoteStateMissing {
		t.Fatalf("Reanchor() = %v, want [ok missing]", states)
	}
	if got := body[qs[0].Anchor.Start:qs[0].Anchor.End]; got != qs[0].Text {
		t.Errorf("first quote re-anchored on %q, want %q", got, qs[0].Text)
	}
	if qs[1].Anchor.Exact != "We do not discuss intelligence matters." {
		t.Errorf("missing quote's anchor = %+v, want the old one kept", qs[1].Anchor)
	}
}

// TestPlacePunctuationAcrossTheMark checks that a full stop or comma moving
// across the closing mark leaves a quote ok, while other edits at its end
// still change it.
func TestPlacePunctuationAcrossTheMark(t *testing.T) {
	const inside = "Mark Dobson said: “We will win.” The vote is on Friday."
	const outside = "Mark Dobson said “We will win”. The vote is on Friday."
	tests := []struct {
		name, recorded, body string
		state                editor.QuoteState
	}{
		{"full stop moves outside", inside, outside, editor.QuoteStateOK},
		{"full stop moves inside", outside, inside, editor.QuoteStateOK},
		{"comma moves inside", "“We will win”, he said.", "“We will win,” he said.", editor.QuoteStateOK},
		{"comma moves outside", "“We will win,” he said.", "“We will win”, he said.", editor.QuoteStateOK},
		{"full stop becomes the comma before an attribution", inside, "“We will win,” said Mark Dobson.", editor.QuoteStateOK},
		{"straight marks, full stop outside", inside, `Mark Dobson said "We will win".`, editor.QuoteStateOK},
		{"a question is a change", inside, "Mark Dobson said: “We will win?”", editor.QuoteStateChanged},
		{"a word is a change", inside, "Mark Dobson said: “We will lose.”", editor.QuoteStateChanged},
		{"marks gone is missing", inside, "Mark Dobson said we will win.", editor.QuoteStateMissing},
	}
	for _, tt := range tests {
		q := quoteAt(t, tt.recorded, 0, "Mark Dobson")
		if p := editor.Place(tt.body, q); p.State != tt.state {
			t.Errorf("%s: Place(%q) of record %q = %s %q, want %s", tt.name, tt.body, q.Text, p.State, p.Changed(), tt.state)
		}
		qs := []editor.Quote{q}
		if states := editor.Reanchor(tt.body, qs); states[0] != tt.state {
			t.Errorf("%s: Reanchor(%q) = %v, want %s", tt.name, tt.body, states, tt.state)
		} else if tt.state == editor.QuoteStateOK && !strings.HasPrefix(tt.body[qs[0].Anchor.Start:qs[0].Anchor.End], "We will win") {
			t.Errorf("%s: re-anchored on %q", tt.name, tt.body[qs[0].Anchor.Start:qs[0].Anchor.End])
		}
	}
}

func TestPlacePrefersTheQuoteNearItsAnchor(t *testing.T) {
	q := quoteAt(t, quoteBody, 0, "Iain Duncan Smith")
	filler := strings.Repeat("Other news of the day filled the page. ", 40)
	far := "Earlier he said: “There is a direct danger from the Chinese government.”\n\n"
	body := far + filler + "\n\n" + strings.Replace(quoteBody, "direct threat", "direct menace", 1)
	q.Anchor.Start += len(far) + len(filler) + 2
	q.Anchor.End += len(far) + len(filler) + 2
	p := editor.Place(body, q)
	if p.State != editor.QuoteStateChanged || !strings.Contains(p.Anchor.Exact, "menace") {
		t.Errorf("Place() = %s at %q, want the changed quote near the old anchor", p.State, p.Anchor.Exact)
	}
}
