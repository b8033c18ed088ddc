package export

import "os"

// A folder is where a worker writes the files of one folder of the output:
// an os.Root that keeps every name inside it, and the same folder open as a
// file, which lets Linux create files with fewer system calls.
type folder struct {
	root *os.Root
	fd   int // the open folder's descriptor on Linux, else -1
}
