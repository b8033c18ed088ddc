package export_test

import (
	"context"
	"errors"
	"path/filepath"
	"sync"
	"testing"

	"copydesk/export"
)

// TestExportsRacingIntoANewFolder: exports started together into a folder
// that does not exist yet each either finish or fail with ErrBusy, at least
// one finishes, and the site they leave is whole.
func TestExportsRacingIntoANewFolder(t *testing.T) {
	stories, pages := sampleSite(t)
	for round := range 20 {
		dir := filepath.Join(t.TempDir(), "site")
		const racers = 4
		errs := make([]error, racers)
		start := make(chan struct{})
		var wg sync.WaitGroup
		for i := range racers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				_, errs[i] = export.Export(context.Background(), dir, testSite, stories, pages, nil)
			}()
		}
		close(start)
		wg.Wait()
		finished := 0
		for i, err := range errs {
			switch {
			case err == nil:
				finished++
			case !errors.Is(err, export.ErrBusy):
				t.Errorf("round %d, export %d: %v, want success or ErrBusy", round, i, err)
			}
		}
		if finished == 0 {
			t.Errorf("round %d: no export finished: %v", round, errs)
		}
		if rep := exportTo(t, dir, stories, pages); rep.Count(export.StateWritten) != 0 {
			t.Errorf("round %d: the export after the race wrote %d files, want 0 (the site was not whole)", round, rep.Count(export.StateWritten))
		}
	}
}
