package editor_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"copydesk/editor"
)

// revOps writes ops compactly for test messages: "=kept -gone +new".
func revOps(ops []editor.Op) string {
	var parts []string
	for _, o := range ops {
		sign := map[editor.OpKind]string{editor.OpEqual: "=", editor.OpInsert: "+", editor.OpDelete: "-"}[o.Op]
		parts = append(parts, sign+o.Text)
	}
	return strings.Join(parts, "|")
}

func TestDiffText(t *testing.T) {
	tests := []struct {
		old, new string
		want     string
	}{
		{"", "", ""},
		{"same words", "same words", "=same words"},
		{"", "new text", "+new text"},
		{"old text", "", "-old text"},
		{"The minister said it was wrong.", "The minister says it was wrong.", "=The minister |-said|+says|= it was wrong."},
		{"He said, quietly.", "He said, loudly.", "=He said, |-quietly|+loudly|=."},
		{"Sir Iain Duncan-Smith spoke.", "Sir Iain Duncan Smith spoke.", "=Sir Iain |-Duncan-Smith|+Duncan Smith|= spoke."},
		{"It cost £1,500 today.", "It cost £1,750 today.", "=It cost £|-1,500|+1,750|= today."},
		{"“It is a threat,” he said.", "“It is a grave threat,” he said.", "=“It is a |+grave |=threat,” he said."},
		{"北京今天下雨", "北京明天下雨", "=北京|-今|+明|=天下雨"},
		{"Para one.\n\nPara two.", "Para one.\n\nPara two.\n\nPara three.", "=Para one.\n\nPara two.|+\n\nPara three."},
	}
	for _, tt := range tests {
		got := revOps(editor.DiffText(tt.old, tt.new))
		if got != tt.want {
			t.Errorf("DiffText(%q, %q) = %q, want %q", tt.old, tt.new, got, tt.want)
		}
	}
}

func TestDiffTextRebuilds(t *testing.T) {
	texts := []string{
		"",
		"The quick brown fox.",
		"The slow brown fox jumped.",
		"“I don’t think so,” said Sir Iain. 😀 The end.",
		"“I do think so,” Sir Iain said. 😀😀 The end!",
		"中文文本，没有空格。日本語のテキスト。",
		"中文文本，有空格。 日本語 テキスト。",
		"tabs\tand\r\nnewlines\n\n\nand  spaces",
		"\x00\xff invalid \xc3 bytes",
	}
	for _, a := range texts {
		for _, b := range texts {
			ops := editor.DiffText(a, b)
			if got := editor.OldText(ops); got != a {
				t.Errorf("OldText(DiffText(%q, %q)) = %q, want %q", a, b, got, a)
			}
			if got := editor.NewText(ops); got != b {
				t.Errorf("NewText(DiffText(%q, %q)) = %q, want %q", a, b, got, b)
			}
			for i := 1; i < len(ops); i++ {
				if ops[i].Op == ops[i-1].Op {
					t.Errorf("DiffText(%q, %q) = %q: two %s operations in a row", a, b, revOps(ops), ops[i].Op)
				}
			}
		}
	}
}

func FuzzDiffText(f *testing.F) {
	f.Add("The minister said it was wrong.", "The minister says it was not wrong at all.")
	f.Add("“It is,” he said. 😀", "“It isn’t,” she said. 😀😀")
	f.Add("北京今天下雨", "北京明天下雪")
	f.Add("a b a b a b", "b a b a")
	f.Fuzz(func(t *testing.T, a, b string) {
		ops := editor.DiffText(a, b)
		if got := editor.OldText(ops); got != a {
			t.Errorf("OldText(DiffText(%q, %q)) = %q, want %q", a, b, got, a)
		}
		if got := editor.NewText(ops); got != b {
			t.Errorf("NewText(DiffText(%q, %q)) = %q, want %q", a, b, got, b)
		}
	})
}

func TestDiffTextManyTokens(t *testing.T) {
	// More distinct tokens than there are runes below the surrogate range,
	// so the token runes cross it.
	var a, b strings.Builder
	for i := range 70000 {
		fmt.Fprintf(&a, "w%d ", i)
		if i%1000 == 0 {
			fmt.Fprintf(&b, "x%d ", i)
		} else {
			fmt.Fprintf(&b, "w%d ", i)
		}
	}
	ops := editor.DiffText(a.String(), b.String())
	if editor.OldText(ops) != a.String() || editor.NewText(ops) != b.String() {
		t.Fatalf("DiffText of 70,000 distinct words does not rebuild both texts")
	}
	ins, del := editor.CountOpWords(ops)
	if ins != 70 || del != 70 {
		t.Errorf("CountOpWords = %d inserted, %d deleted, want 70, 70", ins, del)
	}
}

