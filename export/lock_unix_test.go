//go:build unix

package export_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"copydesk/export"
)

// TestClaimBeingWritten: an export that has taken the folder but not yet
// written its process ID into the busy file (the moment two exports started
// together meet) still holds the folder: the second is refused with ErrBusy
// instead of taking the empty claim for a stale one.
func TestClaimBeingWritten(t *testing.T) {
	stories, pages := sampleSite(t)
	dir := filepath.Join(t.TempDir(), "site")
	if err := os.MkdirAll(filepath.Join(dir, ".copydesk"), 0o755); err != nil {
		t.Fatal(err)
	}
	lock, err := os.OpenFile(filepath.Join(dir, ".copydesk/lock"), os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Close()
	if err := syscall.Flock(int(lock.Fd()), syscall.LOCK_EX); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, ".copydesk/busy"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := export.Export(context.Background(), dir, testSite, stories, pages, nil); !errors.Is(err, export.ErrBusy) {
		t.Errorf("Export while another holds the folder and is writing its claim = %v, want ErrBusy", err)
	}
	if err := syscall.Flock(int(lock.Fd()), syscall.LOCK_UN); err != nil {
		t.Fatal(err)
	}
	// Released with the busy file left empty (that export was killed): taken over.
	exportTo(t, dir, stories, pages)
}
