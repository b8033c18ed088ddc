package wire

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"copydesk/editor"
)

// parseNITF reads a News Industry Text Format 3.x document: the headline from
// hl1, the standfirst from hl2 or the abstract, the byline, dateline and
// paragraphs of the body, the credit from the tagline, tags from the keyword
// list and the section from pubdata.
func parseNITF(name string, data []byte) (*Result, error) {
	r := &Result{Format: FormatNITF, Boilerplate: []Boilerplate{}, Warnings: []string{}}
	dec := xml.NewDecoder(strings.NewReader(string(data)))
	dec.Strict = true
	dec.Entity = xml.HTMLEntity
	var path []string
	var text strings.Builder
	collecting := ""
	var paras []para
	var title, abstract, tagline string
	sawRoot := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				return nil, &editor.FileError{Name: name, Line: se.Line, Err: fmt.Errorf("is not well-formed XML: %s", se.Msg)}
			}
			return nil, &editor.FileError{Name: name, Err: fmt.Errorf("cannot be read as XML: %w", err)}
		}
		switch t := tok.(type) {
		case xml.StartElement:
			el := t.Name.Local
			if !sawRoot {
				sawRoot = true
				if el != "nitf" {
					line, _ := dec.InputPos()
					return nil, &editor.FileError{Name: name, Line: line, Err: fmt.Errorf("is XML with a <%s> root, not NITF; copydesk reads NITF (<nitf>), plain text and Markdown", el)}
				}
			}
			path = append(path, el)
			switch el {
			case "keyword":
				if k := strings.TrimSpace(attr(t, "key")); k != "" {
					r.Story.Tags = append(r.Story.Tags, k)
				}
			case "pubdata":
				if s := attr(t, "position.section"); s != "" && r.Story.Section == "" {
					r.Story.Section = strings.TrimSpace(s)
				}
			case "meta":
				switch strings.ToLower(attr(t, "name")) {
				case "section":
					if r.Story.Section == "" {
						r.Story.Section = strings.TrimSpace(attr(t, "content"))
					}
				case "keywords":
					for _, k := range strings.Split(attr(t, "content"), ",") {
						if k = strings.TrimSpace(k); k != "" {
							r.Story.Tags = append(r.Story.Tags, k)
						}
					}
				}
			case "title", "hl1", "hl2", "byline", "dateline", "abstract", "p", "tagline":
				if collecting == "" {
					collecting = el
					text.Reset()
				}
			case "br":
				if collecting != "" {
					text.WriteString(" ")
				}
			}
		case xml.EndElement:
			el := t.Name.Local
			if len(path) > 0 {
				path = path[:len(path)-1]
			}
			if el != collecting {
				continue
			}
			collecting = ""
			s := strings.Join(strings.Fields(text.String()), " ")
			if s == "" {
				continue
			}
			line, _ := dec.InputPos()
			switch {
			case el == "title" && inside(path, "head"):
				title = s
			case el == "hl1" && r.Story.Headline == "":
				r.Story.Headline = s
			case el == "hl2" && r.Story.Standfirst == "":
				r.Story.Standfirst = s
			case el == "byline" && r.Story.Byline == "":
				r.Story.Byline = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(s, "By "), "by "))
			case el == "dateline" && r.Story.Dateline == "":
				r.Story.Dateline = s
			case el == "abstract" && abstract == "":
				abstract = s
			case el == "tagline":
				tagline = s
			case el == "p" && inside(path, "body.content"):
				paras = append(paras, para{s, line})
			case el == "p" && inside(path, "abstract") && abstract == "":
				abstract = s
			case el == "p" && inside(path, "tagline"):
				tagline = s
			}
		case xml.CharData:
			if collecting != "" {
				text.Write(t)
			}
		}
	}
	if !sawRoot {
		return nil, &editor.FileError{Name: name, Err: fmt.Errorf("holds no XML element")}
	}
	if r.Story.Headline == "" {
		r.Story.Headline = title
	}
	if r.Story.Standfirst == "" {
		r.Story.Standfirst = abstract
	}
	dateline := r.Story.Dateline
	paras = layout(r, paras)
	if dateline != "" {
		r.Story.Dateline = dateline
	}
	if tagline != "" && r.Story.Credit == "" {
		r.Story.Credit = tagline
	}
	var body []string
	for _, p := range paras {
		body = append(body, p.text)
	}
	r.Story.Body = strings.Join(body, "\n\n")
	return r, nil
}

func attr(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func inside(path []string, el string) bool {
	for _, p := range path {
		if p == el {
			return true
		}
	}
	return false
}
