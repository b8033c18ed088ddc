package editor

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math/bits"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// ErrCorrupt is returned when a stored revision cannot be rebuilt exactly: a
// delta that does not fit its base text, or a rebuilt text whose SHA-256 is
// not the one recorded when it was saved. A corrupt revision is reported,
// never served.
var ErrCorrupt = errors.New("corrupt revision")

// MakeDelta encodes the change from old to new as an exact delta in go-diff's
// format (DiffToDelta): tab-separated "=n" (keep n characters), "-n" (delete
// n characters) and "+text" (insert text, %-escaped). Counts are Unicode code
// points, so both texts must be valid UTF-8, as revision content always is.
func MakeDelta(old, new string) (string, error) {
	if !utf8.ValidString(old) || !utf8.ValidString(new) {
		return "", errors.New("delta: text is not valid UTF-8")
	}
	dmp := diffmatchpatch.New()
	return dmp.DiffToDelta(dmp.DiffMain(old, new, false)), nil
}

// ApplyDelta rebuilds the new text from old and a delta made by MakeDelta (or
// by go-diff's DiffToDelta). A delta that does not fit old gives an error
// wrapping ErrCorrupt.
func ApplyDelta(old, delta string) (string, error) {
	if !utf8.ValidString(old) {
		return "", fmt.Errorf("delta base text is not valid UTF-8: %w", ErrCorrupt)
	}
	var a deltaApplier
	b, _, err := a.apply(nil, []byte(old), utf8.RuneCountInString(old), delta)
	return string(b), err
}

// deltaOp is one parsed operation of a delta: keep ('=') or delete ('-') n
// code points, or insert ('+') text.
type deltaOp struct {
	op   byte
	n    int
	text string
}

// deltaApplier applies deltas, keeping its scratch space from one to the
// next along a chain.
type deltaApplier struct {
	ops  []deltaOp
	ends []int // the byte offset in the base text where each op's run ends
}

// parse reads a delta's operations into a.ops and checks that they cover
// exactly oldRunes code points.
func (a *deltaApplier) parse(delta string, oldRunes int) error {
	ops := a.ops[:0]
	covered := 0
	for delta != "" {
		tok := delta
		if i := strings.IndexByte(delta, '\t'); i >= 0 {
			tok, delta = delta[:i], delta[i+1:]
		} else {
			delta = ""
		}
		if tok == "" {
			continue
		}
		switch op, arg := tok[0], tok[1:]; op {
		case '+':
			text, err := unescapeInsert(arg)
			if err != nil {
				return err
			}
			ops = append(ops, deltaOp{op: op, text: text})
		case '=', '-':
			n, err := strconv.Atoi(arg)
			if err != nil || n < 0 || arg[0] == '+' || arg[0] == '-' {
				return fmt.Errorf("delta has a bad count %q: %w", tok, ErrCorrupt)
			}
			if n > oldRunes-covered {
				return fmt.Errorf("delta runs past the end of its %d-character base text: %w", oldRunes, ErrCorrupt)
			}
			covered += n
			ops = append(ops, deltaOp{op: op, n: n})
		default:
			return fmt.Errorf("delta has an unknown operation %q: %w", op, ErrCorrupt)
		}
	}
	if covered != oldRunes {
		return fmt.Errorf("delta covers %d of its base text's %d characters: %w", covered, oldRunes, ErrCorrupt)
	}
	a.ops = ops
	return nil
}

// apply appends to dst[:0] the text delta makes of old, valid UTF-8
// of oldRunes code points, and returns it with its length in code points.
// Counts are in code points but slicing is in bytes, so the boundaries
// between operations must be found by walking the text; knowing its length
// lets the longest run be skipped without walking it, the runs before it
// walked forward from the start and those after it backward from the end.
// A chain of small edits then costs about a copy of the text per delta.
func (a *deltaApplier) apply(dst, old []byte, oldRunes int, delta string) ([]byte, int, error) {
	if err := a.parse(delta, oldRunes); err != nil {
		return nil, 0, err
	}
	ops := a.ops
	longest := -1
	for i, o := range ops {
		if o.op != '+' && (longest < 0 || o.n > ops[longest].n) {
			longest = i
		}
	}
	ends := append(a.ends[:0], make([]int, len(ops))...)
	a.ends = ends
	pos := 0
	for i := 0; i < longest; i++ {
		if ops[i].op != '+' {
			pos = skipRunes(old, pos, ops[i].n)
		}
		ends[i] = pos
	}
	pos = len(old)
	for i := len(ops) - 1; i >= max(longest, 0); i-- {
		ends[i] = pos
		if i > longest && ops[i].op != '+' {
			pos = skipRunesBack(old, pos, ops[i].n)
		}
	}
	for i := 1; i < len(ends); i++ {
		if ends[i] < ends[i-1] {
			// Only a base text of another length than oldRunes gets here.
			return nil, 0, fmt.Errorf("delta does not fit its base text: %w", ErrCorrupt)
		}
	}
	dst = dst[:0]
	newRunes := 0
	start := 0
	for i, o := range ops {
		switch o.op {
		case '=':
			dst = append(dst, old[start:ends[i]]...)
			newRunes += o.n
		case '+':
			dst = append(dst, o.text...)
			newRunes += utf8.RuneCountInString(o.text)
		}
		start = ends[i]
	}
	return dst, newRunes, nil
}

