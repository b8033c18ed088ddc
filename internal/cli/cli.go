// Package cli is copydesk's command line: its flags, exit codes, help and
// every subcommand that works with the store alone. cmd/copydesk-cli builds
// it into bin/copydesk with nothing more, so that those commands start
// without Fyne, OpenGL, X11, goldmark or bluemonday; cmd/copydesk, the whole
// program (bin/copydesk-window), adds the desktop app and the commands that
// import, export and add the sample. Run hands what its binary lacks to the
// whole program, found next to it, with the same arguments.
package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
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
	ExitOK          = 0
	ExitProblem     = 1   // a check or merge found a problem; nothing written
	ExitUsage       = 2   // bad usage or bad input
	ExitFailure     = 3   // something failed that is neither: the disk, the database, a bug
	ExitInterrupted = 130 // stopped by Ctrl+C (128 + SIGINT, as shells report it)
)

// usageError is bad usage of the command line: exit 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

// Usagef is bad usage of the command line (exit 2), its message made as fmt.Sprintf makes it.
func Usagef(format string, args ...any) error { return &usageError{fmt.Sprintf(format, args...)} }

// problemError is a finding that is not bad input (a conflict, a failed
// check): exit 1.
type problemError struct{ msg string }

func (e *problemError) Error() string { return e.msg }

// Problemf is a finding that is not bad input (exit 1), its message made as
// fmt.Sprintf makes it.
func Problemf(format string, args ...any) error {
	return &problemError{fmt.Sprintf(format, args...)}
}

// Env is what every subcommand works with.
type Env struct {
	Ctx    context.Context
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	DBPath string
	DB     storage.Store
}

// Setup declares a command's flags on fs and returns what does its work.
type Setup func(fs *flag.FlagSet) func(e *Env, args []string) error

// Command is one subcommand: its flags are declared by Setup, and the
// function Setup returns does the work. A command whose Setup is nil here
// (import, export, sample) is done by the whole program
// (cmd/copydesk), which gives its Setup in Program.Setups.
type Command struct {
	Name    string
	Args    string // how its arguments are written, for help
	Summary string
	NoDB    bool
	// Creates marks a command that adds content, which may start a new
	// database; every other command refuses a database that is not there.
	Creates bool
	Setup   Setup
	MinArgs int
	MaxArgs int // -1 for no limit
}

// The commands that need the Markdown and HTML libraries: their help is
// here, their work in the whole program (cmd/copydesk).
var (
	ImportCmd = &Command{Name: "import", Args: "FILE... [--dry-run] [--json] [--status S] [--all-or-nothing]",
		Summary: "import wire copy (NITF, NewsML, ninjs, ANPA 1312, IPTC 7901, plain text) or Markdown archives as stories", MinArgs: 1, MaxArgs: -1, Creates: true}
	ExportCmd = &Command{Name: "export", Args: "--out DIR [--base-url URL] [--name NAME] [--time-zone ZONE] [--allow-removal] [--verify] [--json]", Summary: "write the website: published stories and all pages", MaxArgs: 0}
	SampleCmd = &Command{Name: "sample", Args: "", Summary: "add the sample story and the comment rules page", MaxArgs: 0, Creates: true}
)

// Program is what a binary adds to the commands of this package: the work
// of the commands that need more (by name), and the desktop app. What it
// leaves out, Run hands to the whole program, copydesk-window, next to the
// running binary (see handOver).
type Program struct {
	Setups map[string]Setup
	Window func(args []string, stderr io.Writer) int
	// MainLocked says the main goroutine is locked to the main OS thread,
	// as Fyne's driver locks it in a binary that links Fyne.
	MainLocked bool
}

// do runs a command's work. Where the main goroutine is locked to its
// thread, the work runs on a goroutine of its own: work that waits on other
// goroutines from a locked thread pays a thread hand-off at every wake-up (a
// no-change export of 10,000 stories took 3× as long). Elsewhere it runs
// where it is, which spares a start-up the second processor's memory spans
// (about 40 page faults of a 700-fault `show --rev`).
func (p Program) do(work func(*Env, []string) error, e *Env, args []string) error {
	if !p.MainLocked {
		return work(e, args)
	}
	done := make(chan error, 1)
	go func() { done <- work(e, args) }()
	return <-done
}

// commands is every subcommand; help lists them by name.
var commands = []*Command{
	ImportCmd, newCmd, storiesCmd, showCmd, updateCmd, statusCmd, quotesCmd, peopleCmd, checkCmd,
	revisionsCmd, diffCmd, blameCmd, restoreCmd, pagesCmd, searchCmd, ExportCmd, backupCmd, SampleCmd, deskCmd, copyCmd,
	notesCmd, noteCmd,
}

