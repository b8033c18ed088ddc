// Command copydesk is a desktop editorial tool for a news desk. With no
// arguments it opens the desktop app; with a subcommand it works headless, so
// desk staff can script imports and exports. `copydesk help` lists them.
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
