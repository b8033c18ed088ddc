// Package wire reads agency copy (plain-text wire stories and NITF 3.x XML)
// into a draft story, and finds its quotes and who said each.
package wire

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"copydesk/editor"
)

// Formats that Parse recognises.
const (
	FormatText = "text"
	FormatNITF = "nitf"
)

// Result is what a wire file holds. Its JSON encoding is the output of
// `copydesk import --dry-run --json`.
type Result struct {
	Format      string        `json:"format"`
	Story       Story         `json:"story"`
	People      []Person      `json:"people"`
	Quotes      []Quote       `json:"quotes"`
	Boilerplate []Boilerplate `json:"boilerplate"`
	Warnings    []string      `json:"warnings"`
}

// Story is the story's fields as read from the file.
type Story struct {
	Headline   string   `json:"headline"`
	Standfirst string   `json:"standfirst"`
	Byline     string   `json:"byline"`
	Dateline   string   `json:"dateline"`
	Body       string   `json:"body"`
	Credit     string   `json:"credit"`
	Section    string   `json:"section"`
	Tags       []string `json:"tags"`
}

// Person is someone quoted in the story.
type Person struct {
	Name         string `json:"name"`
	Honorific    string `json:"honorific"`
	ShortName    string `json:"short_name"`
	Role         string `json:"role"`
	Organisation string `json:"organisation"`
}

// Quote is a quotation found in the body. Start and End are byte offsets of
// its words in Story.Body, end exclusive; a quote over several paragraphs
// spans from its first word to its last.
type Quote struct {
	Text           string `json:"text"`
	Speaker        string `json:"speaker"`         // full name of the person or organisation
	SpeakerMention string `json:"speaker_mention"` // the words that name them here: "Sir Iain", "he"
	Role           string `json:"role"`
	Verb           string `json:"verb"`
	Partial        bool   `json:"partial"`
	Start          int    `json:"start"`
	End            int    `json:"end"`
	// Continues is set when the quote carries on the one before it: after
	// the attribution that interrupts it (“…,” she said. “…”), or in a new
	// paragraph of quote with no attribution of its own.
	Continues bool `json:"-"`
}

// Boilerplate is site text pasted under a story (comment rules, newsletter
// plugs), kept apart from the body.
type Boilerplate struct {
	Title string `json:"title"`
	Text  string `json:"text"`
}

// Parse reads wire copy. NITF is recognised by its XML; anything else is read
// as plain text with one paragraph a line or paragraphs between blank lines.
// Errors are *editor.FileError values naming the file and, where it helps,
// the line.
func Parse(name string, data []byte) (*Result, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		return nil, &editor.FileError{Name: name, Line: invalidUTF8Line(data), Err: fmt.Errorf("is not UTF-8 text; save it as UTF-8 and import it again")}
	}
	var r *Result
	var err error
	if looksLikeXML(data) {
		r, err = parseNITF(name, data)
	} else {
		r, err = parseText(name, data)
	}
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(r.Story.Body) == "" {
		return nil, &editor.FileError{Name: name, Err: fmt.Errorf("holds no story text")}
	}
	if r.Story.Headline == "" {
		r.Warnings = append(r.Warnings, name+": no headline found; the story was read without one")
	}
	for _, b := range r.Boilerplate {
		r.Warnings = append(r.Warnings, fmt.Sprintf("%s: site text %q was found under the story and kept out of the body", name, b.Title))
	}
	r.findQuotes(name)
	if r.Story.Tags == nil {
		r.Story.Tags = []string{}
	}
	return r, nil
}

func looksLikeXML(data []byte) bool {
	return bytes.HasPrefix(bytes.TrimSpace(data), []byte("<"))
}

func invalidUTF8Line(data []byte) int {
	line := 1
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size <= 1 {
			return line
		}
		if r == '\n' {
			line++
		}
		data = data[size:]
	}
	return line
}

// findQuotes detects the body's quotes, attributes them and lists the people
// quoted.
func (r *Result) findQuotes(name string) {
	var notes []string
	r.Quotes, r.People, notes = findAll(r.Story.Body)
	for _, n := range notes {
		r.Warnings = append(r.Warnings, name+": "+n)
	}
}

// FindQuotes finds the quotes of a story body, who said each, and the people
// quoted. It is what Parse does with the body it reads; the desktop app may
// call it on a body being edited, to offer the quotes it finds for
// attribution.
func FindQuotes(body string) ([]Quote, []Person) {
	qs, people, _ := findAll(body)
	return qs, people
}

