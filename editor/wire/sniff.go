package wire

import (
	"encoding/json"
	"encoding/xml"
	"io"
	"strings"
	"unicode/utf8"
)

// Control characters that frame agency transmissions.
const (
	soh = '\x01' // start of heading
	stx = '\x02' // start of text
	etx = '\x03' // end of text
	eot = '\x04' // end of transmission
	syn = '\x16' // synchronous idle, before ANPA's SOH
)

// sniff names the format of a decoded file, one of the Format values, or
// says what the file is when it is none of them (for the refusal).
func sniff(name string, in *input) string {
	text := in.text
	if isMarkdownName(name) {
		return FormatMarkdown
	}
	if in.xml != nil {
		return sniffXML(in)
	}
	trimmed := strings.TrimLeft(text, " \t\r\n")
	if strings.HasPrefix(trimmed, "{") || strings.HasPrefix(trimmed, "[") {
		return sniffJSON(trimmed)
	}
	head := text[:min(len(text), 16)]
	if i := strings.IndexByte(head, soh); i >= 0 && strings.IndexByte(text, stx) > i {
		header, _, _ := strings.Cut(strings.TrimLeft(text[i+1:strings.IndexByte(text, stx)], " \r\n"), "\n")
		if strings.Trim(head[:i], string(syn)) == "" && anpaHeader().MatchString(header) {
			return FormatANPA
		}
		if iptcHeader().MatchString(header) {
			return FormatIPTC7901
		}
		return "agency copy framed by control characters, with a heading that is neither ANPA 1312's nor IPTC 7901's"
	}
	if binary(text) {
		return "a binary file, not text"
	}
	return FormatText
}

// sniffXML names the format by the document's root element.
func sniffXML(in *input) string {
	dec := xml.NewDecoder(strings.NewReader(in.text))
	dec.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil } // in.text is UTF-8 already
	dec.Strict = false
	for {
		tok, err := dec.Token()
		if err != nil {
			// Broken XML: let the NITF reader report where, as it names the line.
			return FormatNITF
		}
		if t, ok := tok.(xml.StartElement); ok {
			switch t.Name.Local {
			case "nitf":
				return FormatNITF
			case "NewsML":
				return FormatNewsML
			case "newsMessage", "newsItem", "packageItem":
				return FormatNewsMLG2
			case "html":
				return "an HTML page, not a news item"
			case "rss", "feed", "RDF":
				return "a web feed (RSS or Atom), not a news item"
			}
			if !wellFormed(in.text) {
				return FormatText // text that starts with a "<", as "<AXP> shares rose"
			}
			return "XML with a <" + t.Name.Local + "> root"
		}
	}
}

// wellFormed reports whether text parses as XML to its end.
func wellFormed(text string) bool {
	dec := xml.NewDecoder(strings.NewReader(text))
	dec.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	dec.Entity = xml.HTMLEntity
	for {
		if _, err := dec.Token(); err != nil {
			return err == io.EOF
		}
	}
}

// sniffJSON tells ninjs from other JSON by the properties every ninjs version
// has: a uri (or guid) and one of its headline, body or type properties.
func sniffJSON(text string) string {
	var obj map[string]json.RawMessage
	if err := json.Unmarshal([]byte(text), &obj); err != nil {
		if strings.HasPrefix(text, "[") {
			return "JSON holding a list, not a ninjs news item"
		}
		return "not valid JSON (" + err.Error() + "), nor a ninjs news item"
	}
	keys := map[string]bool{}
	for k := range obj {
		keys[strings.ToLower(k)] = true
	}
	hasID := keys["uri"] || keys["guid"]
	hasContent := keys["headline"] || keys["headlines"] || keys["body_text"] || keys["body_html"] || keys["body_xhtml"] || keys["bodies"]
	if hasID && hasContent || keys["$standard"] || isNinjsStandard(obj["standard"]) {
		return FormatNinjs
	}
	return "JSON that is not a ninjs news item"
}

func isNinjsStandard(raw json.RawMessage) bool {
	var st struct{ Name string }
	return raw != nil && json.Unmarshal(raw, &st) == nil && strings.EqualFold(st.Name, "ninjs")
}

// binary reports text that is not a story: a NUL, or more than one character
// in a hundred a control character other than line breaks and tabs.
func binary(text string) bool {
	if strings.IndexByte(text, 0) >= 0 {
		return true
	}
	controls, n := 0, 0
	for _, r := range text {
		n++
		if isControl(r) && r != '\f' {
			controls++
		}
		if r == utf8.RuneError {
			controls++
		}
	}
	return controls > 0 && controls*100 > n
}
