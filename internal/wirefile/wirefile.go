// Package wirefile reads a file for import from the disk, within the size
// the importer accepts: the command line's import and the desktop app's
// File ▸ Import… read through it, so neither reads a huge file whole.
package wirefile

import (
	"os"

	"copydesk/editor/wire"
)

// Read reads the file name, refusing one larger than wire.MaxFileBytes from
// its size before reading anything, and never reading past the limit (a
// file that grows, a device). Errors name the file.
func Read(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, wire.ReadError(name, err)
	}
	defer f.Close()
	size := int64(-1)
	if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
		size = st.Size()
	}
	return wire.ReadFile(name, f, size)
}
