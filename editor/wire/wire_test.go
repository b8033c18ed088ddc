package wire_test

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"copydesk/editor"
	"copydesk/editor/wire"
)

func readSample(t *testing.T) *wire.Result {
	t.Helper()
	data, err := os.ReadFile("testdata/pa-duncan-smith-china-threat.txt")
	if err != nil {
		t.Fatal(err)
	}
	r, err := wire.ParseFile("pa-duncan-smith-china-threat.txt", data)
	if err != nil {
		t.Fatalf("Parse(sample) = %v", err)
	}
	return r
}

// TestParseSample checks the canonical sample against the list: the
// credit, the boilerplate, every quote with its speaker, and the people.
func TestParseSample(t *testing.T) {
	r := readSample(t)
	if r.Format != wire.FormatText {
		t.Errorf("Format = %q, want %q", r.Format, wire.FormatText)
	}
	if got, want := r.Story.Credit, "Reporting by Press Association."; got != want {
		t.Errorf("Credit = %q, want %q", got, want)
	}
	if len(r.Boilerplate) != 1 || r.Boilerplate[0].Title != "Comments: Our rules" {
		t.Errorf("Boilerplate = %+v, want one block titled %q", r.Boilerplate, "Comments: Our rules")
	}
	for _, s := range []string{"Comments: Our rules", "Read the rules here", "Reporting by Press Association."} {
		if strings.Contains(r.Story.Body, s) {
			t.Errorf("Body holds %q, want it kept out", s)
		}
	}
	if !strings.HasSuffix(r.Story.Body, "several prominent Chinese officials.") {
		t.Errorf("Body ends %q, want the last paragraph of the story", r.Story.Body[len(r.Story.Body)-40:])
	}
	if n := strings.Count(r.Story.Body, "\n\n"); n != 9 {
		t.Errorf("Body has %d paragraph breaks, want 9", n)
	}

	want := []struct {
		first, last, speaker string
		partial              bool
	}{
		{"direct threat", "direct threat", "Iain Duncan Smith", true},
		{"I understand now", "like other allies have done?", "Iain Duncan Smith", false},
		{"He will understand", "against those.", "James Cleverly", false},
		{"Chinese state-backed groups", "Chinese state-backed groups", "James Cleverly", true},
		{"maliciously spreading lies and disinformation", "maliciously spreading lies and disinformation", "the Chinese government", true},
	}
	if len(r.Quotes) != len(want) {
		t.Fatalf("got %d quotes %+v, want %d", len(r.Quotes), r.Quotes, len(want))
	}
	for i, w := range want {
		q := r.Quotes[i]
		if !strings.HasPrefix(q.Text, w.first) || !strings.HasSuffix(q.Text, w.last) || q.Speaker != w.speaker || q.Partial != w.partial {
			t.Errorf("quote %d = %q by %q (partial %v), want %q…%q by %q (partial %v)", i, q.Text, q.Speaker, q.Partial, w.first, w.last, w.speaker, w.partial)
		}
		if got := editor.QuoteWords(r.Story.Body[q.Start:q.End]); got != q.Text {
			t.Errorf("quote %d: Body[%d:%d] = %q, want its text %q", i, q.Start, q.End, got, q.Text)
		}
	}
	if got := strings.Count(r.Quotes[1].Text, "\n\n"); got != 2 {
		t.Errorf("the long quote runs over %d paragraphs, want 3", got+1)
	}
	if strings.Contains(r.Quotes[1].Text, "“") {
		t.Errorf("the long quote's text %q holds an opening mark, want the marks left out", r.Quotes[1].Text)
	}
	if got, want := r.Quotes[1].SpeakerMention, "Sir Iain"; got != want {
		t.Errorf("long quote's SpeakerMention = %q, want %q", got, want)
	}
	if got, want := r.Quotes[3].SpeakerMention, "Mr Cleverly"; got != want {
		t.Errorf("fourth quote's SpeakerMention = %q, want %q", got, want)
	}

	people := []wire.Person{
		{Name: "Iain Duncan Smith", Honorific: "Sir", ShortName: "Sir Iain", Role: "Chingford and Woodford Green MP"},
		{Name: "James Cleverly", ShortName: "Mr Cleverly", Role: "Foreign Office minister", Organisation: "Foreign Office"},
	}
	if len(r.People) != len(people) {
		t.Fatalf("People = %+v, want %+v", r.People, people)
	}
	for i := range people {
		if r.People[i] != people[i] {
			t.Errorf("People[%d] = %+v, want %+v", i, r.People[i], people[i])
		}
	}
}

