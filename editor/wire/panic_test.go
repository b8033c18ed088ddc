package wire_test

import (
	"context"
	"errors"
	"testing"

	"copydesk/editor/wire"
)

// TestParseNeverPanics holds the inputs fuzzing and probing found to crash
// the importer: each may be read or refused, never panic.
func TestParseNeverPanics(t *testing.T) {
	for _, in := range []string{
		"Sir A1 A: “Yes.”",
		"Sir A: “Yes.”",
		"Dame 9 B: “No.”",
		"“Yes,” said Sir A1 A.",
	} {
		func() {
			defer func() {
				if p := recover(); p != nil {
					t.Errorf("ParseFile(%q) panicked: %v", in, p)
				}
			}()
			wire.ParseFile("probe.txt", []byte(in))
		}()
	}
}

// TestBatchSurvivesAPanic: a file whose reading panics is that file's
// failure, with a reason, and the batch goes on with the next file.
func TestBatchSurvivesAPanic(t *testing.T) {
	files := map[string]string{"a.txt": "First story.", "c.txt": "Third story."}
	b := wire.Batch{Read: func(name string) ([]byte, error) {
		if name == "b.txt" {
			panic("reader bug")
		}
		return []byte(files[name]), nil
	}}
	out := b.Run(context.Background(), []string{"a.txt", "b.txt", "c.txt"})
	for i, want := range []bool{false, true, false} {
		if failed := out[i].Err != nil; failed != want {
			t.Errorf("outcome %s failed = %v (%v), want %v", out[i].Name, failed, out[i].Err, want)
		}
	}
	if err := out[1].Reason(); !errors.Is(err, wire.ErrReaderFailed) {
		t.Errorf("reason for b.txt = %v, want one wrapping ErrReaderFailed", err)
	}
}
