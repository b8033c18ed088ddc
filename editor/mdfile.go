package editor

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// FileError is bad input in a file, located by line (0 when the whole file is meant).
type FileError struct {
	Name string
	Line int
	Err  error
}

func (e *FileError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.Name, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Name, e.Err)
}

func (e *FileError) Unwrap() error { return e.Err }

// StoryFile is a story read from a Markdown file with YAML front matter, as
// `show --format md` prints it or as Hugo and Jekyll keep their content.
type StoryFile struct {
	Story    Story
	Revision int       // the revision the file was based on; 0 when it names none
	Date     time.Time // the file's date, zero when it has none
	Set      map[string]bool
	Warnings []string
}

// PageFile is a site page read from a Markdown file with YAML front matter.
type PageFile struct {
	Page     Page
	Revision int
	Warnings []string
}

// frontMatter is a parsed YAML front matter block: its keys in order, with the
// line of the file each stands on.
type frontMatter struct {
	name   string
	keys   []string
	values map[string]*yaml.Node
}

// splitFrontMatter separates "---\nYAML\n---\nbody". firstLine is the file line
// the YAML starts on. A file without front matter has an empty yaml part.
func splitFrontMatter(name string, data []byte) (yamlPart []byte, body string, err error) {
	text := normalizeNewlines(string(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))))
	if !strings.HasPrefix(text, "---\n") {
		return nil, text, nil
	}
	rest := text[len("---\n"):]
	end := -1
	for off := 0; off <= len(rest); {
		nl := strings.IndexByte(rest[off:], '\n')
		line := rest[off:]
		if nl >= 0 {
			line = rest[off : off+nl]
		}
		if strings.TrimRight(line, " \t") == "---" || strings.TrimRight(line, " \t") == "..." {
			end = off
			body = ""
			if nl >= 0 {
				body = rest[off+nl+1:]
			}
			break
		}
		if nl < 0 {
			break
		}
		off += nl + 1
	}
	if end < 0 {
		return nil, "", &FileError{Name: name, Line: 1, Err: fmt.Errorf("front matter opened with --- is never closed; end it with a line holding only ---")}
	}
	return []byte(rest[:end]), strings.TrimLeft(body, "\n"), nil
}

var yamlLine = regexp.MustCompile(`line (\d+)`)