func TestCountOpWords(t *testing.T) {
	tests := []struct {
		old, new string
		ins, del int
	}{
		{"He said it.", "He said it.", 0, 0},
		{"He said it.", "She said it, loudly.", 2, 1},
		{"A, B and C.", "A and C.", 0, 1},
		{"", "one two three", 3, 0},
	}
	for _, tt := range tests {
		ins, del := editor.CountOpWords(editor.DiffText(tt.old, tt.new))
		if ins != tt.ins || del != tt.del {
			t.Errorf("CountOpWords(DiffText(%q, %q)) = %d, %d, want %d, %d", tt.old, tt.new, ins, del, tt.ins, tt.del)
		}
	}
}

func revSampleStory() *editor.Story {
	verified := time.Date(2026, 11, 2, 9, 30, 0, 0, time.UTC)
	return &editor.Story{
		Slug: "china-threat", Headline: "Duncan Smith warns of China threat",
		Standfirst: "Former Tory leader urges sanctions", Byline: "By Jane Reporter",
		Dateline: "LONDON", Body: "Sir Iain said: “China is a threat.”\n\nHe told the Commons more.",
		Credit: "Reporting by Press Association.", Section: "Politics",
		Tags: []string{"China", "Parliament"}, Status: editor.StatusSubbing, RulesPage: "comment-rules",
		Revision: 3,
		Quotes: []editor.Quote{
			{ID: "q1", Speaker: "Iain Duncan Smith", Text: "China is a threat.", Verb: "said", SourceKind: editor.SourceSpeech},
			{ID: "q2", Speaker: "James Cleverly", Text: "We are watching.", Verb: "replied", VerifiedBy: "desk", VerifiedAt: &verified},
		},
	}
}

func TestDiffStories(t *testing.T) {
	a := revSampleStory()
	b := revSampleStory()
	b.Revision = 5
	b.Headline = "Duncan Smith warns of Chinese threat"
	b.Body = "Sir Iain said: “China is a grave threat.”\n\nHe told the Commons more."
	b.Tags = []string{"China", "Foreign policy"}
	b.Status = editor.StatusReady
	b.Quotes = []editor.Quote{
		{ID: "q1", Speaker: "Sir Iain Duncan Smith", Text: "China is a grave threat.", Verb: "said", SourceKind: editor.SourceSpeech},
		{ID: "q3", Speaker: "A spokesman", Text: "No comment."},
	}
	d := editor.DiffStories(a, b)
	if d.From != 3 || d.To != 5 {
		t.Errorf("DiffStories from/to = %d/%d, want 3/5", d.From, d.To)
	}
	wantFields := []string{"kicker", "headline", "standfirst", "byline", "dateline", "body", "credit", "section", "slug", "rules_page", "target_words",
		"slugline", "genre", "ed_note", "language", "rights", "source", "feed_id", "tags", "status",
		"urgency", "embargo", "expires", "subjects", "media", "aliases"}
	var gotFields []string
	for _, f := range d.Fields {
		gotFields = append(gotFields, f.Field)
	}
	if strings.Join(gotFields, ",") != strings.Join(wantFields, ",") {
		t.Errorf("DiffStories fields = %v, want %v", gotFields, wantFields)
	}
	changes := map[string]string{
		"headline": "=Duncan Smith warns of |-China|+Chinese|= threat",
		"body":     "=Sir Iain said: “China is a |+grave |=threat.”\n\nHe told the Commons more.",
		"tags":     "=China, |-Parliament|+Foreign policy",
		"status":   "-subbing|+ready",
		"byline":   "=By Jane Reporter",
	}
	for field, want := range changes {
		f, ok := d.Field(field)
		if got := revOps(f.Ops); !ok || got != want {
			t.Errorf("DiffStories field %s = %q, want %q", field, got, want)
		}
	}
	if d.Stats.InsertedWords != 5 || d.Stats.DeletedWords != 3 {
		t.Errorf("DiffStories stats = %+v, want 5 inserted, 3 deleted", d.Stats)
	}
	var quotes []string
	for _, q := range d.Quotes {
		var fields []string
		for _, f := range q.Fields {
			fields = append(fields, f.Field+":"+revOps(f.Ops))
		}
		quotes = append(quotes, q.Change+" "+q.ID+" "+strings.Join(fields, " "))
	}
	wantQuotes := []string{
		"changed q1 speaker:+Sir |=Iain Duncan Smith text:=China is a |+grave |=threat.",
		"added q3 ",
		"removed q2 ",
	}
	if strings.Join(quotes, "\n") != strings.Join(wantQuotes, "\n") {
		t.Errorf("DiffStories quotes =\n%s\nwant\n%s", strings.Join(quotes, "\n"), strings.Join(wantQuotes, "\n"))
	}
	for _, f := range d.Fields {
		var old, new string
		switch f.Field {
		case "body":
			old, new = a.Body, b.Body
		case "tags":
			old, new = editor.JoinList(a.Tags), editor.JoinList(b.Tags)
		default:
			continue
		}
		if f.Old() != old || f.New() != new {
			t.Errorf("field %s rebuilds %q → %q, want %q → %q", f.Field, f.Old(), f.New(), old, new)
		}
	}
}

func TestDiffStoriesUnchanged(t *testing.T) {
	a, b := revSampleStory(), revSampleStory()
	b.Quotes[0].Anchor = editor.Anchor{Exact: "China is a threat.", Start: 16, End: 34}
	d := editor.DiffStories(a, b)
	if d.Changed() {
		t.Errorf("DiffStories of equal stories (anchor moved) reports a change: %+v", d)
	}
}

