package app

import (
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
)

// documentsFolder is where a new database is made and another is looked
// for: the person's documents folder (XDG_DOCUMENTS_DIR, else ~/Documents),
// else the home folder, never the folder last used for something else
// (such as the website's export folder, which Fyne's dialogs would offer).
func documentsFolder() fyne.ListableURI {
	home, _ := os.UserHomeDir()
	var candidates []string
	if d := strings.TrimSpace(os.Getenv("XDG_DOCUMENTS_DIR")); d != "" {
		candidates = append(candidates, strings.Replace(d, "$HOME", home, 1))
	}
	if home != "" {
		candidates = append(candidates, filepath.Join(home, "Documents"), home)
	}
	for _, c := range candidates {
		if fi, err := os.Stat(c); err == nil && fi.IsDir() {
			if l, err := storage.ListerForURI(storage.NewFileURI(c)); err == nil {
				return l
			}
		}
	}
	return nil
}

// startInDocuments opens a file dialog in the documents folder, when there
// is one.
func startInDocuments(d interface{ SetLocation(fyne.ListableURI) }) {
	if l := documentsFolder(); l != nil {
		d.SetLocation(l)
	}
}
