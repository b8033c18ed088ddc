//go:build !unix

package export

import "os"

// processRunning reports whether a process with this ID exists: on Windows,
// finding it opens a handle, which fails when there is none.
func processRunning(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	p.Release()
	return true
}
