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
	b, err := applyDelta(nil, []byte(old), delta)
	return string(b), err
}

// applyDelta appends to dst[:0] the text delta makes of old, which must be
// valid UTF-8. It walks old once, counting code points by their lead bytes,
// so rebuilding a chain costs little more than copying the text.
func applyDelta(dst, old []byte, delta string) ([]byte, error) {
	dst = dst[:0]
	pos := 0
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
				return nil, err
			}
			dst = append(dst, text...)
		case '=', '-':
			n, err := strconv.Atoi(arg)
			if err != nil || n < 0 || arg[0] == '+' || arg[0] == '-' {
				return nil, fmt.Errorf("delta has a bad count %q: %w", tok, ErrCorrupt)
			}
			end, ok := skipRunes(old, pos, n)
			if !ok {
				return nil, fmt.Errorf("delta runs past the end of its %d-byte base text: %w", len(old), ErrCorrupt)
			}
			if op == '=' {
				dst = append(dst, old[pos:end]...)
			}
			pos = end
		default:
			return nil, fmt.Errorf("delta has an unknown operation %q: %w", op, ErrCorrupt)
		}
	}
	if pos != len(old) {
		return nil, fmt.Errorf("delta covers %d of its base text's %d bytes: %w", pos, len(old), ErrCorrupt)
	}
	return dst, nil
}

// unescapeInsert decodes the text of a "+" token as go-diff's DiffFromDelta
// does: a literal "+" is a plus sign, not a space.
func unescapeInsert(s string) (string, error) {
	if strings.IndexByte(s, '%') < 0 {
		return s, nil
	}
	text, err := url.QueryUnescape(strings.ReplaceAll(s, "+", "%2B"))
	if err != nil || !utf8.ValidString(text) {
		return "", fmt.Errorf("delta has a badly escaped insertion %q: %w", s, ErrCorrupt)
	}
	return text, nil
}

// skipRunes returns the byte offset n code points after pos in valid UTF-8
// s: the offset of the (n+1)th rune start from pos, or the end of s.
func skipRunes(s []byte, pos, n int) (int, bool) {
	i := pos
	// Eight bytes at a time while they hold no more rune starts than are
	// left to skip; a rune start is any byte but a continuation (10xxxxxx).
	for i+8 <= len(s) && n >= 8 {
		w := binary.LittleEndian.Uint64(s[i:])
		cont := w & 0x8080808080808080 &^ (w << 1)
		starts := 8 - bits.OnesCount64(cont)
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
	return i, n == 0
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
	var next []byte
	for i, d := range deltas {
		var err error
		next, err = applyDelta(next, cur, d)
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
