package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// An interrupted quote is one quotation in two pieces: import --dry-run
// --json and quotes --json mark the second piece "continues".
func TestInterruptedQuoteContinues(t *testing.T) {
	c := newCLI(t)
	file := filepath.Join(t.TempDir(), "holt.txt")
	body := "Holt keeps her seat\n\nThe count ended at dawn.\n\n“We will appeal the ruling,” said Anna Holt. “And we will win it.”\n"
	if err := os.WriteFile(file, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	var dry struct {
		Quotes []struct {
			Text      string
			Continues bool
		}
	}
	c.json(&dry, "import", "--dry-run", "--json", file)
	if len(dry.Quotes) != 2 || dry.Quotes[0].Continues || !dry.Quotes[1].Continues {
		t.Fatalf("import --dry-run --json quotes = %+v, want the second piece to continue", dry.Quotes)
	}
	id, _, _ := strings.Cut(c.ok("import", file), "\t")
	var quotes []struct {
		Text      string
		Continues bool
	}
	c.json(&quotes, "quotes", id)
	if len(quotes) != 2 || quotes[0].Continues || !quotes[1].Continues {
		t.Fatalf("quotes --json = %+v, want the second piece to continue", quotes)
	}
}
