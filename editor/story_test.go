package editor_test

import (
	"errors"
	"strings"
	"testing"

	"copydesk/editor"
)

func TestParseStatus(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want editor.Status
		ok   bool
	}{
		{"draft", editor.StatusDraft, true}, {" Subbing ", editor.StatusSubbing, true},
		{"PUBLISHED", editor.StatusPublished, true}, {"spiked", editor.StatusSpiked, true},
		{"live", "", false}, {"", "", false},
	} {
		got, err := editor.ParseStatus(tt.in)
		if got != tt.want || (err == nil) != tt.ok {
			t.Errorf("ParseStatus(%q) = %q, %v, want %q, ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

func TestStoryValidateNamesTheField(t *testing.T) {
	base := func() editor.Story {
		return editor.Story{Headline: "A headline", Body: "Text.", Status: editor.StatusDraft}
	}
	tests := []struct {
		name  string
		edit  func(*editor.Story)
		field string
	}{
		{"ok", func(*editor.Story) {}, ""},
		{"headline with a newline", func(s *editor.Story) { s.Headline = "a\nb" }, "headline"},
		{"headline too long", func(s *editor.Story) { s.Headline = strings.Repeat("x", editor.HeadlineMax+1) }, "headline"},
		{"bad status", func(s *editor.Story) { s.Status = "live" }, "status"},
		{"bad slug", func(s *editor.Story) { s.Slug = "../etc" }, "slug"},
		{"empty tag", func(s *editor.Story) { s.Tags = []string{"china", " "} }, "tags[1]"},
		{"byline two lines", func(s *editor.Story) { s.Byline = "A\nB" }, "byline"},
		{"quote without words", func(s *editor.Story) { s.Quotes = []editor.Quote{{Text: "x"}, {Text: ""}} }, "quotes[1].text"},
		{"quote bad date", func(s *editor.Story) { s.Quotes = []editor.Quote{{Text: "x", SaidOn: "21 July"}} }, "quotes[0].said_on"},
	}
	for _, tt := range tests {
		s := base()
		tt.edit(&s)
		err := s.Validate()
		var ve *editor.ValidationError
		switch {
		case tt.field == "" && err != nil:
			t.Errorf("%s: Validate() = %v, want nil", tt.name, err)
		case tt.field != "" && !errors.As(err, &ve):
			t.Errorf("%s: Validate() = %v, want a *ValidationError for %s", tt.name, err, tt.field)
		case tt.field != "" && ve.Field != tt.field:
			t.Errorf("%s: Validate() field = %q, want %q (%v)", tt.name, ve.Field, tt.field, err)
		}
	}
}

func TestStoryNormalize(t *testing.T) {
	s := editor.Story{Headline: "  Head  ", Body: "\n\nOne.\r\n\r\nTwo.  \n\n", Tags: []string{"China", " china", "", "Hong Kong"}}
	s.Normalize()
	if s.Headline != "Head" || s.Body != "One.\n\nTwo." || strings.Join(s.Tags, "|") != "China|Hong Kong" || s.Status != editor.StatusDraft {
		t.Errorf("Normalize() = %+v", s)
	}
}

func TestStoryContentRoundTrip(t *testing.T) {
	s := editor.Story{Headline: "H", Body: "B", Tags: []string{"a"}, Status: editor.StatusReady,
		Quotes: []editor.Quote{{ID: "q1", Text: "words", Speaker: "Iain Duncan Smith"}}}
	c := s.Content()
	var back editor.Story
	if err := back.ApplyContent(c); err != nil {
		t.Fatal(err)
	}
	if string(back.Content()) != string(c) {
		t.Errorf("ApplyContent(Content()) = %s, want %s", back.Content(), c)
	}
	if editor.ContentHash(c) != editor.ContentHash(back.Content()) || len(editor.ContentHash(c)) != 64 {
		t.Errorf("ContentHash differs after a round trip")
	}
	other := s
	other.Body = "B!"
	if editor.ContentHash(other.Content()) == editor.ContentHash(c) {
		t.Errorf("ContentHash is the same for different bodies")
	}
}

func TestStoryTitle(t *testing.T) {
	for _, tt := range []struct {
		s    editor.Story
		want string
	}{
		{editor.Story{Headline: "H"}, "H"},
		{editor.Story{Body: "one two three"}, "one two three"},
		{editor.Story{Body: "1 2 3 4 5 6 7 8 9 10 11"}, "1 2 3 4 5 6 7 8 9 10…"},
		{editor.Story{}, "Untitled story"},
	} {
		if got := tt.s.Title(); got != tt.want {
			t.Errorf("Title() of %+v = %q, want %q", tt.s, got, tt.want)
		}
	}
}

func TestPageValidate(t *testing.T) {
	p := editor.Page{Title: "Comments: Our rules", Kind: editor.PageRules}
	if err := p.Validate(); err != nil {
		t.Errorf("Validate() = %v", err)
	}
	var ve *editor.ValidationError
	p.Kind = "blog"
	if err := p.Validate(); !errors.As(err, &ve) || ve.Field != "kind" {
		t.Errorf("Validate() with kind blog = %v, want an error naming kind", err)
	}
	p = editor.Page{Kind: editor.PageRules}
	if err := p.Validate(); !errors.As(err, &ve) || ve.Field != "title" {
		t.Errorf("Validate() without a title = %v, want an error naming title", err)
	}
}

func TestPersonValidate(t *testing.T) {
	p := editor.Person{Name: "Iain Duncan Smith", Honorific: "Sir"}
	if err := p.Validate(); err != nil || p.FullName() != "Sir Iain Duncan Smith" {
		t.Errorf("Validate() = %v, FullName() = %q", err, p.FullName())
	}
	if err := (&editor.Person{Name: " "}).Validate(); err == nil {
		t.Errorf("Validate() of a person with no name = nil, want an error")
	}
}

func TestRevisionValidate(t *testing.T) {
	good := editor.Revision{Seq: 1, Kind: editor.RevisionImport, SHA256: strings.Repeat("a", 64)}
	if err := good.Validate(); err != nil {
		t.Errorf("Validate(%+v) = %v", good, err)
	}
	for _, tt := range []struct {
		edit  func(*editor.Revision)
		field string
	}{
		{func(r *editor.Revision) { r.Seq = 0 }, "seq"},
		{func(r *editor.Revision) { r.Kind = "edit" }, "kind"},
		{func(r *editor.Revision) { r.SHA256 = "abc" }, "sha256"},
		{func(r *editor.Revision) { r.Author = "a\nb" }, "author"},
	} {
		r := good
		tt.edit(&r)
		var ve *editor.ValidationError
		if err := r.Validate(); !errors.As(err, &ve) || ve.Field != tt.field {
			t.Errorf("Validate(%+v) = %v, want an error on %s", r, err, tt.field)
		}
	}
}

func TestCountWordsIsWhatFieldsSplits(t *testing.T) {
	for _, s := range []string{"", "  ", "one", " one  two\tthree\n\nfour ", "non\u00a0breaking space", "“Quoted,” she said — twice."} {
		if got, want := editor.CountWords(s), len(strings.Fields(s)); got != want {
			t.Errorf("CountWords(%q) = %d, want %d", s, got, want)
		}
	}
}

func TestLengthTarget(t *testing.T) {
	tests := []struct {
		words  int
		target string
		want   editor.Length
	}{
		{412, "", editor.Length{Words: 412}},
		{412, "400", editor.Length{Words: 412, Target: 400, Diff: 12}},
		{440, "400", editor.Length{Words: 440, Target: 400, Diff: 40, Off: true}},
		{361, "400", editor.Length{Words: 361, Target: 400, Diff: -39}},
		{360, "400", editor.Length{Words: 360, Target: 400, Diff: -40, Off: true}},
		{0, "400", editor.Length{Words: 0, Target: 400, Diff: -400, Off: true}},
		{5, "four hundred", editor.Length{Words: 5}},
	}
	for _, tt := range tests {
		if got := editor.LengthAgainst(tt.words, tt.target); got != tt.want {
			t.Errorf("LengthAgainst(%d, %q) = %+v, want %+v", tt.words, tt.target, got, tt.want)
		}
	}
	for v, ok := range map[string]bool{"": true, "400": true, "1": true, "20000": true, "0": false, "20001": false, "-5": false, "4 00": false, "400 words": false, "٤٠٠": false} {
		s := editor.Story{Headline: "H", Body: "B", Status: editor.StatusDraft, TargetWords: v}
		var ve *editor.ValidationError
		if err := s.Validate(); (err == nil) != ok || (err != nil && (!errors.As(err, &ve) || ve.Field != "target_words")) {
			t.Errorf("Validate() with target_words %q = %v, want ok %v", v, err, ok)
		}
	}
}
