package editor

import (
	"strconv"
	"strings"
	"time"
)

// StoryDiff compares two revisions of a story or a page, field by field. Its
// JSON is what `copydesk diff --format json` prints (DESIGN.md): every field is
// listed, changed or not, so a script can rebuild both versions from it; the
// quote records that changed follow under "quotes".
type StoryDiff struct {
	From   int           `json:"from"`
	To     int           `json:"to"`
	Fields []FieldDiff   `json:"fields"`
	Stats  DiffStats     `json:"stats"`
	Quotes []QuoteChange `json:"quotes"`
}

// FieldDiff is the word diff of one field. The tags of a story are compared
// as a list written "a, b, c", each tag one token.
type FieldDiff struct {
	Field string `json:"field"`
	Ops   []Op   `json:"ops"`
}

// DiffStats counts the words inserted and deleted across the fields. Quote
// records are not counted: their words are counted where they stand in the
// body.
type DiffStats struct {
	InsertedWords int `json:"inserted_words"`
	DeletedWords  int `json:"deleted_words"`
}

// QuoteChange kinds.
const (
	QuoteAdded   = "added"
	QuoteRemoved = "removed"
	QuoteChanged = "changed"
)

// QuoteChange is an attributed quote added, removed or changed between two
// revisions. Speaker and Text are the quote's as it stands in the newer
// revision (the older one for a removed quote); Fields lists the record's
// fields that changed, for a changed quote. The quote's anchor is not
// compared: it moves whenever the body is edited.
type QuoteChange struct {
	Change  string      `json:"change"`
	ID      string      `json:"id"`
	Speaker string      `json:"speaker"`
	Text    string      `json:"text"`
	Fields  []FieldDiff `json:"fields"`
}

// Changed reports whether the field differs between the two revisions.
func (f FieldDiff) Changed() bool {
	for _, o := range f.Ops {
		if o.Op != OpEqual {
			return true
		}
	}
	return false
}

// Old is the field's value in the older revision.
func (f FieldDiff) Old() string { return OldText(f.Ops) }

// New is the field's value in the newer revision.
func (f FieldDiff) New() string { return NewText(f.Ops) }

// Changed reports whether any field or quote differs.
func (d StoryDiff) Changed() bool {
	for _, f := range d.Fields {
		if f.Changed() {
			return true
		}
	}
	return len(d.Quotes) > 0
}

// Field returns the diff of the named field, and false when there is none.
func (d StoryDiff) Field(name string) (FieldDiff, bool) {
	for _, f := range d.Fields {
		if f.Field == name {
			return f, true
		}
	}
	return FieldDiff{}, false
}

// DiffStories compares two revisions of a story, a older and b newer: every
// text field (StoryFields, in order), the tags and the status, and the
// quotes as records. From and To are the stories' Revision numbers.
func DiffStories(a, b *Story) StoryDiff {
	d := StoryDiff{From: a.Revision, To: b.Revision}
	for _, f := range storyFields {
		d.Fields = append(d.Fields, FieldDiff{Field: f.Name, Ops: DiffText(f.Get(a), f.Get(b))})
	}
	d.Fields = append(d.Fields,
		FieldDiff{Field: "tags", Ops: diffTokens(listTokens(a.Tags), listTokens(b.Tags))},
		wholeValueDiff("status", string(a.Status), string(b.Status)),
	)
	d.Fields = append(d.Fields, diffTyped(a, b)...)
	d.Quotes = diffQuotes(a.Quotes, b.Quotes)
	d.Stats = countStats(d.Fields)
	return d
}

// DiffPages compares two revisions of a site page, a older and b newer.
func DiffPages(a, b *Page) StoryDiff {
	d := StoryDiff{From: a.Revision, To: b.Revision, Quotes: []QuoteChange{}}
	d.Fields = []FieldDiff{
		{Field: "title", Ops: DiffText(a.Title, b.Title)},
		{Field: "summary", Ops: DiffText(a.Summary, b.Summary)},
		{Field: "body", Ops: DiffText(a.Body, b.Body)},
		wholeValueDiff("kind", string(a.Kind), string(b.Kind)),
		{Field: "slug", Ops: DiffText(a.Slug, b.Slug)},
	}
	d.Stats = countStats(d.Fields)
	return d
}

