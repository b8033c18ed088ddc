package wire

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"copydesk/editor"
	"copydesk/internal/wirefile"
)

// Formats that ParseFile recognises, as Result.Format names them.
const (
	FormatText     = "text"
	FormatMarkdown = "markdown"
	FormatNITF     = "nitf"
	FormatNewsML   = "newsml"    // NewsML 1.2
	FormatNewsMLG2 = "newsml-g2" // NewsML-G2
	FormatNinjs    = "ninjs"
	FormatANPA     = "anpa1312"
	FormatIPTC7901 = "iptc7901"
)

// FormatsRead names the formats ParseFile reads, for messages that refuse a file.
const FormatsRead = "NITF 3.x, NewsML 1.2, NewsML-G2, ninjs (1.x to 3.1), ANPA 1312, IPTC 7901, plain text and Markdown (Hugo, Jekyll or Zola front matter)"

// ErrUnknownFormat is wrapped by the error for a file in none of the formats
// copydesk reads (XML of another kind, JSON that is not ninjs, a binary
// file): such a file is refused rather than imported as text.
var ErrUnknownFormat = errors.New("not in a format copydesk reads")

// ErrNotice is wrapped by the error for a feed's cancellation or withdrawal
// notice: it names a story sent earlier and is not a story itself.
var ErrNotice = errors.New("a cancellation or withdrawal notice, not a story")

// formatError says what a refused file is, and unwraps to ErrUnknownFormat.
type formatError struct{ what string }

func (e *formatError) Error() string {
	return fmt.Sprintf("is %s; copydesk reads %s", e.what, FormatsRead)
}

func (e *formatError) Unwrap() error { return ErrUnknownFormat }

func refuse(name, what string) error {
	return &editor.FileError{Name: name, Err: &formatError{what: what}}
}

// markdownExts are the file names read as Markdown with front matter.
var markdownExts = map[string]bool{".md": true, ".markdown": true, ".mdown": true, ".mkd": true}

// ParseFile reads one file for import, choosing its reader by what the file
// holds: NITF, NewsML 1.2 and NewsML-G2 by their XML root, ninjs by its JSON,
// ANPA 1312 and IPTC 7901 by their control characters, Markdown by its name
// (.md, .markdown), anything else that is text as plain wire copy. A file in
// none of these is refused with an error wrapping ErrUnknownFormat. The
// result's story has its fields checked as a save would check them, so a
// file that parses is a file that saves. Errors are *editor.FileError values
// naming the file and, where it helps, the line.
func ParseFile(name string, data []byte) (*Result, error) {
	if len(data) > wirefile.MaxBytes {
		return nil, wirefile.TooLarge(name, int64(len(data)))
	}
	// The file's name chooses the reader; messages and warnings show it on
	// one line, whatever it holds.
	file, name := name, editor.ShownName(name)
	in, err := decode(name, data)
	if err != nil {
		return nil, err
	}
	var r *Result
	switch kind := sniff(file, in); kind {
	case FormatMarkdown:
		r, err = parseMarkdown(name, in.text)
	case FormatText:
		r, err = parseText(name, []byte(in.text))
	case FormatNITF:
		r, err = parseNITF(name, in)
	case FormatNewsML:
		r, err = parseNewsML(name, in)
	case FormatNewsMLG2:
		r, err = parseNewsMLG2(name, in)
	case FormatNinjs:
		r, err = parseNinjs(name, in.text)
	case FormatANPA:
		r, err = parseANPA(name, in.text)
	case FormatIPTC7901:
		r, err = parseIPTC7901(name, in.text)
	default:
		return nil, refuse(name, kind)
	}
	if err != nil {
		return nil, err
	}
	r.Warnings = append(in.warnings, r.Warnings...)
	if err := r.finish(name); err != nil {
		return nil, err
	}
	return r, nil
}

// finish does what every reader's result needs: it returns a notice as a
// *NoticeError, refuses an empty story, checks the fields as a save would, notes what was kept out of
// the body, and finds the quotes.
func (r *Result) finish(name string) error {
	if n := r.notice(); n != nil {
		if n.FeedID == "" {
			return &editor.FileError{Name: name, Err: fmt.Errorf("%w, but it names no story by the feed's ID; nothing was imported", ErrNotice)}
		}
		return &editor.FileError{Name: name, Err: &NoticeError{Notice: *n}}
	}
	r.Story.Body = strings.TrimSpace(r.Story.Body)
	if r.Story.Body == "" {
		return &editor.FileError{Name: name, Err: fmt.Errorf("holds no story text")}
	}
	if len(r.Story.Body) > editor.BodyMax {
		return &editor.FileError{Name: name, Err: fmt.Errorf("story text is longer than %d bytes; split it into several stories", editor.BodyMax)}
	}
	r.Story.Headline = strings.Join(strings.Fields(r.Story.Headline), " ")
	if r.Story.Headline == "" {
		r.Warnings = append(r.Warnings, name+": no headline found; the story was read without one")
	}
	r.Story.Tags = r.fitTags(name)
	if r.Warnings == nil {
		r.Warnings = []string{}
	}
	r.fitMeta(name)
	s, _ := r.ToStory()
	s.Normalize()
	if err := s.Validate(); err != nil {
		return &editor.FileError{Name: name, Err: err}
	}
	if e := r.Meta.Embargo; e != nil {
		r.Warnings = append(r.Warnings, fmt.Sprintf("%s: is embargoed until %s; the export holds it back until then", name, e.Format(time.RFC3339)))
	}
	for _, b := range r.Boilerplate {
		where := "under the story"
		if b.Kind == BoilerplatePromo {
			where = "in the story"
		}
		r.Warnings = append(r.Warnings, fmt.Sprintf("%s: %s %q was found %s and kept out of the body", name, b.kindName(), b.Title, where))
	}
	for _, n := range r.notes {
		r.Warnings = append(r.Warnings, name+": "+n)
	}
	r.findQuotes(name)
	return nil
}

