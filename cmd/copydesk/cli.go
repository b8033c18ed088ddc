package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"os/user"
	"path/filepath"
	"sort"
	"strings"
	"syscall"

	"copydesk/editor"
	"copydesk/storage"
)

// Exit codes, as DESIGN.md sets them.
const (
	exitOK          = 0
	exitProblem     = 1   // a check or merge found a problem; nothing written
	exitUsage       = 2   // bad usage or bad input
	exitFailure     = 3   // something failed that is neither: the disk, the database, a bug
	exitInterrupted = 130 // stopped by Ctrl+C (128 + SIGINT, as shells report it)
)

// usageError is bad usage of the command line: exit 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return &usageError{fmt.Sprintf(format, args...)} }

// problemError is a finding that is not bad input (a conflict, a failed
// check): exit 1.
type problemError struct{ msg string }

func (e *problemError) Error() string { return e.msg }

// env is what every subcommand works with.
type env struct {
	ctx    context.Context
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	dbPath string
	db     storage.Store
}

// command is one subcommand: its flags are declared by setup, and run does the work.
type command struct {
	name    string
	args    string // how its arguments are written, for help
	summary string
	noDB    bool
	// creates marks a command that adds content, which may start a new
	// database; every other command refuses a database that is not there.
	creates bool
	setup   func(fs *flag.FlagSet) func(e *env, args []string) error
	minArgs int
	maxArgs int // -1 for no limit
}

// commands is every subcommand; help lists them by name.
var commands = []*command{
	importCmd, newCmd, storiesCmd, showCmd, updateCmd, statusCmd, quotesCmd, peopleCmd, checkCmd,
	revisionsCmd, diffCmd, blameCmd, restoreCmd, pagesCmd, searchCmd, exportCmd, backupCmd, sampleCmd, deskCmd, copyCmd,
	notesCmd, noteCmd,
}

func findCommand(name string) *command {
	for _, c := range commands {
		if c.name == name {
			return c
		}
	}
	return nil
}

// run is the whole program: it returns the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	globalDB, args, err := leadingDBFlag(args)
	if err != nil {
		fmt.Fprintf(stderr, "copydesk: %v\n", err)
		return exitUsage
	}
	if len(args) > 0 && (args[0] == "--version" || args[0] == "-version" || args[0] == "version") {
		printVersion(stdout)
		return exitOK
	}
	if len(args) == 0 || strings.HasPrefix(args[0], "-") && args[0] != "-h" && args[0] != "--help" && args[0] != "-help" {
		if globalDB != "" {
			args = append([]string{"--db", globalDB}, args...)
		}
		return runDesktopArgs(args, stderr)
	}
	name := args[0]
	if name == "help" || name == "-h" || name == "--help" || name == "-help" {
		if len(args) > 1 {
			if c := findCommand(args[1]); c != nil {
				fs := newFlagSet(c, stderr)
				c.setup(fs)
				fs.SetOutput(stdout)
				fs.Usage()
				return exitOK
			}
		}
		printHelp(stdout)
		return exitOK
	}
	c := findCommand(name)
	if c == nil {
		fmt.Fprintf(stderr, "copydesk: %q is not a command; run 'copydesk help' to list them\n", name)
		return exitUsage
	}
	fs := newFlagSet(c, stderr)
	dbPath := fs.String("db", "", "the database: a file, or a shared desk's postgres:// URL (default: $COPYDESK_DB, else "+shortPath(defaultDBPath())+")")
	do := c.setup(fs)
	if globalDB != "" {
		*dbPath = globalDB
	}
	pos, err := parseInterspersed(fs, args[1:])
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	if err != nil {
		fmt.Fprintf(stderr, "copydesk %s: %v\n", name, err)
		return exitUsage
	}
	if len(pos) < c.minArgs || (c.maxArgs >= 0 && len(pos) > c.maxArgs) {
		fmt.Fprintf(stderr, "copydesk %s: usage: copydesk %s %s\n", name, name, c.args)
		return exitUsage
	}
	// Ctrl+C cancels the command's context: a save rolls back, an export
	// leaves the old site as it was.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	e := &env{ctx: ctx, stdin: stdin, stdout: stdout, stderr: stderr, dbPath: resolveDBPath(*dbPath)}
	if !c.noDB {
		mode := storage.OpenExisting
		if c.creates {
			mode = storage.OpenOrCreate
		}
		db, err := storage.Open(ctx, e.dbPath, mode)
		if err != nil {
			fmt.Fprintf(stderr, "copydesk %s: %s\n", name, oneLine(err.Error()))
			return openExitCode(err)
		}
		defer db.Close()
		e.db = db
	}
	// The command runs on a goroutine of its own: Fyne's driver locks the main
	// goroutine to the main OS thread, and work that waits on other goroutines
	// from a locked thread pays a thread hand-off at every wake-up (a no-change
	// export of 10,000 stories took 3× as long).
	done := make(chan error, 1)
	go func() { done <- do(e, pos) }()
	if err := <-done; err != nil {
		if errors.Is(err, context.Canceled) {
			fmt.Fprintf(stderr, "copydesk %s: interrupted; what was not finished was not saved\n", name)
			return exitInterrupted
		}
		fmt.Fprintf(stderr, "copydesk %s: %s\n", name, oneLine(err.Error()))
		return exitCode(err)
	}
	return exitOK
}