func countStats(fields []FieldDiff) DiffStats {
	var s DiffStats
	for _, f := range fields {
		ins, del := CountOpWords(f.Ops)
		s.InsertedWords += ins
		s.DeletedWords += del
	}
	return s
}

// wholeValueDiff compares a value that changes as a whole, such as a status.
func wholeValueDiff(field, old, new string) FieldDiff {
	ops := []Op{}
	if old == new {
		return FieldDiff{Field: field, Ops: appendOp(ops, OpEqual, old)}
	}
	return FieldDiff{Field: field, Ops: appendOp(appendOp(ops, OpDelete, old), OpInsert, new)}
}

// listTokens writes a list as "a, b, c" with each item one token, so that a
// changed tag shows as a whole tag replaced.
func listTokens(items []string) []string {
	var out []string
	for i, it := range items {
		if i > 0 {
			out = append(out, ", ")
		}
		out = append(out, it)
	}
	return out
}

// JoinList writes a list as the diff of a list field compares it: "a, b, c".
func JoinList(items []string) string {
	return strings.Join(items, ", ")
}

// diffQuoteKey identifies a quote across revisions: its ID, or its words when
// it has no ID yet.
func diffQuoteKey(q *Quote) string {
	if q.ID != "" {
		return "id:" + q.ID
	}
	return "text:" + q.Text
}

func diffQuotes(a, b []Quote) []QuoteChange {
	out := []QuoteChange{}
	old := make(map[string]*Quote, len(a))
	for i := range a {
		old[diffQuoteKey(&a[i])] = &a[i]
	}
	seen := make(map[string]bool, len(b))
	for i := range b {
		q := &b[i]
		key := diffQuoteKey(q)
		seen[key] = true
		p, ok := old[key]
		if !ok {
			out = append(out, QuoteChange{Change: QuoteAdded, ID: q.ID, Speaker: q.Speaker, Text: q.Text, Fields: []FieldDiff{}})
			continue
		}
		if fields := diffQuote(p, q); len(fields) > 0 {
			out = append(out, QuoteChange{Change: QuoteChanged, ID: q.ID, Speaker: q.Speaker, Text: q.Text, Fields: fields})
		}
	}
	for i := range a {
		if q := &a[i]; !seen[diffQuoteKey(q)] {
			out = append(out, QuoteChange{Change: QuoteRemoved, ID: q.ID, Speaker: q.Speaker, Text: q.Text, Fields: []FieldDiff{}})
		}
	}
	return out
}

// diffQuoteFields lists a quote's compared fields as text, in display order.
func diffQuoteFields(q *Quote) [][2]string {
	return [][2]string{
		{"speaker", q.Speaker},
		{"person_id", q.PersonID},
		{"role", q.Role},
		{"text", q.Text},
		{"verb", q.Verb},
		{"context", q.Context},
		{"said_on", q.SaidOn},
		{"source", q.Source},
		{"source_kind", string(q.SourceKind)},
		{"partial", strconv.FormatBool(q.Partial)},
		{"verified_by", q.VerifiedBy},
		{"verified_at", diffTime(q.VerifiedAt)},
		{"confirmed_by", q.ConfirmedBy},
		{"confirmed_at", diffTime(q.ConfirmedAt)},
	}
}

func diffTime(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// diffQuote lists the fields of a quote record that changed.
func diffQuote(a, b *Quote) []FieldDiff {
	var out []FieldDiff
	fa, fb := diffQuoteFields(a), diffQuoteFields(b)
	for i := range fa {
		name, old, new := fa[i][0], fa[i][1], fb[i][1]
		if old == new {
			continue
		}
		switch name {
		case "source_kind", "partial", "person_id", "said_on", "verified_at":
			out = append(out, wholeValueDiff(name, old, new))
		default:
			out = append(out, FieldDiff{Field: name, Ops: DiffText(old, new)})
		}
	}
	return out
}