func findAll(body string) (quotes []Quote, people []Person, notes []string) {
	qs, masked := findQuotes(body)
	c := &cast{masked: masked}
	quotes = []Quote{}
	for _, d := range qs {
		who := c.resolve(d.speaker, d.span.Open)
		if who.speaker() == "" && isScareQuote(body, d) {
			continue
		}
		q := Quote{
			Text:    editor.QuoteWords(body[d.span.Start:d.span.End]),
			Speaker: who.speaker(), Role: who.role, Verb: d.verb, Partial: d.partial,
			Start: d.span.Start, End: d.span.End, Continues: d.continues,
		}
		if d.speaker.kind != mentionNone {
			q.SpeakerMention = d.speaker.short()
		}
		quotes = append(quotes, q)
		if q.Speaker == "" {
			notes = append(notes, "no speaker found for the quote "+clip(q.Text))
		}
		if !d.span.Closed() {
			notes = append(notes, "the quote "+clip(q.Text)+" is never closed")
		}
	}
	c.shortNames()
	people = []Person{}
	for _, p := range c.people {
		if !quoted(quotes, p.fullName()) {
			continue
		}
		people = append(people, Person{
			Name: p.fullName(), Honorific: p.honorific, ShortName: p.short, Role: p.role,
			Organisation: organisationOf(p.role),
		})
	}
	return quotes, people, notes
}

func quoted(qs []Quote, name string) bool {
	for _, q := range qs {
		if q.Speaker == name {
			return true
		}
	}
	return false
}

// isScareQuote reports quoted words nobody is said to have said: a word or
// two in quotation marks with no speaker.
func isScareQuote(body string, d detected) bool {
	return len(strings.Fields(body[d.span.Start:d.span.End])) <= 2
}

// isTitle reports a quoted title inside a sentence ("Saturday Night Live",
// "Fox & Friends"): a few words, each capitalised but the small ones.
func isTitle(quoted string) bool {
	words := strings.Fields(quoted)
	if len(words) > 6 {
		return false
	}
	capitals := 0
	for _, w := range words {
		w = strings.Trim(w, ".,;:!?’'‘()")
		t := token{text: w}
		switch {
		case t.capitalised():
			capitals++
		case w == "" || w == "&" || titleSmallWords[strings.ToLower(w)]:
		default:
			return false
		}
	}
	return capitals > 0
}

var titleSmallWords = set("a", "an", "and", "of", "the", "in", "on", "at", "to", "for", "with", "is", "or", "by", "from")

func clip(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) > 40 {
		s = string([]rune(s)[:40]) + "…"
	}
	return "“" + s + "”"
}

// Draft is the result as a draft story with its attributed quotes anchored
// in the body, and the people quoted, ready for the directory. A quote with
// no speaker found gets no record: `check` reports its words as unattributed
// until the desk attributes them. Quotes and people have no IDs yet; storage
// gives them IDs and links each quote to its person by name.
func (r *Result) Draft() (editor.Story, []editor.Person) {
	s := editor.Story{
		Headline: r.Story.Headline, Standfirst: r.Story.Standfirst, Byline: r.Story.Byline,
		Dateline: r.Story.Dateline, Body: r.Story.Body, Credit: r.Story.Credit,
		Section: r.Story.Section, Tags: append([]string{}, r.Story.Tags...), Status: editor.StatusDraft,
	}
	source := r.Story.Credit
	if source == "" {
		source = "wire (" + r.Format + ")"
	}
	s.Quotes = make([]editor.Quote, 0, len(r.Quotes))
	for _, q := range r.Quotes {
		if q.Speaker == "" {
			continue // left for the desk to attribute; check reports it
		}
		s.Quotes = append(s.Quotes, editor.Quote{
			Speaker: q.Speaker, Role: q.Role, Text: q.Text, Verb: q.Verb, Partial: q.Partial,
			SourceKind: editor.SourceWire, Source: source,
			Anchor: editor.NewAnchor(s.Body, q.Start, q.End),
		})
	}
	people := make([]editor.Person, 0, len(r.People))
	for _, p := range r.People {
		people = append(people, editor.Person{
			Name: p.Name, Honorific: p.Honorific, ShortName: p.ShortName, Role: p.Role, Organisation: p.Organisation,
		})
	}
	return s, people
}
