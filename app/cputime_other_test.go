//go:build !unix

package app

import "time"

// processCPU is not known here: benchmarks report the wall-clock time only.
func processCPU() (time.Duration, bool) { return 0, false }
