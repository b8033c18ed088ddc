// Package editor is copydesk's domain: stories, pages, people, quotes and
// revisions, with the pure logic that works on them. It imports no UI, no SQL
// and touches no files; storage, export and the desktop app depend on it.
package editor

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ErrNotFound is returned when a story, page, person or revision does not exist.
var ErrNotFound = errors.New("not found")

// ErrConflict is returned when a write clashes with the current state: a slug
// already taken, or a save based on a revision that is no longer current.
// Engines return it as a *ConflictError, which says what clashed.
var ErrConflict = errors.New("conflict")

// ConflictKind says what a write clashed with.
type ConflictKind string

// The kinds of conflict.
const (
	// ConflictRevision: the edit is based on a revision that is no longer
	// current, and the save was not asked to merge.
	ConflictRevision ConflictKind = "revision"
	// ConflictClash: the edit and the revisions saved since its base change
	// the same words; Conflicts says where.
	ConflictClash ConflictKind = "clash"
	// ConflictSlug: another story or page has the slug.
	ConflictSlug ConflictKind = "slug"
	// ConflictName: another person in the directory has the name.
	ConflictName ConflictKind = "name"
)

// ConflictError is a write refused because it clashes with what is stored.
// It matches ErrConflict with errors.Is; Kind tells the cases apart.
type ConflictError struct {
	Kind  ConflictKind
	Noun  string // story, page or person
	Title string // the story's or page's title, for the message
	// Value is the slug or name that is taken (ConflictSlug, ConflictName).
	Value string
	// Current and Base are the revision now stored and the one the edit
	// started from (ConflictRevision, ConflictClash).
	Current, Base int
	// Conflicts are the places both sides changed (ConflictClash).
	Conflicts []Conflict
}

func (e *ConflictError) Error() string {
	switch e.Kind {
	case ConflictSlug:
		return fmt.Sprintf("slug %q is used by another %s; choose another", e.Value, e.Noun)
	case ConflictName:
		return fmt.Sprintf("%q is already in the people directory", e.Value)
	case ConflictClash:
		return fmt.Sprintf("%s %q: this edit, based on revision %d, changes the same words as revisions saved since (it is now at revision %d) in %d %s; nothing was saved",
			e.Noun, e.Title, e.Base, e.Current, len(e.Conflicts), map[bool]string{true: "place", false: "places"}[len(e.Conflicts) == 1])
	}
	return fmt.Sprintf("%s %q is at revision %d, but this edit is based on revision %d", e.Noun, e.Title, e.Current, e.Base)
}

// Is makes every ConflictError match ErrConflict.
func (e *ConflictError) Is(target error) bool { return target == ErrConflict }

// ErrPermission is matched by every *PermissionError.
var ErrPermission = errors.New("permission denied")

// PermissionError is an action the database refused because the user's role
// does not allow it. Role is the role it needs.
type PermissionError struct {
	Role   Role
	Action string // e.g. "publish a story", "edit site pages"
	User   string // the database user refused, when known
}

func (e *PermissionError) Error() string {
	who := "you are"
	if e.User != "" {
		who = e.User + " is"
	}
	return fmt.Sprintf("only the %s role may %s, and %s not in it; ask the desk's administrator (copydesk desk add NAME %s), nothing was changed",
		e.Role, e.Action, who, e.Role)
}

// Is makes every PermissionError match ErrPermission.
func (e *PermissionError) Is(target error) bool { return target == ErrPermission }

// BusyError is a write that could not get the database's lock in time
// because another program kept writing. Holder names that program, when
// it can be told.
type BusyError struct {
	Database string
	Holder   string // e.g. "copydesk import (process 4121)"; empty when unknown
}

func (e *BusyError) Error() string {
	holder := "another program"
	if e.Holder != "" {
		holder = e.Holder
	}
	return fmt.Sprintf("%s is busy: %s is writing to it and kept it locked; nothing was saved, try again when it has finished", e.Database, holder)
}

