package app

// This benchmark opens a real SQLite database, so it imports storage; only
// tests do. The app itself knows the store only through Store.

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"copydesk/editor"
	"copydesk/storage"
)

// BenchmarkStartup10k measures opening a database of 10,000 stories and
// building the main window up to a usable state: the list counted, its first
// page loaded and the newest story shown.
func BenchmarkStartup10k(b *testing.B) {
	path := filepath.Join(b.TempDir(), "big.db")
	db, err := storage.Open(context.Background(), path, storage.OpenOrCreate)
	if err != nil {
		b.Fatal(err)
	}
	stories := make([]*editor.Story, 10000)
	para := strings.Repeat("The council said the budget would be set next month after a consultation. ", 10)
	for i := range stories {
		stories[i] = &editor.Story{Headline: fmt.Sprintf("Story %d about the council budget", i),
			Body: strings.Repeat(para+"\n\n", 8), Status: editor.Statuses[i%len(editor.Statuses)]}
	}
	if err := db.CreateStories(context.Background(), stories, editor.RevisionMeta{Kind: editor.RevisionImport}, nil); err != nil {
		b.Fatal(err)
	}
	db.Close()

	test.NewTempApp(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		db, err := storage.Open(context.Background(), path, storage.OpenOrCreate)
		if err != nil {
			b.Fatal(err)
		}
		w := test.NewWindow(nil)
		g := newGUI(w, db, syncRun, syncRun)
		// As in the app, the checks wait for a pause (they are not part of the
		// window becoming usable); the timer is stopped below.
		g.checkDelay = time.Hour
		w.SetContent(g.build())
		w.Resize(fyne.NewSize(1200, 780))
		g.start()
		if g.story.loaded == nil || g.list.list.Length() != 10000 {
			b.Fatalf("window not ready: %d rows, story %v", g.list.list.Length(), g.story.loaded)
		}
		if g.story.checkTimer != nil {
			g.story.checkTimer.Stop()
		}
		w.Close()
		db.Close()
	}
}
