package editor_test

import (
	"fmt"
	"strings"
	"testing"

	"copydesk/editor"
)

func TestMerge3(t *testing.T) {
	const base = "The minister said the plan was sound.\n\nCritics called it reckless.\n\nA vote is due on Tuesday."
	tests := []struct {
		name         string
		base         string // the common base when not empty
		ours, theirs string
		want         string
		conflicts    []string // "base|ours|theirs"
	}{
		{
			name: "no changes",
			ours: base, theirs: base,
			want: base,
		},
		{
			name: "only ours",
			ours: strings.Replace(base, "sound", "robust", 1), theirs: base,
			want: strings.Replace(base, "sound", "robust", 1),
		},
		{
			name: "only theirs",
			ours: base, theirs: strings.Replace(base, "Tuesday", "Wednesday", 1),
			want: strings.Replace(base, "Tuesday", "Wednesday", 1),
		},
		{
			name:   "different paragraphs",
			ours:   strings.Replace(base, "sound", "robust", 1),
			theirs: strings.Replace(base, "Tuesday", "Wednesday", 1),
			want:   "The minister said the plan was robust.\n\nCritics called it reckless.\n\nA vote is due on Wednesday.",
		},
		{
			name:   "different words of one sentence",
			ours:   strings.Replace(base, "minister said", "minister says", 1),
			theirs: strings.Replace(base, "was sound", "was unsound", 1),
			want:   "The minister says the plan was unsound.\n\nCritics called it reckless.\n\nA vote is due on Tuesday.",
		},
		{
			name:   "a paragraph added at the end and a word changed at the start",
			ours:   base + "\n\nMore follows.",
			theirs: strings.Replace(base, "The minister", "The chancellor", 1),
			want:   "The chancellor said the plan was sound.\n\nCritics called it reckless.\n\nA vote is due on Tuesday.\n\nMore follows.",
		},
		{
			name:   "the same change on both sides",
			ours:   strings.Replace(base, "reckless", "rash", 1),
			theirs: strings.Replace(base, "reckless", "rash", 1),
			want:   strings.Replace(base, "reckless", "rash", 1),
		},
		{
			name:      "the same word changed two ways",
			ours:      strings.Replace(base, "reckless", "rash", 1),
			theirs:    strings.Replace(base, "reckless", "foolhardy", 1),
			want:      strings.Replace(base, "reckless", "rash", 1),
			conflicts: []string{"reckless|rash|foolhardy"},
		},
		{
			name:      "a word changed that the other side deleted with its sentence",
			ours:      strings.Replace(base, "\n\nCritics called it reckless.", "", 1),
			theirs:    strings.Replace(base, "Critics", "Opponents", 1),
			want:      strings.Replace(base, "\n\nCritics called it reckless.", "", 1),
			conflicts: []string{"Critics called it reckless.\n\n||Opponents called it reckless.\n\n"},
		},
		{
			name:      "two insertions at the same place",
			ours:      strings.Replace(base, "plan was", "plan was broadly", 1),
			theirs:    strings.Replace(base, "plan was", "plan was entirely", 1),
			want:      strings.Replace(base, "plan was", "plan was broadly", 1),
			conflicts: []string{"|broadly |entirely "},
		},
		{
			name:   "neighbouring words",
			base:   "the big cat sat",
			ours:   "the large cat sat",
			theirs: "the big dog sat",
			want:   "the large dog sat",
		},
		{
			name:      "a change that meets another",
			base:      "the big cat sat",
			ours:      "the big cat, sat",
			theirs:    "the big dog sat",
			want:      "the big cat, sat",
			conflicts: []string{"cat|cat,|dog"},
		},
		{
			name:   "curly quotes and emoji survive",
			base:   "“It is a threat,” he said. 😀",
			ours:   "“It is a threat,” he said. 😀",
			theirs: "“It is a grave threat,” he said. 😀",
			want:   "“It is a grave threat,” he said. 😀",
		},
	}
	for _, tt := range tests {
		b := base
		if tt.base != "" {
			b = tt.base
		}
		got, conflicts := editor.Merge3(b, tt.ours, tt.theirs)
		if got != tt.want {
			t.Errorf("%s: Merge3(%q, %q, %q) = %q, want %q", tt.name, b, tt.ours, tt.theirs, got, tt.want)
		}
		var gotC []string
		for _, c := range conflicts {
			gotC = append(gotC, c.Base+"|"+c.Ours+"|"+c.Theirs)
		}
		if fmt.Sprint(gotC) != fmt.Sprint(tt.conflicts) {
			t.Errorf("%s: Merge3 conflicts = %q, want %q", tt.name, gotC, tt.conflicts)
		}
	}
}

