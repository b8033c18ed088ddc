package editor_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"copydesk/editor"
)

func TestBlame(t *testing.T) {
	at := func(h int) time.Time { return time.Date(2026, 11, 28, h, 0, 0, 0, time.UTC) }
	revs := []editor.BlameRevision{
		{Seq: 1, Author: "reporter", At: at(9), Body: "Alpha para.\n\nBravo para.\n\nCharlie para."},
		{Seq: 2, Author: "sub", At: at(10), Body: "Alpha para.\n\nBravo para, subbed.\n\nCharlie para."},
		{Seq: 3, Author: "desk", At: at(11), Body: "Alpha para.\n\nBravo para, subbed.\n\nCharlie para."}, // a status change
		{Seq: 4, Author: "sub", At: at(12), Body: "Charlie para.\n\nAlpha para.\n\nBravo para, subbed.\n\nDelta para,\nover two lines."},
		{Seq: 5, Author: "lawyer", At: at(13), Body: "  Charlie para.\n\n\nAlpha para.\n\nBravo para, subbed.\n\nDelta para,\nover two lines, legalled.\n"},
	}
	got := editor.Blame(revs)
	var lines []string
	for _, p := range got {
		lines = append(lines, fmt.Sprintf("%d %s %s %q", p.Seq, p.Author, p.At.Format("15:04"), p.Text))
	}
	want := []string{
		`1 reporter 09:00 "Charlie para."`, // moved in 4, unchanged
		`1 reporter 09:00 "Alpha para."`,
		`2 sub 10:00 "Bravo para, subbed."`,
		`5 lawyer 13:00 "Delta para,\nover two lines, legalled."`,
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("Blame =\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
	body := revs[len(revs)-1].Body
	for _, p := range got {
		if body[p.Start:p.End] != p.Text {
			t.Errorf("Blame paragraph %q at [%d, %d) holds %q", p.Text, p.Start, p.End, body[p.Start:p.End])
		}
	}
}

func TestBlameEdgeCases(t *testing.T) {
	tests := []struct {
		name   string
		bodies []string
		want   string // the seq of each paragraph of the last body
	}{
		{"no revisions", nil, ""},
		{"empty body", []string{"", "   \n\n"}, ""},
		{"one revision", []string{"A.\n\nB."}, "1 1"},
		{"a repeated paragraph", []string{"Same.\n\nSame.", "Same.\n\nNew.\n\nSame."}, "1 2 1"},
		{"restored text", []string{"Old.", "New.", "Old."}, "3"},
		{"a moved paragraph edited later", []string{"A.\n\nB.", "B.\n\nA.", "B!\n\nA."}, "3 1"},
	}
	for _, tt := range tests {
		var revs []editor.BlameRevision
		for i, b := range tt.bodies {
			revs = append(revs, editor.BlameRevision{Seq: i + 1, Body: b})
		}
		var seqs []string
		for _, p := range editor.Blame(revs) {
			seqs = append(seqs, fmt.Sprint(p.Seq))
		}
		if got := strings.Join(seqs, " "); got != tt.want {
			t.Errorf("%s: Blame(%q) seqs = %q, want %q", tt.name, tt.bodies, got, tt.want)
		}
	}
}
