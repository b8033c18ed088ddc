// Command copydesk is the whole of copydesk, a desktop editorial tool for a
// news desk: with no arguments it opens the desktop app; with a subcommand
// it works headless, so desk staff can script imports and exports.
// `copydesk help` lists them. The Makefile builds it as bin/copydesk-window,
// which bin/copydesk (cmd/copydesk-cli, the command line without the window
// and the Markdown and HTML libraries) execs for what it does not do itself.
package main

import (
	"os"

	_ "copydesk/internal/plainlocale"
)

func main() {
	stopProfile := startProfile(os.Stderr)
	code := run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stopProfile()
	os.Exit(code)
}