// ErrAmbiguous is returned when a reference (an ID prefix) fits more than one
// story or page; the caller should ask for more of it.
var ErrAmbiguous = errors.New("ambiguous")

// ValidationError names the field that is wrong and what is wrong with it.
type ValidationError struct {
	Field   string // e.g. "headline", "status", "quotes[2].text"
	Problem string // e.g. "is longer than 200 characters"
}

func (e *ValidationError) Error() string {
	return e.Field + " " + e.Problem
}

// FileError is bad input in a file, located by line (0 when the whole file is meant).
type FileError struct {
	Name string
	Line int
	Err  error
}

func (e *FileError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", ShownName(e.Name), e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", ShownName(e.Name), e.Err)
}

// ShownName is a file name as a message or a revision note shows it: as it
// is, with any line break or other control character in it (a file may be
// called "a\nb.txt") written as its Go escape, \n, so that the name stays on
// one line and cannot pass for another message.
func ShownName(name string) string {
	clean := true
	for _, r := range name {
		if shownEscaped(r) {
			clean = false
			break
		}
	}
	if clean {
		return name
	}
	var b strings.Builder
	for _, r := range strings.ToValidUTF8(name, "\uFFFD") {
		if shownEscaped(r) {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func shownEscaped(r rune) bool {
	return unicode.IsControl(r) || strings.ContainsRune(lineBreaks, r) || r == utf8.RuneError
}

func (e *FileError) Unwrap() error { return e.Err }

// invalid builds a *ValidationError with a formatted problem.
func invalid(field, format string, args ...any) error {
	return &ValidationError{Field: field, Problem: fmt.Sprintf(format, args...)}
}

// firstError returns the first non-nil error.
func firstError(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// checkLen reports a field longer than max runes.
func checkLen(field, value string, max int) error {
	if n := utf8.RuneCountInString(value); n > max {
		return invalid(field, "is %d characters long; the limit is %d", n, max)
	}
	return nil
}

// checkSingleLine reports a field that must fit on one line but holds a line break.
func checkSingleLine(field, value string) error {
	if strings.ContainsAny(value, lineBreaks) {
		return invalid(field, "must be a single line")
	}
	return nil
}

// ErrLogin is matched by a connection the server refused for its user name
// or password (the error also matches ErrNotFound), so that the desktop app
// can ask for the password rather than only report it.
var ErrLogin = errors.New("login refused")

// RefPrefixMin is the fewest characters of an ID that find a document by
// its start.
const RefPrefixMin = 6

// ResolveRef turns what a person typed for a document (its ID, a slug, or
// the first RefPrefixMin or more characters of its ID) into its ID, by
// the same rules on every engine: exact looks for an ID or slug equal to
// ref; prefix lists up to two IDs that start with it. An empty ref or no
// match is ErrNotFound; a prefix of two documents' IDs is ErrAmbiguous.
func ResolveRef(noun, ref string, exact func(ref string) (id string, found bool, err error), prefix func(start string) ([]string, error)) (string, error) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return "", fmt.Errorf("no %s given: %w", noun, ErrNotFound)
	}
	if id, found, err := exact(ref); err != nil || found {
		return id, err
	}
	// LIKE's wildcards and escape never start an ID, so a ref holding one
	// is not looked for as a prefix.
	if len(ref) >= RefPrefixMin && !strings.ContainsAny(ref, `%_\`) {
		ids, err := prefix(strings.ToLower(ref))
		if err != nil {
			return "", err
		}
		switch len(ids) {
		case 1:
			return ids[0], nil
		case 2:
			return "", fmt.Errorf("%q starts the IDs of more than one %s; give more of the ID: %w", ref, noun, ErrAmbiguous)
		}
	}
	return "", fmt.Errorf("no %s has the ID or slug %q: %w", noun, ref, ErrNotFound)
}
