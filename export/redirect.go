package export

import (
	"hash"
	"time"

	"copydesk/editor"
)

// KindRedirect is a page at a story's old path (an archive's alias) that
// sends the reader and search engines on to the story.
const KindRedirect Kind = "redirect"

type redirectView struct {
	Language string
	Headline string
	Target   string // the story's absolute address
}

// planRedirects adds a redirect page for each old path of each story, after
// every other file is planned: a path the site itself writes, or one that a
// story before claimed, is left to them.
func (b *build) planRedirects(seen map[string]bool) {
	for _, si := range b.stories {
		for _, alias := range si.s.Aliases {
			path, err := editor.AliasPath(alias)
			if err != nil || seen[path] {
				continue
			}
			seen[path] = true
			b.units = append(b.units, &unit{id: si.s.ID, files: []unitFile{{path, KindRedirect}},
				key: func(h hash.Hash) {
					writeStrings(h, "redirect", b.site.Language, b.site.BaseURL, si.href, si.s.Title())
				},
				render: func(w *worker) ([][]byte, error) {
					page, err := w.render("redirect", redirectView{Language: b.site.Language, Headline: cleanText(si.s.Title()), Target: b.site.BaseURL + si.href})
					return [][]byte{page}, err
				},
			})
		}
	}
}

// mediaView is a picture the story carries, shown as a figure.
type mediaView struct {
	Src, Alt, Caption, Credit string
}

func mediaViews(media []editor.Media) []mediaView {
	var out []mediaView
	for _, m := range media {
		if !editor.MediaHref(m.Href) {
			continue
		}
		out = append(out, mediaView{Src: m.Href, Alt: cleanText(m.Alt), Caption: cleanText(m.Caption), Credit: cleanText(m.Credit)})
	}
	return out
}

// held reports whether the export holds a published story back: embargoed
// until after now, or expired by now.
func held(s *editor.Story, now time.Time) bool {
	if s.Embargo != nil && now.Before(*s.Embargo) {
		return true
	}
	return s.Expires != nil && !now.Before(*s.Expires)
}
