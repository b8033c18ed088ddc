package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"testing"

	"copydesk/editor"
)

func TestExitCode(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want int
	}{
		{"conflict", fmt.Errorf("story at revision 3: %w", editor.ErrConflict), exitProblem},
		{"stale base", &editor.ConflictError{Kind: editor.ConflictRevision, Noun: "story", Current: 3, Base: 2}, exitProblem},
		{"clash", &editor.ConflictError{Kind: editor.ConflictClash, Noun: "story", Current: 3, Base: 2}, exitProblem},
		{"slug taken", &editor.ConflictError{Kind: editor.ConflictSlug, Noun: "story", Value: "x"}, exitUsage},
		{"name taken", &editor.ConflictError{Kind: editor.ConflictName, Noun: "person", Value: "x"}, exitUsage},
		{"role", &editor.PermissionError{Role: editor.RoleDesk, Action: "publish a story"}, exitProblem},
		{"busy", &editor.BusyError{Database: "x.db"}, exitProblem},
		{"finding", &problemError{"1 error"}, exitProblem},
		{"usage", usagef("bad flag"), exitUsage},
		{"validation", &editor.ValidationError{Field: "headline", Problem: "is too long"}, exitUsage},
		{"not found", fmt.Errorf("story x: %w", editor.ErrNotFound), exitUsage},
		{"ambiguous", fmt.Errorf("prefix: %w", editor.ErrAmbiguous), exitUsage},
		{"interrupted", fmt.Errorf("saving: %w", context.Canceled), exitInterrupted},
		{"disk", fmt.Errorf("writing: %w", fs.ErrPermission), exitFailure},
		{"unknown", errors.New("database is corrupt"), exitFailure},
	}
	for _, tt := range tests {
		if got := exitCode(tt.err); got != tt.want {
			t.Errorf("exitCode(%s: %v) = %d, want %d", tt.name, tt.err, got, tt.want)
		}
	}
}
