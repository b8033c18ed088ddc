package main

import (
	"fmt"
	"io"
	"runtime"
)

// version is the release, as FyneApp.toml's Version gives it (a test keeps
// the two the same).
const version = "0.1.0"

// printVersion answers `copydesk --version`: the release and the Go it was
// built with, one line, as `git --version` does.
func printVersion(w io.Writer) {
	fmt.Fprintf(w, "copydesk version %s (%s %s/%s)\n", version, runtime.Version(), runtime.GOOS, runtime.GOARCH)
}
