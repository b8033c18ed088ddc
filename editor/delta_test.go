package editor_test

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/sergi/go-diff/diffmatchpatch"

	"copydesk/editor"
)

var deltaTexts = []string{
	"",
	"plain ASCII text",
	"“Curly quotes,” he said — and an em dash…",
	"Emoji 😀👍🏽 and a family 👨‍👩‍👧 and flags 🇬🇧",
	"中文：北京今天下雨。日本語：東京は晴れ。한국어: 서울",
	"tab\there, newline\nthere, percent %41 %zz, plus + and +%2B, ampersand & query ?a=b",
	`{"headline":"A \"quoted\" headline","body":"Para one.\n\nPara two."}`,
	"\x00 control \x1b[31m bytes",
}

func TestDeltaRoundTrip(t *testing.T) {
	dmp := diffmatchpatch.New()
	for _, a := range deltaTexts {
		for _, b := range deltaTexts {
			delta, err := editor.MakeDelta(a, b)
			if err != nil {
				t.Fatalf("MakeDelta(%q, %q): %v", a, b, err)
			}
			got, err := editor.ApplyDelta(a, delta)
			if err != nil || got != b {
				t.Errorf("ApplyDelta(%q, MakeDelta(…, %q) = %q) = %q, %v, want %q", a, b, delta, got, err, b)
			}
			// The delta is go-diff's own format: go-diff reads it the same way.
			diffs, err := dmp.DiffFromDelta(a, delta)
			if err != nil || dmp.DiffText2(diffs) != b {
				t.Errorf("go-diff DiffFromDelta(%q, %q) = %q, %v, want %q", a, delta, dmp.DiffText2(diffs), err, b)
			}
		}
	}
}

func TestApplyDeltaFromGoDiff(t *testing.T) {
	// Deltas written by go-diff itself, as a stored chain may hold.
	dmp := diffmatchpatch.New()
	for _, a := range deltaTexts {
		for _, b := range deltaTexts {
			delta := dmp.DiffToDelta(dmp.DiffMain(a, b, true))
			if got, err := editor.ApplyDelta(a, delta); err != nil || got != b {
				t.Errorf("ApplyDelta(%q, %q) = %q, %v, want %q", a, delta, got, err, b)
			}
		}
	}
}

func TestMakeDeltaRefusesInvalidUTF8(t *testing.T) {
	for _, tt := range [][2]string{{"ok", "bad \xff"}, {"bad \xc3", "ok"}} {
		if d, err := editor.MakeDelta(tt[0], tt[1]); err == nil {
			t.Errorf("MakeDelta(%q, %q) = %q, nil, want an error", tt[0], tt[1], d)
		}
	}
}

func TestApplyDeltaCorrupt(t *testing.T) {
	tests := []struct {
		old, delta string
	}{
		{"abc", "=2"},        // stops short of the text
		{"abc", "=4"},        // runs past it
		{"abc", "=1\t-3"},    // deletes past it
		{"abc", "=x"},        // not a number
		{"abc", "=-1\t=4"},   // a negative count
		{"abc", "=+3"},       // a signed count
		{"abc", "*3"},        // no such operation
		{"abc", "=3\t+%zz"},  // bad escape
		{"abc", "=3\t+%ff"},  // not UTF-8 once unescaped
		{"😀", "=2"},          // one code point, not two UTF-16 units
		{"bad \xff", "=5"},   // a base text that is not UTF-8
		{"abc", "=1\t\t=1"},  // blank tokens are allowed, the count is still short
		{"日本", "=1\t+x\t=2"}, // past the end after an insertion
	}
	for _, tt := range tests {
		got, err := editor.ApplyDelta(tt.old, tt.delta)
		if !errors.Is(err, editor.ErrCorrupt) {
			t.Errorf("ApplyDelta(%q, %q) = %q, %v, want an error wrapping ErrCorrupt", tt.old, tt.delta, got, err)
		}
	}
}

