package app

import (
	"os"
	"path/filepath"
	"testing"
)

// TestNewDatabaseStartsInTheDocumentsFolder: "Create a new database…" and
// "Open another database…" start in the documents folder, else the home
// folder.
func TestNewDatabaseStartsInTheDocumentsFolder(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_DOCUMENTS_DIR", "")
	if got := documentsFolder(); got == nil || got.Path() != home {
		t.Errorf("with no Documents folder: %v, want the home folder %s", got, home)
	}
	docs := filepath.Join(home, "Documents")
	if err := os.Mkdir(docs, 0o755); err != nil {
		t.Fatal(err)
	}
	if got := documentsFolder(); got == nil || got.Path() != docs {
		t.Errorf("documentsFolder() = %v, want %s", got, docs)
	}
	papers := filepath.Join(home, "Papers")
	if err := os.Mkdir(papers, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("XDG_DOCUMENTS_DIR", "$HOME/Papers")
	if got := documentsFolder(); got == nil || got.Path() != papers {
		t.Errorf("with XDG_DOCUMENTS_DIR: %v, want %s", got, papers)
	}
}
