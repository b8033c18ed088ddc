package export

import (
	"encoding/binary"
	"errors"
	"os"
	"strings"
	"time"

	"copydesk/editor"
)

// An export from a versioned source keeps the heads of the published
// stories it saw in the output folder, with the hashes it made of each, so
// that the next one reads from the source only the stories whose version
// moved on: reading every head from the database was most of an export
// after one change. An entry holds while the story's revision is the one it
// names (every change to a story is a new revision); the file is only a
// cache, and one that is missing, damaged or of another version of the code
// is ignored.
const (
	headsPath = metaDir + "/heads.bin"
	headsHead = "copydesk export heads 1 " + keyVersion + "\n"
)

// cachedHead is a story's head as the last export saw it, with the hash of
// what the head leaves out (sum) and of the whole story (content), when
// that export knew them.
type cachedHead struct {
	s       editor.Story
	known   bool
	sum     [16]byte
	content [16]byte
}

// readHeads reads the folder's cache of heads, by story ID; nil when there
// is none that this code can read.
func readHeads(root *os.Root) map[string]*cachedHead {
	data, err := root.ReadFile(headsPath)
	if err != nil {
		return nil
	}
	heads, err := decodeHeads(data)
	if err != nil {
		return nil
	}
	return heads
}

// saveHeads writes the cache of heads; one that cannot be written costs the
// next export time, not correctness.
func saveHeads(root *os.Root, heads []editor.Story, infos map[string]*storyInfo) {
	_ = writeFileAtomic(root, headsPath, encodeHeads(heads, infos))
}

// encodeHeads writes every head, with its hashes when the story's info
// knows them.
func encodeHeads(heads []editor.Story, infos map[string]*storyInfo) []byte {
	e := headEncoder{buf: make([]byte, 0, 64+len(heads)*400)}
	e.buf = append(e.buf, headsHead...)
	e.uint(uint64(len(heads)))
	for i := range heads {
		s := &heads[i]
		e.str(s.ID)
		for _, f := range storyFields {
			e.str(f.Get(s))
		}
		e.strs(s.Tags)
		e.str(string(s.Status))
		e.int(int64(s.Revision))
		e.time(s.CreatedAt)
		e.time(s.UpdatedAt)
		e.optTime(s.PublishedAt)
		e.int(int64(s.Urgency))
		e.optTime(s.Embargo)
		e.optTime(s.Expires)
		e.uint(uint64(len(s.Subjects)))
		for _, sub := range s.Subjects {
			e.str(sub.Code)
			e.str(sub.Name)
		}
		e.uint(uint64(len(s.Media)))
		for _, m := range s.Media {
			e.str(m.Href)
			e.str(m.Caption)
			e.str(m.Credit)
			e.str(m.Alt)
		}
		e.strs(s.Aliases)
		if si := infos[s.ID]; si != nil && si.known && si.head.Revision == s.Revision {
			e.buf = append(e.buf, 1)
			e.buf = append(e.buf, si.sum[:]...)
			e.buf = append(e.buf, si.content[:]...)
		} else {
			e.buf = append(e.buf, 0)
		}
	}
	return e.buf
}

// storyFields are the story's text fields, the body among them (a head
// keeps the body of a story with no headline, its title).
var storyFields = editor.StoryFields()

type headEncoder struct{ buf []byte }

func (e *headEncoder) uint(v uint64) { e.buf = binary.AppendUvarint(e.buf, v) }
func (e *headEncoder) int(v int64)   { e.buf = binary.AppendVarint(e.buf, v) }

func (e *headEncoder) str(s string) {
	e.uint(uint64(len(s)))
	e.buf = append(e.buf, s...)
}

func (e *headEncoder) strs(ss []string) {
	if ss == nil {
		e.uint(0)
		return
	}
	e.uint(uint64(len(ss)) + 1)
	for _, s := range ss {
		e.str(s)
	}
}

func (e *headEncoder) time(t time.Time) {
	e.int(t.Unix())
	e.int(int64(t.Nanosecond()))
}

func (e *headEncoder) optTime(t *time.Time) {
	if t == nil {
		e.buf = append(e.buf, 0)
		return
	}
	e.buf = append(e.buf, 1)
	e.time(*t)
}

