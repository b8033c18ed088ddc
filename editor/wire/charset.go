package wire

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"copydesk/editor"
)

// input is a file as its readers take it: the text decoded to UTF-8 and,
// for XML, the bytes an XML decoder reads with the file's own declared
// encoding.
type input struct {
	text     string
	xml      []byte // the bytes for xml.Decoder; nil when the file is not XML
	utf8XML  bool   // xml is already UTF-8 whatever it declares (it was UTF-16 or undeclared Latin-1)
	warnings []string
}

var (
	bomUTF8    = []byte{0xef, 0xbb, 0xbf}
	bomUTF16LE = []byte{0xff, 0xfe}
	bomUTF16BE = []byte{0xfe, 0xff}
	xmlDecl    = lazyRegexp(`^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']`)
)

// decode turns a file into UTF-8 text. A byte-order mark is honoured
// (UTF-8, UTF-16 either way round), UTF-16 without one is recognised by its
// zero bytes, XML is decoded as its declaration says, and text that is not
// UTF-8 and declares nothing is read as Windows-1252 (or ISO-8859-1 where it
// uses the bytes Windows-1252 leaves undefined), with a warning.
func decode(name string, data []byte) (*input, error) {
	in := &input{}
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		data = data[len(bomUTF8):]
	case bytes.HasPrefix(data, bomUTF16LE), bytes.HasPrefix(data, bomUTF16BE):
		u, err := transcode(data, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM))
		if err != nil {
			return nil, &editor.FileError{Name: name, Err: fmt.Errorf("starts as UTF-16 but cannot be read as it: %w", err)}
		}
		data, in.utf8XML = u, true
	case looksUTF16(data):
		order := unicode.LittleEndian
		if data[0] == 0 {
			order = unicode.BigEndian
		}
		u, err := transcode(data, unicode.UTF16(order, unicode.IgnoreBOM))
		if err != nil {
			return nil, &editor.FileError{Name: name, Err: fmt.Errorf("looks like UTF-16 but cannot be read as it: %w", err)}
		}
		data, in.utf8XML = u, true
	}
	if looksLikeXML(data) {
		in.xml = data
		declared := ""
		if m := xmlDecl().FindSubmatch(data); m != nil {
			declared = strings.ToLower(string(m[1]))
		}
		switch {
		case in.utf8XML, declared == "", isUTF8Label(declared):
			if !utf8.Valid(data) {
				guess, enc := guessLegacy(data)
				u, _ := transcode(data, enc)
				in.warnings = append(in.warnings, fmt.Sprintf("%s: is not UTF-8 and its XML declares %s; it was read as %s: check its accented letters and quotation marks", name, orNothing(declared), guess))
				in.xml, in.utf8XML = u, true
			}
			in.text = string(in.xml)
		default:
			enc, _ := charset.Lookup(declared)
			if enc == nil {
				return nil, &editor.FileError{Name: name, Line: 1, Err: fmt.Errorf("declares the encoding %q, which copydesk does not know; save it as UTF-8 and import it again", declared)}
			}
			u, err := transcode(data, enc)
			if err != nil {
				return nil, &editor.FileError{Name: name, Err: fmt.Errorf("cannot be read as %s, the encoding it declares: %w", declared, err)}
			}
			in.text = string(u)
		}
		return in, nil
	}
	if utf8.Valid(data) {
		in.text = string(data)
		return in, nil
	}
	guess, enc := guessLegacy(data)
	u, err := transcode(data, enc)
	if err != nil {
		return nil, &editor.FileError{Name: name, Line: invalidUTF8Line(data), Err: fmt.Errorf("is not UTF-8 text; save it as UTF-8 and import it again")}
	}
	in.text = string(u)
	in.warnings = append(in.warnings, fmt.Sprintf("%s:%d: is not UTF-8; it was read as %s: check its accented letters and quotation marks", name, invalidUTF8Line(data), guess))
	return in, nil
}

// charsetReader is the CharsetReader of every XML decoder: the file's
// declared encoding is decoded by x/net/html/charset; a file already turned
// into UTF-8 (from UTF-16, or an undeclared legacy encoding) is read as it is.
func (in *input) charsetReader(label string, r io.Reader) (io.Reader, error) {
	if in.utf8XML || isUTF8Label(strings.ToLower(label)) {
		return r, nil
	}
	return charset.NewReaderLabel(label, r)
}

func isUTF8Label(l string) bool {
	return l == "utf-8" || l == "utf8" || l == "us-ascii" || l == "ascii"
}

func orNothing(declared string) string {
	if declared == "" {
		return "no encoding"
	}
	return declared
}

// guessLegacy names the legacy encoding text that is not UTF-8 is most
// likely in: Windows-1252, which is ISO-8859-1 with printable characters
// (curly quotes, dashes, €) where ISO-8859-1 has C1 controls; ISO-8859-1
// itself when the text uses the five bytes Windows-1252 leaves undefined.
func guessLegacy(data []byte) (string, encoding.Encoding) {
	for _, b := range data {
		switch b {
		case 0x81, 0x8d, 0x8f, 0x90, 0x9d:
			return "ISO-8859-1 (Latin-1)", charmap.ISO8859_1
		}
	}
	return "Windows-1252 (Western European)", charmap.Windows1252
}

func transcode(data []byte, enc encoding.Encoding) ([]byte, error) {
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return nil, err
	}
	return bytes.TrimPrefix(out, bomUTF8), nil
}

// looksUTF16 recognises UTF-16 without a byte-order mark by the zero bytes
// of its first ASCII characters ("<\x00?\x00" or "\x00<\x00?").
func looksUTF16(data []byte) bool {
	if len(data) < 4 {
		return false
	}
	return (data[0] != 0 && data[1] == 0 && data[2] != 0 && data[3] == 0) || (data[0] == 0 && data[1] != 0 && data[2] == 0 && data[3] != 0)
}

func looksLikeXML(data []byte) bool {
	return bytes.HasPrefix(bytes.TrimSpace(data), []byte("<"))
}

func invalidUTF8Line(data []byte) int {
	line := 1
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size <= 1 {
			return line
		}
		if r == '\n' {
			line++
		}
		data = data[size:]
	}
	return line
}
