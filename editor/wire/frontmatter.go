package wire

import (
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	"go.yaml.in/yaml/v3"

	"copydesk/editor"
)

// frontMatter is the front matter of an archive's post, in any of the three
// syntaxes Hugo reads (Jekyll uses the first, Zola the second): YAML between
// "---" lines, TOML between "+++" lines, or a JSON object. Its keys are in
// lower case, in the order written, each with the file line it stands on.
type frontMatter struct {
	name   string
	syntax string // "yaml", "toml", "json"; "" when the file has none
	keys   []string
	values map[string]any
	lines  map[string]int
}

// splitFrontMatter separates a post's front matter from its body.
func splitFrontMatter(name, text string) (*frontMatter, string, error) {
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	fm := &frontMatter{name: name, values: map[string]any{}, lines: map[string]int{}}
	switch {
	case strings.HasPrefix(text, "---\n"):
		part, body, ok := cutFence(text[4:], "---", "...")
		if !ok {
			return nil, "", &editor.FileError{Name: name, Line: 1, Err: errors.New("front matter opened with --- is never closed; end it with a line holding only ---")}
		}
		fm.syntax = "yaml"
		return fm, body, fm.readYAML(part)
	case strings.HasPrefix(text, "+++\n"):
		part, body, ok := cutFence(text[4:], "+++")
		if !ok {
			return nil, "", &editor.FileError{Name: name, Line: 1, Err: errors.New("TOML front matter opened with +++ is never closed; end it with a line holding only +++")}
		}
		fm.syntax = "toml"
		return fm, body, fm.readTOML(part)
	case strings.HasPrefix(text, "{"):
		dec := json.NewDecoder(strings.NewReader(text))
		var obj map[string]any
		if err := dec.Decode(&obj); err != nil {
			return nil, "", &editor.FileError{Name: name, Line: lineAt(text, jsonErrorOffset(err)), Err: fmt.Errorf("JSON front matter is not valid: %v", err)}
		}
		fm.syntax = "json"
		part := text[:dec.InputOffset()]
		fm.readMap(obj, part, `"%s"\s*:`)
		return fm, strings.TrimLeft(text[dec.InputOffset():], "\n"), nil
	}
	return fm, text, nil
}

// cutFence splits text at the first line that is one of the closing fences.
func cutFence(text string, fences ...string) (part, body string, ok bool) {
	off := 0
	for off <= len(text) {
		nl := strings.IndexByte(text[off:], '\n')
		line := text[off:]
		if nl >= 0 {
			line = text[off : off+nl]
		}
		for _, f := range fences {
			if strings.TrimRight(line, " \t") == f {
				if nl >= 0 {
					body = text[off+nl+1:]
				}
				return text[:off], strings.TrimLeft(body, "\n"), true
			}
		}
		if nl < 0 {
			break
		}
		off += nl + 1
	}
	return "", "", false
}

var yamlErrLine = lazyRegexp(`line (\d+)`)

func (fm *frontMatter) readYAML(part string) error {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(part), &doc); err != nil {
		line := 0
		if m := yamlErrLine().FindStringSubmatch(err.Error()); m != nil {
			n, _ := strconv.Atoi(m[1])
			line = n + 1
		}
		return &editor.FileError{Name: fm.name, Line: line, Err: fmt.Errorf("front matter is not valid YAML: %s", strings.TrimPrefix(err.Error(), "yaml: "))}
	}
	if len(doc.Content) == 0 {
		return nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return &editor.FileError{Name: fm.name, Line: root.Line + 1, Err: errors.New("front matter must be a set of key: value lines")}
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		key := strings.ToLower(k.Value)
		if _, dup := fm.values[key]; dup {
			return &editor.FileError{Name: fm.name, Line: k.Line + 1, Err: fmt.Errorf("%s is given twice", k.Value)}
		}
		fm.keys = append(fm.keys, key)
		fm.values[key] = yamlValue(v)
		fm.lines[key] = k.Line + 1
	}
	return nil
}

