package editor

import (
	"bytes"
	"errors"
)

// PageFile is a site page read from a Markdown file with YAML front matter.
type PageFile struct {
	Page     Page
	Revision int
	Warnings []string
}

var pageKeys = map[string]bool{"title": true, "summary": true, "kind": true, "slug": true, "revision": true}

// ParsePageMarkdown reads a site page from Markdown with YAML front matter.
func ParsePageMarkdown(name string, data []byte) (*PageFile, error) {
	mf, fm, warnings, err := readMarkdown(name, data, func(key string) bool { return pageKeys[key] }, "a page field")
	if err != nil {
		return nil, err
	}
	f := &PageFile{Warnings: warnings}
	p := &f.Page
	p.Body = mf.body
	for key, dst := range map[string]*string{"title": &p.Title, "summary": &p.Summary, "slug": &p.Slug} {
		if *dst, _, err = fm.text(key, nil); err != nil {
			return nil, err
		}
	}
	kind, _, err := fm.text("kind", nil)
	if err != nil {
		return nil, err
	}
	p.Kind = PageKind(kind)
	if f.Revision, _, err = fm.integer("revision"); err != nil {
		return nil, err
	}
	p.Normalize()
	if err := p.Validate(); err != nil {
		var ve *ValidationError
		if errors.As(err, &ve) {
			if _, present := fm.values[ve.Field]; present {
				return nil, fm.errorAt(ve.Field, "%s", ve.Problem)
			}
		}
		return nil, &FileError{Name: name, Err: err}
	}
	return f, nil
}

// FormatPageMarkdown prints a page as Markdown with YAML front matter.
func FormatPageMarkdown(p *Page) []byte {
	var b bytes.Buffer
	b.WriteString("---\n")
	writeYAML(&b, "title", p.Title)
	writeYAML(&b, "kind", string(p.Kind))
	writeYAML(&b, "slug", p.Slug)
	writeYAML(&b, "summary", p.Summary)
	writeYAML(&b, "revision", p.Revision)
	b.WriteString("---\n\n")
	b.WriteString(p.Body)
	b.WriteString("\n")
	return b.Bytes()
}
