package main

import (
	"io"

	"copydesk/internal/cli"
)

// whole is what this program adds to the command line of package cli: the
// desktop app, and the commands that need the importer's parsers, the
// export's renderer or both.
var whole = cli.Program{
	Setups: map[string]cli.Setup{
		cli.ImportCmd.Name: importSetup,
		cli.ExportCmd.Name: exportSetup,
		cli.SampleCmd.Name: sampleSetup,
	},
	Window:     runDesktopArgs,
	MainLocked: true, // Fyne's driver locks it
}

// run is the whole program: it returns the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return cli.Run(args, stdin, stdout, stderr, whole)
}
