//go:build unix

package app

import (
	"syscall"
	"time"
)

// processCPU is the CPU time this process has used, user and system, on
// every thread: what a benchmark costs on a machine whose other load makes
// the wall-clock time say little.
func processCPU() (time.Duration, bool) {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		return 0, false
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano()), true
}
