package editor_test

import (
	"errors"
	"testing"

	"copydesk/editor"
)

func TestCheckMove(t *testing.T) {
	for _, tt := range []struct {
		from, to editor.Status
		ok       bool
	}{
		{editor.StatusDraft, editor.StatusSubbing, true},
		{editor.StatusDraft, editor.StatusPublished, false},
		{editor.StatusDraft, editor.StatusReady, false},
		{editor.StatusSubbing, editor.StatusReady, true},
		{editor.StatusSubbing, editor.StatusDraft, true},
		{editor.StatusReady, editor.StatusPublished, true},
		{editor.StatusPublished, editor.StatusReady, true},
		{editor.StatusPublished, editor.StatusDraft, false},
		{editor.StatusPublished, editor.StatusSpiked, true},
		{editor.StatusSpiked, editor.StatusDraft, true},
		{editor.StatusSpiked, editor.StatusPublished, false},
		{editor.StatusReady, editor.StatusReady, true},
		{editor.StatusDraft, "live", false},
	} {
		err := editor.CheckMove(tt.from, tt.to)
		var ve *editor.ValidationError
		if (err == nil) != tt.ok || (err != nil && !errors.As(err, &ve)) {
			t.Errorf("CheckMove(%s, %s) = %v, want ok %v", tt.from, tt.to, err, tt.ok)
		}
	}
}

func TestPublishBlockersAndMoveNote(t *testing.T) {
	fs := []editor.Finding{{Severity: editor.SeverityWarning}, {Severity: editor.SeverityError, Message: "no body"}, {Severity: editor.SeverityInfo}}
	if b := editor.PublishBlockers(fs); len(b) != 1 || b[0].Message != "no body" {
		t.Errorf("PublishBlockers = %+v", b)
	}
	if got, want := editor.MoveNote(editor.StatusReady, editor.StatusPublished, "", "", 0), "ready → published"; got != want {
		t.Errorf("MoveNote = %q, want %q", got, want)
	}
	if got, want := editor.MoveNote(editor.StatusReady, editor.StatusPublished, "legalled", "breaking news, body to follow", 1),
		"ready → published; legalled; published over 1 error by the desk: breaking news, body to follow"; got != want {
		t.Errorf("MoveNote = %q, want %q", got, want)
	}
}