func TestStoryDiffJSON(t *testing.T) {
	a := &editor.Story{Revision: 1, Headline: "Old", Status: editor.StatusDraft}
	b := &editor.Story{Revision: 2, Headline: "New", Status: editor.StatusDraft}
	data, err := json.Marshal(editor.DiffStories(a, b))
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		From   *int `json:"from"`
		To     *int `json:"to"`
		Fields []struct {
			Field string `json:"field"`
			Ops   []struct {
				Op   string `json:"op"`
				Text string `json:"text"`
			} `json:"ops"`
		} `json:"fields"`
		Stats  map[string]int `json:"stats"`
		Quotes []any          `json:"quotes"`
	}
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatal(err)
	}
	if got.From == nil || *got.From != 1 || got.To == nil || *got.To != 2 {
		t.Errorf("diff JSON from/to in %s, want 1 and 2", data)
	}
	if got.Stats["inserted_words"] != 1 || got.Stats["deleted_words"] != 1 {
		t.Errorf("diff JSON stats = %v, want 1 inserted_words, 1 deleted_words", got.Stats)
	}
	headline := -1
	for i, f := range got.Fields {
		if f.Field == "headline" {
			headline = i
		}
	}
	if headline < 0 || len(got.Fields[headline].Ops) != 2 ||
		got.Fields[headline].Ops[0].Op != "delete" || got.Fields[headline].Ops[1].Text != "New" {
		t.Errorf("diff JSON headline = %+v, want delete Old, insert New", got.Fields)
	}
	for _, key := range []string{`"ops":null`, `"quotes":null`} {
		if strings.Contains(string(data), key) {
			t.Errorf("diff JSON has %s, want an empty array: %s", key, data)
		}
	}
}

func TestDiffPages(t *testing.T) {
	a := &editor.Page{Revision: 1, Slug: "comment-rules", Kind: editor.PageRules, Title: "Comments: Our rules", Summary: "Be civil.", Body: "Rule one."}
	b := &editor.Page{Revision: 2, Slug: "comment-rules", Kind: editor.PageRules, Title: "Comments: our rules", Summary: "Be civil.", Body: "Rule one.\n\nRule two."}
	d := editor.DiffPages(a, b)
	want := map[string]string{
		"title":   "=Comments: |-Our|+our|= rules",
		"summary": "=Be civil.",
		"body":    "=Rule one.|+\n\nRule two.",
		"kind":    "=rules",
		"slug":    "=comment-rules",
	}
	if len(d.Fields) != len(want) {
		t.Errorf("DiffPages gives %d fields, want %d", len(d.Fields), len(want))
	}
	for field, w := range want {
		f, _ := d.Field(field)
		if got := revOps(f.Ops); got != w {
			t.Errorf("DiffPages field %s = %q, want %q", field, got, w)
		}
	}
	if d.Stats.InsertedWords != 3 || d.Stats.DeletedWords != 1 {
		t.Errorf("DiffPages stats = %+v, want 3 inserted, 1 deleted", d.Stats)
	}
}

// TestDiffJSONRebuildsRevisions takes pairs of revisions of the benchmark
// story, encodes their diff as `diff --format json` prints it, and rebuilds
// both bodies from the JSON alone.
func TestDiffJSONRebuildsRevisions(t *testing.T) {
	contents := revisionContents(3, 1500, 120)
	pairs := [][2]int{{0, 1}, {0, 119}, {119, 0}, {50, 51}, {10, 90}, {7, 7}}
	for _, p := range pairs {
		var a, b editor.Story
		if err := a.ApplyContent([]byte(contents[p[0]])); err != nil {
			t.Fatal(err)
		}
		if err := b.ApplyContent([]byte(contents[p[1]])); err != nil {
			t.Fatal(err)
		}
		data, err := json.Marshal(editor.DiffStories(&a, &b))
		if err != nil {
			t.Fatal(err)
		}
		var d struct {
			Fields []struct {
				Field string `json:"field"`
				Ops   []struct {
					Op   string `json:"op"`
					Text string `json:"text"`
				} `json:"ops"`
			} `json:"fields"`
		}
		if err := json.Unmarshal(data, &d); err != nil {
			t.Fatal(err)
		}
		found := false
		for _, f := range d.Fields {
			if f.Field != "body" {
				continue
			}
			found = true
			var old, new strings.Builder
			for _, o := range f.Ops {
				if o.Op != "insert" {
					old.WriteString(o.Text)
				}
				if o.Op != "delete" {
					new.WriteString(o.Text)
				}
			}
			if old.String() != a.Body || new.String() != b.Body {
				t.Errorf("revisions %d → %d: the JSON diff's body does not rebuild both bodies", p[0]+1, p[1]+1)
			}
		}
		if !found {
			t.Errorf("revisions %d → %d: the JSON diff has no body field: %s", p[0]+1, p[1]+1, data)
		}
	}
}
