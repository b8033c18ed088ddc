// Package revpack is how a revision's content is packed for storage: a
// compressed snapshot, or a small binary delta against the revision before
// that is taken on the body's text itself, not on the JSON document that
// carries it (DESIGN.md, "Revisions are stored as deltas"; docs/contract.md,
// "Packed revisions").
//
// A revision's content is the canonical JSON of editor.Story.Content or
// editor.Page.Content. A delta splits it into the body, as the text an editor
// typed, and the frame, the JSON around it (every other field and the quote
// records). The body's delta is an exact edit script over its bytes. The
// frame's delta is taken against the previous frame with every quote anchor's
// "start" and "end" moved through the body's edit first, so that an edit
// before ten quotes costs nothing for their offsets. Content that does not
// split (no body, or a body the JSON encoder would spell another way) is
// delta-encoded whole. Records longer than a few hundred bytes are deflated
// when that makes them smaller.
//
// Every rebuilt revision is checked against its SHA-256 (editor.ContentHash);
// a record that does not fit, or a result with another hash, is an error
// wrapping editor.ErrCorrupt.
package revpack

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"

	"copydesk/editor"
)

// The first byte of a record says what it is; flagDeflated is set on it when
// the rest is deflated.
const (
	tagSnapshot  byte = 1 // the whole content
	tagSplit     byte = 2 // body ops, then frame ops
	tagWhole     byte = 3 // ops over the whole content
	flagDeflated byte = 0x80

	// deflateFrom is the length from which a delta is worth trying to
	// deflate: below it flate's own framing eats the gain.
	deflateFrom = 96
)

// Snapshot packs content whole, deflated when that is smaller.
func Snapshot(content []byte) []byte {
	return pack(tagSnapshot, content, 0)
}

// IsSnapshot reports whether rec, made by Snapshot or Delta, stands alone.
func IsSnapshot(rec []byte) bool {
	return len(rec) > 0 && rec[0]&^flagDeflated == tagSnapshot
}

// Delta packs content as a delta against prev, the content of the revision
// before it.
func Delta(prev, content []byte) []byte {
	ps, pok := split(prev)
	cs, cok := split(content)
	if !pok || !cok {
		return pack(tagWhole, diffOps(nil, prev, content), deflateFrom)
	}
	body := diffOps(nil, ps.body, cs.body)
	predicted := moveAnchors(ps.frame, body, len(ps.body))
	frame := diffOps(nil, predicted, cs.frame)
	buf := binary.AppendUvarint(nil, uint64(len(body)))
	buf = append(buf, body...)
	buf = append(buf, frame...)
	return pack(tagSplit, buf, deflateFrom)
}

// pack puts tag before payload, deflating payload when it is at least from
// bytes long (from 0: always try) and deflating makes it smaller.
func pack(tag byte, payload []byte, from int) []byte {
	if len(payload) >= from {
		var b bytes.Buffer
		b.WriteByte(tag | flagDeflated)
		w, _ := flate.NewWriter(&b, flate.BestCompression)
		w.Write(payload)
		w.Close()
		if b.Len() < len(payload)+1 {
			return b.Bytes()
		}
	}
	return append([]byte{tag}, payload...)
}

// unpack returns a record's tag and payload, inflated by *inflate, which it
// makes for the first deflated record and resets for each one after: a
// decompressor holds a 32 KB window, and one for every record of a chain was
// most of the page faults of a command that rebuilds a revision.
func unpack(rec []byte, inflate *io.ReadCloser) (byte, []byte, error) {
	if len(rec) == 0 {
		return 0, nil, fmt.Errorf("empty revision record: %w", editor.ErrCorrupt)
	}
	tag, payload := rec[0], rec[1:]
	if tag&flagDeflated != 0 {
		var err error
		if *inflate == nil {
			*inflate = flate.NewReader(bytes.NewReader(payload))
		} else if err = (*inflate).(flate.Resetter).Reset(bytes.NewReader(payload), nil); err != nil {
			return 0, nil, fmt.Errorf("revision record does not inflate: %v: %w", err, editor.ErrCorrupt)
		}
		if payload, err = io.ReadAll(*inflate); err != nil {
			return 0, nil, fmt.Errorf("revision record does not inflate: %v: %w", err, editor.ErrCorrupt)
		}
		tag &^= flagDeflated
	}
	switch tag {
	case tagSnapshot, tagSplit, tagWhole:
		return tag, payload, nil
	}
	return 0, nil, fmt.Errorf("revision record of unknown kind %d: %w", tag, editor.ErrCorrupt)
}

// parts is content split into its body and the frame around it: content is
// frame[:cut] + the body as a JSON string + frame[cut:].
type parts struct {
	frame []byte
	cut   int
	body  []byte
}

