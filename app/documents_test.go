package app

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
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

// TestDatabaseDialogsOpenInTheDocumentsFolder taps each button and menu
// item that looks for a database file and finds its dialog showing the
// documents folder, whatever folder a dialog was last in (such as the
// website's export folder).
func TestDatabaseDialogsOpenInTheDocumentsFolder(t *testing.T) {
	for _, tt := range []struct {
		name string
		show func(t *testing.T, w fyne.Window, g *gui)
	}{
		{"Create a new database…", func(t *testing.T, w fyne.Window, _ *gui) { tapButton(t, w, "Create a new database…") }},
		{"Open another database…", func(t *testing.T, w fyne.Window, _ *gui) { tapButton(t, w, "Open another database…") }},
		{"Use a file on this computer…", func(_ *testing.T, _ fyne.Window, g *gui) { g.useFile() }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			home := t.TempDir()
			papers := filepath.Join(home, "Papers")
			if err := os.Mkdir(papers, 0o755); err != nil {
				t.Fatal(err)
			}
			t.Setenv("HOME", home)
			t.Setenv("XDG_DOCUMENTS_DIR", "$HOME/Papers")
			g, w, _, _ := fileGUI(t)
			showOpenError(w, "broken.db", errors.New("file is not a database"), func(string) {})
			tt.show(t, w, g)
			for _, o := range objects(w) {
				if b, ok := o.(*widget.Button); ok && b.Text == "Papers" {
					return // the folder's own button, last in the dialog's path
				}
			}
			t.Errorf("%s: the dialog does not show the documents folder %s", tt.name, papers)
		})
	}
}
