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