func TestApplyDeltaExamples(t *testing.T) {
	tests := []struct {
		old, delta, want string
	}{
		{"“Hi,” he said", "=3\t-1\t+!\t=9", "“Hi!” he said"},
		{"😀a", "=1\t-1\t+b", "😀b"},
		{"a b", "=1\t+ x+y %25\t=2", "a x+y % b"},
		{"", "+%E4%B8%AD", "中"},
		{"abc", "=3\t", "abc"},
	}
	for _, tt := range tests {
		got, err := editor.ApplyDelta(tt.old, tt.delta)
		if err != nil || got != tt.want {
			t.Errorf("ApplyDelta(%q, %q) = %q, %v, want %q", tt.old, tt.delta, got, err, tt.want)
		}
	}
}

func TestShouldSnapshot(t *testing.T) {
	tests := []struct {
		chain, text int
		want        bool
	}{
		{0, 0, false},
		{100, 1000, false},
		{1000, 1000, false},
		{1001, 1000, true},
		{50, 10, true},
	}
	for _, tt := range tests {
		if got := editor.ShouldSnapshot(tt.chain, tt.text); got != tt.want {
			t.Errorf("ShouldSnapshot(%d, %d) = %v, want %v", tt.chain, tt.text, got, tt.want)
		}
	}
}

// revStored is a revision as the storage layer would keep it.
type revStored struct {
	snapshot bool
	data     string
	hash     string
}

// revStoreChain stores texts one after another under the snapshot policy.
func revStoreChain(t testing.TB, texts []string) []revStored {
	t.Helper()
	var out []revStored
	chain := 0
	for i, text := range texts {
		r := revStored{snapshot: true, data: text, hash: editor.ContentHash([]byte(text))}
		if i > 0 {
			data, snap, err := editor.StoreText(texts[i-1], text, chain)
			if err != nil {
				t.Fatalf("StoreText(rev %d): %v", i+1, err)
			}
			r.snapshot, r.data = snap, data
		}
		if r.snapshot {
			chain = 0
		} else {
			chain += len(r.data)
		}
		out = append(out, r)
	}
	return out
}

// revRebuild rebuilds revision n (0-based) from the last snapshot at or before it.
func revRebuild(revs []revStored, n int) (string, error) {
	start := n
	for !revs[start].snapshot {
		start--
	}
	var deltas []string
	for _, r := range revs[start+1 : n+1] {
		deltas = append(deltas, r.data)
	}
	return editor.Rebuild(revs[start].data, deltas, revs[n].hash)
}

func TestStoreTextAndRebuild(t *testing.T) {
	texts := []string{"The minister said it was “wrong”."}
	for i := range 60 {
		prev := texts[len(texts)-1]
		switch i % 3 {
		case 0:
			texts = append(texts, prev+" Another sentence, with 😀 number "+strconv.Itoa(i)+".")
		case 1:
			texts = append(texts, strings.Replace(prev, "said", "says", 1))
		default:
			texts = append(texts, strings.Replace(prev, "says", "said", 1)+" 北京")
		}
	}
	revs := revStoreChain(t, texts)
	snapshots := 0
	for i, r := range revs {
		if r.snapshot {
			snapshots++
		}
		got, err := revRebuild(revs, i)
		if err != nil || got != texts[i] {
			t.Errorf("rebuild of revision %d = %q, %v, want %q", i+1, got, err, texts[i])
		}
	}
	if snapshots < 2 || snapshots > 30 {
		t.Errorf("%d snapshots in %d revisions; want a few, neither one nor every one", snapshots, len(revs))
	}
	// The chain since a snapshot never outgrows the text it rebuilds.
	chain := 0
	for i, r := range revs {
		if r.snapshot {
			chain = 0
			continue
		}
		chain += len(r.data)
		if chain > len(texts[i]) {
			t.Errorf("revision %d: chain of %d bytes for a %d-byte text", i+1, chain, len(texts[i]))
		}
	}
}

