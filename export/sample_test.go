package export_test

import (
	"os"
	"strings"
	"testing"
	"time"

	"copydesk/editor"
	"copydesk/export"
)

var testSite = export.Site{Name: "The Chingford Guardian", BaseURL: "https://news.example.com/", Language: "en-GB",
	Description: "News for Chingford and Woodford Green."}

func at(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

func ptr[T any](v T) *T { return &v }

// sampleContent returns the sample wire story, published, with its quotes
// anchored in its body, and the comment-rules page made from the block under it.
func sampleContent(t *testing.T) (editor.Story, editor.Page) {
	t.Helper()
	data, err := os.ReadFile("testdata/pa-duncan-smith-china-threat.txt")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	var body, rules []string
	credit := ""
	for i, l := range lines {
		if strings.HasPrefix(l, "Reporting by") {
			credit = l
			rules = lines[i+1:]
			break
		}
		body = append(body, l)
	}
	s := editor.Story{
		ID:          "6f1c2a4e-9b1d-4c3e-8f00-0a1b2c3d4e5f",
		Slug:        "duncan-smith-china-direct-threat",
		Headline:    "Sir Iain Duncan Smith says he is the target of a ‘direct threat’ from China",
		Standfirst:  "The former Conservative leader told the Commons that intelligence pointed at the co-chairs of the Interparliamentary Alliance on China.",
		Byline:      "By Press Association reporter",
		Dateline:    "Westminster",
		Body:        strings.Join(body, "\n\n"),
		Credit:      credit,
		Section:     "Politics",
		Tags:        []string{"China", "Iain Duncan Smith", "House of Commons"},
		Status:      editor.StatusPublished,
		RulesPage:   "comment-rules",
		CreatedAt:   at("2021-07-19T15:00:00Z"),
		UpdatedAt:   at("2021-07-19T17:30:00Z"),
		PublishedAt: ptr(at("2021-07-19T16:05:00Z")),
		Corrections: []editor.Correction{{Note: "An earlier version gave the wrong constituency for Sir Iain.", At: at("2021-07-19T17:30:00Z")}},
	}
	quote := func(id, speaker, role, verb, first, last string, partial bool) editor.Quote {
		start := strings.Index(s.Body, first)
		end := strings.Index(s.Body[start:], last) + start + len(last)
		if start < 0 || end < start {
			t.Fatalf("quote %q…%q not in the sample", first, last)
		}
		return editor.Quote{ID: id, Speaker: speaker, Role: role, Verb: verb, Text: s.Body[start:end], Partial: partial,
			SaidOn: "2021-07-19", Source: "https://hansard.parliament.uk/commons/2021-07-19", SourceKind: editor.SourceSpeech,
			Anchor: editor.Anchor{Exact: s.Body[start:end], Start: start, End: end},
			ConfirmedBy: "Desk editor", ConfirmedAt: ptr(at("2021-07-19T16:00:00Z"))}
	}
	s.Quotes = []editor.Quote{
		quote("q1", "Iain Duncan Smith", "Chingford and Woodford Green MP", "claimed", "direct threat", "direct threat", true),
		quote("q2", "Iain Duncan Smith", "Chingford and Woodford Green MP", "told the Commons", "I understand now", "like other allies have done?", false),
		quote("q3", "James Cleverly", "Foreign Office minister", "replied", "He will understand", "defend themselves against those.", false),
		quote("q4", "James Cleverly", "Foreign Office minister", "alleged", "Chinese state-backed groups", "Chinese state-backed groups", true),
		quote("q5", "Chinese government", "", "said", "maliciously spreading", "disinformation", true),
	}
	page := editor.Page{
		ID:      "0d8a7c55-3b8e-4c9a-9d57-6a0d2f1e9b11",
		Slug:    "comment-rules",
		Kind:    editor.PageRules,
		Title:   rules[0],
		Summary: strings.Join(rules[1:], "\n"),
		Body: "## Our rules\n\n" + strings.Join(rules[1:len(rules)-1], "\n\n") +
			"\n\n1. Be respectful.\n2. Stay on topic.\n3. No personal attacks, hate speech or spam.\n",
		CreatedAt: at("2021-01-01T00:00:00Z"),
		UpdatedAt: at("2021-01-01T00:00:00Z"),
	}
	return s, page
}

// sampleSite is the sample story and rules page, with a few more stories in
// other states and sections and a corrections policy.
func sampleSite(t *testing.T) ([]editor.Story, []editor.Page) {
	t.Helper()
	s, rules := sampleContent(t)
	policy := editor.Page{ID: "policy-1", Slug: "corrections-policy", Kind: editor.PagePolicy, Title: "Corrections policy",
		Summary: "How we correct mistakes.", Body: "We correct errors **promptly** and say so under the story.\n"}
	stories := []editor.Story{s}
	for i, st := range []editor.Status{editor.StatusPublished, editor.StatusPublished, editor.StatusDraft, editor.StatusSpiked, editor.StatusReady} {
		pub := at("2021-07-18T09:00:00Z").Add(time.Duration(i) * time.Hour)
		stories = append(stories, editor.Story{
			ID: "story-" + string(rune('a'+i)), Slug: "other-story-" + string(rune('a'+i)),
			Headline: "Other story " + string(rune('A'+i)), Standfirst: "Standfirst of another story.",
			Byline: "By Jane Reporter", Body: "A paragraph with *emphasis* and a [link](https://example.com/).\n\nSecond paragraph.",
			Section: []string{"Local", "Sport", "Local", "Sport", "Local"}[i], Status: st, RulesPage: "comment-rules",
			CreatedAt: pub, UpdatedAt: pub, PublishedAt: &pub,
		})
	}
	return stories, []editor.Page{rules, policy}
}
