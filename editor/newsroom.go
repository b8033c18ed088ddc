package editor

import (
	"bytes"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Subject is a subject code a feed gives a story, with its name where it
// gives one: IPTC Media Topics as "medtop:20000763", IPTC subject codes as
// "subj:15054000", other schemes as the feed writes them.
type Subject struct {
	Code string `json:"code,omitempty" yaml:"code,omitempty"`
	Name string `json:"name,omitempty" yaml:"name,omitempty"`
}

// Media is a picture or video the story carries: its address, caption,
// credit and the alternative text read out in its place.
type Media struct {
	Href    string `json:"href" yaml:"href"`
	Caption string `json:"caption,omitempty" yaml:"caption,omitempty"`
	Credit  string `json:"credit,omitempty" yaml:"credit,omitempty"`
	Alt     string `json:"alt,omitempty" yaml:"alt,omitempty"`
}

// Newsroom limits.
const (
	UrgencyMax = 9   // urgency runs from 1, the most urgent, to 9
	SubjectMax = 100 // subjects a story may carry
	MediaMax   = 50  // pictures and videos a story may carry
	AliasMax   = 50  // old paths a story may keep
)

// typedField is a story field that is not text (the urgency, the embargo
// and expiry times, the subjects, the media and the old paths): a save
// checks it, a revision holds it, a diff and a merge treat it as one value,
// and a Markdown file carries it under Key when it is set.
type typedField struct {
	Name, Label string
	// show is the value as one line of text, "" when unset: what a diff
	// shows and a merge compares.
	show func(*Story) string
	// take sets the field in dst to its value in src.
	take func(dst, src *Story)
	// yaml is the value as front matter writes it; nil when unset.
	yaml func(*Story) any
	// read sets the field from its front-matter value.
	read func(fm *frontMatter, key string, s *Story) error
	// check reports a value a save refuses.
	check func(*Story) error
}

// typedFields are the story's typed fields, in the order a diff lists them
// after the text fields, the tags and the status.
var typedFields = []typedField{
	{Name: "urgency", Label: "Urgency",
		show: func(s *Story) string {
			if s.Urgency == 0 {
				return ""
			}
			return strconv.Itoa(s.Urgency)
		},
		take: func(d, s *Story) { d.Urgency = s.Urgency },
		yaml: func(s *Story) any {
			if s.Urgency == 0 {
				return nil
			}
			return s.Urgency
		},
		read: func(fm *frontMatter, key string, s *Story) error {
			v, _, err := fm.text(key, nil)
			if err != nil || strings.TrimSpace(v) == "" {
				return err
			}
			n, convErr := strconv.Atoi(strings.TrimSpace(v))
			if convErr != nil {
				return fm.errorAt(key, "%q is not an urgency; write a number from 1 (most urgent) to 9", v)
			}
			s.Urgency = n
			return nil
		},
		check: func(s *Story) error {
			if s.Urgency < 0 || s.Urgency > UrgencyMax {
				return invalid("urgency", "is %d; an urgency runs from 1 (most urgent) to 9, or 0 for none", s.Urgency)
			}
			return nil
		}},
	timeField("embargo", "Embargo", func(s *Story) **time.Time { return &s.Embargo }),
	timeField("expires", "Expires", func(s *Story) **time.Time { return &s.Expires }),
	{Name: "subjects", Label: "Subjects",
		show: func(s *Story) string {
			parts := make([]string, len(s.Subjects))
			for i, sub := range s.Subjects {
				parts[i] = strings.TrimSpace(sub.Code + " " + sub.Name)
			}
			return strings.Join(parts, "; ")
		},
		take: func(d, s *Story) { d.Subjects = slices.Clone(s.Subjects) },
		yaml: func(s *Story) any {
			if len(s.Subjects) == 0 {
				return nil
			}
			return s.Subjects
		},
		read: func(fm *frontMatter, key string, s *Story) error { return fm.decode(key, &s.Subjects) },
		check: func(s *Story) error {
			if len(s.Subjects) > SubjectMax {
				return invalid("subjects", "has %d subjects; the limit is %d", len(s.Subjects), SubjectMax)
			}
			for i, sub := range s.Subjects {
				field := "subjects[" + itoa(i) + "]"
				if strings.TrimSpace(sub.Code) == "" && strings.TrimSpace(sub.Name) == "" {
					return invalid(field, "has neither a code nor a name")
				}
				if err := firstError(checkSingleLine(field+".code", sub.Code), checkLen(field+".code", sub.Code, LineFieldMax),
					checkSingleLine(field+".name", sub.Name), checkLen(field+".name", sub.Name, LineFieldMax)); err != nil {
					return err
				}
			}
			return nil
		}},
	{Name: "media", Label: "Media",
		show: func(s *Story) string {
			parts := make([]string, len(s.Media))
			for i, m := range s.Media {
				parts[i] = strings.Join(nonEmptyStrings(m.Href, m.Caption, m.Credit, m.Alt), " | ")
			}
			return strings.Join(parts, "; ")
		},
		take: func(d, s *Story) { d.Media = slices.Clone(s.Media) },
		yaml: func(s *Story) any {
			if len(s.Media) == 0 {
				return nil
			}
			return s.Media
		},
		read: func(fm *frontMatter, key string, s *Story) error { return fm.decode(key, &s.Media) },
		check: func(s *Story) error {
			if len(s.Media) > MediaMax {
				return invalid("media", "has %d items; the limit is %d", len(s.Media), MediaMax)
			}
			for i, m := range s.Media {
				field := "media[" + itoa(i) + "]"
				if !MediaHref(m.Href) {
					return invalid(field+".href", "%q is not an http(s) address or a path from the site's root", m.Href)
				}
				if err := firstError(checkSingleLine(field+".href", m.Href), checkLen(field+".href", m.Href, 2000),
					checkLen(field+".caption", m.Caption, StandfirstMax), checkSingleLine(field+".credit", m.Credit),
					checkLen(field+".credit", m.Credit, LineFieldMax), checkLen(field+".alt", m.Alt, StandfirstMax)); err != nil {
					return err
				}
			}
			return nil
		}},
	{Name: "aliases", Label: "Old paths",
		show: func(s *Story) string { return JoinList(s.Aliases) },
		take: func(d, s *Story) { d.Aliases = slices.Clone(s.Aliases) },
		yaml: func(s *Story) any {
			if len(s.Aliases) == 0 {
				return nil
			}
			return s.Aliases
		},
		read: func(fm *frontMatter, key string, s *Story) error {
			v, _, err := fm.list(key)
			s.Aliases = v
			return err
		},
		check: func(s *Story) error {
			if len(s.Aliases) > AliasMax {
				return invalid("aliases", "has %d old paths; the limit is %d", len(s.Aliases), AliasMax)
			}
			for i, a := range s.Aliases {
				if _, err := AliasPath(a); err != nil {
					return invalid("aliases["+itoa(i)+"]", "%v", err)
				}
			}
			return nil
		}},
}

func timeField(name, label string, ptr func(*Story) **time.Time) typedField {
	return typedField{Name: name, Label: label,
		show: func(s *Story) string { return diffTime(*ptr(s)) },
		take: func(d, s *Story) {
			if t := *ptr(s); t != nil {
				c := *t
				*ptr(d) = &c
				return
			}
			*ptr(d) = nil
		},
		yaml: func(s *Story) any {
			if t := *ptr(s); t != nil {
				return t.UTC().Format(time.RFC3339)
			}
			return nil
		},
		read: func(fm *frontMatter, key string, s *Story) error {
			t, _, err := fm.date(key)
			if err == nil {
				*ptr(s) = timeOrNil(t)
			}
			return err
		},
		check: func(*Story) error { return nil },
	}
}

func timeOrNil(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	t = t.UTC()
	return &t
}

// MediaHref reports whether a media item's address may be exported: an
// http(s) URL or a path from the site's root ("/pictures/a.jpg"), never a
// script's scheme, nor a relative path that would mean something else on
// every page.
func MediaHref(href string) bool {
	href = strings.TrimSpace(href)
	if href == "" {
		return false
	}
	u, err := url.Parse(href)
	if err != nil {
		return false
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		return u.Host != ""
	case "":
		return u.Host == "" && strings.HasPrefix(href, "/") && !strings.HasPrefix(href, "//")
	}
	return false
}

// AliasPath is an old path of a story as the export writes its redirect:
// a clean path under the site's root, with no scheme, host, query, "..", or
// characters a file name cannot hold. "/2019/03/old-post/" gives
// "2019/03/old-post/index.html"; "/old.html" gives "old.html".
func AliasPath(alias string) (string, error) {
	p := strings.TrimSpace(alias)
	if p == "" {
		return "", fmt.Errorf("is empty")
	}
	if u, err := url.Parse(p); err != nil || u.Scheme != "" || u.Host != "" || u.RawQuery != "" || u.Fragment != "" {
		return "", fmt.Errorf("%q is not a path on the site; write it as /2019/03/old-post/", alias)
	}
	dir := strings.HasSuffix(p, "/")
	var parts []string
	for _, seg := range strings.Split(p, "/") {
		switch {
		case seg == "" || seg == ".":
			continue
		case seg == ".." || strings.ContainsAny(seg, "\\:*?\"<>|%") || strings.IndexFunc(seg, func(r rune) bool { return r < 0x20 || r == 0x7f }) >= 0:
			return "", fmt.Errorf("%q holds %q, which no path on the site may hold", alias, seg)
		}
		parts = append(parts, seg)
	}
	if len(parts) == 0 {
		return "", fmt.Errorf("%q is the site's front page, which a story cannot take", alias)
	}
	last := parts[len(parts)-1]
	if !dir && (strings.HasSuffix(last, ".html") || strings.HasSuffix(last, ".htm")) {
		return strings.Join(parts, "/"), nil
	}
	return strings.Join(parts, "/") + "/index.html", nil
}

// NewsroomField reports whether the field named is one of the newsroom
// fields a feed fills (StoryField.Wire, or a typed one such as urgency):
// a list of changes may leave them out while they are empty.
func NewsroomField(name string) bool {
	if f, ok := LookupStoryField(name); ok {
		return f.Wire
	}
	for _, f := range typedFields {
		if f.Name == name {
			return true
		}
	}
	return false
}

// typedProblem reports the first typed field a save refuses.
func (s *Story) typedProblem() error {
	for _, f := range typedFields {
		if err := f.check(s); err != nil {
			return err
		}
	}
	return nil
}

// typed merges the typed fields as whole values into out.
func (mg *merger) typed(out, base, ours, theirs *Story) {
	for _, f := range typedFields {
		b, o, t := f.show(base), f.show(ours), f.show(theirs)
		switch {
		case o == t || t == b:
			f.take(out, ours)
		case o == b:
			f.take(out, theirs)
		case mg.clash(Conflict{Field: f.Name, Base: b, Ours: o, Theirs: t}):
			f.take(out, theirs)
		default:
			f.take(out, ours)
		}
	}
}

// diffTyped compares the typed fields as whole values.
func diffTyped(a, b *Story) []FieldDiff {
	out := make([]FieldDiff, 0, len(typedFields))
	for _, f := range typedFields {
		out = append(out, wholeValueDiff(f.Name, f.show(a), f.show(b)))
	}
	return out
}

// writeTypedYAML writes each typed field that is set.
func writeTypedYAML(b *bytes.Buffer, s *Story) {
	for _, f := range typedFields {
		if v := f.yaml(s); v != nil {
			writeYAML(b, f.Name, v)
		}
	}
}

// readTyped reads the typed fields a story file gives, marking each in set.
func readTyped(fm *frontMatter, s *Story, set map[string]bool) error {
	for _, f := range typedFields {
		if _, ok := fm.values[f.Name]; !ok {
			continue
		}
		if err := f.read(fm, f.Name, s); err != nil {
			return err
		}
		set[f.Name] = true
	}
	return nil
}

// decode reads a front-matter value into v (a list of records), refusing
// keys the records do not have.
func (fm *frontMatter) decode(key string, v any) error {
	n := followAlias(fm.values[key])
	if n.ShortTag() == "!!null" {
		return nil
	}
	if err := n.Decode(v); err != nil {
		return fm.errorAt(key, "must be a list of records as show --format md writes it: %v", strings.TrimPrefix(err.Error(), "yaml: "))
	}
	return nil
}

func nonEmptyStrings(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// ApplyTyped sets in dst each of the typed newsroom fields (urgency,
// embargo, expires, subjects, media, aliases) the file gave; the text
// fields are applied from StoryFields by Set.
func (f *StoryFile) ApplyTyped(dst *Story) {
	for _, tf := range typedFields {
		if f.Set[tf.Name] {
			tf.take(dst, &f.Story)
		}
	}
}