func TestMerge3ConflictContext(t *testing.T) {
	_, conflicts := editor.Merge3("one two three four five six seven", "one two three 4 five six seven", "one two three IV five six seven")
	if len(conflicts) != 1 {
		t.Fatalf("Merge3 gave %d conflicts, want 1", len(conflicts))
	}
	c := conflicts[0]
	if c.Before != "one two three " || c.After != " five six seven" {
		t.Errorf("conflict context = %q … %q, want %q … %q", c.Before, c.After, "one two three ", " five six seven")
	}
}

// FuzzMerge3 checks what holds for any three texts: a side that did not
// change yields the other, and a merge without conflicts keeps every
// change each side made when they are far apart.
func FuzzMerge3(f *testing.F) {
	f.Add("The plan was sound. Critics disagreed.", "The plan was robust. Critics disagreed.", "The plan was sound. Critics agreed.")
	f.Add("“A” b 😀 c", "“A” B 😀 c", "“A” b 😀 C")
	f.Fuzz(func(t *testing.T, base, ours, theirs string) {
		if got, c := editor.Merge3(base, ours, base); got != ours || len(c) != 0 {
			t.Errorf("Merge3(%q, %q, base) = %q, %d conflicts, want ours", base, ours, got, len(c))
		}
		if got, c := editor.Merge3(base, base, theirs); got != theirs || len(c) != 0 {
			t.Errorf("Merge3(%q, base, %q) = %q, %d conflicts, want theirs", base, theirs, got, len(c))
		}
		// Ours edits a copy of base before a separator, theirs after it.
		const sep = "\n\n---\n\n"
		got, c := editor.Merge3(base+sep+base, ours+sep+base, base+sep+theirs)
		if want := ours + sep + theirs; got != want && len(c) == 0 {
			t.Errorf("Merge3 of edits either side of a separator = %q, want %q", got, want)
		}
	})
}

func TestMergeStories(t *testing.T) {
	base := revSampleStory()
	ours := revSampleStory()
	theirs := revSampleStory()
	ours.Headline = "Duncan Smith warns of Chinese threat"
	ours.Tags = []string{"China", "Parliament", "Security"}
	ours.Quotes[0].Verb = "told MPs"
	theirs.Body = strings.Replace(base.Body, "more", "much more", 1)
	theirs.Status = editor.StatusReady
	theirs.Tags = []string{"China"}
	theirs.Quotes[1].Text = "We are watching closely."
	theirs.Quotes = append(theirs.Quotes, editor.Quote{ID: "q9", Speaker: "A spokesman", Text: "No comment."})

	got, conflicts := editor.MergeStories(base, ours, theirs)
	if len(conflicts) != 0 {
		t.Errorf("MergeStories conflicts = %+v, want none", conflicts)
	}
	checks := []struct{ field, got, want string }{
		{"headline", got.Headline, ours.Headline},
		{"body", got.Body, theirs.Body},
		{"status", string(got.Status), "ready"},
		{"tags", strings.Join(got.Tags, ","), "China,Security"},
		{"quote 1 verb", got.Quotes[0].Verb, "told MPs"},
		{"quote 2 text", got.Quotes[1].Text, "We are watching closely."},
		{"quotes", fmt.Sprint(len(got.Quotes)), "3"},
		{"section", got.Section, "Politics"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("MergeStories %s = %q, want %q", c.field, c.got, c.want)
		}
	}
	if base.Headline != "Duncan Smith warns of China threat" || len(ours.Tags) != 3 {
		t.Errorf("MergeStories changed its inputs")
	}
}

