package editor_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"copydesk/editor"
)

func TestNoteValidate(t *testing.T) {
	at := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	good := func() editor.Note {
		return editor.Note{Text: "Check the figure with the council", Author: "Ann",
			Anchor: editor.Anchor{Exact: "£4m", Start: 10, End: 14}}
	}
	for _, tc := range []struct {
		name  string
		edit  func(n *editor.Note)
		field string // "" when valid
	}{
		{"valid", func(n *editor.Note) {}, ""},
		{"resolved", func(n *editor.Note) { n.Resolved, n.ResolvedBy, n.ResolvedAt = true, "Bob", &at }, ""},
		{"empty text", func(n *editor.Note) { n.Text = "  \n" }, "text"},
		{"long text", func(n *editor.Note) { n.Text = strings.Repeat("a", editor.NoteTextMax+1) }, "text"},
		{"no words", func(n *editor.Note) { n.Anchor.Exact = "" }, "anchor"},
		{"backwards", func(n *editor.Note) { n.Anchor.Start, n.Anchor.End = 9, 3 }, "anchor"},
		{"negative", func(n *editor.Note) { n.Anchor.Start = -1 }, "anchor"},
		{"author on two lines", func(n *editor.Note) { n.Author = "Ann\nSmith" }, "author"},
		{"resolved when", func(n *editor.Note) { n.Resolved = true }, "resolved_at"},
		{"open but resolved by", func(n *editor.Note) { n.ResolvedBy = "Bob" }, "resolved"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n := good()
			tc.edit(&n)
			err := n.Validate()
			var ve *editor.ValidationError
			switch {
			case tc.field == "" && err != nil:
				t.Fatalf("Validate() = %v, want nil", err)
			case tc.field != "" && !errors.As(err, &ve):
				t.Fatalf("Validate() = %v, want a *ValidationError for %s", err, tc.field)
			case tc.field != "" && ve.Field != tc.field:
				t.Fatalf("Validate() names field %q, want %q (%v)", ve.Field, tc.field, err)
			}
		})
	}
}

func TestFindWords(t *testing.T) {
	body := "The council said the cost was £4m.\n\nThe cost was\nlater revised."
	for _, tc := range []struct {
		words string
		from  int
		start int // -1 when not found
	}{
		{"the cost was", 0, 17},
		{"The cost was later", 0, strings.Index(body, "The cost was\n")}, // a line break in the body, a space typed
		{"The cost", 20, strings.Index(body, "The cost was\n")},          // from a place onward
		{"council", 40, 4}, // not after from: the first anywhere
		{"  £4m  ", 0, strings.Index(body, "£4m")},
		{"budget", 0, -1},
		{"", 0, -1},
	} {
		a, ok := editor.FindWords(body, tc.words, tc.from)
		if tc.start < 0 {
			if ok {
				t.Errorf("FindWords(%q, %d) = %+v, want not found", tc.words, tc.from, a)
			}
			continue
		}
		if !ok || a.Start != tc.start || body[a.Start:a.End] != a.Exact {
			t.Errorf("FindWords(%q, %d) = %+v, %v; want start %d", tc.words, tc.from, a, ok, tc.start)
		}
	}
}

func TestReanchorNotes(t *testing.T) {
	old := "Para one has the figure of £4m in it.\n\nPara two quotes the leader.\n\nPara three ends."
	anchor := func(body, words string) editor.Anchor {
		a, ok := editor.FindWords(body, words, 0)
		if !ok {
			t.Fatalf("no %q in %q", words, body)
		}
		return a
	}
	for _, tc := range []struct {
		name     string
		words    string // the note's words in old
		newBody  string
		want     string // the words anchored after; "" with detached
		detached bool
	}{
		{"unchanged", "figure of £4m", old, "figure of £4m", false},
		{"text added before", "quotes the leader", "A new first line.\n\n" + old, "quotes the leader", false},
		{"a word inside changed", "figure of £4m", strings.Replace(old, "£4m", "£5m", 1), "figure of £5m", false},
		{"words moved", "Para three ends.", "Para three ends.\n\n" + strings.Replace(old, "\n\nPara three ends.", "", 1), "Para three ends.", false},
		{"words deleted", "quotes the leader", strings.Replace(old, "Para two quotes the leader.\n\n", "", 1), "quotes the leader", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			notes := []editor.Note{{ID: "n1", Text: "check", Anchor: anchor(old, tc.words)}}
			editor.ReanchorNotes(old, tc.newBody, notes)
			n := notes[0]
			if n.Detached != tc.detached || n.Anchor.Exact != tc.want {
				t.Fatalf("ReanchorNotes: detached %v, words %q; want %v, %q", n.Detached, n.Anchor.Exact, tc.detached, tc.want)
			}
			if !n.Detached && tc.newBody[n.Anchor.Start:n.Anchor.End] != n.Anchor.Exact {
				t.Fatalf("anchor %d–%d reads %q, not %q", n.Anchor.Start, n.Anchor.End, tc.newBody[n.Anchor.Start:n.Anchor.End], n.Anchor.Exact)
			}
		})
	}
}

