package editor_test

import (
	"strings"
	"testing"

	"copydesk/editor"
)

var (
	ids      = editor.Person{ID: "p1", Name: "Iain Duncan Smith", Honorific: "Sir", ShortName: "Sir Iain", Role: "Chingford and Woodford Green MP"}
	cleverly = editor.Person{ID: "p2", Name: "James Cleverly", ShortName: "Mr Cleverly", Role: "Foreign Office minister"}
)

func TestInsertQuote(t *testing.T) {
	tests := []struct {
		name, body string
		cursor     int
		in         editor.NewQuote
		want       string
	}{
		{"first reference, full name and role", "MPs met today.", 14,
			editor.NewQuote{Person: ids, Text: "It is a direct threat."},
			"MPs met today.\n\n“It is a direct threat,” said Chingford and Woodford Green MP Sir Iain Duncan Smith."},
		{"later reference, short name", "Sir Iain Duncan Smith spoke.\n\nLater text.", 29,
			editor.NewQuote{Person: ids, Text: "\"We were warned\"", Verb: "told the Commons"},
			"Sir Iain Duncan Smith spoke.\n\n“We were warned,” Sir Iain told the Commons.\n\nLater text."},
		{"question keeps its mark", "Mr Cleverly was asked.", 22,
			editor.NewQuote{Person: cleverly, Text: "Why would we?", Verb: "replied"},
			"Mr Cleverly was asked.\n\n“Why would we?” Mr Cleverly replied."},
		{"inner quotes go single", "", 0,
			editor.NewQuote{Person: cleverly, Text: `They called it "a mess" and I don't agree`},
			"“They called it ‘a mess’ and I don’t agree,” said Foreign Office minister James Cleverly."},
		{"paragraphs repeat the opening mark", "Cleverly spoke.", 0,
			editor.NewQuote{Person: cleverly, Text: "One.\n\nTwo\n\nThree"},
			"Foreign Office minister James Cleverly said: “One.\n\n“Two\n\n“Three.”\n\nCleverly spoke."},
	}
	for _, tt := range tests {
		body, cursor, q, err := editor.InsertQuote(tt.body, tt.cursor, tt.in)
		if err != nil {
			t.Errorf("%s: InsertQuote(%q) error %v", tt.name, tt.body, err)
			continue
		}
		if body != tt.want {
			t.Errorf("%s: InsertQuote(%q, %d) body =\n%q\nwant\n%q", tt.name, tt.body, tt.cursor, body, tt.want)
			continue
		}
		if p := editor.Place(body, q); p.State != editor.QuoteStateOK || p.Anchor.Start != q.Anchor.Start {
			t.Errorf("%s: inserted quote placed %s at %d, want ok at %d", tt.name, p.State, p.Anchor.Start, q.Anchor.Start)
		}
		if q.Speaker != tt.in.Person.Name || q.PersonID != tt.in.Person.ID {
			t.Errorf("%s: quote speaker %q (%q), want %q", tt.name, q.Speaker, q.PersonID, tt.in.Person.Name)
		}
		if cursor > len(body) || !strings.HasSuffix(body[:cursor], ".") && !strings.HasSuffix(body[:cursor], "”") {
			t.Errorf("%s: cursor %d is not after the quote in %q", tt.name, cursor, body)
		}
	}
}

var dobson = editor.Person{ID: "p3", Name: "Mark Dobson", ShortName: "Mr Dobson", Role: "Councillor"}

