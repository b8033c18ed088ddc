package export_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"copydesk/export"
)

func TestSmoke(t *testing.T) {
	stories, pages := sampleSite(t)
	dir := t.TempDir()
	rep, err := export.Export(context.Background(), dir, testSite, stories, pages, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range rep.Files {
		t.Log(f)
	}
	if os.Getenv("KEEP") != "" {
		os.CopyFS(os.Getenv("KEEP"), os.DirFS(dir))
	}
	_ = filepath.Join
}
