package editor

import (
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// maxSlugLen bounds a slug in bytes, so that it stays a usable file name.
const maxSlugLen = 80

// Slugify turns a headline or title into a URL slug: lower case, accents
// removed from Latin letters, letters of other scripts kept, every run of other
// characters a single hyphen. Apostrophes join the word ("minister’s" →
// "ministers"). "Sir Iain: ‘direct threat’ from China" becomes
// "sir-iain-direct-threat-from-china". The result never contains a path
// separator or a dot, so it is safe as a file name.
func Slugify(s string) string {
	if isPlainSlug(s) {
		return s // what the loop below would make of it, without normalising it
	}
	var b strings.Builder
	pendingHyphen := false
	for _, r := range norm.NFKD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			// A combining mark left by decomposing "é" into "e" + "´".
		case r == '\'' || r == '’' || r == 'ʼ':
			// An apostrophe joins: "China’s" → "chinas".
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if pendingHyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			pendingHyphen = false
			b.WriteRune(unicode.ToLower(r))
		default:
			pendingHyphen = true
		}
	}
	out := b.String()
	if len(out) > maxSlugLen {
		out = out[:maxSlugLen]
		for !isCleanCut(out) {
			out = out[:len(out)-1]
		}
		out = strings.TrimRight(out, "-")
	}
	return out
}

// isPlainSlug reports whether s is already a slug of ASCII letters and
// digits joined by single hyphens, no longer than a slug may be.
func isPlainSlug(s string) bool {
	if s == "" || len(s) > maxSlugLen || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c == '-' && s[i-1] != '-':
		default:
			return false
		}
	}
	return true
}

// isCleanCut reports whether s ends on a whole rune.
func isCleanCut(s string) bool {
	return strings.ToValidUTF8(s, "") == s
}

// UniqueSlug returns base, or base with "-2", "-3"… appended, choosing the first
// that taken reports as free. An empty base becomes fallback.
func UniqueSlug(base, fallback string, taken func(string) (bool, error)) (string, error) {
	if base == "" {
		base = fallback
	}
	for n := 1; ; n++ {
		candidate := base
		if n > 1 {
			candidate = base + "-" + strconv.Itoa(n)
		}
		used, err := taken(candidate)
		if err != nil {
			return "", err
		}
		if !used {
			return candidate, nil
		}
	}
}

// ValidateSlug reports a slug that Slugify would not produce: empty, with
// characters other than lower-case letters, digits and single hyphens, or too long.
func ValidateSlug(field, slug string) error {
	if slug == "" {
		return invalid(field, "is empty")
	}
	if len(slug) > maxSlugLen {
		return invalid(field, "is %d bytes long; the limit is %d", len(slug), maxSlugLen)
	}
	if Slugify(slug) != slug {
		return invalid(field, "%q may hold only lower-case letters, digits and single hyphens (try %q)", slug, Slugify(slug))
	}
	return nil
}
