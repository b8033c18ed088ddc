//go:build unix

package export

import (
	"errors"
	"syscall"
)

// processRunning reports whether a process with this ID exists.
func processRunning(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
