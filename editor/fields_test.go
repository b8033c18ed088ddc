package editor_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"copydesk/editor"
)

// notContent are the Story fields a revision does not hold: who the story
// is, where its history stands, and the corrections, which are kept with
// the revisions that made them. Every other field must be versioned.
var notContent = map[string]bool{
	"ID": true, "Revision": true, "CreatedAt": true, "UpdatedAt": true, "PublishedAt": true, "Corrections": true,
}

// setField gives the named field of s a value other than its zero value.
func setField(t *testing.T, s *editor.Story, name string) {
	t.Helper()
	v := reflect.ValueOf(s).Elem().FieldByName(name)
	when := time.Date(2026, 11, 28, 9, 30, 0, 0, time.UTC)
	switch x := v.Addr().Interface().(type) {
	case *string:
		*x = "value-of-" + strings.ToLower(name)
	case *[]string:
		*x = []string{"one", "two"}
	case *editor.Status:
		*x = editor.StatusSubbing
	case *int:
		*x = 7
	case *time.Time:
		*x = when
	case **time.Time:
		*x = &when
	case *[]editor.Quote:
		*x = []editor.Quote{{ID: "q1", Speaker: "Iain Duncan Smith", Text: "words", Verb: "said", ConfirmedBy: "Desk editor", ConfirmedAt: &when}}
	case *[]editor.Subject:
		*x = []editor.Subject{{Code: "medtop:20000763", Name: "weather"}}
	case *[]editor.Media:
		*x = []editor.Media{{Href: "https://example.com/storm.jpg", Caption: "The storm", Credit: "PA", Alt: "Waves over a sea wall"}}
	case *[]editor.Correction:
		*x = []editor.Correction{{Note: "A name was misspelt.", At: when}}
	default:
		t.Fatalf("setField does not know Story.%s (%s): teach it, and say whether the field is content", name, v.Type())
	}
}

func storyFieldNames() []string {
	var names []string
	for _, f := range reflect.VisibleFields(reflect.TypeFor[editor.Story]()) {
		names = append(names, f.Name)
	}
	return names
}

// TestEveryStoryFieldIsVersioned fails when a field is added to Story but
// not to its revision content (storyContent, Content and ApplyContent), nor
// to notContent above: a field that is never versioned is lost on restore.
func TestEveryStoryFieldIsVersioned(t *testing.T) {
	empty := (&editor.Story{}).Content()
	for _, name := range storyFieldNames() {
		var s editor.Story
		setField(t, &s, name)
		c := s.Content()
		if notContent[name] {
			if string(c) != string(empty) {
				t.Errorf("Story.%s is listed as not content, but Content() holds it: %s", name, c)
			}
			continue
		}
		if string(c) == string(empty) {
			t.Errorf("Story.%s is not in Content(): add it to storyContent (new fields go last, omitempty), or to notContent", name)
			continue
		}
		var back editor.Story
		if err := back.ApplyContent(c); err != nil {
			t.Fatal(err)
		}
		got := reflect.ValueOf(back).FieldByName(name).Interface()
		want := reflect.ValueOf(s).FieldByName(name).Interface()
		if !reflect.DeepEqual(got, want) {
			t.Errorf("ApplyContent(Content()) gives Story.%s = %#v, want %#v", name, got, want)
		}
	}
}

// TestStoryContentBytesAreStable pins the bytes a revision saved before the
// field table hashes to: a field added to storyContent must leave them as
// they are (omitempty, and at the end), or every stored revision would fail
// its hash check.
func TestStoryContentBytesAreStable(t *testing.T) {
	s := editor.Story{Slug: "budget", Headline: "Budget", Standfirst: "S", Byline: "B", Dateline: "D", Body: "Text.",
		Credit: "C", Section: "Politics", Tags: []string{"tax"}, Status: editor.StatusDraft, RulesPage: "comment-rules",
		Quotes: []editor.Quote{{ID: "q1", Text: "words"}}}
	const want = `{"slug":"budget","headline":"Budget","standfirst":"S","byline":"B","dateline":"D","body":"Text.",` +
		`"credit":"C","section":"Politics","tags":["tax"],"status":"draft","rules_page":"comment-rules",` +
		`"quotes":[{"id":"q1","person_id":"","speaker":"","role":"","text":"words","verb":"","context":"","said_on":"",` +
		`"source":"","source_kind":"","partial":false,"verified_by":"","verified_at":null,` +
		`"anchor":{"exact":"","prefix":"","suffix":"","start":0,"end":0}}]}`
	if got := string(s.Content()); got != want {
		t.Errorf("Content() =\n%s\nwant\n%s", got, want)
	}
}

