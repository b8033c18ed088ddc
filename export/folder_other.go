//go:build !linux

package export

import "os"

func newFolder(root *os.Root, _ *os.File) folder {
	return folder{root: root, fd: -1}
}

// writeFile creates or truncates the file name in the folder and writes data to it.
func (d folder) writeFile(name string, data []byte) error {
	return d.root.WriteFile(name, data, 0o644)
}
