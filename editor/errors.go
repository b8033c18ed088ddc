// Package editor is copydesk's domain: stories, pages, people, quotes and
// revisions, with the pure logic that works on them. It imports no UI, no SQL
// and touches no files; storage, export and the desktop app depend on it.
package editor

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// ErrNotFound is returned when a story, page, person or revision does not exist.
var ErrNotFound = errors.New("not found")

// ErrConflict is returned when a write clashes with the current state: a slug
// already taken, or a save based on a revision that is no longer current.
var ErrConflict = errors.New("conflict")

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
		return fmt.Sprintf("%s:%d: %v", e.Name, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Name, e.Err)
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