var errBadHeads = errors.New("damaged heads cache")

// headDecoder reads what headEncoder wrote; every string it returns is a
// part of one string holding the whole file, so decoding allocates little.
type headDecoder struct {
	data string
	err  error
}

func (d *headDecoder) uint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := uvarint(d.data)
	if n <= 0 {
		d.err = errBadHeads
		return 0
	}
	d.data = d.data[n:]
	return v
}

func (d *headDecoder) int() int64 {
	u := d.uint()
	v := int64(u >> 1)
	if u&1 != 0 {
		v = ^v
	}
	return v
}

func (d *headDecoder) str() string {
	n := d.uint()
	if d.err != nil || n > uint64(len(d.data)) {
		d.err = errBadHeads
		return ""
	}
	s := d.data[:n]
	d.data = d.data[n:]
	return s
}

func (d *headDecoder) strs() []string {
	n := d.uint()
	if n == 0 || d.err != nil {
		return nil
	}
	if n-1 > uint64(len(d.data)) {
		d.err = errBadHeads
		return nil
	}
	out := make([]string, n-1)
	for i := range out {
		out[i] = d.str()
	}
	return out
}

func (d *headDecoder) byte() byte {
	if d.err != nil || len(d.data) == 0 {
		d.err = errBadHeads
		return 0
	}
	b := d.data[0]
	d.data = d.data[1:]
	return b
}

func (d *headDecoder) time() time.Time {
	sec := d.int()
	return time.Unix(sec, d.int()).UTC()
}

func (d *headDecoder) optTime() *time.Time {
	if d.byte() == 0 {
		return nil
	}
	t := d.time()
	return &t
}

func (d *headDecoder) hash(h *[16]byte) {
	if d.err != nil || len(d.data) < len(h) {
		d.err = errBadHeads
		return
	}
	copy(h[:], d.data)
	d.data = d.data[len(h):]
}

// uvarint is binary.Uvarint over a string.
func uvarint(s string) (uint64, int) {
	var v uint64
	for i := 0; i < len(s) && i < binary.MaxVarintLen64; i++ {
		b := s[i]
		if b < 0x80 {
			return v | uint64(b)<<(7*i), i + 1
		}
		v |= uint64(b&0x7f) << (7 * i)
	}
	return 0, 0
}

func decodeHeads(data []byte) (map[string]*cachedHead, error) {
	text := string(data)
	if !strings.HasPrefix(text, headsHead) {
		return nil, errBadHeads
	}
	d := &headDecoder{data: text[len(headsHead):]}
	n := d.uint()
	if d.err != nil || n > uint64(len(d.data)) {
		return nil, errBadHeads
	}
	all := make([]cachedHead, n)
	out := make(map[string]*cachedHead, n)
	for i := range all {
		c := &all[i]
		s := &c.s
		s.ID = d.str()
		for _, f := range storyFields {
			f.Set(s, d.str())
		}
		s.Tags = d.strs()
		s.Status = editor.Status(d.str())
		s.Revision = int(d.int())
		s.CreatedAt = d.time()
		s.UpdatedAt = d.time()
		s.PublishedAt = d.optTime()
		s.Urgency = int(d.int())
		s.Embargo = d.optTime()
		s.Expires = d.optTime()
		if k := d.uint(); k > 0 && k <= uint64(len(d.data)) {
			s.Subjects = make([]editor.Subject, k)
			for j := range s.Subjects {
				s.Subjects[j] = editor.Subject{Code: d.str(), Name: d.str()}
			}
		}
		if k := d.uint(); k > 0 && k <= uint64(len(d.data)) {
			s.Media = make([]editor.Media, k)
			for j := range s.Media {
				s.Media[j] = editor.Media{Href: d.str(), Caption: d.str(), Credit: d.str(), Alt: d.str()}
			}
		}
		s.Aliases = d.strs()
		if d.byte() == 1 {
			c.known = true
			d.hash(&c.sum)
			d.hash(&c.content)
		}
		if d.err != nil {
			return nil, d.err
		}
		out[s.ID] = c
	}
	if len(d.data) != 0 {
		return nil, errBadHeads
	}
	return out, nil
}
