package export

import "os"

// A folder is where a worker writes the files of one folder of the output:
// an os.Root that keeps every name inside it, and the same folder open as a
// file, which lets Linux create files with fewer system calls.
type folder struct {
	root *os.Root
	fd   int // the open folder's descriptor on Linux, else -1
}

// failWrite, when a test sets it, is asked before each file the export
// writes; an error it returns is that write's failure, after half the bytes
// were written, as on a full disk.
var failWrite func(name string) error

// write writes data to the file name in the folder; see writeFile.
func (d folder) write(name string, data []byte) error {
	if failWrite != nil {
		if err := failWrite(name); err != nil {
			_ = d.writeFile(name, data[:len(data)/2])
			return &os.PathError{Op: "write", Path: name, Err: err}
		}
	}
	return d.writeFile(name, data)
}
