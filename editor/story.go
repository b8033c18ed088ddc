package editor

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Field limits. HeadlineLimit is the house limit an editor sees counted down;
// the Max values are what Validate refuses.
const (
	HeadlineLimit = 90
	HeadlineMax   = 300
	StandfirstMax = 1000
	LineFieldMax  = 200 // byline, dateline, credit, section
	TagMax        = 60
	TagsMax       = 30
	BodyMax       = 1 << 20
)

// Story is an article as the desk works on it. Body is Markdown. The JSON field
// names are part of the command line's contract (DESIGN.md, "show --json").
type Story struct {
	ID          string       `json:"id"`
	Slug        string       `json:"slug"`
	Headline    string       `json:"headline"`
	Standfirst  string       `json:"standfirst"`
	Byline      string       `json:"byline"`
	Dateline    string       `json:"dateline"`
	Body        string       `json:"body"`
	Credit      string       `json:"credit"`
	Section     string       `json:"section"`
	Tags        []string     `json:"tags"`
	Status      Status       `json:"status"`
	RulesPage   string       `json:"rules_page"`
	Revision    int          `json:"revision"`
	CreatedAt   time.Time    `json:"created_at"`
	UpdatedAt   time.Time    `json:"updated_at"`
	PublishedAt *time.Time   `json:"published_at"`
	Quotes      []Quote      `json:"quotes"`
	Corrections []Correction `json:"corrections"`
}

// Validate reports the first field that cannot be saved, naming it.
func (s *Story) Validate() error {
	if err := firstError(
		checkSingleLine("headline", s.Headline), checkLen("headline", s.Headline, HeadlineMax),
		checkLen("standfirst", s.Standfirst, StandfirstMax),
		checkSingleLine("byline", s.Byline), checkLen("byline", s.Byline, LineFieldMax),
		checkSingleLine("dateline", s.Dateline), checkLen("dateline", s.Dateline, LineFieldMax),
		checkSingleLine("credit", s.Credit), checkLen("credit", s.Credit, LineFieldMax),
		checkSingleLine("section", s.Section), checkLen("section", s.Section, LineFieldMax),
		checkLen("body", s.Body, BodyMax),
		s.Status.Validate(),
	); err != nil {
		return err
	}
	if s.Slug != "" {
		if err := ValidateSlug("slug", s.Slug); err != nil {
			return err
		}
	}
	if s.RulesPage != "" {
		if err := ValidateSlug("rules_page", s.RulesPage); err != nil {
			return err
		}
	}
	if len(s.Tags) > TagsMax {
		return invalid("tags", "has %d tags; the limit is %d", len(s.Tags), TagsMax)
	}
	for i, t := range s.Tags {
		field := "tags[" + itoa(i) + "]"
		if strings.TrimSpace(t) == "" {
			return invalid(field, "is empty")
		}
		if err := firstError(checkSingleLine(field, t), checkLen(field, t, TagMax)); err != nil {
			return err
		}
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

// Normalize tidies what a person typed without changing its meaning: trims the
// single-line fields, drops empty and repeated tags, ends the body with no
// trailing space, and uses "\n" line endings.
func (s *Story) Normalize() {
	for _, f := range []*string{&s.Headline, &s.Byline, &s.Dateline, &s.Credit, &s.Section, &s.RulesPage, &s.Slug} {
		*f = strings.TrimSpace(*f)
	}
	s.Standfirst = strings.TrimSpace(normalizeNewlines(s.Standfirst))
	s.Body = strings.TrimLeft(strings.TrimRightFunc(normalizeNewlines(s.Body), unicode.IsSpace), "\n")
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

// Words counts the words of the headline, standfirst and body.
func (s *Story) Words() int {
	return CountWords(s.Headline) + CountWords(s.Standfirst) + CountWords(s.Body)
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
		Tags: tags, Status: s.Status, RulesPage: s.RulesPage, Quotes: quotes,
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
	return nil
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
	for _, r := range s {
		if unicode.IsSpace(r) {
			inWord = false
		} else if !inWord {
			inWord = true
			n++
		}
	}
	return n
}

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
		t = strings.TrimSpace(t)
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
}

// StoryFilter selects a window of the story list, newest change first.
type StoryFilter struct {
	Status Status // empty for every status
	Offset int
	Limit  int // 0 for no limit
}
