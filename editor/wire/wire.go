// Package wire reads what a desk imports (agency copy in NITF, NewsML,
// ninjs, ANPA 1312, IPTC 7901 or plain text, and posts of Hugo, Jekyll and
// Zola archives) into a story, with the feed's own metadata, and finds its
// quotes and who said each. One small reader per format; ParseFile chooses.
package wire

import (
	"strings"
	"time"
	"unicode/utf8"

	"copydesk/editor"
)

// Result is what a wire file holds. Its JSON encoding is the output of
// `copydesk import --dry-run --json`.
type Result struct {
	File        string        `json:"file,omitempty"` // the file's name, when read in a Batch
	Format      string        `json:"format"`
	Story       Story         `json:"story"`
	Meta        Meta          `json:"meta"`
	People      []Person      `json:"people"`
	Quotes      []Quote       `json:"quotes"`
	Boilerplate []Boilerplate `json:"boilerplate"`
	Warnings    []string      `json:"warnings"`

	// notes are warnings a reader's layout made before it knew the file's
	// name; finish names the file in each.
	notes []string
	// text is every text field a post's front matter gives, read by the one
	// field table (editor.StoryFields); ToStory fills from it each field
	// Story and Meta leave empty, so that a field copydesk adds (the kicker,
	// the length target) comes back from `show --format md` as it went out.
	text editor.Story
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
	// What an archive's post or copydesk's own file says of the story's
	// place and time; empty for agency copy.
	Slug        string        `json:"slug,omitempty"`
	Status      editor.Status `json:"status,omitempty"`
	RulesPage   string        `json:"rules_page,omitempty"`
	CreatedAt   *time.Time    `json:"created_at,omitempty"`
	PublishedAt *time.Time    `json:"published_at,omitempty"`
	UpdatedAt   *time.Time    `json:"updated_at,omitempty"`
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
	// Continues marks the second piece of a quote its attribution
	// interrupts (“…,” she said. “…”): one quotation in two pieces.
	Continues bool `json:"continues,omitempty"`
	// CarriesOn marks a paragraph of quote with no attribution of its own
	// that carries on the quote before it.
	CarriesOn bool `json:"-"`
}

// Boilerplate is site text pasted under a story (comment rules, newsletter
// plugs) or an agency's sign-off (Kind "signoff"), kept apart from the body.
type Boilerplate struct {
	Title string `json:"title"`
	Text  string `json:"text"`
	Kind  string `json:"kind,omitempty"`
}

func (b Boilerplate) kindName() string {
	switch b.Kind {
	case BoilerplateSignoff:
		return "agency sign-off"
	case BoilerplatePromo:
		return "promotional line"
	}
	return "site text"
}

// findQuotes detects the body's quotes, attributes them and lists the people
// quoted.
func (r *Result) findQuotes(name string) {
	var notes []string
	r.Quotes, r.People, notes = findAll(r.Story.Body, DefaultSpeakerModel())
	for _, n := range notes {
		r.Warnings = append(r.Warnings, name+": "+n)
	}
}

// FindQuotes finds the quotes of a story body, who said each, and the people
// quoted. It is what Parse does with the body it reads; the desktop app may
// call it on a body being edited, to offer the quotes it finds for
// attribution.
func FindQuotes(body string) ([]Quote, []Person) {
	qs, people, _ := findAll(body, DefaultSpeakerModel())
	return qs, people
}

// FindQuotesWith is FindQuotes with the speaker ranker's weights given; nil
// leaves the choice to the attribution rules alone.
func FindQuotesWith(body string, model *SpeakerModel) ([]Quote, []Person) {
	qs, people, _ := findAll(body, model)
	return qs, people
}

func findAll(body string, model *SpeakerModel) (quotes []Quote, people []Person, notes []string) {
	qs, masked := findQuotes(body)
	c := &cast{masked: masked}
	for i := range qs {
		qs[i].scare = qs[i].speaker.kind == mentionNone && isScareQuote(body, qs[i])
	}
	if model != nil && len(qs) > 0 {
		c.toks = tokenize(masked, 0, len(masked))
		rankSpeakers(body, masked, c.toks, paragraphsOf(body), qs, model)
	}
	quotes = []Quote{}
	prevSpeaker := ""
	for _, d := range qs {
		who := c.resolve(d.speaker, d.span.Open)
		if d.scare {
			continue
		}
		q := Quote{
			Text:    editor.QuoteWords(body[d.span.Start:d.span.End]),
			Speaker: who.speaker(), Role: who.role, Verb: d.verb, Partial: d.partial,
			Start: d.span.Start, End: d.span.End, CarriesOn: d.carriesOn,
		}
		q.Continues = d.continues && len(quotes) > 0 && q.Speaker != "" && q.Speaker == prevSpeaker
		prevSpeaker = q.Speaker
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