func TestRebuildCorrupt(t *testing.T) {
	texts := []string{
		"one two three, and a sentence long enough that its deltas stay short",
		"one 2 three, and a sentence long enough that its deltas stay short",
		"one 2 three, and a sentence long enough that its deltas stay short. Four.",
	}
	revs := revStoreChain(t, texts)
	if revs[1].snapshot || revs[2].snapshot {
		t.Fatalf("revisions 2 and 3 stored as snapshots; the test needs a chain")
	}
	tests := []struct {
		name   string
		mangle func([]revStored)
	}{
		{"wrong hash", func(r []revStored) { r[2].hash = editor.ContentHash([]byte("something else")) }},
		{"flipped byte in delta", func(r []revStored) { r[1].data = strings.Replace(r[1].data, "2", "3", 1) }},
		{"delta for another base", func(r []revStored) { r[0].data = "one two three!" + r[0].data[13:] }},
		{"truncated delta", func(r []revStored) { r[2].data = r[2].data[:len(r[2].data)-3] }},
	}
	for _, tt := range tests {
		revs := append([]revStored(nil), revs...)
		tt.mangle(revs)
		if got, err := revRebuild(revs, 2); !errors.Is(err, editor.ErrCorrupt) {
			t.Errorf("%s: Rebuild = %q, %v, want an error wrapping ErrCorrupt", tt.name, got, err)
		}
	}
}

func FuzzDelta(f *testing.F) {
	for i := range deltaTexts {
		f.Add(deltaTexts[i], deltaTexts[(i+1)%len(deltaTexts)])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		delta, err := editor.MakeDelta(a, b)
		if err != nil {
			return // not UTF-8; revision content always is
		}
		got, err := editor.ApplyDelta(a, delta)
		if err != nil || got != b {
			t.Errorf("ApplyDelta(%q, MakeDelta(…, %q) = %q) = %q, %v", a, b, delta, got, err)
		}
	})
}

func FuzzRebuildChain(f *testing.F) {
	f.Add("“One,” he said.", "“One 😀,” she said.", "中文 “One 😀,” she said!")
	f.Add("", "a", "")
	f.Fuzz(func(t *testing.T, a, b, c string) {
		d1, err1 := editor.MakeDelta(a, b)
		d2, err2 := editor.MakeDelta(b, c)
		if err1 != nil || err2 != nil {
			return // not UTF-8; revision content always is
		}
		got, err := editor.Rebuild(a, []string{d1, d2}, editor.ContentHash([]byte(c)))
		if err != nil || got != c {
			t.Errorf("Rebuild(%q, [%q, %q]) = %q, %v, want %q", a, d1, d2, got, err, c)
		}
	})
}

func TestRebuildAll(t *testing.T) {
	texts := revisionContents(4, 800, 150)
	revs := revStoreChain(t, texts)
	history := make([]editor.StoredText, len(revs))
	for i, r := range revs {
		history[i] = editor.StoredText{Snapshot: r.snapshot, Data: r.data, SHA256: r.hash}
	}
	got, err := editor.RebuildAll(history)
	if err != nil {
		t.Fatalf("RebuildAll: %v", err)
	}
	for i := range texts {
		if got[i] != texts[i] {
			t.Errorf("RebuildAll revision %d differs from what was stored", i+1)
		}
	}
	tests := []struct {
		name   string
		mangle func([]editor.StoredText)
		want   string
	}{
		{"a delta first", func(h []editor.StoredText) { h[0] = h[1] }, "revision 1"},
		{"a hash changed", func(h []editor.StoredText) { h[70].SHA256 = h[69].SHA256 }, "revision 71"},
		{"a delta changed", func(h []editor.StoredText) { h[90].Data = "=1\t" + h[90].Data }, "revision 91"},
	}
	for _, tt := range tests {
		h := append([]editor.StoredText(nil), history...)
		tt.mangle(h)
		if h[1].Snapshot || h[70].Snapshot || h[90].Snapshot {
			t.Fatalf("test setup: revisions 2, 71 and 91 must be deltas")
		}
		_, err := editor.RebuildAll(h)
		if !errors.Is(err, editor.ErrCorrupt) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: RebuildAll error = %v, want ErrCorrupt naming %s", tt.name, err, tt.want)
		}
	}
}
