package editor

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// StoryFile is a story read from a Markdown file with YAML front matter, as
// `show --format md` prints it or as Hugo and Jekyll keep their content.
// Set holds the fields the file gave, by StoryField.Name, "tags" and
// "status"; the body is always given.
type StoryFile struct {
	Story    Story
	Revision int       // the revision the file was based on; 0 when it names none
	Date     time.Time // the file's date, zero when it has none
	Set      map[string]bool
	Warnings []string
}

// storyFileKeys are the front-matter keys of a story file beside its text
// fields', under the field they set ("" for none), in the order they are read.
var storyFileKeys = []struct{ key, field string }{
	{"tags", "tags"}, {"status", "status"}, {"draft", "status"}, {"published", "status"},
	{"date", ""}, {"revision", ""},
}

// storyFieldKeys are the front-matter keys a field is read from, in order.
func storyFieldKeys(field string) []string {
	if f, ok := LookupStoryField(field); ok {
		return f.FrontMatterKeys()
	}
	var keys []string
	for _, f := range typedFields {
		if f.Name == field {
			keys = append(keys, f.Name)
		}
	}
	for _, k := range storyFileKeys {
		if k.field == field {
			keys = append(keys, k.key)
		}
	}
	return keys
}

// storyFileKey reports whether a story file may hold the key.
func storyFileKey(key string) bool {
	for _, f := range storyFields {
		for _, k := range f.FrontMatterKeys() {
			if k == key {
				return true
			}
		}
	}
	for _, k := range storyFileKeys {
		if k.key == key {
			return true
		}
	}
	for _, f := range typedFields {
		if f.Name == key {
			return true
		}
	}
	return false
}

// ParseStoryMarkdown reads a story from Markdown with YAML front matter: each
// text field from its key, or the first of its Hugo and Jekyll aliases
// present, the tags, the status (or Hugo's draft, Jekyll's published), the
// date and the revision. Errors are *FileError values that name the file
// and line.
func ParseStoryMarkdown(name string, data []byte) (*StoryFile, error) {
	mf, fm, warnings, err := readMarkdown(name, data, storyFileKey, "a story field")
	if err != nil {
		return nil, err
	}
	f := &StoryFile{Set: map[string]bool{}, Warnings: warnings}
	s := &f.Story
	s.Body = mf.body
	for _, field := range storyFields {
		for _, key := range field.FrontMatterKeys() {
			v, ok, err := fm.text(key, field.FromList)
			if err != nil {
				return nil, err
			}
			if ok {
				field.Set(s, v)
				f.Set[field.Name] = true
				break
			}
		}
	}
	if v, ok, err := fm.list("tags"); err != nil {
		return nil, err
	} else if ok {
		s.Tags, f.Set["tags"] = v, true
	}
	if err := readStoryStatus(fm, f); err != nil {
		return nil, err
	}
	if err := readTyped(fm, s, f.Set); err != nil {
		return nil, err
	}
	if f.Date, _, err = fm.date("date"); err != nil {
		return nil, err
	}
	if f.Revision, _, err = fm.integer("revision"); err != nil {
		return nil, err
	}
	s.Normalize()
	if err := s.Validate(); err != nil {
		return nil, fm.fieldError(err, mf)
	}
	return f, nil
}

// readStoryStatus reads status, or Hugo's draft and Jekyll's published flags.
func readStoryStatus(fm *frontMatter, f *StoryFile) error {
	if v, ok, err := fm.text("status", nil); err != nil {
		return err
	} else if ok && v != "" {
		st, err := ParseStatus(v)
		if err != nil {
			return fm.errorAt("status", "%q is not a status; use draft, subbing, ready, published or spiked", v)
		}
		f.Story.Status, f.Set["status"] = st, true
		return nil
	}
	// Hugo's draft: true and Jekyll's published: false both mean a draft.
	for _, flag := range []struct {
		key       string
		published bool
	}{{"draft", false}, {"published", true}} {
		v, ok, err := fm.boolean(flag.key)
		if err != nil {
			return err
		}
		if !ok {
			continue
		}
		f.Story.Status, f.Set["status"] = StatusDraft, true
		if v == flag.published {
			f.Story.Status = StatusPublished
		}
		return nil
	}
	return nil
}

// fieldError places a *ValidationError on the line of the key its field
// came from; a body too long, on the line where it passes the limit.
func (fm *frontMatter) fieldError(err error, mf markdownFile) error {
	var ve *ValidationError
	if !errors.As(err, &ve) {
		return &FileError{Name: fm.name, Err: err}
	}
	root := ve.Field
	if i := strings.IndexAny(root, "[."); i >= 0 {
		root = root[:i]
	}
	problem := ve.Problem
	if ve.Field != root {
		problem = ve.Error() // which tag, or which quote
	}
	for _, key := range storyFieldKeys(root) {
		if _, present := fm.values[key]; present {
			return fm.errorAt(key, "%s", problem)
		}
	}
	if root == "body" && utf8.RuneCountInString(mf.body) > BodyMax {
		return &FileError{Name: fm.name, Line: mf.bodyLine + strings.Count(runePrefix(mf.body, BodyMax), "\n"),
			Err: fmt.Errorf("the body is %d characters long and passes the limit of %d on this line; split the story in two", utf8.RuneCountInString(mf.body), BodyMax)}
	}
	return &FileError{Name: fm.name, Err: err}
}

// runePrefix is the first n characters of s.
func runePrefix(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// FormatStoryMarkdown prints a story as Markdown with YAML front matter, the
// form `show --format md` prints and `update` reads back: every text field
// under its key, in the editor's order, then the tags, status, date and
// revision, and the body under the front matter.
func FormatStoryMarkdown(s *Story) []byte {
	var b bytes.Buffer
	b.WriteString("---\n")
	for _, f := range storyFields {
		if f.Key != "" {
			writeYAML(&b, f.Key, f.Get(s))
		}
	}
	tags := s.Tags
	if tags == nil {
		tags = []string{}
	}
	writeYAML(&b, "tags", tags)
	writeYAML(&b, "status", string(s.Status))
	writeTypedYAML(&b, s)
	date := s.CreatedAt
	if s.PublishedAt != nil {
		date = *s.PublishedAt
	}
	if !date.IsZero() {
		writeYAML(&b, "date", date.UTC().Format(time.RFC3339))
	}
	writeYAML(&b, "revision", s.Revision)
	b.WriteString("---\n\n")
	b.WriteString(s.Body)
	b.WriteString("\n")
	return b.Bytes()
}