// unescapeInsert decodes the text of a "+" token as go-diff's DiffFromDelta
// does: a literal "+" is a plus sign, not a space.
func unescapeInsert(s string) (string, error) {
	text := s
	var err error
	if strings.IndexByte(s, '%') >= 0 {
		text, err = url.QueryUnescape(strings.ReplaceAll(s, "+", "%2B"))
	}
	if err != nil || !utf8.ValidString(text) {
		return "", fmt.Errorf("delta has a badly escaped insertion %q: %w", s, ErrCorrupt)
	}
	return text, nil
}

// contBytes marks the continuation bytes (10xxxxxx) among the eight bytes of
// w with their top bit; every other byte starts a code point.
func contBytes(w uint64) uint64 {
	return w & 0x8080808080808080 &^ (w << 1)
}

// skipRunes returns the byte offset n code points after pos in valid UTF-8
// s, which must hold them.
func skipRunes(s []byte, pos, n int) int {
	i := pos
	// Eight bytes at a time while they start no more code points than are
	// left to skip.
	for i+8 <= len(s) && n >= 8 {
		starts := 8 - bits.OnesCount64(contBytes(binary.LittleEndian.Uint64(s[i:])))
		if starts > n {
			break
		}
		n -= starts
		i += 8
	}
	for ; i < len(s); i++ {
		if s[i]&0xC0 != 0x80 {
			if n == 0 {
				break
			}
			n--
		}
	}
	return i
}

// skipRunesBack returns the byte offset n code points before end in valid
// UTF-8 s, which must hold them.
func skipRunesBack(s []byte, end, n int) int {
	i := end
	for i >= 8 && n >= 8 {
		starts := 8 - bits.OnesCount64(contBytes(binary.LittleEndian.Uint64(s[i-8:])))
		if starts > n {
			break
		}
		n -= starts
		i -= 8
	}
	for i > 0 && n > 0 {
		i--
		if s[i]&0xC0 != 0x80 {
			n--
		}
	}
	// A block may have ended inside a code point whose start lies before it.
	for i < end && s[i]&0xC0 == 0x80 {
		i++
	}
	return i
}

// ShouldSnapshot applies the revision chain policy of DESIGN.md ("Revisions
// are stored as deltas"): a revision's text is stored whole, not as a delta,
// once the deltas stored since the last full snapshot, this one included,
// would come to more bytes than the text itself. Any revision is then rebuilt
// from one snapshot and a chain no bigger than the text.
func ShouldSnapshot(chainBytes, textBytes int) bool {
	return chainBytes > textBytes
}

// StoreText decides how to keep text, the revision after prev, when
// chainBytes bytes of delta have been stored since the last snapshot. It
// returns the delta against prev, or text itself when the policy calls for a
// snapshot. The first revision of anything has no prev: store it whole.
func StoreText(prev, text string, chainBytes int) (data string, snapshot bool, err error) {
	delta, err := MakeDelta(prev, text)
	if err != nil {
		return "", false, err
	}
	if ShouldSnapshot(chainBytes+len(delta), len(text)) {
		return text, true, nil
	}
	return delta, false, nil
}

// Rebuild applies a chain of deltas, in order, to the snapshot they start
// from, and checks the result against the hex SHA-256 recorded for it
// (ContentHash). A chain that does not apply, or a result with another
// hash, gives an error wrapping ErrCorrupt.
func Rebuild(snapshot string, deltas []string, wantSHA256 string) (string, error) {
	if !utf8.ValidString(snapshot) {
		return "", fmt.Errorf("snapshot is not valid UTF-8: %w", ErrCorrupt)
	}
	cur := []byte(snapshot)
	runes := utf8.RuneCount(cur)
	var next []byte
	var a deltaApplier
	for i, d := range deltas {
		var err error
		next, runes, err = a.apply(next, cur, runes, d)
		if err != nil {
			return "", fmt.Errorf("delta %d of %d: %w", i+1, len(deltas), err)
		}
		cur, next = next, cur
	}
	if got := ContentHash(cur); got != wantSHA256 {
		return "", fmt.Errorf("rebuilt text has SHA-256 %s, want %s: %w", got, wantSHA256, ErrCorrupt)
	}
	return string(cur), nil
}

// StoredText is a revision's text as storage keeps it: whole (a snapshot) or
// as a delta against the revision before it, with the SHA-256 of the whole
// text (ContentHash).
type StoredText struct {
	Snapshot bool
	Data     string
	SHA256   string
}

// RebuildAll rebuilds every revision of a history, oldest first, in one pass
// (for blame, or to check a whole history), checking each text against its
// SHA-256. The first revision must be a snapshot. An error names the
// revision, counting from 1, and wraps ErrCorrupt.
func RebuildAll(history []StoredText) ([]string, error) {
	out := make([]string, len(history))
	var cur, next []byte
	runes := 0
	var a deltaApplier
	for i, h := range history {
		switch {
		case h.Snapshot:
			if !utf8.ValidString(h.Data) {
				return nil, fmt.Errorf("revision %d: snapshot is not valid UTF-8: %w", i+1, ErrCorrupt)
			}
			cur, runes = append(cur[:0], h.Data...), utf8.RuneCountInString(h.Data)
		case i == 0:
			return nil, fmt.Errorf("revision 1 is a delta with nothing before it: %w", ErrCorrupt)
		default:
			var err error
			if next, runes, err = a.apply(next, cur, runes, h.Data); err != nil {
				return nil, fmt.Errorf("revision %d: %w", i+1, err)
			}
			cur, next = next, cur
		}
		if got := ContentHash(cur); got != h.SHA256 {
			return nil, fmt.Errorf("revision %d: rebuilt text has SHA-256 %s, want %s: %w", i+1, got, h.SHA256, ErrCorrupt)
		}
		out[i] = string(cur)
	}
	return out, nil
}