// parseFrontMatter parses the YAML part. Line numbers in errors are the file's:
// the YAML starts on line 2, after the opening ---.
func parseFrontMatter(name string, yamlPart []byte) (*frontMatter, error) {
	fm := &frontMatter{name: name, values: map[string]*yaml.Node{}}
	if len(bytes.TrimSpace(yamlPart)) == 0 {
		return fm, nil
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(yamlPart, &doc); err != nil {
		line := 0
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		if m := yamlLine.FindStringSubmatch(msg); m != nil {
			n, _ := strconv.Atoi(m[1])
			line = unclosedFlowLine(yamlPart, n, msg) + 1
			msg = strings.TrimSpace(strings.TrimPrefix(yamlLine.ReplaceAllString(msg, ""), ":"))
		}
		return nil, &FileError{Name: name, Line: line, Err: fmt.Errorf("front matter is not valid YAML: %s", msg)}
	}
	if len(doc.Content) == 0 {
		return fm, nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, &FileError{Name: name, Line: root.Line + 1, Err: fmt.Errorf("front matter must be a set of key: value lines")}
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		key := strings.ToLower(k.Value)
		if _, dup := fm.values[key]; dup {
			return nil, &FileError{Name: name, Line: k.Line + 1, Err: fmt.Errorf("%s is given twice", k.Value)}
		}
		fm.keys = append(fm.keys, key)
		fm.values[key] = v
	}
	return fm, nil
}

// unclosedFlowLine points an unclosed [list] or {map} at its own line: the
// YAML parser reports the line of the mapping it stands in, which may be
// lines above. Other errors keep the line the parser gave (1-based).
func unclosedFlowLine(yamlPart []byte, line int, msg string) int {
	open, close := "", ""
	switch {
	case strings.Contains(msg, "expected ',' or ']'"):
		open, close = "[", "]"
	case strings.Contains(msg, "expected ',' or '}'"):
		open, close = "{", "}"
	default:
		return line
	}
	lines := strings.Split(string(yamlPart), "\n")
	for i := max(line-1, 0); i < len(lines); i++ {
		if strings.Count(lines[i], open) > strings.Count(lines[i], close) {
			return i + 1
		}
	}
	return line
}

func (fm *frontMatter) errorAt(key string, format string, args ...any) error {
	line := 0
	if n, ok := fm.values[key]; ok {
		line = n.Line + 1
	}
	return &FileError{Name: fm.name, Line: line, Err: fmt.Errorf(key+": "+format, args...)}
}

// str reads a scalar as text; a missing key gives "" and false.
func (fm *frontMatter) str(key string) (string, bool, error) {
	n, ok := fm.values[key]
	if !ok {
		return "", false, nil
	}
	if n.Kind != yaml.ScalarNode {
		return "", true, fm.errorAt(key, "must be a single value, not a list or a map")
	}
	if n.Tag == "!!null" {
		return "", true, nil
	}
	return n.Value, true, nil
}

// list reads a list of scalars; a single scalar is a list of one, and a
// comma-separated scalar a list of its parts.
func (fm *frontMatter) list(key string) ([]string, bool, error) {
	n, ok := fm.values[key]
	if !ok {
		return nil, false, nil
	}
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Tag == "!!null" || strings.TrimSpace(n.Value) == "" {
			return nil, true, nil
		}
		return strings.Split(n.Value, ","), true, nil
	case yaml.SequenceNode:
		out := make([]string, 0, len(n.Content))
		for _, c := range n.Content {
			if c.Kind != yaml.ScalarNode {
				return nil, true, fm.errorAt(key, "must be a list of words, as [politics, china]")
			}
			out = append(out, c.Value)
		}
		return out, true, nil
	}
	return nil, true, fm.errorAt(key, "must be a list, as [politics, china]")
}

func (fm *frontMatter) boolean(key string) (bool, bool, error) {
	s, ok, err := fm.str(key)
	if !ok || err != nil || s == "" {
		return false, ok, err
	}
	switch strings.ToLower(s) {
	case "true", "yes", "on":
		return true, true, nil
	case "false", "no", "off":
		return false, true, nil
	}
	return false, true, fm.errorAt(key, "%q is not true or false", s)
}

func (fm *frontMatter) integer(key string) (int, bool, error) {
	s, ok, err := fm.str(key)
	if !ok || err != nil || s == "" {
		return 0, ok, err
	}
	n, convErr := strconv.Atoi(s)
	if convErr != nil || n < 0 {
		return 0, true, fm.errorAt(key, "%q is not a revision number", s)
	}
	return n, true, nil
}

var dateLayouts = []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05 -0700", "2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02"}

func (fm *frontMatter) date(key string) (time.Time, bool, error) {
	s, ok, err := fm.str(key)
	if !ok || err != nil || s == "" {
		return time.Time{}, ok, err
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), true, nil
		}
	}
	return time.Time{}, true, fm.errorAt(key, "%q is not a date; write it as 2026-11-28 or 2026-11-28T09:30:00Z", s)
}

// storyKeys maps every front matter key a story file may use to the field it
// sets; Hugo's and Jekyll's names are understood on import.
var storyKeys = map[string]string{
	"headline": "headline", "title": "headline",
	"standfirst": "standfirst", "description": "standfirst", "summary": "standfirst", "excerpt": "standfirst",
	"byline": "byline", "author": "byline", "authors": "byline",
	"dateline": "dateline", "credit": "credit", "section": "section",
	"categories": "section", "category": "section",
	"tags": "tags", "status": "status", "draft": "status", "published": "status",
	"slug": "slug", "date": "date", "revision": "revision", "rules_page": "rules_page",
}