// bodyKey is what precedes the body in story and page content. A JSON
// string spells every '"' inside it as \", so the first place these bytes
// occur is the key itself.
var bodyKey = []byte(`"body":`)

// split finds the body in content; ok is false for content that has none,
// or whose body the JSON encoder would not spell back byte for byte.
func split(content []byte) (parts, bool) {
	p, end, ok := splitAt(content)
	if !ok || !bytes.Equal(quote(string(p.body)), content[p.cut:end]) {
		return parts{}, false
	}
	return p, true
}

// splitAt finds the body in content without checking that joining the parts
// gives content back: what a delta made by Delta may rely on, Delta having
// checked it. end is where the body's JSON string ends in content.
func splitAt(content []byte) (p parts, end int, ok bool) {
	cut := frameCut(content)
	if cut < 0 || cut >= len(content) || content[cut] != '"' {
		return parts{}, 0, false
	}
	end = cut + 1
	for end < len(content) && content[end] != '"' {
		if content[end] == '\\' {
			end++
		}
		end++
	}
	if end++; end > len(content) {
		return parts{}, 0, false
	}
	body, ok := unquote(content[cut+1 : end-1])
	if !ok {
		return parts{}, 0, false
	}
	frame := make([]byte, 0, len(content)-(end-cut))
	frame = append(append(frame, content[:cut]...), content[end:]...)
	return parts{frame: frame, cut: cut, body: body}, end, true
}

// unquote decodes the inside of a JSON string as encoding/json spells one,
// copying the runs between escapes whole: a long body is mostly such runs.
// Anything else it leaves to encoding/json.
func unquote(s []byte) ([]byte, bool) {
	out := make([]byte, 0, len(s))
	for {
		i := bytes.IndexByte(s, '\\')
		if i < 0 {
			return append(out, s...), true
		}
		out, s = append(out, s[:i]...), s[i:]
		if len(s) < 2 {
			return nil, false
		}
		switch s[1] {
		case '"', '\\', '/':
			out, s = append(out, s[1]), s[2:]
		case 'n':
			out, s = append(out, '\n'), s[2:]
		case 't':
			out, s = append(out, '\t'), s[2:]
		case 'r':
			out, s = append(out, '\r'), s[2:]
		case 'u':
			if r, err := strconv.ParseUint(string(s[2:min(6, len(s))]), 16, 32); err == nil && len(s) >= 6 && !utf16.IsSurrogate(rune(r)) {
				out, s = utf8.AppendRune(out, rune(r)), s[6:]
				continue
			}
			fallthrough
		default:
			// \u and the rarer escapes: one escape (or a surrogate pair) at a time.
			n := 2
			if s[1] == 'u' {
				n = 6
				if len(s) >= 12 && s[6] == '\\' && s[7] == 'u' {
					n = 12
				}
			}
			if n > len(s) {
				n = len(s)
			}
			var r string
			if err := json.Unmarshal(append(append([]byte{'"'}, s[:n]...), '"'), &r); err != nil {
				if n != 12 {
					return nil, false
				}
				n = 6
				if err := json.Unmarshal(append(append([]byte{'"'}, s[:n]...), '"'), &r); err != nil {
					return nil, false
				}
			}
			out, s = append(out, r...), s[n:]
		}
	}
}

// frameCut is where the body's value starts in content or a frame, or -1.
func frameCut(b []byte) int {
	i := bytes.Index(b, bodyKey)
	if i < 0 {
		return -1
	}
	return i + len(bodyKey)
}

// quote is s as encoding/json spells a string.
func quote(s string) []byte {
	b, err := json.Marshal(s)
	if err != nil {
		panic("revpack: a string does not encode: " + err.Error())
	}
	return b
}

// join puts the body back into its frame.
func (p parts) join() []byte {
	q := quote(string(p.body))
	out := make([]byte, 0, len(p.frame)+len(q))
	out = append(out, p.frame[:p.cut]...)
	out = append(out, q...)
	return append(out, p.frame[p.cut:]...)
}

// An edit script is a list of operations, each a uvarint n<<2|op, where op
// is opKeep (copy the next n bytes of the old text), opDelete (skip them) or
// opInsert (the n bytes that follow are new). Whatever the script leaves of
// the old text at its end is kept.
const (
	opKeep   = 0
	opDelete = 1
	opInsert = 2
)

var dmp = diffmatchpatch.New()