func TestDraftAnchorsQuotes(t *testing.T) {
	r := readSample(t)
	s, people := r.ToStory()
	if len(s.Quotes) != len(r.Quotes) || len(people) != len(r.People) {
		t.Fatalf("Draft() = %d quotes and %d people, want %d and %d", len(s.Quotes), len(people), len(r.Quotes), len(r.People))
	}
	for i, q := range s.Quotes {
		if q.SourceKind != editor.SourceWire || q.Source == "" || q.Speaker != r.Quotes[i].Speaker {
			t.Errorf("quote %d = %+v, want source kind wire, a source and speaker %q", i, q, r.Quotes[i].Speaker)
		}
		if p := editor.Place(s.Body, q); p.State != editor.QuoteStateOK || p.Anchor.Start != q.Anchor.Start {
			t.Errorf("Place(quote %d) = %v at %d, want ok at %d", i, p.State, p.Anchor.Start, q.Anchor.Start)
		}
		if err := q.Validate(); err != nil {
			t.Errorf("quote %d: Validate() = %v", i, err)
		}
	}
	if err := s.Validate(); err != nil {
		t.Errorf("Draft story: Validate() = %v", err)
	}
}

func TestDraftLeavesUnattributedQuotesToTheDesk(t *testing.T) {
	r, err := wire.ParseFile("x.txt", []byte("Vote held\nThe council met.\nThere was a “long and winding road ahead of us” somewhere.\n“We won,” Jane Doe said."))
	if err != nil {
		t.Fatal(err)
	}
	s, _ := r.ToStory()
	if len(r.Quotes) != 2 || len(s.Quotes) != 1 || s.Quotes[0].Speaker != "Jane Doe" {
		t.Fatalf("Parse() quotes %+v, Draft() quotes %+v; want two found and the attributed one recorded", r.Quotes, s.Quotes)
	}
	fs := editor.Check(&s, nil)
	found := false
	for _, f := range fs {
		found = found || f.Kind == editor.KindUnattributed && strings.Contains(s.Body[f.Start:f.End], "winding road")
	}
	if !found {
		t.Errorf("Check(draft) = %+v, want the unattributed quote reported", fs)
	}
}

func TestParseErrorsNameTheFile(t *testing.T) {
	tests := []struct {
		name, in string
		line     int
	}{
		{"empty", "  \n\n", 0},
		{"broken xml", "<nitf>\n<body>\n<p>Text</body>\n</nitf>", 3},
		{"other xml", "<?xml version=\"1.0\"?>\n<rss><channel/></rss>", 0},
		{"nitf without text", "<nitf><head><title>T</title></head><body/></nitf>", 0},
	}
	for _, tt := range tests {
		_, err := wire.ParseFile("in.txt", []byte(tt.in))
		var fe *editor.FileError
		if !errors.As(err, &fe) {
			t.Errorf("%s: Parse(%q) error = %v, want a *editor.FileError", tt.name, tt.in, err)
			continue
		}
		if fe.Name != "in.txt" || fe.Line != tt.line {
			t.Errorf("%s: Parse(%q) error = %v (line %d), want in.txt line %d", tt.name, tt.in, err, fe.Line, tt.line)
		}
	}
}

// TestSampleCheck is the second check: one word changed inside a
// quote is reported as a changed quote naming the word; a quote whose marks
// are deleted is reported missing.
func TestSampleCheck(t *testing.T) {
	r := readSample(t)
	s, people := r.ToStory()
	s.Headline, s.Byline, s.Section, s.Standfirst = "Duncan Smith: China is targeting me", "PA", "politics", "Sir Iain raised it in the Commons."
	for i := range s.Quotes {
		s.Quotes[i].ID = fmt.Sprintf("q%d", i)
	}
	if fs := editor.Check(&s, people); editor.HasErrors(fs) {
		t.Fatalf("Check(imported sample) = %+v, want no errors", fs)
	}

	changed := s
	changed.Body = strings.Replace(s.Body, "He will understand that we don’t discuss", "He will understand that we never discuss", 1)
	fs := editor.Check(&changed, people)
	if len(fs) == 0 || fs[0].Kind != editor.KindChangedQuote || fs[0].QuoteID != "q2" || !strings.Contains(fs[0].Message, "don’t → never") {
		t.Errorf("Check(one word changed) = %+v, want a changed quote q2 naming “don’t → never”", fs)
	}

	missing := s
	missing.Body = strings.NewReplacer("replied: “He will", "replied: He will", "against those.”", "against those.").Replace(s.Body)
	fs = editor.Check(&missing, people)
	if len(fs) == 0 || fs[0].Kind != editor.KindMissingQuote || fs[0].QuoteID != "q2" {
		t.Errorf("Check(marks deleted) = %+v, want quote q2 missing", fs)
	}
}

