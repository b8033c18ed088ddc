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

// markdownFile is a Markdown file split at its front matter: the YAML
// between the --- lines, and the body under them.
type markdownFile struct {
	yaml []byte
	body string
	// bodyLine is the line of the file the body starts on.
	bodyLine int
}

// yamlFirstLine is the line of a file its front matter's YAML starts on,
// after the opening ---.
const yamlFirstLine = 2

// splitFrontMatter separates "---\nYAML\n---\nbody". A file without front
// matter is all body.
func splitFrontMatter(name string, data []byte) (markdownFile, error) {
	text := normalizeNewlines(string(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))))
	if !strings.HasPrefix(text, "---\n") {
		return markdownFile{body: text, bodyLine: 1}, nil
	}
	rest := text[len("---\n"):]
	for off := 0; off <= len(rest); {
		nl := strings.IndexByte(rest[off:], '\n')
		line := rest[off:]
		if nl >= 0 {
			line = rest[off : off+nl]
		}
		if l := strings.TrimRight(line, " \t"); l == "---" || l == "..." {
			body := ""
			if nl >= 0 {
				body = rest[off+nl+1:]
			}
			trimmed := strings.TrimLeft(body, "\n")
			bodyLine := yamlFirstLine + strings.Count(rest[:off], "\n") + 1 + len(body) - len(trimmed)
			return markdownFile{yaml: []byte(rest[:off]), body: trimmed, bodyLine: bodyLine}, nil
		}
		if nl < 0 {
			break
		}
		off += nl + 1
	}
	return markdownFile{}, &FileError{Name: name, Line: 1, Err: fmt.Errorf("front matter opened with --- is never closed; end it with a line holding only ---")}
}

// readMarkdown splits a Markdown file at its front matter and parses it,
// warning of each key known does not accept ("layout is not a story field").
func readMarkdown(name string, data []byte, known func(key string) bool, what string) (markdownFile, *frontMatter, []string, error) {
	mf, err := splitFrontMatter(name, data)
	if err != nil {
		return mf, nil, nil, err
	}
	fm, err := parseFrontMatter(name, mf.yaml)
	if err != nil {
		return mf, nil, nil, err
	}
	var warnings []string
	for _, key := range fm.keys {
		if !known(key) {
			warnings = append(warnings, fmt.Sprintf("%s:%d: %s is not %s; it was left out", name, yamlFirstLine-1+fm.values[key].Line, key, what))
		}
	}
	return mf, fm, warnings, nil
}

// frontMatter is a parsed YAML front matter block: its keys in order, in
// lower case, and the value under each.
type frontMatter struct {
	name   string
	keys   []string
	values map[string]*yaml.Node
}

// yamlLinePrefix is how the YAML parser starts a message with a line number,
// which is left out of what a person reads: yamlErrorLine finds the line.
var yamlLinePrefix = regexp.MustCompile(`^line \d+: `)

// parseFrontMatter parses the YAML part. Line numbers in errors are the file's.
func parseFrontMatter(name string, yamlPart []byte) (*frontMatter, error) {
	fm := &frontMatter{name: name, values: map[string]*yaml.Node{}}
	if len(bytes.TrimSpace(yamlPart)) == 0 {
		return fm, nil
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(yamlPart, &doc); err != nil {
		// The parser's words say what is wrong; where is found apart from them.
		msg := yamlLinePrefix.ReplaceAllString(strings.TrimPrefix(err.Error(), "yaml: "), "")
		return nil, &FileError{Name: name, Line: yamlFirstLine - 1 + yamlErrorLine(yamlPart),
			Err: fmt.Errorf("front matter is not valid YAML: %s", msg)}
	}
	if len(doc.Content) == 0 {
		return fm, nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, &FileError{Name: name, Line: yamlFirstLine - 1 + root.Line, Err: fmt.Errorf("front matter must be a set of key: value lines")}
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := followAlias(root.Content[i]), root.Content[i+1]
		line := yamlFirstLine - 1 + root.Content[i].Line
		if k.Kind != yaml.ScalarNode {
			return nil, &FileError{Name: name, Line: line, Err: fmt.Errorf("a key must be a word, not %s", nodeKind(k))}
		}
		key := strings.ToLower(k.Value)
		if _, dup := fm.values[key]; dup {
			return nil, &FileError{Name: name, Line: line, Err: fmt.Errorf("%s is given twice", k.Value)}
		}
		fm.keys = append(fm.keys, key)
		fm.values[key] = v
	}
	return fm, nil
}

// maxErrorLineTries bounds how many prefixes of one entry yamlErrorLine
// parses, so that a long broken entry costs a bounded time.
const maxErrorLineTries = 200

// yamlErrorLine finds the line of yamlPart (from 1) where it stops being
// valid YAML. The parser's own line is no guide: for an unclosed [list] it
// names the line of the mapping the list stands in, for an unclosed quote
// the end of the text. So the entries (each begun by a line in the first
// column) are parsed in ever longer runs from the top to find the first that
// breaks it, and within that entry the longest run of lines that still
// parses ends just before the line at fault.
func yamlErrorLine(yamlPart []byte) int {
	lines := strings.SplitAfter(string(yamlPart), "\n")
	parses := func(n int) bool {
		var doc yaml.Node
		return yaml.Unmarshal([]byte(strings.Join(lines[:n], "")), &doc) == nil
	}
	bounds := []int{0}
	for i, l := range lines {
		if i > 0 && l != "" && !strings.ContainsRune(" \t\n#", rune(l[0])) {
			bounds = append(bounds, i)
		}
	}
	bounds = append(bounds, len(lines))
	// The first bounds[lo] lines parse and the first bounds[hi] do not.
	lo, hi := 0, len(bounds)-1
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if parses(bounds[mid]) {
			lo = mid
		} else {
			hi = mid
		}
	}
	good := bounds[lo]
	for n, tries := bounds[hi]-1, 0; n > bounds[lo] && tries < maxErrorLineTries; n, tries = n-1, tries+1 {
		if parses(n) {
			good = n
			break
		}
	}
	return good + 1
}

