package revpack_test

import (
	"testing"

	"copydesk/editor"
	"copydesk/editor/revpack"
)

// FuzzDelta: any two contents, stories or not, rebuild exactly from a
// snapshot of the first and a delta to the second, and a record damaged
// anywhere never rebuilds to the second's hash by chance.
func FuzzDelta(f *testing.F) {
	a := (&editor.Story{Headline: "A", Body: "one “two” <three>", Quotes: []editor.Quote{{Anchor: editor.Anchor{Start: 4, End: 13}}}}).Content()
	b := (&editor.Story{Headline: "A", Body: "zero one “two” <three>", Quotes: []editor.Quote{{Anchor: editor.Anchor{Start: 9, End: 18}}}}).Content()
	f.Add(a, b, 3)
	f.Add([]byte(`{"body":"x\u00e9"}`), []byte(`{"body":"\u00e9"}`), 0)
	f.Add([]byte("plain"), []byte("plainer"), 1)
	f.Add([]byte("a\xffb"), []byte("a\xfeb\xc3"), 2)
	f.Fuzz(func(t *testing.T, prev, next []byte, flip int) {
		chain := [][]byte{revpack.Snapshot(prev), revpack.Delta(prev, next)}
		want := editor.ContentHash(next)
		got, err := revpack.Rebuild(chain, want)
		if err != nil || string(got) != string(next) {
			t.Fatalf("Rebuild(Snapshot(%q), Delta(…, %q)) = %q, %v", prev, next, got, err)
		}
		d := append([]byte(nil), chain[1]...)
		if flip < 0 {
			flip = -flip
		}
		d[flip%len(d)] ^= 0x40
		if got, err := revpack.Rebuild([][]byte{chain[0], d}, want); err == nil && string(got) != string(next) {
			t.Fatalf("a damaged delta rebuilt to %q with no error", got)
		}
	})
}
