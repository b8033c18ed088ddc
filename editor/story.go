package editor

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Story is an article as the desk works on it. Body is Markdown. The JSON field
// names are part of the command line's contract (DESIGN.md, "show --json").
type Story struct {
	ID         string   `json:"id"`
	Slug       string   `json:"slug"`
	Kicker     string   `json:"kicker"`
	Headline   string   `json:"headline"`
	Standfirst string   `json:"standfirst"`
	Byline     string   `json:"byline"`
	Dateline   string   `json:"dateline"`
	Body       string   `json:"body"`
	Credit     string   `json:"credit"`
	Section    string   `json:"section"`
	Tags       []string `json:"tags"`
	Status     Status   `json:"status"`
	RulesPage  string   `json:"rules_page"`
	// TargetWords is the length the story is wanted at, in body words
	// ("400"), or "" for none; see LengthAgainst.
	TargetWords string       `json:"target_words"`
	Revision    int          `json:"revision"`
	CreatedAt   time.Time    `json:"created_at"`
	UpdatedAt   time.Time    `json:"updated_at"`
	PublishedAt *time.Time   `json:"published_at"`
	Quotes      []Quote      `json:"quotes"`
	Corrections []Correction `json:"corrections"`
	// The newsroom fields, from wire feeds and for the desk (DESIGN.md's data
	// model), each omitted from JSON when empty. EdNote is never exported;
	// Aliases are old paths of the story that the export redirects.
	Urgency  int        `json:"urgency,omitempty"`
	Slugline string     `json:"slugline,omitempty"`
	Embargo  *time.Time `json:"embargo,omitempty"`
	Expires  *time.Time `json:"expires,omitempty"`
	Subjects []Subject  `json:"subjects,omitempty"`
	Genre    string     `json:"genre,omitempty"`
	EdNote   string     `json:"ed_note,omitempty"`
	Language string     `json:"language,omitempty"`
	Rights   string     `json:"rights,omitempty"`
	Source   string     `json:"source,omitempty"`
	Media    []Media    `json:"media,omitempty"`
	FeedID   string     `json:"feed_id,omitempty"`
	Aliases  []string   `json:"aliases,omitempty"`
}

// Validate reports the first field that cannot be saved, naming it.
func (s *Story) Validate() error {
	if ps := s.fieldProblems(); len(ps) > 0 {
		return ps[0].err
	}
	if err := s.Status.Validate(); err != nil {
		return err
	}
	if err := s.typedProblem(); err != nil {
		return err
	}
	for i := range s.Quotes {
		if err := s.Quotes[i].Validate(); err != nil {
			if ve, ok := err.(*ValidationError); ok {
				return &ValidationError{Field: "quotes[" + itoa(i) + "]." + ve.Field, Problem: ve.Problem}
			}
			return err
		}
	}
	return nil
}

// fieldProblem is a field's value that a save would refuse: a text field's
// or the tags' (item is the tag's index, -1 for the field as a whole);
// tooLong marks one refused only for its length.
type fieldProblem struct {
	field   string
	item    int
	err     *ValidationError
	tooLong bool
}

// fieldProblems lists what a save would refuse in the text fields and the
// tags, in the order of StoryFields: the one check behind both Validate and
// the length findings of Check.
func (s *Story) fieldProblems() []fieldProblem {
	var out []fieldProblem
	add := func(field string, item int, err error, tooLong bool) {
		if err != nil {
			out = append(out, fieldProblem{field: field, item: item, err: err.(*ValidationError), tooLong: tooLong})
		}
	}
	for _, f := range storyFields {
		v := f.Get(s)
		add(f.Name, -1, f.malformed(v), false)
		add(f.Name, -1, f.tooLong(v), true)
	}
	if len(s.Tags) > TagsMax {
		add("tags", -1, invalid("tags", "has %d tags; the limit is %d", len(s.Tags), TagsMax), true)
	}
	for i, t := range s.Tags {
		field := "tags[" + itoa(i) + "]"
		if strings.TrimSpace(t) == "" {
			add("tags", i, invalid(field, "is empty"), false)
		}
		add("tags", i, checkSingleLine(field, t), false)
		add("tags", i, checkLen(field, t, TagMax), true)
	}
	return out
}

// Normalize tidies what a person typed without changing its meaning: trims
// the text fields, makes a line break in a single-line field (the headline,
// a tag) a space, drops empty and repeated tags, ends the body with no
// trailing space, and uses "\n" line endings.
func (s *Story) Normalize() {
	for _, f := range storyFields {
		f.Set(s, f.Lines.normalize(f.Get(s)))
	}
	s.Tags = cleanTags(s.Tags)
	if s.Status == "" {
		s.Status = StatusDraft
	}
}

