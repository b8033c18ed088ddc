package cli

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"copydesk/editor"
	"copydesk/storage"
)

var deskCmd = &Command{Name: "desk", Args: "init | add NAME editor|subeditor|desk [--password-file F]", Summary: "set up a shared desk on PostgreSQL (as its owner) and add its people to a role", MinArgs: 1, MaxArgs: 3, Creates: true,
	Setup: func(fs *flag.FlagSet) func(*Env, []string) error {
		passwordFile := fs.String("password-file", "", "desk add: read the person's new password from this file (none for a local trust or peer set-up)")
		return func(e *Env, args []string) error {
			desk, ok := e.DB.(storage.Desk)
			if !ok {
				return Usagef("%s is a database file; a shared desk is a PostgreSQL database: give --db postgres://USER@HOST/DB", e.DB.Path())
			}
			switch {
			case args[0] == "init" && len(args) == 1:
				if err := desk.Init(e.Ctx); err != nil {
					return err
				}
				fmt.Fprintf(e.Stdout, "the desk at %s is ready: roles editor, subeditor and desk; add people with 'copydesk --db URL desk add NAME ROLE'\n", e.DB.Path())
				return nil
			case args[0] == "add" && len(args) == 3:
				role := editor.Role(strings.ToLower(args[2]))
				if err := role.Validate(); err != nil {
					return Usagef("%v", err)
				}
				password, err := readPassword(*passwordFile)
				if err != nil {
					return err
				}
				if err := desk.AddMember(e.Ctx, args[1], role, password); err != nil {
					return err
				}
				fmt.Fprintf(e.Stdout, "%s is in the %s role at %s\n", args[1], role, e.DB.Path())
				return nil
			}
			return Usagef("usage: copydesk desk init | copydesk desk add NAME editor|subeditor|desk [--password-file F]")
		}
	}}

// readPassword reads a password from the first line of a file; no file, no password.
func readPassword(file string) (string, error) {
	if file == "" {
		return "", nil
	}
	b, err := os.ReadFile(file)
	if err != nil {
		return "", Usagef("--password-file %s: %v", file, err)
	}
	line, _, _ := strings.Cut(string(b), "\n")
	line = strings.TrimSuffix(line, "\r")
	if line == "" {
		return "", Usagef("--password-file %s: the first line is empty; write the password on it", file)
	}
	return line, nil
}