// followAlias is the node an alias (*name) stands for, or n itself.
func followAlias(n *yaml.Node) *yaml.Node {
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		return n.Alias
	}
	return n
}

// nodeKind names what a node holds, for a message.
func nodeKind(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a map of key: value pairs"
	}
	return "a single value"
}

func (fm *frontMatter) errorAt(key string, format string, args ...any) error {
	line := 0
	if n, ok := fm.values[key]; ok {
		line = yamlFirstLine - 1 + n.Line
	}
	return &FileError{Name: fm.name, Line: line, Err: fmt.Errorf(key+": "+format, args...)}
}

// scalarText is what a scalar holds as text: its characters as written
// (after YAML's quoting), nothing for null (~), the bytes of !!binary.
func (fm *frontMatter) scalarText(key string, n *yaml.Node) (string, error) {
	switch n.ShortTag() {
	case "!!null":
		return "", nil
	case "!!binary":
		var s string
		if err := n.Decode(&s); err != nil {
			return "", fm.errorAt(key, "is marked !!binary but is not base64; write it as text")
		}
		return s, nil
	}
	return n.Value, nil
}

// text reads a single value as text; a missing key gives "" and false. A
// list is refused unless fromList makes one value of it.
func (fm *frontMatter) text(key string, fromList func([]string) string) (string, bool, error) {
	n, ok := fm.values[key]
	if !ok {
		return "", false, nil
	}
	n = followAlias(n)
	switch {
	case n.Kind == yaml.ScalarNode:
		v, err := fm.scalarText(key, n)
		return v, true, err
	case n.Kind == yaml.SequenceNode && fromList != nil:
		items, err := fm.items(key, n)
		return fromList(items), true, err
	}
	return "", true, fm.errorAt(key, "must be a single value, not %s; write it as %s: text", nodeKind(n), key)
}

// items reads a list of single values.
func (fm *frontMatter) items(key string, n *yaml.Node) ([]string, error) {
	out := make([]string, 0, len(n.Content))
	for _, c := range n.Content {
		c = followAlias(c)
		if c.Kind != yaml.ScalarNode {
			return nil, fm.errorAt(key, "must be a list of words, as [politics, china], not a list holding %s", nodeKind(c))
		}
		v, err := fm.scalarText(key, c)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// list reads a list of single values; a single value is a list of one, and a
// comma-separated value a list of its parts, as sites write tags.
func (fm *frontMatter) list(key string) ([]string, bool, error) {
	n, ok := fm.values[key]
	if !ok {
		return nil, false, nil
	}
	n = followAlias(n)
	switch n.Kind {
	case yaml.ScalarNode:
		v, err := fm.scalarText(key, n)
		if err != nil || strings.TrimSpace(v) == "" {
			return nil, true, err
		}
		return strings.Split(v, ","), true, nil
	case yaml.SequenceNode:
		items, err := fm.items(key, n)
		return items, true, err
	}
	return nil, true, fm.errorAt(key, "must be a list, as [politics, china], not %s", nodeKind(n))
}

func (fm *frontMatter) boolean(key string) (bool, bool, error) {
	s, ok, err := fm.text(key, nil)
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
	s, ok, err := fm.text(key, nil)
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
	s, ok, err := fm.text(key, nil)
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

// writeYAML writes one "key: value" line (or block) with YAML's own quoting,
// so that any text a person typed reads back unchanged. A list is written
// on one line, as [a, b].
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