// TestMergeStoriesKeepsEveryField fails when MergeStories leaves a Story
// field out of its result: merging a story with itself must give it back.
func TestMergeStoriesKeepsEveryField(t *testing.T) {
	var s editor.Story
	for _, name := range storyFieldNames() {
		setField(t, &s, name)
	}
	base, ours, theirs := s, s, s
	got, conflicts := editor.MergeStories(&base, &ours, &theirs)
	if len(conflicts) > 0 {
		t.Fatalf("MergeStories(s, s, s) conflicts: %+v", conflicts)
	}
	for _, name := range storyFieldNames() {
		g := reflect.ValueOf(*got).FieldByName(name).Interface()
		w := reflect.ValueOf(s).FieldByName(name).Interface()
		if !reflect.DeepEqual(g, w) {
			t.Errorf("MergeStories(s, s, s).%s = %#v, want %#v", name, g, w)
		}
	}
}

// TestMergeStoriesTakesEachFieldFromTheSideThatChangedIt changes each text
// field on their side only and expects the merge to take it.
func TestMergeStoriesTakesEachFieldFromTheSideThatChangedIt(t *testing.T) {
	base := editor.Story{Headline: "Budget", Body: "Text.", Section: "Politics", Slug: "budget", Status: editor.StatusDraft}
	for _, f := range editor.StoryFields() {
		theirs := base
		value := "changed-" + strings.ReplaceAll(f.Name, "_", "-")
		f.Set(&theirs, value)
		ours := base
		got, conflicts := editor.MergeStories(&base, &ours, &theirs)
		if len(conflicts) > 0 || f.Get(got) != value {
			t.Errorf("MergeStories with their %s changed: %s = %q, conflicts %+v; want %q", f.Name, f.Name, f.Get(got), conflicts, value)
		}
	}
}

func TestDiffStoriesListsEveryField(t *testing.T) {
	a := editor.Story{Status: editor.StatusDraft}
	for _, f := range editor.StoryFields() {
		b := a
		f.Set(&b, "changed-"+strings.ReplaceAll(f.Name, "_", "-"))
		d := editor.DiffStories(&a, &b)
		fd, ok := d.Field(f.Name)
		if !ok || !fd.Changed() || fd.New() != f.Get(&b) {
			t.Errorf("DiffStories with %s changed: %+v", f.Name, fd)
		}
		for _, other := range d.Fields {
			if other.Field != f.Name && other.Changed() {
				t.Errorf("DiffStories with %s changed also reports %s changed", f.Name, other.Field)
			}
		}
	}
}

// TestNormalizeJoinsLinesInSingleLineFields: a line break pasted into a
// single-line field (InDesign's forced break is U+2028) becomes a space, so
// the words either side stay two words.
func TestNormalizeJoinsLinesInSingleLineFields(t *testing.T) {
	for _, f := range editor.StoryFields() {
		if !f.SingleLine() || f.Slug || f.Count {
			continue
		}
		for _, br := range []string{"\n", "\r\n", "\r", "\u2028", "\u2029", "\u0085", "\v", "\f"} {
			var s editor.Story
			f.Set(&s, " Minister"+br+"resigns ")
			s.Normalize()
			if got := f.Get(&s); got != "Minister resigns" {
				t.Errorf("Normalize() of %s %q = %q, want %q", f.Name, "Minister"+br+"resigns", got, "Minister resigns")
			}
			if err := s.Validate(); err != nil {
				t.Errorf("Validate() after Normalize() of %s with %q = %v", f.Name, br, err)
			}
		}
	}
	s := editor.Story{Tags: []string{"Hong\u2028Kong"}, Standfirst: "One\u2028two", Body: "One\u2028two"}
	s.Normalize()
	if s.Tags[0] != "Hong Kong" || s.Standfirst != "One\u2028two" || s.Body != "One\u2028two" {
		t.Errorf("Normalize() = tags %q, standfirst %q, body %q; want the tag joined, the others as typed", s.Tags, s.Standfirst, s.Body)
	}
}

