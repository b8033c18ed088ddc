package editor_test

import (
	"fmt"
	"strings"
	"testing"

	"copydesk/editor"
)

func TestSlugify(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Sir Iain: ‘direct threat’ from China", "sir-iain-direct-threat-from-china"},
		{"The minister’s condemnation", "the-ministers-condemnation"},
		{"Café société in Zürich", "cafe-societe-in-zurich"},
		{"  --Hello,   World!--  ", "hello-world"},
		{"Москва и Киев", "москва-и-киев"},
		{"北京 news", "北京-news"},
		{"../../etc/passwd", "etc-passwd"},
		{"ﬁnal ½ measures", "final-1-2-measures"},
		{"", ""},
		{"!!!", ""},
		{strings.Repeat("word ", 40), strings.TrimRight(strings.Repeat("word-", 16), "-")},
	}
	for _, tt := range tests {
		if got := editor.Slugify(tt.in); got != tt.want {
			t.Errorf("Slugify(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSlugifyLongMultibyteStaysValid(t *testing.T) {
	got := editor.Slugify(strings.Repeat("ж", 100))
	if len(got) > 80 || !strings.HasPrefix(got, "жж") || strings.ToValidUTF8(got, "?") != got {
		t.Errorf("Slugify(100×ж) = %q (%d bytes), want at most 80 bytes of whole runes", got, len(got))
	}
}

func TestUniqueSlug(t *testing.T) {
	taken := map[string]bool{"china": true, "china-2": true, "untitled": true}
	isTaken := func(s string) (bool, error) { return taken[s], nil }
	tests := []struct{ base, fallback, want string }{
		{"china", "x", "china-3"},
		{"hong-kong", "x", "hong-kong"},
		{"", "untitled", "untitled-2"},
	}
	for _, tt := range tests {
		got, err := editor.UniqueSlug(tt.base, tt.fallback, isTaken)
		if err != nil || got != tt.want {
			t.Errorf("UniqueSlug(%q, %q) = %q, %v, want %q", tt.base, tt.fallback, got, err, tt.want)
		}
	}
	boom := fmt.Errorf("boom")
	if _, err := editor.UniqueSlug("a", "b", func(string) (bool, error) { return false, boom }); err != boom {
		t.Errorf("UniqueSlug with a failing lookup = %v, want %v", err, boom)
	}
}

func TestValidateSlug(t *testing.T) {
	for _, tt := range []struct {
		slug string
		ok   bool
	}{
		{"comment-rules", true}, {"москва", true}, {"", false}, {"Comment-Rules", false},
		{"a--b", false}, {"../x", false}, {"a/b", false}, {strings.Repeat("a", 81), false},
	} {
		err := editor.ValidateSlug("slug", tt.slug)
		if (err == nil) != tt.ok {
			t.Errorf("ValidateSlug(%q) = %v, want ok=%v", tt.slug, err, tt.ok)
		}
	}
}
