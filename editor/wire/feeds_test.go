package wire_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"copydesk/editor/wire"
)

// parseFixture reads testdata/feeds/NAME with ParseFile.
func parseFixture(t *testing.T, name string) *wire.Result {
	t.Helper()
	return parseTestdata(t, "feeds", name)
}

// parseTestdata reads testdata/DIR/NAME with ParseFile.
func parseTestdata(t *testing.T, dir, name string) *wire.Result {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", dir, name))
	if err != nil {
		t.Fatal(err)
	}
	r, err := wire.ParseFile(name, data)
	if err != nil {
		t.Fatalf("ParseFile(%s) = %v", name, err)
	}
	return r
}

// TestFeedsGolden keeps each feed fixture's whole `import --dry-run --json`
// output under testdata/feeds/golden, so a change in any field shows as a
// diff. Run with -update to rewrite them.
func TestFeedsGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/feeds/*.*")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		name := filepath.Base(f)
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		r, err := wire.ParseFile(name, data)
		var got []byte
		if err != nil {
			got = []byte("error: " + err.Error() + "\n")
		} else if got, err = json.MarshalIndent(r, "", "  "); err != nil {
			t.Fatal(err)
		} else {
			got = append(got, '\n')
		}
		golden := filepath.Join("testdata", "feeds", "golden", strings.TrimSuffix(name, filepath.Ext(name))+".json")
		if *update {
			os.MkdirAll(filepath.Dir(golden), 0o755)
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Errorf("%v (run go test -update to write it)", err)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("ParseFile(%s) =\n%s\nwant (%s)\n%s", name, got, golden, want)
		}
	}
}
