package revpack

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"copydesk/editor"
)

// TestRebuildChainOfDeflatedDeltas: a chain whose deltas are each long
// enough to be deflated rebuilds every revision through the one
// decompressor Rebuild resets from record to record.
func TestRebuildChainOfDeflatedDeltas(t *testing.T) {
	r := rand.New(rand.NewSource(7))
	words := strings.Fields("the minister said a very serious threat to security and trade was growing in the Commons today")
	text := func(n int) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			b.WriteString(words[r.Intn(len(words))])
			b.WriteByte(' ')
		}
		return b.String()
	}
	for _, story := range []bool{true, false} {
		var contents [][]byte
		body := text(3000)
		for i := 0; i < 8; i++ {
			// Each revision rewrites a long stretch of the body.
			cut := r.Intn(len(body) / 2)
			body = body[:cut] + text(800) + body[cut+len(body)/4:]
			c := []byte(body) // content with no body field: whole-content deltas
			if story {
				c = []byte(fmt.Sprintf(`{"headline":"h%d","body":%s,"quotes":[]}`, i, quote(body)))
			}
			contents = append(contents, c)
		}
		chain := [][]byte{Snapshot(contents[0])}
		for i := 1; i < len(contents); i++ {
			chain = append(chain, Delta(contents[i-1], contents[i]))
		}
		deflated := 0
		for _, rec := range chain[1:] {
			if rec[0]&flagDeflated != 0 {
				deflated++
			}
		}
		if deflated < 3 {
			t.Fatalf("story %v: %d of the %d deltas are deflated; the test needs several", story, deflated, len(chain)-1)
		}
		for i := range contents {
			got, err := Rebuild(chain[:i+1], editor.ContentHash(contents[i]))
			if err != nil || string(got) != string(contents[i]) {
				t.Fatalf("story %v: Rebuild(revision %d) = %.60q, %v, want %.60q", story, i+1, got, err, contents[i])
			}
		}
	}
}
