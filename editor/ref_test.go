package editor_test

import (
	"errors"
	"strings"
	"testing"

	"copydesk/editor"
)

func TestResolveRef(t *testing.T) {
	ids := []string{"abcdef12-0001", "abcdef12-0002", "fedcba98-0001"}
	exact := func(ref string) (string, bool, error) {
		for _, id := range append(ids, "a-slug") {
			if id == ref {
				return id, true, nil
			}
		}
		return "", false, nil
	}
	prefix := func(start string) ([]string, error) {
		var out []string
		for _, id := range ids {
			if strings.HasPrefix(id, start) && len(out) < 2 {
				out = append(out, id)
			}
		}
		return out, nil
	}
	for _, tc := range []struct {
		ref, want string
		err       error
	}{
		{"fedcba98-0001", "fedcba98-0001", nil},
		{" a-slug ", "a-slug", nil},
		{"FEDCBA", "fedcba98-0001", nil},
		{"abcdef", "", editor.ErrAmbiguous},
		{"fedcb", "", editor.ErrNotFound}, // shorter than RefPrefixMin
		{"fedcb%", "", editor.ErrNotFound},
		{"", "", editor.ErrNotFound},
		{"nothing", "", editor.ErrNotFound},
	} {
		got, err := editor.ResolveRef("story", tc.ref, exact, prefix)
		if got != tc.want || !errors.Is(err, tc.err) || (tc.err == nil) != (err == nil) {
			t.Errorf("ResolveRef(%q) = %q, %v; want %q, %v", tc.ref, got, err, tc.want, tc.err)
		}
	}
}