func TestValidateRefusesASingleLineFieldWithALineBreak(t *testing.T) {
	for _, f := range editor.StoryFields() {
		if !f.SingleLine() {
			continue
		}
		for _, br := range []string{"\n", "\u2028", "\u0085"} {
			s := editor.Story{Status: editor.StatusDraft}
			f.Set(&s, "a"+br+"b")
			var ve *editor.ValidationError
			if err := s.Validate(); !errors.As(err, &ve) || ve.Field != f.Name {
				t.Errorf("Validate() with %s %q = %v, want an error naming %s", f.Name, "a"+br+"b", err, f.Name)
			}
		}
	}
}

// TestLimitsAreOneCheck: every field over its limit is refused by Validate
// and reported by Check, naming the field, from the same table.
func TestLimitsAreOneCheck(t *testing.T) {
	for _, f := range editor.StoryFields() {
		if f.Max == 0 || f.Count { // a count is held to its digits (TestLengthTarget)
			continue
		}
		s := editor.Story{Headline: "H", Body: "B", Status: editor.StatusDraft}
		f.Set(&s, strings.Repeat("é", f.Max))
		if err := s.Validate(); err != nil {
			t.Errorf("Validate() with %s at its limit (%d) = %v", f.Name, f.Max, err)
		}
		f.Set(&s, strings.Repeat("é", f.Max+1))
		var ve *editor.ValidationError
		if err := s.Validate(); !errors.As(err, &ve) || ve.Field != f.Name {
			t.Errorf("Validate() with %s one over its limit = %v, want an error naming %s", f.Name, err, f.Name)
		}
		var found *editor.Finding
		for _, fd := range editor.Check(&s, nil) {
			if fd.Kind == editor.KindTooLong {
				found = &fd
			}
		}
		if found == nil || found.Field != f.Name || found.Severity != editor.SeverityError ||
			!strings.Contains(found.Message, strings.ToLower(f.Label)) {
			t.Errorf("Check() with %s one over its limit: finding %+v, want an error on %s", f.Name, found, f.Name)
		}
	}
}

func TestCheckFindingsNameTheirField(t *testing.T) {
	s := editor.Story{Body: "He said: “This is a quote with no record at all.”", Status: editor.StatusDraft,
		Quotes: []editor.Quote{{ID: "q1", Text: "Words that are gone from the text"}}}
	for _, f := range editor.Check(&s, nil) {
		if f.Field == "" {
			t.Errorf("finding %+v names no field", f)
			continue
		}
		if _, ok := editor.LookupStoryField(f.Field); !ok && f.Field != "quotes" && f.Field != "tags" {
			t.Errorf("finding %+v names %q, which is not a field", f, f.Field)
		}
	}
}

func TestFieldTable(t *testing.T) {
	seen := map[string]bool{}
	keys := map[string]string{}
	targets := map[string]string{} // Story field → table field that sets it
	for _, f := range editor.StoryFields() {
		if f.Name == "" || f.Label == "" || seen[f.Name] {
			t.Errorf("field %+v: every field needs a name of its own and a label", f)
		}
		seen[f.Name] = true
		if f.Max == 0 && !f.Slug {
			t.Errorf("field %s has no limit", f.Name)
		}
		for _, k := range append([]string{f.Key}, f.Aliases...) {
			if k == "" {
				continue
			}
			if other, dup := keys[k]; dup {
				t.Errorf("front-matter key %q is read for both %s and %s", k, other, f.Name)
			}
			keys[k] = f.Name
		}
		if got := editor.FieldLabel(f.Name); got != f.Label {
			t.Errorf("FieldLabel(%q) = %q, want %q", f.Name, got, f.Label)
		}
		// Set reaches one Story field of its own, and Get reads it back.
		var s editor.Story
		f.Set(&s, "x")
		var set []string
		for _, sf := range reflect.VisibleFields(reflect.TypeFor[editor.Story]()) {
			if v := reflect.ValueOf(s).FieldByIndex(sf.Index); v.Kind() == reflect.String && v.String() == "x" {
				set = append(set, sf.Name)
			}
		}
		if len(set) != 1 || f.Get(&s) != "x" || targets[set[0]] != "" {
			t.Errorf("field %s: Set sets %v (also set by %q), Get gives %q", f.Name, set, targets[strings.Join(set, "")], f.Get(&s))
		}
		targets[strings.Join(set, "")] = f.Name
	}
	if editor.FieldLabel("rules_page") != "Rules page" || editor.FieldLabel("tags") != "Tags" || editor.FieldLabel("nonesuch") != "nonesuch" {
		t.Errorf("FieldLabel: rules_page %q, tags %q, nonesuch %q", editor.FieldLabel("rules_page"), editor.FieldLabel("tags"), editor.FieldLabel("nonesuch"))
	}
}