func TestParseNITF(t *testing.T) {
	doc := `<?xml version="1.0" encoding="UTF-8"?>
<nitf version="-//IPTC//DTD NITF 3.6//EN">
  <head>
    <title>Ignored title</title>
    <pubdata type="web" position.section="Politics"/>
    <docdata><key-list><keyword key="China"/><keyword key="Parliament"/></key-list></docdata>
  </head>
  <body>
    <body.head>
      <hedline><hl1>MP says China targets him</hl1><hl2>Sir Iain raises intelligence in the Commons</hl2></hedline>
      <byline>By <person>Jane Reporter</person></byline>
      <dateline>LONDON</dateline>
    </body.head>
    <body.content>
      <p>LONDON (PA) — Chingford MP Sir Iain Duncan Smith said there was a &#8220;direct threat&#8221; to him.</p>
      <p>&#8220;We were warned,&#8221; he said. &#8220;It is <em>serious</em>.&#8221;</p>
      <p>Reporting by Press Association.</p>
    </body.content>
  </body>
</nitf>`
	r, err := wire.ParseFile("story.xml", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	got := []string{r.Format, r.Story.Headline, r.Story.Standfirst, r.Story.Byline, r.Story.Dateline, r.Story.Section, strings.Join(r.Story.Tags, ","), r.Story.Credit}
	want := []string{"nitf", "MP says China targets him", "Sir Iain raises intelligence in the Commons", "Jane Reporter", "LONDON", "Politics", "China,Parliament", "Reporting by Press Association."}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("Parse(NITF) field %d = %q, want %q", i, got[i], want[i])
		}
	}
	if wantBody := "Chingford MP Sir Iain Duncan Smith said there was a “direct threat” to him.\n\n“We were warned,” he said. “It is *serious*.”"; r.Story.Body != wantBody {
		t.Errorf("Parse(NITF) body = %q, want %q", r.Story.Body, wantBody)
	}
	if len(r.Quotes) != 3 {
		t.Fatalf("Parse(NITF) quotes = %+v, want 3", r.Quotes)
	}
	for _, q := range r.Quotes {
		if q.Speaker != "Iain Duncan Smith" {
			t.Errorf("quote %q speaker = %q, want Iain Duncan Smith", q.Text, q.Speaker)
		}
	}
	if !r.Quotes[2].Continues || r.Quotes[1].SpeakerMention != "he" {
		t.Errorf("quotes = %+v, want the third to continue the second, said by “he”", r.Quotes)
	}
}

func TestParseTextNoFalseByline(t *testing.T) {
	r, err := wire.ParseFile("x.txt", []byte("Council vote\nBy Monday, the council had voted.\nMore."))
	if err != nil {
		t.Fatal(err)
	}
	if r.Story.Byline != "" || !strings.HasPrefix(r.Story.Body, "By Monday") {
		t.Errorf("Parse() byline %q body %q, want no byline and the sentence kept", r.Story.Byline, r.Story.Body)
	}
}

func TestParseTextLayout(t *testing.T) {
	in := "Storm hits the coast\nBy Jane Smith\nDOVER (AP) — Winds battered the town, a “freak event” officials said.\nMore text here.\n— AP\nSign up to our newsletter\nGet the news first."
	r, err := wire.ParseFile("storm.txt", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	got := []string{r.Story.Headline, r.Story.Byline, r.Story.Dateline, r.Story.Credit, r.Story.Body}
	want := []string{"Storm hits the coast", "Jane Smith", "DOVER (AP)", "— AP", "Winds battered the town, a “freak event” officials said.\n\nMore text here."}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("Parse(text) field %d = %q, want %q", i, got[i], want[i])
		}
	}
	if len(r.Boilerplate) != 1 || r.Boilerplate[0].Title != "Sign up to our newsletter" {
		t.Errorf("Boilerplate = %+v, want the newsletter block", r.Boilerplate)
	}
}

// TestLongTextNamesWhereItPassesTheLimit: wire copy too long for one story
// is refused naming the paragraph where it passes the limit, not the file's
// last line.
func TestLongTextNamesWhereItPassesTheLimit(t *testing.T) {
	para := strings.Repeat("word ", 199) + "end.\n\n" // 999 bytes of text and a blank line
	// Each paragraph adds its 999 bytes and the blank line before it to the
	// body: paragraph n is the one that passes the limit.
	n := editor.BodyMax/len(para) + 1
	data := []byte(strings.Repeat(para, n+200))
	_, err := wire.ParseFile("long.txt", data)
	var fe *editor.FileError
	if !errors.As(err, &fe) || fe.Line != 2*n-1 || !strings.Contains(err.Error(), "passes 1048576 bytes") {
		t.Errorf("Parse(%d paragraphs of 1,000 bytes) = %v, want an error on line %d, where paragraph %d starts", n+200, err, 2*n-1, n)
	}
}