func newFlagSet(c *command, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: copydesk %s %s\n\n%s\n\n", c.name, c.args, c.summary)
		fs.PrintDefaults()
	}
	return fs
}

// leadingDBFlag takes a --db PATH (or --db=PATH) given before the command,
// as in `copydesk --db T import FILE`.
func leadingDBFlag(args []string) (db string, rest []string, err error) {
	for len(args) > 0 {
		switch a := args[0]; {
		case a == "--db" || a == "-db":
			if len(args) < 2 {
				return "", nil, fmt.Errorf("--db needs a file path or a postgres:// URL")
			}
			db, args = args[1], args[2:]
		case strings.HasPrefix(a, "--db=") || strings.HasPrefix(a, "-db="):
			db, args = a[strings.Index(a, "=")+1:], args[1:]
		default:
			return db, args, nil
		}
	}
	return db, args, nil
}

// parseInterspersed parses flags wherever they stand among the arguments, so
// that `copydesk show ID --json` works, and returns the other arguments.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// exitCode maps an error to the exit code DESIGN.md gives it. An error that is
// neither a finding nor bad input gets a code of its own, so that a script can
// tell "the merge clashed" from "the disk is full".
func exitCode(err error) int {
	var ue *usageError
	var pe *problemError
	var ve *editor.ValidationError
	var fe *editor.FileError
	var ce *editor.ConflictError
	var be *editor.BusyError
	switch {
	case errors.Is(err, context.Canceled):
		return exitInterrupted
	case errors.As(err, &ce) && (ce.Kind == editor.ConflictSlug || ce.Kind == editor.ConflictName):
		// A taken slug or name is bad input: the person chooses another.
		return exitUsage
	case errors.As(err, &pe), errors.Is(err, editor.ErrConflict), errors.Is(err, editor.ErrPermission), errors.As(err, &be):
		return exitProblem
	case errors.As(err, &ue), errors.As(err, &ve), errors.As(err, &fe), errors.Is(err, storage.ErrNotEmpty),
		errors.Is(err, editor.ErrNotFound), errors.Is(err, editor.ErrAmbiguous):
		return exitUsage
	}
	return exitFailure
}

// openExitCode is the exit for a database that could not be opened: the
// --db given is wrong (2) unless the database was busy (1).
func openExitCode(err error) int {
	if code := exitCode(err); code != exitFailure {
		return code
	}
	return exitUsage
}

// oneLine keeps an error message to one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\n", " ")), " ")
}

// defaultDBPath is the per-user database the desktop app uses:
// $XDG_DATA_HOME/copydesk/copydesk.db, or ~/.local/share/copydesk/copydesk.db.
func defaultDBPath() string {
	dir := os.Getenv("XDG_DATA_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			home = "."
		}
		dir = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(dir, "copydesk", "copydesk.db")
}

// resolveDBPath applies the order of precedence: --db, then $COPYDESK_DB, then the default.
func resolveDBPath(flagValue string) string {
	if flagValue != "" {
		return flagValue
	}
	if v := os.Getenv("COPYDESK_DB"); v != "" {
		return v
	}
	return defaultDBPath()
}

func shortPath(p string) string {
	if home, err := os.UserHomeDir(); err == nil && strings.HasPrefix(p, home+string(filepath.Separator)) {
		return "~" + p[len(home):]
	}
	return p
}

// authorFlag declares --author. The function it returns gives a revision's
// author: the flag's value on a database file; on a shared desk nothing,
// for the server sets the database user, and an --author naming someone
// else is refused (bad usage: exit 2).
func authorFlag(fs *flag.FlagSet, usage string) func(e *env) (string, error) {
	author := fs.String("author", defaultAuthor(), usage+" (on a shared desk: the database user)")
	return func(e *env) (string, error) {
		desk, shared := e.db.(storage.Desk)
		if !shared {
			return *author, nil
		}
		given := false
		fs.Visit(func(f *flag.Flag) { given = given || f.Name == "author" })
		if given && *author != desk.User() {
			return "", usagef("--author %q: on a shared desk a revision's author is the database user who saves it, %s; leave --author out, nothing was saved", *author, desk.User())
		}
		return "", nil
	}
}

// defaultAuthor names the person making a revision from the command line.
func defaultAuthor() string {
	if v := os.Getenv("COPYDESK_AUTHOR"); v != "" {
		return v
	}
	if u, err := user.Current(); err == nil {
		if u.Name != "" {
			return u.Name
		}
		return u.Username
	}
	return ""
}

func printHelp(w io.Writer) {
	fmt.Fprint(w, `copydesk — an editorial tool for news desks

usage:
  copydesk [--db PATH|URL]          open the desktop app
  copydesk COMMAND [ARGS] [FLAGS]   work headless
  copydesk --version                print the version

commands:
`)
	sorted := append([]*command{}, commands...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].name < sorted[j].name })
	for _, c := range sorted {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintf(w, `
Every command takes --db PATH, or a shared desk's postgres:// URL
(default: $COPYDESK_DB, else %s).
IDs may be a full ID, a unique prefix of 6 or more characters, or the slug.
Exit codes: 0 success, 1 a check or merge found a problem (or the desk refused
the action to your role, or the database stayed busy), 2 bad usage or input,
3 another failure (disk, database), 130 interrupted.
'copydesk help COMMAND' shows a command's flags.
`, shortPath(defaultDBPath()))
}

// writeJSON prints v as indented JSON.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// isTerminal reports whether w is a terminal, for progress bars and colour.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
