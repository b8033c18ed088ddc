package editor

import (
	"slices"
	"strings"
	"unicode"
)

// Lines says how a text field holds line breaks.
type Lines int

// The ways a text field holds line breaks.
const (
	// OneLine is a field that fits on one line: a line break pasted into it
	// (a newline, or InDesign's forced break U+2028) becomes a space.
	OneLine Lines = iota
	// PlainText may break lines, such as a standfirst.
	PlainText
	// MarkdownText is the body: paragraphs of Markdown, whose leading
	// indentation means something and is kept.
	MarkdownText
)

// StoryField is one of a story's text fields: what it is called, how much it
// may hold, and how it is read and set. StoryFields lists them, and
// everything that goes over a story field by field works from that list:
// Validate and Normalize, the checks, the diff and the merge, the Markdown
// front matter, the command line, the export's change detection and the
// desktop editor. A text field added to Story is added there once.
type StoryField struct {
	// Name is the field's name in JSON, in diffs and conflicts, and in
	// validation errors: "headline", "rules_page".
	Name string
	// Label is the field's name as the editor shows it: "Rules page".
	Label string
	// Hint is an example of what the field holds, shown in an empty one.
	Hint string
	// Max is the most characters a save accepts; 0 when the field is held
	// to a slug's rules instead.
	Max int
	// Lines says whether the field is a single line.
	Lines Lines
	// Whole fields change as one value: two different edits to one clash
	// in a merge even when they touch different words.
	Whole bool
	// Slug fields hold a slug, or nothing.
	Slug bool
	// Count fields hold a whole number from 1 to CountMax, or nothing.
	Count bool
	// Key is the field's key in Markdown front matter; "" for the body,
	// which is the Markdown under the front matter.
	Key string
	// Aliases are the keys Hugo and Jekyll use for the field, read on
	// import in this order after Key and never written.
	Aliases []string
	// FromList makes the field's value from a front-matter list under its
	// keys (Jekyll's "authors: [A, B]"); nil when a list is refused.
	FromList func([]string) string
	// Wire fields are the newsroom's, filled from a feed and shown together
	// in the editor's compact "Wire" section.
	Wire bool

	ptr func(*Story) *string
}

// Field limits. HeadlineLimit is the house limit an editor sees counted down;
// the Max values are what Validate refuses.
const (
	KickerMax     = 60
	HeadlineLimit = 90
	HeadlineMax   = 300
	StandfirstMax = 1000
	LineFieldMax  = 200 // byline, dateline, credit, section
	TagMax        = 60
	TagsMax       = 30
	BodyMax       = 1 << 20
	// CountMax is the largest number a count field (the length target)
	// holds: a long read, not a book.
	CountMax    = 20000
	LanguageMax = 35 // a BCP 47 tag
)