// ParseStoryMarkdown reads a story from Markdown with YAML front matter. Errors
// are *FileError values that name the file and line.
func ParseStoryMarkdown(name string, data []byte) (*StoryFile, error) {
	yamlPart, body, err := splitFrontMatter(name, data)
	if err != nil {
		return nil, err
	}
	fm, err := parseFrontMatter(name, yamlPart)
	if err != nil {
		return nil, err
	}
	f := &StoryFile{Set: map[string]bool{}}
	s := &f.Story
	s.Body = body
	for _, key := range fm.keys {
		if _, known := storyKeys[key]; !known {
			f.Warnings = append(f.Warnings, fmt.Sprintf("%s:%d: %s is not a story field; it was left out", name, fm.values[key].Line+1, key))
		}
	}
	for _, tf := range []struct {
		keys []string
		dst  *string
	}{
		{[]string{"headline", "title"}, &s.Headline},
		{[]string{"standfirst", "description", "summary", "excerpt"}, &s.Standfirst},
		{[]string{"dateline"}, &s.Dateline},
		{[]string{"credit"}, &s.Credit},
		{[]string{"slug"}, &s.Slug},
		{[]string{"rules_page"}, &s.RulesPage},
	} {
		for _, key := range tf.keys {
			v, ok, err := fm.str(key)
			if err != nil {
				return nil, err
			}
			if ok {
				*tf.dst = v
				f.Set[storyKeys[key]] = true
				break
			}
		}
	}
	for _, key := range []string{"byline", "author", "authors"} {
		v, ok, err := fm.list(key)
		if err != nil {
			return nil, err
		}
		if ok {
			if key == "byline" {
				s.Byline, _, _ = fm.str(key)
			} else {
				s.Byline = joinNames(v)
			}
			f.Set["byline"] = true
			break
		}
	}
	for _, key := range []string{"section", "categories", "category"} {
		v, ok, err := fm.list(key)
		if err != nil {
			return nil, err
		}
		if ok {
			if len(v) > 0 {
				s.Section = strings.TrimSpace(v[0])
			}
			f.Set["section"] = true
			break
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
	if f.Date, _, err = fm.date("date"); err != nil {
		return nil, err
	}
	if f.Revision, _, err = fm.integer("revision"); err != nil {
		return nil, err
	}
	s.Normalize()
	if err := s.Validate(); err != nil {
		return nil, fm.fieldError(err)
	}
	return f, nil
}

// readStoryStatus reads status, or Hugo's draft and Jekyll's published flags.
func readStoryStatus(fm *frontMatter, f *StoryFile) error {
	if v, ok, err := fm.str("status"); err != nil {
		return err
	} else if ok && v != "" {
		st, err := ParseStatus(v)
		if err != nil {
			return fm.errorAt("status", "%q is not a status; use draft, subbing, ready, published or spiked", v)
		}
		f.Story.Status, f.Set["status"] = st, true
		return nil
	}
	if draft, ok, err := fm.boolean("draft"); err != nil {
		return err
	} else if ok {
		f.Story.Status, f.Set["status"] = StatusPublished, true
		if draft {
			f.Story.Status = StatusDraft
		}
		return nil
	}
	if published, ok, err := fm.boolean("published"); err != nil {
		return err
	} else if ok {
		f.Story.Status, f.Set["status"] = StatusDraft, true
		if published {
			f.Story.Status = StatusPublished
		}
	}
	return nil
}

// fieldError places a *ValidationError on the line of its field, when the
// field came from the front matter.
func (fm *frontMatter) fieldError(err error) error {
	ve, ok := err.(*ValidationError)
	if !ok {
		return &FileError{Name: fm.name, Err: err}
	}
	root := ve.Field
	if i := strings.IndexAny(root, "[."); i >= 0 {
		root = root[:i]
	}
	for key, field := range storyKeys {
		if field == root {
			if _, present := fm.values[key]; present {
				return fm.errorAt(key, "%s", ve.Problem)
			}
		}
	}
	if _, present := fm.values[root]; present {
		return fm.errorAt(root, "%s", ve.Problem)
	}
	return &FileError{Name: fm.name, Err: err}
}

// FormatStoryMarkdown prints a story as Markdown with YAML front matter, the
// form `show --format md` prints and `update` reads back.
func FormatStoryMarkdown(s *Story) []byte {
	var b bytes.Buffer
	b.WriteString("---\n")
	writeYAML(&b, "headline", s.Headline)
	writeYAML(&b, "standfirst", s.Standfirst)
	writeYAML(&b, "byline", s.Byline)
	writeYAML(&b, "dateline", s.Dateline)
	writeYAML(&b, "credit", s.Credit)
	writeYAML(&b, "section", s.Section)
	tags := s.Tags
	if tags == nil {
		tags = []string{}
	}
	writeYAML(&b, "tags", tags)
	writeYAML(&b, "status", string(s.Status))
	writeYAML(&b, "slug", s.Slug)
	if s.RulesPage != "" {
		writeYAML(&b, "rules_page", s.RulesPage)
	}
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

// writeYAML writes one "key: value" line (or block) with YAML's own quoting,
// so that any text a person typed reads back unchanged.
func writeYAML(b *bytes.Buffer, key string, value any) {
	node := &yaml.Node{}
	if err := node.Encode(map[string]any{key: value}); err != nil {
		panic("editor: front matter does not encode: " + err.Error())
	}
	if _, isList := value.([]string); isList {
		node.Content[1].Style = yaml.FlowStyle
	}
	out, err := yaml.Marshal(node)
	if err != nil {
		panic("editor: front matter does not encode: " + err.Error())
	}
	b.Write(out)
}

var pageKeys = map[string]bool{"title": true, "summary": true, "kind": true, "slug": true, "revision": true}

// ParsePageMarkdown reads a site page from Markdown with YAML front matter.
func ParsePageMarkdown(name string, data []byte) (*PageFile, error) {
	yamlPart, body, err := splitFrontMatter(name, data)
	if err != nil {
		return nil, err
	}
	fm, err := parseFrontMatter(name, yamlPart)
	if err != nil {
		return nil, err
	}
	f := &PageFile{}
	p := &f.Page
	p.Body = body
	for _, key := range fm.keys {
		if !pageKeys[key] {
			f.Warnings = append(f.Warnings, fmt.Sprintf("%s:%d: %s is not a page field; it was left out", name, fm.values[key].Line+1, key))
		}
	}
	for key, dst := range map[string]*string{"title": &p.Title, "summary": &p.Summary, "slug": &p.Slug} {
		if *dst, _, err = fm.str(key); err != nil {
			return nil, err
		}
	}
	kind, _, err := fm.str("kind")
	if err != nil {
		return nil, err
	}
	p.Kind = PageKind(kind)
	if f.Revision, _, err = fm.integer("revision"); err != nil {
		return nil, err
	}
	p.Normalize()
	if err := p.Validate(); err != nil {
		if ve, ok := err.(*ValidationError); ok {
			if _, present := fm.values[ve.Field]; present {
				return nil, fm.errorAt(ve.Field, "%s", ve.Problem)
			}
		}
		return nil, &FileError{Name: name, Err: err}
	}
	return f, nil
}

// FormatPageMarkdown prints a page as Markdown with YAML front matter.
func FormatPageMarkdown(p *Page) []byte {
	var b bytes.Buffer
	b.WriteString("---\n")
	writeYAML(&b, "title", p.Title)
	writeYAML(&b, "kind", string(p.Kind))
	writeYAML(&b, "slug", p.Slug)
	writeYAML(&b, "summary", p.Summary)
	writeYAML(&b, "revision", p.Revision)
	b.WriteString("---\n\n")
	b.WriteString(p.Body)
	b.WriteString("\n")
	return b.Bytes()
}
