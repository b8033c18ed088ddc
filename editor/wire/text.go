package wire

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	"copydesk/editor"
)

// para is a paragraph of a file with the line it starts on.
type para struct {
	text string
	line int
}

// parseText reads plain-text wire copy. Its text stays text: control
// characters are dropped, and what Markdown would read as markup is escaped.
func parseText(name string, data []byte) (*Result, error) {
	paras := textParagraphs(stripControls(string(data)))
	if len(paras) == 0 {
		return nil, &editor.FileError{Name: name, Err: fmt.Errorf("holds no text")}
	}
	r := &Result{Format: FormatText, Boilerplate: []Boilerplate{}, Warnings: []string{}}
	if len(paras) > 1 && readsAsTitle(paras[0].text) && !creditLine(paras[0].text) {
		r.Story.Headline = paras[0].text
		paras = paras[1:]
	}
	if len(paras) > 1 && len(strings.Fields(paras[0].text)) <= 10 && !strings.HasSuffix(paras[0].text, ".") {
		if m := bylinePattern().FindStringSubmatch(paras[0].text); m != nil {
			r.Story.Byline = m[1]
			paras = paras[1:]
		}
	}
	paras = layout(r, paras)
	if len(paras) == 0 {
		return nil, &editor.FileError{Name: name, Err: fmt.Errorf("holds a headline or credit but no story text")}
	}
	for i := range paras {
		paras[i].text = paragraphText(escapeMarkdown(paras[i].text))
	}
	r.Story.Body = joinParas(paras)
	if len(r.Story.Body) > editor.BodyMax {
		return nil, &editor.FileError{Name: name, Line: pastLimit(paras, editor.BodyMax),
			Err: fmt.Errorf("story text passes %d bytes in the paragraph on this line; split it into several stories", editor.BodyMax)}
	}
	return r, nil
}

// pastLimit is the line of the paragraph in which the body made of paras
// grows past limit bytes.
func pastLimit(paras []para, limit int) int {
	n := 0
	for i, p := range paras {
		if i > 0 {
			n += len("\n\n")
		}
		if n += len(p.text); n > limit {
			return p.line
		}
	}
	return paras[len(paras)-1].line
}

// layout takes the dateline, credit and boilerplate out of the paragraphs of
// a story, setting them on r, and returns the body paragraphs left.
func layout(r *Result, paras []para) []para {
	paras = takeSignoffs(r, paras)
	paras = takePromos(r, paras)
	if len(paras) > 0 {
		if m := datelinePattern().FindStringSubmatchIndex(paras[0].text); m != nil {
			r.Story.Dateline = strings.TrimSpace(paras[0].text[m[2]:m[3]])
			paras[0].text = paras[0].text[m[1]:]
		}
	}
	// The credit is the last credit line; what follows it was pasted from the
	// site the copy was taken from, whatever its length, as the credit closes
	// the story. Without a credit, a paragraph that opens site text ("Sign
	// up to…") starts the boilerplate only when the cut would take no more
	// than a fifth of the text.
	end := len(paras)
	for i := len(paras) - 1; i >= 1 && i >= len(paras)-40; i-- {
		if creditLine(paras[i].text) {
			start := i
			for start > 1 && creditLine(paras[start-1].text) {
				start--
			}
			var credit []string
			for _, p := range paras[start : i+1] {
				credit = append(credit, p.text)
			}
			r.Story.Credit = strings.Join(credit, " ")
			addBoilerplate(r, paras[i+1:])
			end = start
			break
		}
	}
	if r.Story.Credit == "" {
		for i := 1; i < len(paras); i++ {
			if boilerplateStart().MatchString(paras[i].text) {
				if cutTooLong(r, paras, i) {
					break
				}
				addBoilerplate(r, paras[i:])
				end = i
				break
			}
		}
	}
	return paras[:end]
}

func addBoilerplate(r *Result, paras []para) {
	if len(paras) == 0 {
		return
	}
	b := Boilerplate{}
	if readsAsTitle(paras[0].text) || strings.HasSuffix(paras[0].text, ":") {
		b.Title = paras[0].text
		paras = paras[1:]
	}
	var text []string
	for _, p := range paras {
		text = append(text, p.text)
	}
	b.Text = strings.Join(text, "\n\n")
	r.Boilerplate = append(r.Boilerplate, b)
}

var (
	bylinePattern   = lazyRegexp(`^[Bb]y ([\p{Lu}][\p{L}.'’\- ]+(?:,? (?:and|&) [\p{Lu}][\p{L}.'’\- ]+)*)(?:,.*)?$`)
	datelinePattern = lazyRegexp(`^(\p{Lu}[\p{Lu} .'’-]{2,40}(?:, [\p{Lu}][\p{L}.]+(?: \d{1,2})?)?(?: \([\p{L} .]{1,30}\))?)\s*[—–-]{1,2}\s+`)
	creditPatterns  = sync.OnceValue(func() []*regexp.Regexp {
		return []*regexp.Regexp{
			regexp.MustCompile(`^(?:Additional )?[Rr]eporting by \S`),
			regexp.MustCompile(`^(?:Writing|Editing|Edited|Compiled) by \S`),
			regexp.MustCompile(`^[—–-]+ ?(?:AP|Reuters|AFP|PA|Press Association|Associated Press|Bloomberg|UPI|dpa)\.?$`),
			regexp.MustCompile(`^\(?(?:Press Association|PA Media|PA|AP|Reuters|AFP)\)?\.?$`),
			regexp.MustCompile(`^(?:Associated Press|AP) (?:writers?|reporters?|correspondents?) .* contributed`),
		}
	})
	boilerplateStart = lazyRegexp(`(?i)^(?:comments:|our rules|sign up (?:to|for)|subscribe to|follow us|share this|©|copyright ©|all rights reserved)`)
)

func creditLine(s string) bool {
	if utf8.RuneCountInString(s) > 200 {
		return false
	}
	for _, re := range creditPatterns() {
		if re.MatchString(s) {
			return true
		}
	}
	return false
}

// readsAsTitle reports whether a paragraph looks like a headline: short, and
// not ending as a sentence or a quotation does.
func readsAsTitle(p string) bool {
	if utf8.RuneCountInString(p) > 150 || len(strings.Fields(p)) < 2 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(p)
	return !strings.ContainsRune(".,;:\"”’)…-", last)
}

// textParagraphs splits text into paragraphs: blocks between blank lines, or
// one a line when the text has no blank line, as wire copy is filed.
func textParagraphs(text string) []para {
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	lines := strings.Split(strings.TrimRight(text, " \t\n"), "\n")
	blank, seen := false, false
	for _, l := range lines {
		empty := strings.TrimSpace(l) == ""
		blank = blank || empty && seen
		seen = seen || !empty
	}
	var out []para
	var cur []string
	curLine := 0
	flush := func() {
		if len(cur) > 0 {
			out = append(out, para{strings.Join(strings.Fields(strings.Join(cur, " ")), " "), curLine})
			cur = nil
		}
	}
	for i, l := range lines {
		if strings.TrimSpace(l) == "" {
			flush()
			continue
		}
		if len(cur) == 0 {
			curLine = i + 1
		}
		cur = append(cur, l)
		if !blank {
			flush()
		}
	}
	flush()
	return out
}