// yamlValue turns a YAML node into text, a list or a map of them; a null
// is nil.
func yamlValue(n *yaml.Node) any {
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return nil
		}
		if n.Tag == "!!bool" {
			b, _ := strconv.ParseBool(strings.ToLower(n.Value))
			return b
		}
		return n.Value
	case yaml.SequenceNode:
		out := make([]any, 0, len(n.Content))
		for _, c := range n.Content {
			out = append(out, yamlValue(c))
		}
		return out
	case yaml.MappingNode:
		out := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			out[strings.ToLower(n.Content[i].Value)] = yamlValue(n.Content[i+1])
		}
		return out
	case yaml.AliasNode:
		return yamlValue(n.Alias)
	}
	return nil
}

func (fm *frontMatter) readTOML(part string) error {
	var obj map[string]any
	if _, err := toml.Decode(part, &obj); err != nil {
		line := 0
		var pe toml.ParseError
		if errors.As(err, &pe) {
			line = pe.Position.Line + 1
			err = errors.New(pe.Message)
		}
		return &editor.FileError{Name: fm.name, Line: line, Err: fmt.Errorf("front matter is not valid TOML: %v", err)}
	}
	fm.readMap(obj, part, `(?m)^\s*"?%s"?\s*=`)
	// Tables ([taxonomies], [extra]) stand on their own header lines.
	for k := range obj {
		if _, isTable := obj[k].(map[string]any); isTable {
			if l := lineOf(part, `(?m)^\s*\[`+regexp.QuoteMeta(k)+`\]`); l > 0 {
				fm.lines[strings.ToLower(k)] = l + 1
			}
		}
	}
	return nil
}

// readMap keeps a decoded TOML or JSON object's keys, placed on the lines
// where the pattern (with the key) finds them, in that order.
func (fm *frontMatter) readMap(obj map[string]any, part, pattern string) {
	for k, v := range obj {
		key := strings.ToLower(k)
		fm.keys = append(fm.keys, key)
		fm.values[key] = lowerKeys(v)
		if l := lineOf(part, fmt.Sprintf(pattern, regexp.QuoteMeta(k))); l > 0 {
			fm.lines[key] = l + 1
		}
	}
	sort.SliceStable(fm.keys, func(i, j int) bool { return fm.lines[fm.keys[i]] < fm.lines[fm.keys[j]] })
}

func lowerKeys(v any) any {
	if m, ok := v.(map[string]any); ok {
		out := map[string]any{}
		for k, x := range m {
			out[strings.ToLower(k)] = lowerKeys(x)
		}
		return out
	}
	return v
}

// lineOf is the 0-based line of part where pattern first matches, plus one;
// 0 when it does not.
func lineOf(part, pattern string) int {
	re, err := regexp.Compile(pattern)
	if err != nil {
		return 0
	}
	loc := re.FindStringIndex(part)
	if loc == nil {
		return 0
	}
	return strings.Count(part[:loc[0]], "\n") + 1
}

func lineAt(text string, off int64) int {
	if off <= 0 || int(off) > len(text) {
		return 0
	}
	return strings.Count(text[:off], "\n") + 1
}

func jsonErrorOffset(err error) int64 {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return se.Offset
	}
	return 0
}

func (fm *frontMatter) errorAt(key, format string, args ...any) error {
	return &editor.FileError{Name: fm.name, Line: fm.lines[key], Err: fmt.Errorf(key+": "+format, args...)}
}

func (fm *frontMatter) has(key string) bool {
	_, ok := fm.values[key]
	return ok
}

// str reads a key as text: a string, a number, a date or a boolean as
// written; a list or a map is an error.
func (fm *frontMatter) str(key string) (string, error) {
	switch v := fm.values[key].(type) {
	case nil:
		return "", nil
	case string:
		return strings.TrimSpace(v), nil
	case time.Time:
		return v.Format(time.RFC3339), nil
	case []any, map[string]any:
		return "", fm.errorAt(key, "must be a single value, not a list or a map")
	default:
		return fmt.Sprint(v), nil
	}
}

// list reads a key as a list of words: a list, or one value (split at commas).
func (fm *frontMatter) list(key string) ([]string, error) {
	return fm.listOf(key, fm.values[key])
}

