// Package wirefile reads a file for import from the disk or standard input,
// within the size the importer accepts: the command line's import and
// update and the desktop app's File ▸ Import… read through it, so none reads
// a huge file whole. It needs nothing of the importer (editor/wire), so the
// commands that only read a file link none of its parsers.
package wirefile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"copydesk/editor"
)

// MaxBytes is the largest file wire.ParseFile reads: a story's body holds
// at most editor.BodyMax bytes, so a file many times that size is not a
// story.
const MaxBytes = 2 * editor.BodyMax

// Read reads the file name, refusing one larger than MaxBytes from
// its size before reading anything, and never reading past the limit (a
// file that grows, a device). Errors name the file.
func Read(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, ReadError(name, err)
	}
	defer f.Close()
	size := int64(-1)
	if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
		size = st.Size()
	}
	return ReadFrom(name, f, size)
}

// ErrTooLarge is wrapped by the error for a file larger than MaxBytes,
// or XML nested deeper than wire.MaxXMLDepth or holding more than
// wire.MaxXMLElements.
var ErrTooLarge = errors.New("too large to be a story")

// TooLarge is the error for the file name of size bytes, over MaxBytes.
func TooLarge(name string, size int64) error {
	return &editor.FileError{Name: name, Err: fmt.Errorf("%w: it is %s; copydesk imports files of up to %s (a story's text is at most %d bytes), so split it",
		ErrTooLarge, byteSize(size), byteSize(MaxBytes), editor.BodyMax)}
}

// ReadFrom reads a file for wire.ParseFile from r, stopping at MaxBytes: a
// larger input is refused with an error wrapping ErrTooLarge, naming the
// file, after reading no more than the limit. size is what the file system
// says the file holds (-1 when it does not know, as for standard input): a
// file it says is too large is refused before anything is read.
func ReadFrom(name string, r io.Reader, size int64) ([]byte, error) {
	if size > MaxBytes {
		return nil, TooLarge(name, size)
	}
	data, err := io.ReadAll(io.LimitReader(r, MaxBytes+1))
	if err != nil {
		return nil, ReadError(name, err)
	}
	if len(data) > MaxBytes {
		return nil, TooLarge(name, int64(len(data)))
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
	if n == MaxBytes+1 {
		return "more than " + byteSize(MaxBytes)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}

// ReadError is the reason for a file that could not be read, naming it:
// "notes.txt: no such file".
func ReadError(name string, err error) error {
	var fe *editor.FileError
	if errors.As(err, &fe) {
		return err // names the file already (ReadFile's refusal)
	}
	if errors.Is(err, fs.ErrNotExist) {
		return &editor.FileError{Name: name, Err: errors.New("no such file")}
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return &editor.FileError{Name: name, Err: err}
}