func TestReanchorNotesReattaches(t *testing.T) {
	body := "Keep this. Cut these words. Keep that."
	a, _ := editor.FindWords(body, "Cut these words.", 0)
	notes := []editor.Note{{ID: "n1", Text: "why cut?", Anchor: a}}
	cut := "Keep this. Keep that."
	editor.ReanchorNotes(body, cut, notes)
	if !notes[0].Detached {
		t.Fatalf("words cut: note %+v, want detached", notes[0])
	}
	// Restored: the words come back, and so does the note.
	changed := editor.ReanchorNotes(cut, body, notes)
	if notes[0].Detached || notes[0].Anchor.Start != a.Start || len(changed) != 1 {
		t.Fatalf("words back: note %+v changed %v, want attached at %d", notes[0], changed, a.Start)
	}
	if changed := editor.ReanchorNotes(body, body, notes); len(changed) != 0 {
		t.Fatalf("same body: changed %v, want none", changed)
	}
}

func TestPlaceNotes(t *testing.T) {
	saved := "One two three. Four five six."
	a, _ := editor.FindWords(saved, "Four five", 0)
	notes := []editor.Note{{ID: "n1", Text: "x", Anchor: a}}
	got := editor.PlaceNotes("Zero. "+saved, notes)
	if got[0].Detached || got[0].Anchor.Start != a.Start+6 {
		t.Fatalf("PlaceNotes = %+v, want the words at %d", got[0], a.Start+6)
	}
	if notes[0].Anchor.Start != a.Start {
		t.Fatalf("PlaceNotes changed its argument: %+v", notes[0])
	}
	if got := editor.PlaceNotes("Nothing here.", notes); !got[0].Detached {
		t.Fatalf("PlaceNotes on a body without the words = %+v, want detached", got[0])
	}
}

func TestCheckNotes(t *testing.T) {
	at := time.Now()
	base := []editor.Finding{
		{Severity: editor.SeverityError, Kind: editor.KindRequiredField, Field: "headline"},
		{Severity: editor.SeverityWarning, Kind: editor.KindNoSource, Start: 50, End: 60},
		{Severity: editor.SeverityInfo, Kind: editor.KindRequiredField, Field: "standfirst"},
	}
	notes := []editor.Note{
		{ID: "a", Text: "open one", Author: "Ann", Anchor: editor.Anchor{Exact: "later", Start: 80, End: 85}},
		{ID: "b", Text: "done", Author: "Bob", Resolved: true, ResolvedBy: "Ann", ResolvedAt: &at, Anchor: editor.Anchor{Exact: "x", Start: 1, End: 2}},
		{ID: "c", Text: "open two", Author: "Cy", Anchor: editor.Anchor{Exact: "first", Start: 10, End: 15}},
	}
	got := editor.CheckNotes(base, notes)
	var kinds []string
	for _, f := range got {
		kinds = append(kinds, string(f.Severity)+":"+f.Kind)
	}
	want := "error:required_field warning:open_note warning:no_source warning:open_note info:required_field"
	if strings.Join(kinds, " ") != want {
		t.Fatalf("CheckNotes kinds = %v, want %s", kinds, want)
	}
	if f := got[1]; f.Field != "body" || f.Start != 10 || !strings.Contains(f.Message, "open two") || !strings.Contains(f.Message, "Cy") {
		t.Fatalf("open note finding = %+v", f)
	}
	if editor.HasErrors(editor.CheckNotes(nil, notes)) {
		t.Fatal("open notes are warnings, not errors")
	}
}

// BenchmarkReanchorNotes is a save's work for the notes of a 5,000-word
// story: ten notes followed through a one-word edit near the top.
func BenchmarkReanchorNotes(b *testing.B) {
	var sb strings.Builder
	for i := 0; sb.Len() == 0 || editor.CountWords(sb.String()) < 5000; i++ {
		fmt.Fprintf(&sb, "Paragraph %d says the council spent £%dm on the scheme this year.\n\n", i, i)
	}
	old := strings.TrimSpace(sb.String())
	edited := strings.Replace(old, "Paragraph 3 says", "Paragraph 3 claims", 1)
	var notes []editor.Note
	for i := 0; i < 10; i++ {
		a, _ := editor.FindWords(old, fmt.Sprintf("Paragraph %d says", 30*i+3), 0)
		notes = append(notes, editor.Note{ID: fmt.Sprint(i), Text: "check", Anchor: a})
	}
	b.ReportAllocs()
	for b.Loop() {
		ns := append([]editor.Note(nil), notes...)
		editor.ReanchorNotes(old, edited, ns)
	}
}