// Title is what a list shows for the story: its headline, or the first words of
// its body when it has none yet.
func (s *Story) Title() string {
	if s.Headline != "" {
		return s.Headline
	}
	if words := strings.Fields(s.Body); len(words) > 0 {
		if len(words) > 10 {
			return strings.Join(words[:10], " ") + "…"
		}
		return strings.Join(words, " ")
	}
	return "Untitled story"
}

// SlugBase is the slug a new story gets before it is made unique.
func (s *Story) SlugBase() string {
	if s.Headline != "" {
		return Slugify(s.Headline)
	}
	return Slugify(strings.Join(firstWords(s.Body, 8), " "))
}

// Words is the story's length: its body words, counted by CountWords. It is
// the one word count everywhere: the editor's count and length target, the
// revision history, show, and the export's JSON-LD and ninjs.
func (s *Story) Words() int { return CountWords(s.Body) }

// Length is a story's length against its target.
type Length struct {
	Words  int // body words, as Story.Words counts them
	Target int // the target in words; 0 for none
	// Diff is Words - Target: over the target when positive.
	Diff int
	// Off is set when the length is a tenth of the target or more over or
	// under it, which the editor shows in amber.
	Off bool
}

// LengthAgainst measures words of body against the target in a story's
// TargetWords; a target that is not a number is none.
func LengthAgainst(words int, target string) Length {
	l := Length{Words: words}
	if t, ok := parseCount(target); ok {
		l.Target, l.Diff = t, words-t
		l.Off = 10*abs(l.Diff) >= t
	}
	return l
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// storyContent is what a revision of a story holds: every field a person edits.
// Its JSON encoding is hashed, so its field order is fixed by this declaration.
type storyContent struct {
	Slug       string   `json:"slug"`
	Headline   string   `json:"headline"`
	Standfirst string   `json:"standfirst"`
	Byline     string   `json:"byline"`
	Dateline   string   `json:"dateline"`
	Body       string   `json:"body"`
	Credit     string   `json:"credit"`
	Section    string   `json:"section"`
	Tags       []string `json:"tags"`
	Status     Status   `json:"status"`
	RulesPage  string   `json:"rules_page"`
	Quotes     []Quote  `json:"quotes"`
	// Fields added since the first revisions were saved go here, last and
	// omitted when empty, so that those revisions' bytes and hashes stay.
	Kicker      string     `json:"kicker,omitempty"`
	TargetWords string     `json:"target_words,omitempty"`
	Urgency     int        `json:"urgency,omitempty"`
	Slugline    string     `json:"slugline,omitempty"`
	Embargo     *time.Time `json:"embargo,omitempty"`
	Expires     *time.Time `json:"expires,omitempty"`
	Subjects    []Subject  `json:"subjects,omitempty"`
	Genre       string     `json:"genre,omitempty"`
	EdNote      string     `json:"ed_note,omitempty"`
	Language    string     `json:"language,omitempty"`
	Rights      string     `json:"rights,omitempty"`
	Source      string     `json:"source,omitempty"`
	Media       []Media    `json:"media,omitempty"`
	FeedID      string     `json:"feed_id,omitempty"`
	Aliases     []string   `json:"aliases,omitempty"`
}

// Content is the story's revision content: a canonical JSON encoding of every
// edited field and its quotes, the same for the same content.
func (s *Story) Content() []byte {
	tags := s.Tags
	if tags == nil {
		tags = []string{}
	}
	quotes := s.Quotes
	if quotes == nil {
		quotes = []Quote{}
	}
	b, err := json.Marshal(storyContent{
		Slug: s.Slug, Headline: s.Headline, Standfirst: s.Standfirst, Byline: s.Byline,
		Dateline: s.Dateline, Body: s.Body, Credit: s.Credit, Section: s.Section,
		Tags: tags, Status: s.Status, RulesPage: s.RulesPage, Quotes: quotes, Kicker: s.Kicker,
		TargetWords: s.TargetWords,
		Urgency:     s.Urgency, Slugline: s.Slugline, Embargo: utcOrNil(s.Embargo), Expires: utcOrNil(s.Expires),
		Subjects: s.Subjects, Genre: s.Genre, EdNote: s.EdNote, Language: s.Language, Rights: s.Rights,
		Source: s.Source, Media: s.Media, FeedID: s.FeedID, Aliases: s.Aliases,
	})
	if err != nil {
		panic("editor: story content does not encode: " + err.Error())
	}
	return b
}

// ApplyContent sets the story's edited fields from revision content made by Content.
func (s *Story) ApplyContent(content []byte) error {
	var c storyContent
	if err := json.Unmarshal(content, &c); err != nil {
		return err
	}
	s.Slug, s.Headline, s.Standfirst, s.Byline = c.Slug, c.Headline, c.Standfirst, c.Byline
	s.Dateline, s.Body, s.Credit, s.Section = c.Dateline, c.Body, c.Credit, c.Section
	s.Tags, s.Status, s.RulesPage, s.Quotes = c.Tags, c.Status, c.RulesPage, c.Quotes
	s.Kicker, s.TargetWords = c.Kicker, c.TargetWords
	s.Urgency, s.Slugline, s.Embargo, s.Expires = c.Urgency, c.Slugline, c.Embargo, c.Expires
	s.Subjects, s.Genre, s.EdNote, s.Language, s.Rights = c.Subjects, c.Genre, c.EdNote, c.Language, c.Rights
	s.Source, s.Media, s.FeedID, s.Aliases = c.Source, c.Media, c.FeedID, c.Aliases
	return nil
}

// utcOrNil is a time in UTC, so that the same instant hashes the same.
func utcOrNil(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC()
	return &u
}

// ContentHash is the hex SHA-256 of revision content.
func ContentHash(content []byte) string {
	sum := sha256.Sum256(content)
	return hex.EncodeToString(sum[:])
}

// CountWords counts the words of s, as runs of characters between spaces
// (what strings.Fields splits on). It allocates nothing: the editor counts
// a long body on every keystroke.
func CountWords(s string) int {
	n, inWord := 0, false
	for i := 0; i < len(s); {
		c := s[i]
		var space bool
		if c < utf8.RuneSelf {
			space = asciiSpace[c]
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
			i += size
		}
		if !space && !inWord {
			n++
		}
		inWord = !space
	}
	return n
}

var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

func firstWords(s string, n int) []string {
	words := strings.Fields(s)
	if len(words) > n {
		words = words[:n]
	}
	return words
}

func cleanTags(tags []string) []string {
	seen := make(map[string]bool, len(tags))
	out := make([]string, 0, len(tags))
	for _, t := range tags {
		t = strings.TrimSpace(joinLines(strings.ToValidUTF8(t, "\uFFFD")))
		key := strings.ToLower(t)
		if t == "" || seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, t)
	}
	return out
}

