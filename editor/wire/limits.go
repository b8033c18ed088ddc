package wire

import (
	"errors"
	"fmt"
	"io"

	"copydesk/editor"
)

// Limits that keep any one input to well under 100 MB of memory: a story's
// body holds at most editor.BodyMax bytes, so a wire file many times that
// size is not a story, and XML nested deeper than any agency format, or with
// more elements than a story could use, is refused as it is read rather
// than built into a tree.
const (
	// MaxFileBytes is the largest file ParseFile reads.
	MaxFileBytes = 2 * editor.BodyMax
	// MaxXMLDepth is how deeply XML elements may nest.
	MaxXMLDepth = 256
	// MaxXMLElements is how many elements one XML file may hold.
	MaxXMLElements = 50_000
)

// ErrTooLarge is wrapped by the error for a file larger than MaxFileBytes,
// or XML nested deeper than MaxXMLDepth or holding more than MaxXMLElements.
var ErrTooLarge = errors.New("too large to be a story")

func tooLarge(name string, size int64) error {
	return &editor.FileError{Name: name, Err: fmt.Errorf("%w: it is %s; copydesk imports files of up to %s (a story's text is at most %d bytes), so split it",
		ErrTooLarge, byteSize(size), byteSize(MaxFileBytes), editor.BodyMax)}
}

// ReadFile reads a file for ParseFile from r, stopping at MaxFileBytes: a
// larger input is refused with an error wrapping ErrTooLarge, naming the
// file, after reading no more than the limit. size is what the file system
// says the file holds (-1 when it does not know, as for standard input): a
// file it says is too large is refused before anything is read.
func ReadFile(name string, r io.Reader, size int64) ([]byte, error) {
	if size > MaxFileBytes {
		return nil, tooLarge(name, size)
	}
	data, err := io.ReadAll(io.LimitReader(r, MaxFileBytes+1))
	if err != nil {
		return nil, ReadError(name, err)
	}
	if len(data) > MaxFileBytes {
		return nil, tooLarge(name, int64(len(data)))
	}
	return data, nil
}

// byteSize prints a size as people read it: 512 bytes, 4.0 MB.
func byteSize(n int64) string {
	switch {
	case n < 1<<10:
		return fmt.Sprintf("%d bytes", n)
	case n < 1<<20:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	if n == MaxFileBytes+1 {
		return "more than " + byteSize(MaxFileBytes)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}