// storyFields is the table StoryFields returns, in the order the editor
// shows the fields and a diff lists them.
var storyFields = []StoryField{
	{Name: "kicker", Label: "Kicker", Hint: "the line above the headline, e.g. Exclusive", Max: KickerMax, Key: "kicker",
		ptr: func(s *Story) *string { return &s.Kicker }},
	{Name: "headline", Label: "Headline", Hint: "Headline", Max: HeadlineMax, Key: "headline", Aliases: []string{"title"},
		ptr: func(s *Story) *string { return &s.Headline }},
	{Name: "standfirst", Label: "Standfirst", Hint: "Standfirst: the summary under the headline", Max: StandfirstMax, Lines: PlainText,
		Key: "standfirst", Aliases: []string{"description", "summary", "excerpt"},
		ptr: func(s *Story) *string { return &s.Standfirst }},
	{Name: "byline", Label: "Byline", Hint: "e.g. Press Association", Max: LineFieldMax, Key: "byline", Aliases: []string{"author", "authors"}, FromList: JoinNames,
		ptr: func(s *Story) *string { return &s.Byline }},
	{Name: "dateline", Label: "Dateline", Hint: "e.g. London", Max: LineFieldMax, Key: "dateline",
		ptr: func(s *Story) *string { return &s.Dateline }},
	{Name: "body", Label: "Body", Hint: "Body text (Markdown): paragraphs separated by a blank line", Max: BodyMax, Lines: MarkdownText,
		ptr: func(s *Story) *string { return &s.Body }},
	{Name: "credit", Label: "Credit", Hint: "e.g. Reporting by Press Association.", Max: LineFieldMax, Key: "credit",
		ptr: func(s *Story) *string { return &s.Credit }},
	{Name: "section", Label: "Section", Hint: "e.g. Politics", Max: LineFieldMax, Whole: true, Key: "section", Aliases: []string{"categories", "category"}, FromList: firstItem,
		ptr: func(s *Story) *string { return &s.Section }},
	{Name: "slug", Label: "Slug", Hint: "e.g. council-tax-to-rise", Whole: true, Slug: true, Key: "slug",
		ptr: func(s *Story) *string { return &s.Slug }},
	{Name: "rules_page", Label: "Rules page", Hint: "the slug of a site page, e.g. comment-rules", Whole: true, Slug: true, Key: "rules_page",
		ptr: func(s *Story) *string { return &s.RulesPage }},
	{Name: "target_words", Label: "Length target", Hint: "e.g. 400", Max: 5, Whole: true, Count: true, Key: "target_words",
		ptr: func(s *Story) *string { return &s.TargetWords }},
	// The newsroom fields a feed fills (the editor's "Wire" section).
	{Name: "slugline", Label: "Slugline", Hint: "the desk's short name, e.g. BC-STORM-COAST", Max: LineFieldMax, Whole: true, Key: "slugline", Wire: true,
		ptr: func(s *Story) *string { return &s.Slugline }},
	{Name: "genre", Label: "Genre", Hint: "e.g. Analysis, Obituary", Max: LineFieldMax, Whole: true, Key: "genre", Wire: true,
		ptr: func(s *Story) *string { return &s.Genre }},
	{Name: "ed_note", Label: "Editor's note", Hint: "a note to editors, never published", Max: StandfirstMax, Lines: PlainText, Key: "ed_note", Wire: true,
		ptr: func(s *Story) *string { return &s.EdNote }},
	{Name: "language", Label: "Language", Hint: "e.g. en-GB", Max: LanguageMax, Whole: true, Key: "language", Aliases: []string{"lang"}, Wire: true,
		ptr: func(s *Story) *string { return &s.Language }},
	{Name: "rights", Label: "Rights", Hint: "e.g. © 2026 Press Association", Max: LineFieldMax, Key: "rights", Wire: true,
		ptr: func(s *Story) *string { return &s.Rights }},
	{Name: "source", Label: "Source", Hint: "the agency, e.g. Reuters", Max: LineFieldMax, Whole: true, Key: "source", Wire: true,
		ptr: func(s *Story) *string { return &s.Source }},
	{Name: "feed_id", Label: "Feed ID", Hint: "the feed's own ID for the item", Max: LineFieldMax, Whole: true, Key: "feed_id", Wire: true,
		ptr: func(s *Story) *string { return &s.FeedID }},
}

// StoryFields lists a story's text fields in the order the editor shows
// them. The tags (a list), the status (one of Statuses) and the quotes
// (records) are not text fields and are handled by name beside them.
func StoryFields() []StoryField { return slices.Clone(storyFields) }

// StoryFieldNames lists the text fields' names, in the order of StoryFields:
// the storage engines name a column after each.
func StoryFieldNames() []string {
	names := make([]string, len(storyFields))
	for i, f := range storyFields {
		names[i] = f.Name
	}
	return names
}

// LookupStoryField returns the text field with this name.
func LookupStoryField(name string) (StoryField, bool) {
	for _, f := range storyFields {
		if f.Name == name {
			return f, true
		}
	}
	return StoryField{}, false
}

// Get returns the field's value in s.
func (f StoryField) Get(s *Story) string { return *f.ptr(s) }

// Set sets the field's value in s.
func (f StoryField) Set(s *Story, v string) { *f.ptr(s) = v }