// TestInsertQuoteReadsTheSentence checks that the form of an inserted quote
// follows the text around the cursor ("|" marks the cursor in each body).
func TestInsertQuoteReadsTheSentence(t *testing.T) {
	win := editor.NewQuote{Person: dobson, Text: "We will win."}
	tests := []struct {
		name, body string
		in         editor.NewQuote
		want       string
	}{
		{"after an attribution, only the words", "Mark Dobson said:|", win,
			"Mark Dobson said: “We will win.”"},
		{"after a colon and a space", "Asked about the vote, she told the BBC: |", win,
			"Asked about the vote, she told the BBC: “We will win.”"},
		{"after a colon, the next paragraph stays", "Mark Dobson said:|\n\nThe vote is on Friday.", win,
			"Mark Dobson said: “We will win.”\n\nThe vote is on Friday."},
		{"after a colon, words in curly marks", "Mark Dobson said:|", editor.NewQuote{Person: dobson, Text: "“We will win.”"},
			"Mark Dobson said: “We will win.”"},
		{"after a colon, a full stop added", "Mark Dobson said:|", editor.NewQuote{Person: dobson, Text: "We will win"},
			"Mark Dobson said: “We will win.”"},
		{"after a colon, a comma becomes a full stop", "Mark Dobson said:|", editor.NewQuote{Person: dobson, Text: `"We will win,"`},
			"Mark Dobson said: “We will win.”"},
		{"after a colon, a question keeps its mark", "Mark Dobson asked:|", editor.NewQuote{Person: dobson, Text: "Why not?"},
			"Mark Dobson asked: “Why not?”"},
		{"after a colon, inner quotes go single", "Mark Dobson said:|", editor.NewQuote{Person: dobson, Text: `It is "a mess"`},
			"Mark Dobson said: “It is ‘a mess’.”"},
		{"after a colon, several paragraphs", "Mark Dobson said:|", editor.NewQuote{Person: dobson, Text: "One.\n\nTwo"},
			"Mark Dobson said: “One.\n\n“Two.”"},
		{"empty paragraph, the full sentence", "The council met.\n\n|\n\nIt voted.", win,
			"The council met.\n\n“We will win,” said Councillor Mark Dobson.\n\nIt voted."},
		{"between sentences, the attribution added in the paragraph", "The council met.| It voted.", win,
			"The council met. “We will win,” said Councillor Mark Dobson. It voted."},
		{"mid-sentence, after the sentence", "The council met on| Tuesday to vote. It voted.", win,
			"The council met on Tuesday to vote. “We will win,” said Councillor Mark Dobson. It voted."},
		{"mid-sentence, the sentence ends inside a mark", "He called| it “a mess.” Others agreed.", win,
			"He called it “a mess.” “We will win,” said Councillor Mark Dobson. Others agreed."},
		{"mid-sentence, named before: short name", "Mark Dobson spoke| first. Others disagreed.", win,
			"Mark Dobson spoke first. “We will win,” Mr Dobson said. Others disagreed."},
		{"mid-sentence, the last sentence of the paragraph", "Mark Dobson spoke| first.\n\nOthers disagreed.", win,
			"Mark Dobson spoke first. “We will win,” Mr Dobson said.\n\nOthers disagreed."},
	}
	for _, tt := range tests {
		cursor := strings.Index(tt.body, "|")
		in := strings.Replace(tt.body, "|", "", 1)
		body, end, q, err := editor.InsertQuote(in, cursor, tt.in)
		if err != nil {
			t.Errorf("%s: InsertQuote(%q) error %v", tt.name, tt.body, err)
			continue
		}
		if body != tt.want {
			t.Errorf("%s: InsertQuote(%q) body =\n%q\nwant\n%q", tt.name, tt.body, body, tt.want)
			continue
		}
		if p := editor.Place(body, q); p.State != editor.QuoteStateOK || p.Anchor.Start != q.Anchor.Start {
			t.Errorf("%s: inserted quote placed %s at %d, want ok at %d", tt.name, p.State, p.Anchor.Start, q.Anchor.Start)
		}
		if got := body[:end]; !strings.HasSuffix(got, ".") && !strings.HasSuffix(got, "”") {
			t.Errorf("%s: cursor %d is not after the quote in %q", tt.name, end, body)
		}
	}
}

func TestInsertLongQuoteSplits(t *testing.T) {
	sentence := "This is one sentence of a long statement that goes on for a while. "
	body, _, q, err := editor.InsertQuote("", 0, editor.NewQuote{Person: cleverly, Text: strings.Repeat(sentence, 8)})
	if err != nil {
		t.Fatal(err)
	}
	if paras := strings.Count(body, "\n\n“"); paras < 2 || strings.Count(body, "”") != 1 {
		t.Errorf("InsertQuote(long) = %q, want several paragraphs each opened with “ and one closing mark", body)
	}
	if spans := editor.QuotedSpans(body); len(spans) != 1 || spans[0].Paragraphs < 3 {
		t.Errorf("InsertQuote(long) makes %d quotes, want one over several paragraphs", len(spans))
	}
	if strings.Contains(q.Text, "“") {
		t.Errorf("quote text %q holds marks", q.Text)
	}
}

func TestInsertQuoteRejects(t *testing.T) {
	for _, tt := range []struct {
		name   string
		cursor int
		in     editor.NewQuote
	}{
		{"no person", 0, editor.NewQuote{Text: "Words."}},
		{"no words", 0, editor.NewQuote{Person: ids, Text: "  “ ” "}},
		{"cursor outside", 99, editor.NewQuote{Person: ids, Text: "Words."}},
		{"cursor inside a character", 1, editor.NewQuote{Person: ids, Text: "Words."}},
	} {
		if _, _, _, err := editor.InsertQuote("é text", tt.cursor, tt.in); err == nil {
			t.Errorf("%s: InsertQuote() = nil error, want one", tt.name)
		}
	}
}
