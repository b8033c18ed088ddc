package editor_test

import (
	"strings"
	"testing"

	"copydesk/editor"
)

func checkedStory(t *testing.T) (*editor.Story, []editor.Person) {
	t.Helper()
	s := &editor.Story{Headline: "China threat", Standfirst: "An MP says he is a target.", Byline: "PA reporter",
		Credit: "Reporting by Press Association.", Section: "politics", Body: quoteBody}
	s.Quotes = []editor.Quote{quoteAt(t, quoteBody, 0, "Iain Duncan Smith"), quoteAt(t, quoteBody, 1, "James Cleverly")}
	for i := range s.Quotes {
		s.Quotes[i].ConfirmedBy = "Desk editor" // the unconfirmed ones are confirm_test.go's
	}
	people := []editor.Person{
		{Name: "Iain Duncan Smith", Honorific: "Sir", ShortName: "Sir Iain"},
		{Name: "James Cleverly", ShortName: "Mr Cleverly"},
	}
	return s, people
}

func kinds(fs []editor.Finding) string {
	var ks []string
	for _, f := range fs {
		ks = append(ks, string(f.Severity)+":"+f.Kind)
	}
	return strings.Join(ks, " ")
}

func TestCheck(t *testing.T) {
	tests := []struct {
		name   string
		edit   func(s *editor.Story, people []editor.Person) []editor.Person
		want   string
		errors bool
	}{
		{"clean", func(s *editor.Story, p []editor.Person) []editor.Person { return p }, "", false},
		{"word changed in a quote", func(s *editor.Story, p []editor.Person) []editor.Person {
			s.Body = strings.Replace(s.Body, "direct threat", "direct menace", 1)
			return p
		}, "error:changed_quote", true},
		{"marks deleted", func(s *editor.Story, p []editor.Person) []editor.Person {
			s.Body = strings.NewReplacer("“There", "There", "government.”", "government.").Replace(s.Body)
			return p
		}, "error:missing_quote", true},
		{"unattributed quote", func(s *editor.Story, p []editor.Person) []editor.Person {
			s.Body += "\n\nA source said: “They knew all along.”"
			return p
		}, "warning:unattributed_quote", false},
		{"scare quotes are not quotes", func(s *editor.Story, p []editor.Person) []editor.Person {
			s.Body += "\n\nThe so-called “experts” disagreed on “Newsnight Live Tonight”."
			return p
		}, "", false},
		{"speaker never named", func(s *editor.Story, p []editor.Person) []editor.Person {
			s.Body = strings.Replace(s.Body, "Mr Cleverly replied", "The minister replied", 1)
			s.Quotes[1].Anchor = editor.NewAnchor(s.Body, editor.QuotedSpans(s.Body)[1].Start, editor.QuotedSpans(s.Body)[1].End)
			return p
		}, "error:unnamed_speaker", true},
		{"organisation named at a sentence start", func(s *editor.Story, p []editor.Person) []editor.Person {
			s.Body += "\n\nThe Chinese government said: “We deny it all, every word.”"
			sp := editor.QuotedSpans(s.Body)[2]
			s.Quotes = append(s.Quotes, editor.Quote{ID: "q3", Speaker: "the Chinese government", Text: s.Body[sp.Start:sp.End], Source: "statement", Anchor: editor.NewAnchor(s.Body, sp.Start, sp.End), ConfirmedBy: "Desk editor"})
			return p
		}, "", false},
		{"no source", func(s *editor.Story, p []editor.Person) []editor.Person {
			s.Quotes[0].Source = ""
			return p
		}, "warning:no_source", false},
		{"no headline, no credit", func(s *editor.Story, p []editor.Person) []editor.Person {
			s.Headline, s.Credit = "", ""
			return p
		}, "error:required_field warning:required_field", true},
		{"straight marks", func(s *editor.Story, p []editor.Person) []editor.Person {
			s.Body = strings.NewReplacer("“", `"`, "”", `"`).Replace(s.Body)
			return p
		}, "info:straight_quotes", false},
	}
	for _, tt := range tests {
		s, people := checkedStory(t)
		people = tt.edit(s, people)
		fs := editor.Check(s, people)
		if got := kinds(fs); got != tt.want || editor.HasErrors(fs) != tt.errors {
			t.Errorf("%s: Check() = %q (%v), want %q", tt.name, got, fs, tt.want)
		}
	}
}

func TestCheckNamesTheChangedWord(t *testing.T) {
	s, people := checkedStory(t)
	s.Body = strings.Replace(s.Body, "direct threat", "direct menace", 1)
	fs := editor.Check(s, people)
	if len(fs) != 1 || !strings.Contains(fs[0].Message, "threat → menace") || fs[0].QuoteID != s.Quotes[0].ID {
		t.Fatalf("Check() = %+v, want one changed quote naming “threat → menace”", fs)
	}
	if got := s.Body[fs[0].Start:fs[0].End]; !strings.Contains(got, "direct menace") {
		t.Errorf("finding covers %q, want the changed quote", got)
	}
}

func TestFindAndMergePerson(t *testing.T) {
	dir := []editor.Person{{ID: "a", Name: "James Cleverly", Role: "Foreign Office minister"}, {ID: "b", Name: "Iain  Duncan Smith"}}
	found := editor.Person{Name: "iain duncan smith", Honorific: "Sir", ShortName: "Sir Iain", Role: "MP"}
	i := editor.FindPerson(dir, found)
	if i != 1 {
		t.Fatalf("FindPerson(%q) = %d, want 1", found.Name, i)
	}
	got := editor.MergePerson(dir[i], found)
	want := editor.Person{ID: "b", Name: "Iain  Duncan Smith", Honorific: "Sir", ShortName: "Sir Iain", Role: "MP"}
	if got != want {
		t.Errorf("MergePerson() = %+v, want %+v", got, want)
	}
	if kept := editor.MergePerson(dir[0], editor.Person{Name: "James Cleverly", Role: "Home Secretary"}); kept.Role != "Foreign Office minister" {
		t.Errorf("MergePerson() role = %q, want the directory's %q kept", kept.Role, "Foreign Office minister")
	}
	if i := editor.FindPerson(dir, editor.Person{Name: "Keir Starmer"}); i != -1 {
		t.Errorf("FindPerson(unknown) = %d, want -1", i)
	}
}

// TestNoSourceNamesItsQuote: two quotes by one speaker with no source are
// two warnings a subeditor can tell apart.
func TestNoSourceNamesItsQuote(t *testing.T) {
	s := &editor.Story{Headline: "H", Byline: "B", Credit: "C", Status: editor.StatusDraft,
		Body: "The minister, Jane Roe, said: “We will build the bridge.” Later Ms Roe said: “The money is there.”"}
	for _, sp := range editor.QuotedSpans(s.Body) {
		s.Quotes = append(s.Quotes, editor.Quote{ID: "q" + string(rune('a'+len(s.Quotes))), Speaker: "Jane Roe", Text: editor.QuoteWords(s.Body[sp.Start:sp.End]), Anchor: editor.NewAnchor(s.Body, sp.Start, sp.End)})
	}
	var got []string
	for _, f := range editor.Check(s, nil) {
		if f.Kind == editor.KindNoSource {
			got = append(got, f.Message)
		}
	}
	want := []string{
		"the quote by Jane Roe “We will build the bridge.” has no source; note where the words came from",
		"the quote by Jane Roe “The money is there.” has no source; note where the words came from",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("no-source warnings =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