func TestMergeStoriesConflicts(t *testing.T) {
	base := revSampleStory()
	ours := revSampleStory()
	theirs := revSampleStory()
	ours.Headline = "Duncan Smith warns of Chinese threat"
	theirs.Headline = "Duncan Smith warns of Beijing threat"
	ours.Section = "World"
	theirs.Section = "UK"
	ours.Quotes[0].Text = "China is a real threat."
	theirs.Quotes[0].Text = "China is a grave threat."
	theirs.Quotes = theirs.Quotes[:1] // they removed q2...
	ours.Quotes[1].Verb = "insisted"  // ...which we changed

	got, conflicts := editor.MergeStories(base, ours, theirs)
	var fields []string
	for _, c := range conflicts {
		fields = append(fields, c.Field+": "+c.Base+" | "+c.Ours+" | "+c.Theirs)
	}
	want := []string{
		"headline: China | Chinese | Beijing",
		"section: Politics | World | UK",
		"quotes[q1]: text: China is a threat. | text: China is a real threat. | text: China is a grave threat.",
		"quotes[q2]: verb: replied | verb: insisted | (removed)",
	}
	if strings.Join(fields, "\n") != strings.Join(want, "\n") {
		t.Errorf("MergeStories conflicts =\n%s\nwant\n%s", strings.Join(fields, "\n"), strings.Join(want, "\n"))
	}
	if got.Headline != ours.Headline || got.Section != "World" || len(got.Quotes) != 2 {
		t.Errorf("MergeStories with conflicts = %q, %q, %d quotes, want ours", got.Headline, got.Section, len(got.Quotes))
	}
}

func TestMergePages(t *testing.T) {
	base := &editor.Page{Slug: "comment-rules", Kind: editor.PageRules, Title: "Comments: Our rules", Summary: "Be civil.", Body: "Rule one.\n\nRule two."}
	ours, theirs := *base, *base
	ours.Title = "Comments: our rules"
	theirs.Body = "Rule one.\n\nRule two.\n\nRule three."
	got, conflicts := editor.MergePages(base, &ours, &theirs)
	if len(conflicts) != 0 || got.Title != ours.Title || got.Body != theirs.Body {
		t.Errorf("MergePages = %q, %q, %v; want ours' title, theirs' body, no conflicts", got.Title, got.Body, conflicts)
	}
}

func TestResolveStories(t *testing.T) {
	base := &editor.Story{Headline: "Vote on Tuesday", Body: "The minister said the plan was sound.\n\nA vote is due on Tuesday.", Status: editor.StatusDraft,
		Quotes: []editor.Quote{{ID: "q1", Text: "the plan was sound", Speaker: "Ann Lee", Verb: "said"}}}
	ours, theirs := *base, *base
	ours.Headline, theirs.Headline = "Vote on Wednesday", "Vote on Thursday"
	ours.Body = strings.Replace(base.Body, "sound", "robust", 1)
	theirs.Body = strings.Replace(base.Body, "sound", "reckless", 1)
	ours.Quotes = []editor.Quote{{ID: "q1", Text: "the plan was sound", Speaker: "Ann Lee", Verb: "insisted"}}
	theirs.Quotes = []editor.Quote{{ID: "q1", Text: "the plan was sound", Speaker: "Ann Lee", Verb: "claimed"}}
	tests := []struct {
		name     string
		theirsAt []bool
		headline string
		body     string
		verb     string
	}{
		{"nothing chosen keeps ours", nil, "Vote on Wednesday", "robust", "insisted"},
		{"theirs at the first", []bool{true}, "Vote on Thursday", "robust", "insisted"},
		{"theirs at the second", []bool{false, true}, "Vote on Wednesday", "reckless", "insisted"},
		{"theirs everywhere", []bool{true, true, true}, "Vote on Thursday", "reckless", "claimed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, conflicts := editor.ResolveStories(base, &ours, &theirs, tt.theirsAt)
			if len(conflicts) != 3 || conflicts[0].Field != "headline" || conflicts[1].Field != "body" || conflicts[2].Field != "quotes[q1]" {
				t.Fatalf("ResolveStories(%v) conflicts = %+v, want headline, body, quotes[q1]", tt.theirsAt, conflicts)
			}
			if got.Headline != tt.headline || !strings.Contains(got.Body, "was "+tt.body+".") || len(got.Quotes) != 1 || got.Quotes[0].Verb != tt.verb {
				t.Errorf("ResolveStories(%v) = %q / %q / %+v, want %q, %q, %q", tt.theirsAt, got.Headline, got.Body, got.Quotes, tt.headline, tt.body, tt.verb)
			}
		})
	}
}

func TestResolvePagesTakesTheChosenWords(t *testing.T) {
	base := &editor.Page{Title: "Rules", Body: "Be civil. Stay on topic."}
	ours, theirs := *base, *base
	ours.Body, theirs.Body = "Be kind. Stay on topic.", "Be polite. Stay on topic, please."
	got, conflicts := editor.ResolvePages(base, &ours, &theirs, []bool{true})
	if len(conflicts) != 1 || got.Body != "Be polite. Stay on topic, please." {
		t.Errorf("ResolvePages = %q with %+v, want their words at the clash and their other change", got.Body, conflicts)
	}
}
