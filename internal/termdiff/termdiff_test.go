package termdiff_test

import (
	"strings"
	"testing"

	"copydesk/editor"
	"copydesk/internal/termdiff"
)

func TestFormatOps(t *testing.T) {
	tests := []struct {
		old, new string
		color    bool
		want     string
	}{
		{"He said it.", "He says it.", false, "He [-said-]{+says+} it."},
		{"He said it.", "He says it.", true, "He \x1b[31;9msaid\x1b[0m\x1b[32;4msays\x1b[0m it."},
		{"One.\n\nTwo.", "One. Two.", false, "One.[-¶-]\n[-¶-]\n{+ +}Two."},
		{"Safe.", "Safe.\x1b[2J\u202e", false, "Safe.{+\\x1b[2J\\u202e+}"},
		{"a\tb", "a\tb c", false, "a\tb{+ c+}"},
		{"\nOne.", "\nOne!", false, "\nOne[-.-]{+!+}"},
	}
	for _, tt := range tests {
		got := termdiff.FormatOps(editor.DiffText(tt.old, tt.new), tt.color)
		if got != tt.want {
			t.Errorf("FormatOps(DiffText(%q, %q), %v) = %q, want %q", tt.old, tt.new, tt.color, got, tt.want)
		}
	}
}

func TestWriteDiff(t *testing.T) {
	a := revSampleStory()
	a.Body = "First paragraph.\n\nSecond paragraph.\n\nThird paragraph.\n\nFourth paragraph.\n\nFifth paragraph."
	b := revSampleStory()
	b.Revision = 4
	b.Headline = "Duncan Smith warns of Chinese threat"
	b.Body = "First paragraph.\n\nSecond paragraph.\n\nThird paragraph, changed.\n\nFourth paragraph.\n\nFifth paragraph."
	b.Quotes = b.Quotes[:1]
	tests := []struct {
		name string
		opt  termdiff.Options
		want string
	}{
		{"no context", termdiff.Options{}, `revision 3 → 4: 2 words inserted, 1 word deleted
headline: Duncan Smith warns of [-China-]{+Chinese+} threat
body:
  …
  Third paragraph{+, changed+}.
  …
quotes:
  - removed “We are watching.” (James Cleverly)
`},
		{"one paragraph of context", termdiff.Options{Context: 1}, `revision 3 → 4: 2 words inserted, 1 word deleted
headline: Duncan Smith warns of [-China-]{+Chinese+} threat
body:
  …
  Second paragraph.

  Third paragraph{+, changed+}.

  Fourth paragraph.
  …
quotes:
  - removed “We are watching.” (James Cleverly)
`},
	}
	for _, tt := range tests {
		var sb strings.Builder
		if err := termdiff.WriteDiff(&sb, editor.DiffStories(a, b), tt.opt); err != nil {
			t.Fatal(err)
		}
		if got := sb.String(); got != tt.want {
			t.Errorf("%s: WriteDiff =\n%s\nwant\n%s", tt.name, got, tt.want)
		}
	}
}

func TestWriteDiffFull(t *testing.T) {
	a := &editor.Story{Revision: 1, Body: "One.\n\nTwo.\n\nThree."}
	b := &editor.Story{Revision: 2, Body: "One.\n\nTwo!\n\nThree."}
	var sb strings.Builder
	if err := termdiff.WriteDiff(&sb, editor.DiffStories(a, b), termdiff.Options{Full: true}); err != nil {
		t.Fatal(err)
	}
	want := "revision 1 → 2: 0 words inserted, 0 words deleted\nbody:\n  One.\n\n  Two[-.-]{+!+}\n\n  Three.\n"
	if got := sb.String(); got != want {
		t.Errorf("WriteDiff(full) = %q, want %q", got, want)
	}
}

func TestWriteDiffUnchanged(t *testing.T) {
	var sb strings.Builder
	if err := termdiff.WriteDiff(&sb, editor.DiffStories(revSampleStory(), revSampleStory()), termdiff.Options{}); err != nil {
		t.Fatal(err)
	}
	want := "revision 3 → 3: 0 words inserted, 0 words deleted\nno changes\n"
	if got := sb.String(); got != want {
		t.Errorf("WriteDiff(unchanged) = %q, want %q", got, want)
	}
}

func TestWriteConflicts(t *testing.T) {
	base := revSampleStory()
	ours, theirs := revSampleStory(), revSampleStory()
	ours.Body = "Sir Iain said: “China is a real threat.”\n\nHe told the Commons more."
	theirs.Body = "Sir Iain said: “China is a grave threat.”\n\nHe told the Commons more."
	_, conflicts := editor.MergeStories(base, ours, theirs)
	var sb strings.Builder
	if err := termdiff.WriteConflicts(&sb, conflicts, "revision 7", "your file"); err != nil {
		t.Fatal(err)
	}
	want := `conflict in body, at “… “China is a ▮threat.”¶¶He told …”:
  was:         (nothing)
  revision 7:  real 
  your file:   grave 
`
	if got := sb.String(); got != want {
		t.Errorf("WriteConflicts =\n%s\nwant\n%s", got, want)
	}
}

func TestWriteConflictsLayout(t *testing.T) {
	conflicts := []editor.Conflict{
		{Base: "one\ntwo", Ours: "\x1b[2J", Theirs: "three\n\nfour\n"},
		{Field: "status", Base: "subbing", Ours: "ready", Theirs: "spiked"},
	}
	var sb strings.Builder
	if err := termdiff.WriteConflicts(&sb, conflicts, "saved", "yours"); err != nil {
		t.Fatal(err)
	}
	want := "conflict:\n" +
		"  was:    one\n" +
		"          two\n" +
		"  saved:  \\x1b[2J\n" +
		"  yours:  three\n" +
		"          \n" +
		"          four\n" +
		"conflict in status:\n" +
		"  was:    subbing\n" +
		"  saved:  ready\n" +
		"  yours:  spiked\n"
	if got := sb.String(); got != want {
		t.Errorf("WriteConflicts =\n%s\nwant\n%s", got, want)
	}
}

// revSampleStory is a story at revision 3 with two quotes; what the diffs
// below leave unchanged is not written, so it holds no more than that.
func revSampleStory() *editor.Story {
	return &editor.Story{
		Headline: "Duncan Smith warns of China threat", Body: "Sir Iain said: “China is a threat.”\n\nHe told the Commons more.",
		Status: editor.StatusSubbing, Revision: 3,
		Quotes: []editor.Quote{
			{ID: "q1", Speaker: "Iain Duncan Smith", Text: "China is a threat."},
			{ID: "q2", Speaker: "James Cleverly", Text: "We are watching."},
		},
	}
}