func (fm *frontMatter) listOf(key string, v any) ([]string, error) {
	switch v := v.(type) {
	case nil:
		return nil, nil
	case string:
		if strings.TrimSpace(v) == "" {
			return nil, nil
		}
		var out []string
		for _, p := range strings.Split(v, ",") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
		return out, nil
	case []any:
		var out []string
		for _, x := range v {
			switch x := x.(type) {
			case string:
				out = append(out, strings.TrimSpace(x))
			case map[string]any:
				if n, ok := x["name"].(string); ok { // authors: [{name: …}]
					out = append(out, n)
					continue
				}
				return nil, fm.errorAt(key, "must be a list of words, as [politics, china]")
			case nil:
			default:
				out = append(out, fmt.Sprint(x))
			}
		}
		return out, nil
	case map[string]any:
		if n, ok := v["name"].(string); ok {
			return []string{n}, nil
		}
	}
	return nil, fm.errorAt(key, "must be a list, as [politics, china]")
}

// records reads a key as a list of records, as `show --format md` writes
// subjects and media: each a map of the fields named to single values.
func (fm *frontMatter) records(key string, fields ...string) ([]map[string]string, error) {
	v, ok := fm.values[key]
	if !ok || v == nil {
		return nil, nil
	}
	list, ok := v.([]any)
	if tables, isTables := v.([]map[string]any); isTables { // TOML's [[key]] tables
		list, ok = make([]any, len(tables)), true
		for i, t := range tables {
			list[i] = t
		}
	}
	if !ok {
		return nil, fm.errorAt(key, "must be a list of records with %s, as show --format md writes it", strings.Join(fields, ", "))
	}
	var out []map[string]string
	for i, x := range list {
		rec, ok := x.(map[string]any)
		if !ok {
			return nil, fm.errorAt(key, "item %d must be a record with %s, as show --format md writes it", i+1, strings.Join(fields, ", "))
		}
		r := map[string]string{}
		for k, val := range rec {
			if k = strings.ToLower(k); !slices.Contains(fields, k) {
				return nil, fm.errorAt(key, "item %d: %s is not one of %s", i+1, k, strings.Join(fields, ", "))
			}
			switch val := val.(type) {
			case nil:
			case []any, map[string]any:
				return nil, fm.errorAt(key, "item %d: %s must be a single value", i+1, k)
			case string:
				r[k] = strings.TrimSpace(val)
			default:
				r[k] = fmt.Sprint(val)
			}
		}
		out = append(out, r)
	}
	return out, nil
}

func (fm *frontMatter) boolean(key string) (bool, error) {
	switch v := fm.values[key].(type) {
	case bool:
		return v, nil
	case string:
		switch strings.ToLower(strings.TrimSpace(v)) {
		case "true", "yes", "on":
			return true, nil
		case "false", "no", "off", "":
			return false, nil
		}
		return false, fm.errorAt(key, "%q is not true or false", v)
	case nil:
		return false, nil
	}
	return false, fm.errorAt(key, "must be true or false")
}

var archiveDateLayouts = []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05 -0700", "2006-01-02 15:04:05 -07:00",
	"2006-01-02 15:04:05Z07:00", "2006-01-02 15:04:05", "2006-01-02 15:04 -0700", "2006-01-02 15:04", "2006-01-02", time.RFC1123Z, time.RFC1123}

// date reads a key as a time; a time without a zone is taken as UTC.
func (fm *frontMatter) date(key string) (time.Time, error) {
	switch v := fm.values[key].(type) {
	case nil:
		return time.Time{}, nil
	case time.Time:
		// TOML's local dates and times come in a zone of offset 0: UTC.
		return time.Date(v.Year(), v.Month(), v.Day(), v.Hour(), v.Minute(), v.Second(), v.Nanosecond(), v.Location()).UTC(), nil
	case string:
		s := strings.TrimSpace(v)
		if s == "" {
			return time.Time{}, nil
		}
		for _, l := range archiveDateLayouts {
			if t, err := time.Parse(l, s); err == nil {
				return t.UTC(), nil
			}
		}
		return time.Time{}, fm.errorAt(key, "%q is not a date; write it as 2026-11-28 or 2026-11-28T09:30:00Z", s)
	}
	return time.Time{}, fm.errorAt(key, "must be a date, as 2026-11-28")
}