// Addr is where the field's value is held in s, for a reader (a database
// row's Scan) that fills it in place.
func (f StoryField) Addr(s *Story) *string { return f.ptr(s) }

// SingleLine reports whether the field holds one line.
func (f StoryField) SingleLine() bool { return f.Lines == OneLine }

// normalize tidies a value as Normalize does for a field of this kind:
// invalid UTF-8 replaced, spaces trimmed, "\n" line endings, and a single
// line joined where it broke.
func (l Lines) normalize(v string) string {
	v = strings.ToValidUTF8(v, "\uFFFD")
	switch l {
	case OneLine:
		return strings.TrimSpace(joinLines(v))
	case PlainText:
		return strings.TrimSpace(normalizeNewlines(v))
	}
	return strings.TrimLeft(strings.TrimRightFunc(normalizeNewlines(v), unicode.IsSpace), "\n")
}

// malformed reports a value the field cannot hold, whatever its length.
func (f StoryField) malformed(v string) error {
	if f.SingleLine() {
		if err := checkSingleLine(f.Name, v); err != nil {
			return err
		}
	}
	if f.Slug && v != "" {
		return ValidateSlug(f.Name, v)
	}
	if f.Count && v != "" {
		if _, ok := parseCount(v); !ok {
			return invalid(f.Name, "is %q; write a number of words from 1 to %d, e.g. 400, or nothing", v, CountMax)
		}
	}
	return nil
}

// parseCount reads a count field's value: digits only, from 1 to CountMax.
func parseCount(v string) (int, bool) {
	if v == "" || len(v) > 5 {
		return 0, false
	}
	n := 0
	for _, c := range v {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, n >= 1 && n <= CountMax
}

// tooLong reports a value longer than a save accepts.
func (f StoryField) tooLong(v string) error {
	if f.Max == 0 {
		return nil
	}
	return checkLen(f.Name, v, f.Max)
}

// FrontMatterKeys are the keys the field is read from, its own first; none
// for the body, which is the Markdown under the front matter.
func (f StoryField) FrontMatterKeys() []string {
	if f.Key == "" {
		return nil
	}
	return append([]string{f.Key}, f.Aliases...)
}

// fieldLabels names the fields that are not a story's text fields, as
// StoryField.Label does for those: the tags and status, a page's, and a
// quote record's.
var fieldLabels = map[string]string{
	"tags": "Tags", "status": "Status", "quotes": "Quotes",
	"title": "Title", "summary": "Summary", "kind": "Kind",
	"speaker": "Speaker", "person_id": "Person", "role": "Role", "text": "Words",
	"verb": "Verb", "context": "Context", "said_on": "Said on", "source": "Source",
	"source_kind": "Source kind", "partial": "Partial quote", "verified_by": "Verified by",
	"verified_at": "Verified at", "confirmed_by": "Speaker confirmed by", "confirmed_at": "Speaker confirmed at",
}

// FieldLabel names a field of a story, page or quote record as the editor
// shows it ("rules_page" is "Rules page"), for diffs, redlines and messages;
// a name it does not know is returned as it is.
func FieldLabel(name string) string {
	if f, ok := LookupStoryField(name); ok {
		return f.Label
	}
	if l, ok := fieldLabels[name]; ok {
		return l
	}
	for _, f := range typedFields {
		if f.Name == name {
			return f.Label
		}
	}
	return name
}

// firstItem is a section read from a list of categories: the first one.
func firstItem(items []string) string {
	for _, it := range items {
		if it = strings.TrimSpace(it); it != "" {
			return it
		}
	}
	return ""
}

// JoinNames writes a list of authors as a byline: "A, B and C".
func JoinNames(names []string) string {
	var kept []string
	for _, n := range names {
		if n = strings.TrimSpace(n); n != "" {
			kept = append(kept, n)
		}
	}
	switch len(kept) {
	case 0:
		return ""
	case 1:
		return kept[0]
	}
	return strings.Join(kept[:len(kept)-1], ", ") + " and " + kept[len(kept)-1]
}
