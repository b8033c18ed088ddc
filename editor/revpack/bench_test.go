package revpack_test

import (
	"fmt"
	"testing"

	"copydesk/editor"
	"copydesk/editor/revpack"
)

// BenchmarkRebuild rebuilds the last revision of chains of growing depth
// over a 10,000-word story: the cost that revpack.MaxChain bounds. It
// reports the stored bytes per delta and of the snapshot beside the time.
func BenchmarkRebuild(b *testing.B) {
	contents := history(11, 129, 10000)
	for _, depth := range []int{0, 16, 64, 128} {
		chain := [][]byte{revpack.Snapshot(contents[0])}
		deltas := 0
		for i := 1; i <= depth; i++ {
			d := revpack.Delta(contents[i-1], contents[i])
			chain, deltas = append(chain, d), deltas+len(d)
		}
		want := editor.ContentHash(contents[depth])
		b.Run(fmt.Sprintf("depth=%d", depth), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := revpack.Rebuild(chain, want); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(chain[0])), "snapshot-bytes")
			if depth > 0 {
				b.ReportMetric(float64(deltas)/float64(depth), "bytes/delta")
			}
		})
	}
}