func normalizeNewlines(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// lineBreaks are the characters that end a line: LF, CR, VT, FF, NEL and
// Unicode's line and paragraph separators (U+2028 is InDesign's forced
// line break, which pastes into a headline unseen).
const lineBreaks = "\n\r\v\f\u0085\u2028\u2029"

// joinLines makes each line break a space, "\r\n" one space, for a field
// that must fit on one line: words either side stay apart.
func joinLines(s string) string {
	if !strings.ContainsAny(s, lineBreaks) {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", " ")
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(lineBreaks, r) {
			return ' '
		}
		return r
	}, s)
}

func itoa(i int) string { return strconv.Itoa(i) }

// StorySummary is a story as a list shows it.
type StorySummary struct {
	ID        string    `json:"id"`
	Slug      string    `json:"slug"`
	Headline  string    `json:"headline"`
	Title     string    `json:"title"` // the headline, or the first words of the body
	Status    Status    `json:"status"`
	Section   string    `json:"section"`
	Revision  int       `json:"revision"`
	UpdatedAt time.Time `json:"updated_at"`
	Urgency   int       `json:"urgency,omitempty"`
	Slugline  string    `json:"slugline,omitempty"`
}

// StoryOrder is the order a story list is in.
type StoryOrder string

// The orders of the story list. Ties keep the newest change first.
const (
	OrderNewest   StoryOrder = ""         // the most recently changed first
	OrderUrgency  StoryOrder = "urgency"  // urgency 1 (most urgent) first, stories with none last
	OrderSlugline StoryOrder = "slugline" // slugline A to Z, stories with none last
)

// StoryOrders are the list's orders, as the app offers them.
var StoryOrders = []StoryOrder{OrderNewest, OrderUrgency, OrderSlugline}

// Label is the order's name in the app.
func (o StoryOrder) Label() string {
	switch o {
	case OrderUrgency:
		return "Urgency"
	case OrderSlugline:
		return "Slugline"
	}
	return "Newest"
}

// OrderBy is the SQL ORDER BY clause for this order, the same in SQLite and
// PostgreSQL; an unknown order is the newest first.
func (o StoryOrder) OrderBy() string {
	const newest = "updated_at DESC, id"
	switch o {
	case OrderUrgency:
		return "urgency = 0, urgency, " + newest
	case OrderSlugline:
		return "slugline = '', lower(slugline), slugline, " + newest
	}
	return newest
}

// StoryFilter selects a window of the story list, newest change first
// unless Order says otherwise.
type StoryFilter struct {
	Status Status // empty for every status
	Order  StoryOrder
	// HideSpiked leaves spiked stories out when Status is empty: the app's
	// "All statuses" lists the working stories, and Spiked lists the rest.
	HideSpiked bool
	Offset     int
	Limit      int // 0 for no limit
}
