package editor_test

import (
	"testing"

	"copydesk/editor"
)

func TestContinuations(t *testing.T) {
	tests := []struct {
		name, body string
		speakers   []string
		want       []bool
	}{
		{"interrupted", "“We will win,” said Anna Holt. “And we will win well.”", []string{"Anna Holt", "Anna Holt"}, []bool{false, true}},
		{"comma after the attribution", "“We will win,” Holt said, “and well.”", []string{"Anna Holt", "Anna Holt"}, []bool{false, true}},
		{"another speaker", "“We will win,” said Anna Holt. “No you won't.”", []string{"Anna Holt", "Omar Khan"}, []bool{false, false}},
		{"new paragraph", "“We will win,” said Anna Holt.\n\n“And we will win well.”", []string{"Anna Holt", "Anna Holt"}, []bool{false, false}},
		{"a sentence between", "“We will win,” said Anna Holt, who has led the party for a decade and more, to cheers. “And well.”", []string{"Anna Holt", "Anna Holt"}, []bool{false, false}},
		{"no speaker", "“We will win,” it said. “And well.”", []string{"", ""}, []bool{false, false}},
	}
	for _, tt := range tests {
		spans := editor.QuotedSpans(tt.body)
		var qs []editor.Quote
		var pl []editor.Placement
		for i, sp := range spans {
			q := editor.Quote{Speaker: tt.speakers[i], Text: tt.body[sp.Start:sp.End], Anchor: editor.NewAnchor(tt.body, sp.Start, sp.End)}
			qs = append(qs, q)
			pl = append(pl, editor.Place(tt.body, q))
		}
		got := editor.Continuations(tt.body, qs, pl)
		for i := range tt.want {
			if got[i] != tt.want[i] {
				t.Errorf("%s: continues %v, want %v", tt.name, got, tt.want)
				break
			}
		}
	}
}
