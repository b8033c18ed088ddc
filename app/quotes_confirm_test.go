package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
)

// confirmButtons counts the Confirm speaker buttons on the window.
func confirmButtons(w fyne.Window) int {
	n := 0
	for _, o := range objects(w) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Confirm speaker" && b.Visible() {
			n++
		}
	}
	return n
}

// unconfirmedFindings lists the severities of the checks panel's
// unconfirmed_speaker findings.
func unconfirmedFindings(g *gui) []editor.Severity {
	g.story.runChecks()
	var out []editor.Severity
	for _, f := range g.story.checks.shown {
		if f.Kind == editor.KindUnconfirmedSpeaker {
			out = append(out, f.Severity)
		}
	}
	return out
}

// TestConfirmSpeaker: each suggested speaker has Confirm speaker; confirming
// records the person at the desk and the time, the next save keeps it, and
// the checks warn only about the others, or stop publishing when the desk's
// Preferences require confirmed speakers.
func TestConfirmSpeaker(t *testing.T) {
	store := newFakeStore(2)
	quoteStory(store)
	g, w := newTestGUI(t, store)
	n := len(g.story.quotes.shown)
	if n < 2 || confirmButtons(w) != n {
		t.Fatalf("%d Confirm speaker buttons for %d suggested speakers", confirmButtons(w), n)
	}
	if got := unconfirmedFindings(g); len(got) != n || got[0] != editor.SeverityWarning {
		t.Fatalf("unconfirmed findings %v, want %d warnings", got, n)
	}
	tapButton(t, w, "Confirm speaker")
	first := g.story.quotes.shown[0]
	if first.ConfirmedBy != "A Tester" || first.ConfirmedAt == nil || g.story.quotes.shown[1].SpeakerConfirmed() {
		t.Fatalf("after Confirm speaker: %+v; %+v", first, g.story.quotes.shown[1])
	}
	if confirmButtons(w) != n-1 {
		t.Errorf("%d Confirm speaker buttons left, want %d", confirmButtons(w), n-1)
	}

	tests := []struct {
		name    string
		require bool
		want    editor.Severity
	}{
		{"a warning by default", false, editor.SeverityWarning},
		{"an error when the desk requires confirmed speakers", true, editor.SeverityError},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g.setDeskSettings(editor.DeskSettings{RequireConfirmedSpeakers: tt.require})
			got := unconfirmedFindings(g)
			if len(got) != n-1 {
				t.Fatalf("%d unconfirmed findings, want %d", len(got), n-1)
			}
			for _, sev := range got {
				if sev != tt.want {
					t.Errorf("unconfirmed speaker is a %s, want %s", sev, tt.want)
				}
			}
		})
	}

	g.story.sess.save("")
	saved := store.find(g.story.loaded.ID)
	if saved.Quotes[0].ConfirmedBy != "A Tester" || saved.Quotes[0].ConfirmedAt == nil || saved.Quotes[1].ConfirmedBy != "" {
		t.Errorf("saved quotes: %+v", saved.Quotes)
	}
}