func findCommand(name string) *Command {
	for _, c := range commands {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// Run is the command line: it returns the exit code. What p does not give
// (the window, the commands of the whole program) it hands to the whole
// program with the same arguments.
func Run(args []string, stdin io.Reader, stdout, stderr io.Writer, p Program) int {
	all := args
	globalDB, args, err := leadingDBFlag(args)
	if err != nil {
		fmt.Fprintf(stderr, "copydesk: %v\n", err)
		return ExitUsage
	}
	if len(args) > 0 && (args[0] == "--version" || args[0] == "-version" || args[0] == "version") {
		printVersion(stdout)
		return ExitOK
	}
	if len(args) == 0 || strings.HasPrefix(args[0], "-") && args[0] != "-h" && args[0] != "--help" && args[0] != "-help" {
		if p.Window == nil {
			return handOver(all, "the desktop app", stderr)
		}
		if globalDB != "" {
			args = append([]string{"--db", globalDB}, args...)
		}
		return p.Window(args, stderr)
	}
	name := args[0]
	if name == "help" || name == "-h" || name == "--help" || name == "-help" {
		if len(args) > 1 {
			if c := findCommand(args[1]); c != nil {
				setup := p.setup(c)
				if setup == nil {
					return handOver(all, "'copydesk help "+c.Name+"'", stderr)
				}
				fs := newFlagSet(c, stderr)
				setup(fs)
				fs.SetOutput(stdout)
				fs.Usage()
				return ExitOK
			}
		}
		printHelp(stdout)
		return ExitOK
	}
	c := findCommand(name)
	if c == nil {
		fmt.Fprintf(stderr, "copydesk: %q is not a command; run 'copydesk help' to list them\n", name)
		return ExitUsage
	}
	setup := p.setup(c)
	if setup == nil {
		return handOver(all, "'copydesk "+c.Name+"'", stderr)
	}
	fs := newFlagSet(c, stderr)
	dbPath := fs.String("db", "", "the database: a file, or a shared desk's postgres:// URL (default: $COPYDESK_DB, else "+ShortPath(DefaultDBPath())+")")
	do := setup(fs)
	if globalDB != "" {
		*dbPath = globalDB
	}
	pos, err := parseInterspersed(fs, args[1:])
	if errors.Is(err, flag.ErrHelp) {
		return ExitOK
	}
	if err != nil {
		fmt.Fprintf(stderr, "copydesk %s: %v\n", name, err)
		return ExitUsage
	}
	if len(pos) < c.MinArgs || (c.MaxArgs >= 0 && len(pos) > c.MaxArgs) {
		fmt.Fprintf(stderr, "copydesk %s: usage: copydesk %s %s\n", name, name, c.Args)
		return ExitUsage
	}
	// Ctrl+C cancels the command's context: a save rolls back, an export
	// leaves the old site as it was.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	e := &Env{Ctx: ctx, Stdin: stdin, Stdout: stdout, Stderr: stderr, DBPath: ResolveDBPath(*dbPath)}
	if !c.NoDB {
		mode := storage.OpenExisting
		if c.Creates {
			mode = storage.OpenOrCreate
		}
		db, err := storage.Open(ctx, e.DBPath, mode)
		if err != nil {
			fmt.Fprintf(stderr, "copydesk %s: %s\n", name, OneLine(err.Error()))
			return openExitCode(err)
		}
		defer db.Close()
		e.DB = db
	}
	if err := p.do(do, e, pos); err != nil {
		if errors.Is(err, context.Canceled) {
			fmt.Fprintf(stderr, "copydesk %s: interrupted; what was not finished was not saved\n", name)
			return ExitInterrupted
		}
		fmt.Fprintf(stderr, "copydesk %s: %s\n", name, OneLine(err.Error()))
		return exitCode(err)
	}
	return ExitOK
}

// setup is what does c's work in this binary: its own Setup, else the one
// the program gives; nil when neither does.
func (p Program) setup(c *Command) Setup {
	if c.Setup != nil {
		return c.Setup
	}
	return p.Setups[c.Name]
}

func newFlagSet(c *Command, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(c.Name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: copydesk %s %s\n\n%s\n\n", c.Name, c.Args, c.Summary)
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
		return ExitInterrupted
	case errors.As(err, &ce) && (ce.Kind == editor.ConflictSlug || ce.Kind == editor.ConflictName):
		// A taken slug or name is bad input: the person chooses another.
		return ExitUsage
	case errors.As(err, &pe), errors.Is(err, editor.ErrConflict), errors.Is(err, editor.ErrPermission), errors.As(err, &be):
		return ExitProblem
	case errors.As(err, &ue), errors.As(err, &ve), errors.As(err, &fe), errors.Is(err, storage.ErrNotEmpty),
		errors.Is(err, editor.ErrNotFound), errors.Is(err, editor.ErrAmbiguous):
		return ExitUsage
	}
	return ExitFailure
}

// openExitCode is the exit for a database that could not be opened: the
// --db given is wrong (2) unless the database was busy (1).
func openExitCode(err error) int {
	if code := exitCode(err); code != ExitFailure {
		return code
	}
	return ExitUsage
}

// OneLine keeps an error message to one line.
func OneLine(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\n", " ")), " ")
}

// DefaultDBPath is the per-user database the desktop app uses:
// $XDG_DATA_HOME/copydesk/copydesk.db, or ~/.local/share/copydesk/copydesk.db.
func DefaultDBPath() string {
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

// ResolveDBPath applies the order of precedence: --db, then $COPYDESK_DB, then the default.
func ResolveDBPath(flagValue string) string {
	if flagValue != "" {
		return flagValue
	}
	if v := os.Getenv("COPYDESK_DB"); v != "" {
		return v
	}
	return DefaultDBPath()
}

// ShortPath writes a path under the home folder with ~.
func ShortPath(p string) string {
	if home, err := os.UserHomeDir(); err == nil && strings.HasPrefix(p, home+string(filepath.Separator)) {
		return "~" + p[len(home):]
	}
	return p
}

// AuthorFlag declares --author. The function it returns gives a revision's
// author: the flag's value on a database file; on a shared desk nothing,
// for the server sets the database user, and an --author naming someone
// else is refused (bad usage: exit 2).
func AuthorFlag(fs *flag.FlagSet, usage string) func(e *Env) (string, error) {
	author := fs.String("author", defaultAuthor(), usage+" (on a shared desk: the database user)")
	return func(e *Env) (string, error) {
		desk, shared := e.DB.(storage.Desk)
		if !shared {
			return *author, nil
		}
		given := false
		fs.Visit(func(f *flag.Flag) { given = given || f.Name == "author" })
		if given && *author != desk.User() {
			return "", Usagef("--author %q: on a shared desk a revision's author is the database user who saves it, %s; leave --author out, nothing was saved", *author, desk.User())
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
	sorted := append([]*Command{}, commands...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Name < sorted[j].Name })
	for _, c := range sorted {
		fmt.Fprintf(w, "  %-10s %s\n", c.Name, c.Summary)
	}
	fmt.Fprintf(w, `
Every command takes --db PATH, or a shared desk's postgres:// URL
(default: $COPYDESK_DB, else %s).
IDs may be a full ID, a unique prefix of 6 or more characters, or the slug.
Exit codes: 0 success, 1 a check or merge found a problem (or the desk refused
the action to your role, or the database stayed busy), 2 bad usage or input,
3 another failure (disk, database), 130 interrupted.
'copydesk help COMMAND' shows a command's flags.
`, ShortPath(DefaultDBPath()))
}

// WriteJSON prints v as indented JSON.
func WriteJSON(w io.Writer, v any) error {
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

// WholeProgram is the file name of the whole program (the desktop app and
// every command), which this package's own binary hands the rest to; it is
// looked for in the folder of the running binary.
const WholeProgram = "copydesk-window"

// execWhole replaces this process by the whole program; tests replace it.
var execWhole = func(path string, argv, env []string) error { return syscall.Exec(path, argv, env) }

// handOver runs what (the desktop app, a command) in the whole program, with
// the arguments this binary was given: the process, its standard streams,
// environment and exit code become the whole program's. It returns only
// when that cannot start, saying what is missing and what to do.
func handOver(args []string, what string, stderr io.Writer) int {
	self, err := os.Executable()
	if err == nil {
		self, err = filepath.EvalSymlinks(self)
	}
	if err != nil {
		fmt.Fprintf(stderr, "copydesk: %s runs in %s, but where this program is cannot be told (%v); run %s directly\n", what, WholeProgram, err, WholeProgram)
		return ExitFailure
	}
	path := filepath.Join(filepath.Dir(self), WholeProgram)
	err = execWhole(path, append([]string{path}, args...), os.Environ())
	if errors.Is(err, fs.ErrNotExist) {
		fmt.Fprintf(stderr, "copydesk: %s runs in %s, which is not in %s next to this program; 'make build' builds both into bin/ (or run copydesk-window itself, which does every command); nothing was done\n", what, WholeProgram, filepath.Dir(path))
	} else {
		fmt.Fprintf(stderr, "copydesk: %s runs in %s, which could not be started: %v; nothing was done\n", what, path, err)
	}
	return ExitFailure
}
