package wire_test

import (
	"bytes"
	"errors"
	"io"
	"runtime"
	"strings"
	"testing"

	"copydesk/editor/wire"
	"copydesk/internal/wirefile"
)

// allocated is how many bytes f allocates in all: an upper bound of the
// memory it needs at once.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

const memoryCap = 100 << 20

// endless is an input of n bytes that exists only as it is read, counting
// what was read.
type endless struct {
	n, read int64
}

func (e *endless) Read(p []byte) (int, error) {
	if e.read >= e.n {
		return 0, io.EOF
	}
	k := min(int64(len(p)), e.n-e.read)
	for i := range p[:k] {
		p[i] = "word "[(e.read+int64(i))%5]
	}
	e.read += k
	return int(k), nil
}

// TestHugeFileRefusedBeforeItIsRead: a 100 MB file is refused from its size
// alone, and one whose size is not known (standard input) after reading no
// more than the limit.
func TestHugeFileRefusedBeforeItIsRead(t *testing.T) {
	const size = 100 << 20
	for _, known := range []int64{size, -1} {
		in := &endless{n: size}
		var err error
		mem := allocated(func() { _, err = wirefile.ReadFrom("huge.txt", in, known) })
		if !errors.Is(err, wirefile.ErrTooLarge) || !strings.Contains(err.Error(), "huge.txt") {
			t.Errorf("ReadFile(100 MB, size %d) = %v, want ErrTooLarge naming the file", known, err)
		}
		if in.read > wirefile.MaxBytes+1 {
			t.Errorf("ReadFile(100 MB, size %d) read %d bytes, want at most %d", known, in.read, wirefile.MaxBytes+1)
		}
		if mem > memoryCap {
			t.Errorf("ReadFile(100 MB, size %d) allocated %d MB", known, mem>>20)
		}
	}
	if _, err := wire.ParseFile("huge.txt", make([]byte, wirefile.MaxBytes+1)); !errors.Is(err, wirefile.ErrTooLarge) {
		t.Errorf("ParseFile(MaxFileBytes+1) = %v, want ErrTooLarge", err)
	}
}

// TestHostileXMLStaysSmall: deeply nested or element-stuffed XML, and other
// inputs at the size limit, are read or refused within 100 MB.
func TestHostileXMLStaysSmall(t *testing.T) {
	fillTo := func(limit int, head, unit, tail string) []byte {
		var b bytes.Buffer
		b.WriteString(head)
		for b.Len()+len(unit)+len(tail) < limit {
			b.WriteString(unit)
		}
		b.WriteString(tail)
		return b.Bytes()
	}
	fill := func(head, unit, tail string) []byte { return fillTo(wirefile.MaxBytes, head, unit, tail) }
	for _, tc := range []struct {
		name    string
		data    []byte
		refused bool
	}{
		{"deep.xml", fill("<nitf><body><body.content>", "<p>", ""), true},
		{"deep-closed.xml", fill("<nitf><body><body.content>", "<b>", "</body.content></body></nitf>"), true},
		{"flat.xml", fill("<nitf><body><body.content>", "<p/>", "</body.content></body></nitf>"), true},
		{"paragraphs.xml", fill("<nitf><body><body.content>", "<p>Words in a paragraph.</p>", "</body.content></body></nitf>"), true},
		{"paragraphs-ok.xml", fillTo(900<<10, "<nitf><body><body.content>", "<p>"+strings.Repeat("Words in a paragraph. ", 40)+"</p>", "</body.content></body></nitf>"), false},
		{"ninjs.json", fill(`{"uri":"x","headline":"H","body_html":"`, "<div>", `"}`), false},
		{"text.txt", fill("Headline\n\n", "A paragraph of words.\n\n", ""), true},
	} {
		var err error
		mem := allocated(func() { _, err = wire.ParseFile(tc.name, tc.data) })
		t.Logf("%s (%d KB): %d MB allocated in all", tc.name, len(tc.data)>>10, mem>>20)
		if !tc.refused && err != nil && !strings.Contains(tc.name, "json") {
			t.Errorf("ParseFile(%s) = %v, want it read", tc.name, err)
		}
		if tc.refused && err == nil {
			t.Errorf("ParseFile(%s) accepted it", tc.name)
		}
		if mem > memoryCap {
			t.Errorf("ParseFile(%s, %d MB) allocated %d MB (err %v)", tc.name, len(tc.data)>>20, mem>>20, err)
		}
	}
}
