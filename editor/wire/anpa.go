package wire

import (
	"strings"
)

// ANPA 1312 (the American Newspaper Publishers Association's wire format, as
// AP, CP and others sent it) frames a story with control characters:
//
//	[SYN SYN] SOH heading STX text ETX [trailer] [EOT]
//
// The heading is the service level letter and story number ("a0123"),
// optional selector codes, the priority and category letters, the keyword
// (slugline), the version ("1stLd-Writethru"), a reference date and the word
// count. In the text, lines between "^" and "<" are format lines (the
// keyword again, the headline, "Eds:" notes to editors, the byline and its
// title ending in "="), paragraphs start with a tab, "“" and "”" are
// quotation marks and a spaced "_" is a dash.
var (
	anpaHeader  = lazyRegexp(`^\s*[a-zA-Z]\d{4}\b`)
	anpaTrailer = lazyRegexp(`^[A-Z]{2,4}-[A-Z]{2}-\d\d-\d\d-\d\d \d{4}[A-Z]{3}$`)
	anpaRights  = lazyRegexp(`^\(?(?:Copyright|©) .*(?:\d{4}|Reserved\.?)\)?$`)
	wordCount   = lazyRegexp(`^\d{3,5}$`)
)

// anpaPriorities maps ANPA's priority letter to an urgency.
var anpaPriorities = map[string]int{"f": 1, "b": 2, "u": 3, "r": 5, "d": 7}

// anpaCategories names the category letters in general use.
var anpaCategories = map[string]string{
	"a": "domestic news", "e": "entertainment", "f": "financial", "i": "international",
	"p": "politics", "s": "sports", "w": "Washington",
}

func parseANPA(name, text string) (*Result, error) {
	header, body := frame(text)
	r := &Result{Format: FormatANPA, Boilerplate: []Boilerplate{}, Warnings: []string{}}
	m := &r.Meta
	tokens := strings.Fields(strings.ReplaceAll(header, "\x1f", " "))
	if len(tokens) > 0 {
		m.FeedID = tokens[0]
		tokens = tokens[1:]
	}
	for i := 0; i+1 < len(tokens); i++ {
		if len(tokens[i]) == 1 && len(tokens[i+1]) == 1 {
			m.Urgency = anpaPriorities[strings.ToLower(tokens[i])]
			cat := strings.ToLower(tokens[i+1])
			m.addSubject("anpa:"+cat, anpaCategories[cat])
			rest := tokens[i+2:]
			if n := len(rest); n > 0 && wordCount().MatchString(rest[n-1]) {
				rest = rest[:n-1]
			}
			if len(rest) > 0 {
				m.Slugline = rest[0]
			}
			break
		}
	}
	readAgencyText(r, body, true)
	return r, nil
}

// frame takes the heading (between SOH and STX) and the text (between STX
// and ETX, or to the end) out of a framed transmission.
func frame(text string) (header, body string) {
	start := strings.IndexByte(text, soh)
	textStart := strings.IndexByte(text, stx)
	if start < 0 || textStart < start {
		return "", text
	}
	header = text[start+1 : textStart]
	body = text[textStart+1:]
	if end := strings.IndexByte(body, etx); end >= 0 {
		body = body[:end]
	}
	return stripControls(header), body
}

// readAgencyText reads the text of ANPA or IPTC 7901 copy into r: format
// lines, paragraphs (by tab or by line), trailers and the copyright line.
func readAgencyText(r *Result, body string, apMarks bool) {
	s, m := &r.Story, &r.Meta
	body = strings.ReplaceAll(strings.ReplaceAll(body, "\r\n", "\n"), "\r", "\n")
	var text []string
	afterByline := false
	for _, line := range strings.Split(body, "\n") {
		line = stripControls(line)
		trimmed := strings.TrimRight(strings.TrimSpace(line), "<=")
		if !strings.HasPrefix(strings.TrimSpace(line), "^") {
			if anpaTrailer().MatchString(strings.TrimSpace(trimmed)) {
				continue
			}
			afterByline = false
			text = append(text, strings.TrimRight(line, "<= \t"))
			continue
		}
		f := agencyMarks(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(trimmed), "^")), apMarks)
		switch {
		case f == "":
		case m.Slugline != "" && strings.HasPrefix(f, m.Slugline):
		case strings.HasPrefix(f, "Eds:") || strings.HasPrefix(f, "Editors:") || strings.HasPrefix(f, "EDs:"):
			m.EdNote = joinNote(m.EdNote, strings.TrimSpace(f[strings.IndexByte(f, ':')+1:]))
		case strings.HasPrefix(f, "By ") || strings.HasPrefix(f, "BY "):
			s.Byline = nameCase(strings.TrimSpace(f[3:]))
			afterByline = true
			continue
		case afterByline && len(strings.Fields(f)) <= 6:
			m.BylineTitle = f
		case s.Headline == "":
			s.Headline = f
		case s.Standfirst == "":
			s.Standfirst = f
		}
		afterByline = false
	}
	paras := agencyParagraphs(strings.Join(text, "\n"))
	kept := paras[:0]
	for _, p := range paras {
		p.text = agencyMarks(p.text, apMarks)
		if anpaRights().MatchString(p.text) {
			m.Rights = firstNonEmpty(m.Rights, strings.Trim(p.text, "()"))
			continue
		}
		kept = append(kept, p)
	}
	if s.Headline == "" && len(kept) > 1 && readsAsTitle(kept[0].text) {
		s.Headline, kept = kept[0].text, kept[1:]
	}
	if s.Byline == "" && len(kept) > 1 {
		if b := bylinePattern().FindStringSubmatch(kept[0].text); b != nil && len(strings.Fields(kept[0].text)) <= 10 {
			s.Byline, kept = nameCase(b[1]), kept[1:]
		}
	}
	paras = layout(r, kept)
	for i := range paras {
		paras[i].text = paragraphText(escapeMarkdown(paras[i].text))
	}
	s.Body = joinParas(paras)
}

// agencyParagraphs splits agency text into paragraphs: at each line that
// starts with a tab or an indent when the text is indented so, else as
// plain text is split.
func agencyParagraphs(text string) []para {
	lines := strings.Split(text, "\n")
	indented := 0
	for _, l := range lines {
		if strings.HasPrefix(l, "\t") || strings.HasPrefix(l, "   ") {
			indented++
		}
	}
	if indented < 2 {
		return textParagraphs(text)
	}
	var out []para
	var cur []string
	curLine := 0
	flush := func() {
		if t := clean(strings.Join(cur, " ")); t != "" {
			out = append(out, para{t, curLine})
		}
		cur = nil
	}
	for i, l := range lines {
		if strings.TrimSpace(l) == "" || strings.HasPrefix(l, "\t") || strings.HasPrefix(l, "   ") {
			flush()
			curLine = i + 1
		}
		cur = append(cur, l)
	}
	flush()
	return out
}

// agencyMarks writes AP's typewriter marks as type: “…” as “…”, ` as ‘,
// a spaced _ as a dash. IPTC 7901 copy keeps its own marks but for the dash.
func agencyMarks(s string, ap bool) string {
	if ap {
		s = strings.NewReplacer("``", "“", "''", "”", "`", "‘").Replace(s)
	}
	s = strings.ReplaceAll(s, " _ ", " — ")
	return clean(s)
}
