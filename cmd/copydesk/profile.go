package main

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
)

// profileEnv names a file to write a CPU profile of the whole command into,
// and FILE.alloc a profile of what it allocated (go tool pprof reads both).
// It is for measuring, so it is not in the help.
const profileEnv = "COPYDESK_CPUPROFILE"

// startProfile starts the CPU profile $COPYDESK_CPUPROFILE asks for, and
// returns what stops it; without the variable both do nothing.
func startProfile(stderr io.Writer) (stop func()) {
	name := os.Getenv(profileEnv)
	if name == "" {
		return func() {}
	}
	f, err := os.Create(name)
	if err == nil {
		err = pprof.StartCPUProfile(f)
	}
	if err != nil {
		fmt.Fprintf(stderr, "copydesk: %s=%s: %v; running without a profile\n", profileEnv, name, err)
		if f != nil {
			f.Close()
		}
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
		// Beside it, what the command allocated (go tool pprof -sample_index=alloc_space).
		if h, err := os.Create(name + ".alloc"); err == nil {
			runtime.GC() // the profile is as of the last collection
			_ = pprof.Lookup("allocs").WriteTo(h, 0)
			h.Close()
		}
	}
}
