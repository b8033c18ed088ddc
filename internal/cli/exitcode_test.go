package cli

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
		{"conflict", fmt.Errorf("story at revision 3: %w", editor.ErrConflict), ExitProblem},
		{"stale base", &editor.ConflictError{Kind: editor.ConflictRevision, Noun: "story", Current: 3, Base: 2}, ExitProblem},
		{"clash", &editor.ConflictError{Kind: editor.ConflictClash, Noun: "story", Current: 3, Base: 2}, ExitProblem},
		{"slug taken", &editor.ConflictError{Kind: editor.ConflictSlug, Noun: "story", Value: "x"}, ExitUsage},
		{"name taken", &editor.ConflictError{Kind: editor.ConflictName, Noun: "person", Value: "x"}, ExitUsage},
		{"role", &editor.PermissionError{Role: editor.RoleDesk, Action: "publish a story"}, ExitProblem},
		{"busy", &editor.BusyError{Database: "x.db"}, ExitProblem},
		{"finding", &problemError{"1 error"}, ExitProblem},
		{"usage", Usagef("bad flag"), ExitUsage},
		{"validation", &editor.ValidationError{Field: "headline", Problem: "is too long"}, ExitUsage},
		{"not found", fmt.Errorf("story x: %w", editor.ErrNotFound), ExitUsage},
		{"ambiguous", fmt.Errorf("prefix: %w", editor.ErrAmbiguous), ExitUsage},
		{"interrupted", fmt.Errorf("saving: %w", context.Canceled), ExitInterrupted},
		{"disk", fmt.Errorf("writing: %w", fs.ErrPermission), ExitFailure},
		{"unknown", errors.New("database is corrupt"), ExitFailure},
	}
	for _, tt := range tests {
		if got := exitCode(tt.err); got != tt.want {
			t.Errorf("exitCode(%s: %v) = %d, want %d", tt.name, tt.err, got, tt.want)
		}
	}
}
