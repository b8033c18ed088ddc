package redline_test

import (
	"bytes"
	"html"
	"regexp"
	"strings"
	"testing"

	"copydesk/editor"
	"copydesk/export/redline"
)

func redlineStories() (*editor.Story, *editor.Story) {
	a := &editor.Story{
		Revision: 3, Headline: "Minister <em>denies</em> claims", Status: editor.StatusSubbing,
		Body:   "The minister said the plan was sound.\n\nCritics & rivals called it reckless.",
		Quotes: []editor.Quote{{ID: "q1", Speaker: "Jane Doe", Text: "It is sound.", Verb: "said"}},
	}
	b := &editor.Story{
		Revision: 5, Headline: "Minister <em>rejects</em> claims", Status: editor.StatusReady,
		Body:   "The minister said the plan was robust.\n\nCritics & rivals called it reckless.\n\nA <script>alert(\"x\")</script> vote follows.",
		Quotes: []editor.Quote{{ID: "q1", Speaker: "Jane Doe", Text: "It is robust.", Verb: "said"}, {ID: "q2", Speaker: "O'Brien <b>", Text: "No comment."}},
	}
	return a, b
}

func redlineRender(t *testing.T, d editor.StoryDiff, opt redline.Options) string {
	t.Helper()
	var buf bytes.Buffer
	if err := redline.Write(&buf, d, opt); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return buf.String()
}

var (
	redlineDel  = regexp.MustCompile(`(?s)<del>.*?</del>`)
	redlineIns  = regexp.MustCompile(`(?s)<ins>.*?</ins>`)
	redlineMark = regexp.MustCompile(`<span class="mk">[^<]*</span>`)
	redlineTag  = regexp.MustCompile(`<[^>]*>`)
)

// redlineSide reads one version of a field back from its rendered HTML:
// the page with the other side's changes, the markers and the tags taken
// out, and the entities decoded.
func redlineSide(fragment string, keep string) string {
	if keep == "new" {
		fragment = redlineDel.ReplaceAllString(fragment, "")
	} else {
		fragment = redlineIns.ReplaceAllString(fragment, "")
	}
	fragment = redlineMark.ReplaceAllString(fragment, "")
	return html.UnescapeString(redlineTag.ReplaceAllString(fragment, ""))
}

func TestRedlineEscapesAndRebuilds(t *testing.T) {
	a, b := redlineStories()
	page := redlineRender(t, editor.DiffStories(a, b), redline.Options{
		Title: b.Headline, From: "subbed <by> Sam", To: "legalled",
	})
	for _, raw := range []string{"<script", "<em>", "<by>", `<b>`, `alert("x")`} {
		if strings.Contains(page, raw) {
			t.Errorf("redline page holds %q unescaped", raw)
		}
	}
	for _, want := range []string{
		"<title>Changes to Minister &lt;em&gt;rejects&lt;/em&gt; claims, revision 3 to 5</title>",
		"From revision 3: subbed &lt;by&gt; Sam",
		`<p class="legend">`,
		`<del><span class="mk">[-</span>denies<span class="mk">-]</span></del><ins><span class="mk">[+</span>rejects<span class="mk">+]</span></ins>`,
		`<del><span class="mk">[-</span>subbing<span class="mk">-]</span></del>`,
		"<strong>Added:</strong> “No comment.” (O&#39;Brien &lt;b&gt;)",
		"<strong>Changed:</strong> “It is robust.” (Jane Doe)",
		"Unchanged: Kicker, Standfirst, Byline, Dateline, Credit, Section, Slug, Rules page, Length target, Tags.",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("redline page lacks %q", want)
		}
	}
	body := regexp.MustCompile(`(?s)<h2>Body</h2>\n<div class="text">(.*?)</div>`).FindStringSubmatch(page)
	if body == nil {
		t.Fatalf("redline page has no body section:\n%s", page)
	}
	if got := redlineSide(body[1], "old"); got != a.Body {
		t.Errorf("old body read back from the redline = %q, want %q", got, a.Body)
	}
	if got := redlineSide(body[1], "new"); got != b.Body {
		t.Errorf("new body read back from the redline = %q, want %q", got, b.Body)
	}
}

func TestRedlineDeterministic(t *testing.T) {
	a, b := redlineStories()
	d := editor.DiffStories(a, b)
	opt := redline.Options{Title: "x"}
	if first, second := redlineRender(t, d, opt), redlineRender(t, d, opt); first != second {
		t.Errorf("two renderings of the same diff differ")
	}
}

func TestRedlineParagraphBreak(t *testing.T) {
	a := &editor.Story{Body: "One.\n\nTwo."}
	b := &editor.Story{Body: "One. Two."}
	page := redlineRender(t, editor.DiffStories(a, b), redline.Options{})
	if !strings.Contains(page, "<del><span class=\"mk\">[-</span>¶\n\n<span class=\"mk\">-]</span></del>") {
		t.Errorf("redline page does not mark the removed paragraph break:\n%s", page)
	}
}

func TestRedlineNoChanges(t *testing.T) {
	a, _ := redlineStories()
	page := redlineRender(t, editor.DiffStories(a, a), redline.Options{})
	if !strings.Contains(page, "<p>No changes.</p>") || strings.Contains(page, "<section>") {
		t.Errorf("redline page of an unchanged story does not say so:\n%s", page)
	}
	if !strings.Contains(page, "<title>Changes, revision 3 to 3</title>") {
		t.Errorf("redline page without a title has no plain <title>:\n%s", page)
	}
}

func TestRedlinePages(t *testing.T) {
	a := &editor.Page{Revision: 1, Kind: editor.PageRules, Title: "Comments: Our rules", Body: "Be civil."}
	b := &editor.Page{Revision: 2, Kind: editor.PageRules, Title: "Comments: Our rules", Body: "Be civil and kind."}
	page := redlineRender(t, editor.DiffPages(a, b), redline.Options{Title: b.Title})
	if !strings.Contains(page, "<h2>Body</h2>") || !strings.Contains(page, "Unchanged: Title, Summary, Kind, Slug.") || strings.Contains(page, "Quotes") {
		t.Errorf("redline page of a site page =\n%s", page)
	}
}
