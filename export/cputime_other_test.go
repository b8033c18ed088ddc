//go:build !unix

package export_test

import "time"

// cpuTime is not measured on this system.
func cpuTime() time.Duration { return 0 }

// cpuTimes is not measured on this system.
func cpuTimes() (user, sys time.Duration) { return 0, 0 }
