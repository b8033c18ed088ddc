package cli

import (
	"fmt"
	"io"
	"runtime"
)

// Version is the release, as FyneApp.toml's Version gives it (a test keeps
// the two the same).
const Version = "0.1.0"

// printVersion answers `copydesk --version`: the release and the Go it was
// built with, one line, as `git --version` does.
func printVersion(w io.Writer) {
	fmt.Fprintf(w, "copydesk version %s (%s %s/%s)\n", Version, runtime.Version(), runtime.GOOS, runtime.GOARCH)
}
