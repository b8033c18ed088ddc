package main

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"copydesk/editor"
	"copydesk/storage"
)

var deskCmd = &command{name: "desk", args: "init | add NAME editor|subeditor|desk [--password-file F]", summary: "set up a shared desk on PostgreSQL (as its owner) and add its people to a role", minArgs: 1, maxArgs: 3, creates: true,
	setup: func(fs *flag.FlagSet) func(*env, []string) error {
		passwordFile := fs.String("password-file", "", "desk add: read the person's new password from this file (none for a local trust or peer set-up)")
		return func(e *env, args []string) error {
			desk, ok := e.db.(storage.Desk)
			if !ok {
				return usagef("%s is a database file; a shared desk is a PostgreSQL database: give --db postgres://USER@HOST/DB", e.db.Path())
			}
			switch {
			case args[0] == "init" && len(args) == 1:
				if err := desk.Init(e.ctx); err != nil {
					return err
				}
				fmt.Fprintf(e.stdout, "the desk at %s is ready: roles editor, subeditor and desk; add people with 'copydesk --db URL desk add NAME ROLE'\n", e.db.Path())
				return nil
			case args[0] == "add" && len(args) == 3:
				role := editor.Role(strings.ToLower(args[2]))
				if err := role.Validate(); err != nil {
					return usagef("%v", err)
				}
				password, err := readPassword(*passwordFile)
				if err != nil {
					return err
				}
				if err := desk.AddMember(e.ctx, args[1], role, password); err != nil {
					return err
				}
				fmt.Fprintf(e.stdout, "%s is in the %s role at %s\n", args[1], role, e.db.Path())
				return nil
			}
			return usagef("usage: copydesk desk init | copydesk desk add NAME editor|subeditor|desk [--password-file F]")
		}
	}}

// readPassword reads a password from the first line of a file; no file, no password.
func readPassword(file string) (string, error) {
	if file == "" {
		return "", nil
	}
	b, err := os.ReadFile(file)
	if err != nil {
		return "", usagef("--password-file %s: %v", file, err)
	}
	line, _, _ := strings.Cut(string(b), "\n")
	line = strings.TrimSuffix(line, "\r")
	if line == "" {
		return "", usagef("--password-file %s: the first line is empty; write the password on it", file)
	}
	return line, nil
}
