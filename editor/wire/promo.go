package wire

import (
	"fmt"
	"unicode/utf8"
)

// BoilerplatePromo is the Kind of a promotional line inside an article
// ("READ MORE: …", "WATCH: …"), taken out of the body on its own.
const BoilerplatePromo = "promo"

// promoLine is a web article's promotional line: a label and a colon, then
// the headline of another page, alone in its paragraph.
var promoLine = lazyRegexp(`(?i)^(?:read more|read|more|also read|see also|related|related content|watch|watch more|listen|video|pictures|in pictures|recommended|more on this story|more from)\s*:\s*\S`)

// promoMaxRunes is the longest paragraph taken for a promotional line: a
// sentence of the story may start "Watch: …" too, but runs longer.
const promoMaxRunes = 200

// boilerplateShare is the most of a story's text a cut of site boilerplate
// may take: a cut that would remove more is more likely the story itself.
const boilerplateShare = 5 // a fifth

// takePromos takes each promotional line out of the paragraphs, wherever it
// stands, reporting it as boilerplate of kind promo; the paragraphs around
// it stay in the body.
func takePromos(r *Result, paras []para) []para {
	var kept []para // nil until a promotional line is found: most stories have none
	for i, p := range paras {
		if !isPromoLine(p.text) {
			if kept != nil {
				kept = append(kept, p)
			}
			continue
		}
		if kept == nil {
			kept = append(make([]para, 0, len(paras)-1), paras[:i]...)
		}
		r.Boilerplate = append(r.Boilerplate, Boilerplate{Title: p.text, Text: p.text, Kind: BoilerplatePromo})
	}
	if kept == nil {
		return paras
	}
	return kept
}

func isPromoLine(p string) bool {
	return utf8.RuneCountInString(p) <= promoMaxRunes && promoLine().MatchString(p)
}

// cutTooLong reports whether taking paras[from:] out as boilerplate would
// remove more than a fifth of the text, and notes it in r when it would: the
// paragraphs are then left in the body.
func cutTooLong(r *Result, paras []para, from int) bool {
	total, cut := 0, 0
	for i, p := range paras {
		n := utf8.RuneCountInString(p.text)
		total += n
		if i >= from {
			cut += n
		}
	}
	if cut*boilerplateShare <= total {
		return false
	}
	r.notes = append(r.notes, fmt.Sprintf("%s reads like the start of the site's boilerplate, but it and what follows are more than a fifth of the story; they were left in the body", clip(paras[from].text)))
	return true
}