// diffOps appends to dst the edit script that makes new of old.
func diffOps(dst, old, new []byte) []byte {
	if !utf8.Valid(old) || !utf8.Valid(new) {
		// go-diff works on code points and would respell invalid bytes:
		// such text (never a revision's JSON) is replaced whole.
		dst = binary.AppendUvarint(dst, uint64(len(old))<<2|opDelete)
		dst = binary.AppendUvarint(dst, uint64(len(new))<<2|opInsert)
		return append(dst, new...)
	}
	diffs := dmp.DiffMain(string(old), string(new), false)
	// The trailing run of kept text goes without saying.
	if n := len(diffs); n > 0 && diffs[n-1].Type == diffmatchpatch.DiffEqual {
		diffs = diffs[:n-1]
	}
	for _, d := range diffs {
		n := uint64(len(d.Text))
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			dst = binary.AppendUvarint(dst, n<<2|opKeep)
		case diffmatchpatch.DiffDelete:
			dst = binary.AppendUvarint(dst, n<<2|opDelete)
		case diffmatchpatch.DiffInsert:
			dst = binary.AppendUvarint(dst, n<<2|opInsert)
			dst = append(dst, d.Text...)
		}
	}
	return dst
}

// applyOps appends to dst[:0] the text that ops make of old.
func applyOps(dst, old, ops []byte) ([]byte, error) {
	dst = dst[:0]
	pos := 0
	for len(ops) > 0 {
		v, k := binary.Uvarint(ops)
		if k <= 0 {
			return nil, fmt.Errorf("edit script has a bad operation: %w", editor.ErrCorrupt)
		}
		ops = ops[k:]
		n := v >> 2
		switch v & 3 {
		case opKeep, opDelete:
			if n > uint64(len(old)-pos) {
				return nil, fmt.Errorf("edit script runs past the end of its %d-byte base: %w", len(old), editor.ErrCorrupt)
			}
			if v&3 == opKeep {
				dst = append(dst, old[pos:pos+int(n)]...)
			}
			pos += int(n)
		case opInsert:
			if n > uint64(len(ops)) {
				return nil, fmt.Errorf("edit script inserts past its own end: %w", editor.ErrCorrupt)
			}
			dst = append(dst, ops[:n]...)
			ops = ops[n:]
		default:
			return nil, fmt.Errorf("edit script has an unknown operation: %w", editor.ErrCorrupt)
		}
	}
	return append(dst, old[pos:]...), nil
}

// mapOffset is where byte offset p of the old text lands once ops (a valid
// script over it) are applied: a place inside deleted text lands where the
// deletion was, a place just after kept text lands after what was inserted
// there.
func mapOffset(ops []byte, p int) int {
	oldPos, newPos := 0, 0
	for len(ops) > 0 {
		v, k := binary.Uvarint(ops)
		ops = ops[k:]
		n := int(v >> 2)
		switch v & 3 {
		case opKeep:
			if p < oldPos+n {
				return newPos + p - oldPos
			}
			oldPos, newPos = oldPos+n, newPos+n
		case opDelete:
			if p < oldPos+n {
				return newPos
			}
			oldPos += n
		case opInsert:
			newPos += n
			ops = ops[n:]
		}
	}
	return newPos + p - oldPos
}

var anchorKeys = [][]byte{[]byte(`"start":`), []byte(`"end":`)}

// moveAnchors returns frame with each offset after a "start" or "end" key
// (the quote anchors' byte offsets into the body) moved through ops, the
// body's edit script; bodyLen is the old body's length. It is only a
// prediction that makes the frame's own delta small: the delta makes the
// frame exact whatever it predicts.
func moveAnchors(frame, ops []byte, bodyLen int) []byte {
	out := make([]byte, 0, len(frame)+16)
	for i := 0; i < len(frame); {
		j, key := nextKey(frame[i:])
		if j < 0 {
			out = append(out, frame[i:]...)
			break
		}
		start := i + j + len(key)
		end := start
		for end < len(frame) && frame[end] >= '0' && frame[end] <= '9' && end-start < 9 {
			end++
		}
		out = append(out, frame[i:start]...)
		n := 0
		for _, c := range frame[start:end] {
			n = n*10 + int(c-'0')
		}
		if end > start && n <= bodyLen {
			out = appendInt(out, mapOffset(ops, n))
		} else {
			out = append(out, frame[start:end]...)
		}
		i = end
	}
	return out
}

// nextKey finds the first anchor key in b: its index and the key, or -1.
func nextKey(b []byte) (int, []byte) {
	best, key := -1, []byte(nil)
	for _, k := range anchorKeys {
		if i := bytes.Index(b, k); i >= 0 && (best < 0 || i < best) {
			best, key = i, k
		}
	}
	return best, key
}

func appendInt(b []byte, n int) []byte {
	var tmp [20]byte
	i := len(tmp)
	for {
		i--
		tmp[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			break
		}
	}
	return append(b, tmp[i:]...)
}
