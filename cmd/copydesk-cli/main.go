// Command copydesk-cli is copydesk's command line as bin/copydesk: every
// command that works with the store alone (stories, show, diff, revisions,
// update, status, search, backup...) runs here, in a binary that links no
// Fyne, OpenGL, X11, goldmark or bluemonday, so it starts like a shell tool.
// The desktop app (no command, or only flags) and the commands that import,
// export or add the sample run in the whole program, bin/copydesk-window
// (cmd/copydesk), which this one execs from its own folder with the same
// arguments and environment.
package main

import (
	"os"

	"copydesk/internal/cli"
)

func main() {
	os.Exit(cli.Run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, cli.Program{}))
}