// fitMeta warns of the feed's newsroom fields a story cannot hold, which
// ToStory leaves out rather than the whole file be refused: an old path the
// export could not serve, a picture with no web address, and those past the
// limits. Meta keeps them all, for the dry run.
func (r *Result) fitMeta(name string) {
	for _, a := range r.Meta.Aliases {
		if _, err := editor.AliasPath(a); err != nil {
			r.Warnings = append(r.Warnings, fmt.Sprintf("%s: the old path %q was left out: %v", name, a, err))
		}
	}
	for _, md := range r.Meta.Media {
		if !editor.MediaHref(md.Href) {
			r.Warnings = append(r.Warnings, fmt.Sprintf("%s: the picture %q was left out: it has no http(s) address or path from the site's root", name, md.Href))
		}
	}
	if n := len(storyAliases(r.Meta.Aliases)); n > editor.AliasMax {
		r.Warnings = append(r.Warnings, fmt.Sprintf("%s: it gives %d old paths; the first %d were kept", name, n, editor.AliasMax))
	}
}

// storyAliases are the old paths the export can serve.
func storyAliases(paths []string) []string {
	var out []string
	for _, a := range paths {
		if _, err := editor.AliasPath(a); err == nil {
			out = append(out, a)
		}
	}
	return out
}

// fitTags keeps the feed's keywords within what a story may hold: a tag
// too long for one is left out, and those past the limit too, with a
// warning, rather than the whole file refused.
func (r *Result) fitTags(name string) []string {
	tags := []string{}
	var long, extra []string
	for _, t := range r.Story.Tags {
		switch {
		case strings.TrimSpace(t) == "":
		case len([]rune(t)) > editor.TagMax:
			long = append(long, clip(t))
		case len(tags) == editor.TagsMax:
			extra = append(extra, t)
		default:
			tags = append(tags, t)
		}
	}
	if len(long) > 0 {
		r.Warnings = append(r.Warnings, fmt.Sprintf("%s: %d keywords longer than a tag may be (%d characters) were left out: %s", name, len(long), editor.TagMax, strings.Join(long, ", ")))
	}
	if len(extra) > 0 {
		r.Warnings = append(r.Warnings, fmt.Sprintf("%s: it gives %d keywords; the first %d were kept as tags", name, len(tags)+len(extra), editor.TagsMax))
	}
	return tags
}

// ToStory is the result as a new story with its attributed quotes anchored in
// the body, and the people quoted, ready for the directory. The story is a
// draft unless the file gave another status (an archive's published post);
// its times are the file's where it gave them. A quote with no speaker found
// gets no record: `check` reports its words as unattributed until the desk
// attributes them. Quotes and people have no IDs yet; storage gives them IDs
// and links each quote to its person by name.
func (r *Result) ToStory() (editor.Story, []editor.Person) {
	st := r.Story
	s := editor.Story{
		Slug: st.Slug, Headline: st.Headline, Standfirst: st.Standfirst, Byline: st.Byline,
		Dateline: st.Dateline, Body: st.Body, Credit: st.Credit, Section: st.Section,
		Tags: append([]string{}, st.Tags...), Status: st.Status, RulesPage: st.RulesPage,
	}
	m := r.Meta
	s.Urgency, s.Slugline, s.Genre, s.EdNote = m.Urgency, m.Slugline, m.Genre, m.EdNote
	s.Language, s.Rights, s.Source, s.FeedID = m.Language, m.Rights, m.Source, m.FeedID
	s.Embargo, s.Expires = copyTime(m.Embargo), copyTime(m.Expires)
	s.Aliases = storyAliases(m.Aliases)
	s.Aliases = s.Aliases[:min(len(s.Aliases), editor.AliasMax)]
	for _, sub := range m.Subjects[:min(len(m.Subjects), editor.SubjectMax)] {
		s.Subjects = append(s.Subjects, editor.Subject{Code: sub.Code, Name: sub.Name})
	}
	for _, md := range m.Media {
		if editor.MediaHref(md.Href) && len(s.Media) < editor.MediaMax {
			s.Media = append(s.Media, editor.Media{Href: md.Href, Caption: md.Caption, Credit: md.Credit, Alt: md.Alt})
		}
	}
	if st.UpdatedAt != nil {
		s.UpdatedAt = *st.UpdatedAt
	}
	if s.Status == "" {
		s.Status = editor.StatusDraft
	}
	if st.CreatedAt != nil {
		s.CreatedAt = *st.CreatedAt
	}
	if st.PublishedAt != nil && s.Status == editor.StatusPublished {
		t := *st.PublishedAt
		s.PublishedAt = &t
		if s.CreatedAt.IsZero() || s.CreatedAt.After(t) {
			s.CreatedAt = t
		}
	}
	for _, f := range editor.StoryFields() {
		if f.Get(&s) == "" {
			f.Set(&s, f.Get(&r.text))
		}
	}
	source := st.Credit
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

// SetStatus makes the story import with status st whatever the file said, as
// `import --status` asks; a story that is not published has no publication
// time.
func (r *Result) SetStatus(st editor.Status) {
	r.Story.Status = st
	if st != editor.StatusPublished {
		r.Story.PublishedAt = nil
	}
}

func copyTime(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	c := t.UTC()
	return &c
}

func timePtr(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	t = t.UTC()
	return &t
}

func isMarkdownName(name string) bool {
	return markdownExts[strings.ToLower(filepath.Ext(name))]
}
