package wire_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// TestSampleGolden keeps the sample's whole `import --dry-run --json` output,
// so a change in any field shows as a diff. Run with -update to rewrite it.
func TestSampleGolden(t *testing.T) {
	r := readSample(t)
	got, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	const golden = "testdata/pa-duncan-smith-china-threat.json"
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("Parse(sample) JSON =\n%s\nwant (%s)\n%s", got, golden, want)
	}
}
