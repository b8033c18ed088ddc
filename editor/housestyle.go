package editor

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// longQuoteWords is the length past which an inserted quote is split into
// paragraphs, at sentence ends, each of about this many words.
const longQuoteWords = 60

// NewQuote is a quote an editor inserts: who said it and the words, with what
// the quote record keeps beside them.
type NewQuote struct {
	Person     Person
	Text       string // the words; blank lines separate paragraphs
	Verb       string // "said" when empty
	Context    string
	SaidOn     string
	Source     string
	SourceKind SourceKind
}

// InsertQuote formats a quote in house style and inserts it into body at the
// cursor (a byte offset). Where the cursor lands decides the form:
//
//   - after text that introduces a quote and ends in a colon ("Mark Dobson
//     said:"), only the words go in, in marks, ending the sentence;
//   - at the start or end of a paragraph, or in an empty one, the quote is a
//     paragraph of its own with the attribution;
//   - inside a paragraph, the quote with its attribution is a sentence of
//     that paragraph, after the sentence the cursor is in, so no sentence is
//     split.
//
// The speaker is named in full with their role the first time the story
// names them and by their short name after; quotation marks are curly, quotes
// inside the quote take single marks, the punctuation goes inside the closing
// mark, and a quote of several paragraphs opens each with a mark and closes
// only the last. It returns the new body, the cursor after the quote, and the
// quote record anchored to its words.
func InsertQuote(body string, cursor int, nq NewQuote) (string, int, Quote, error) {
	if strings.TrimSpace(nq.Person.Name) == "" {
		return body, cursor, Quote{}, invalid("speaker", "is empty; choose or add the person who said it")
	}
	paras := quoteParagraphs(nq.Text)
	if len(paras) == 0 {
		return body, cursor, Quote{}, invalid("text", "is empty; a quote needs its words")
	}
	if cursor < 0 || cursor > len(body) || cursor < len(body) && !utf8.RuneStart(body[cursor]) {
		return body, cursor, Quote{}, invalid("cursor", "%d is not a place in the text", cursor)
	}
	verb := strings.TrimSpace(nq.Verb)
	if verb == "" {
		verb = "said"
	}

	at, form := quotePlace(body, cursor)
	if form == formInline && len(paras) > 1 {
		form = formParagraph // a quote of several paragraphs cannot sit inside one
	}
	var block string
	if form == formIntroduced {
		block = quotedWords(paras)
	} else {
		block = attributedQuote(body[:at], paras, verb, nq.Person)
	}

	before, after := body[:at], body[at:]
	lead, trail := "", ""
	switch form {
	case formIntroduced, formInline:
		before = strings.TrimRight(before, " \t")
		if before != "" && !strings.HasSuffix(before, "\n") {
			lead = " "
		}
		if rest := strings.TrimLeft(after, " \t"); rest != "" && rest[0] != '\n' {
			after, trail = rest, " "
		}
	default:
		// A paragraph of its own: a blank line either side.
		if b := strings.TrimRight(before, " \t"); b != "" {
			before, lead = b, paragraphGap(len(b)-len(strings.TrimRight(b, "\n")))
		}
		if a := strings.TrimLeft(after, " \t"); a != "" {
			after, trail = a, paragraphGap(len(a)-len(strings.TrimLeft(a, "\n")))
		}
	}
	start := len(before) + len(lead)
	newBody := before + lead + block + trail + after
	spans := QuotedSpans(block)
	if len(spans) != 1 {
		return body, cursor, Quote{}, invalid("text", "holds quotation marks that break the quote; use single marks for a quote inside it")
	}
	sp := spans[0]
	q := Quote{
		PersonID: nq.Person.ID, Speaker: nq.Person.Name, Role: nq.Person.Role,
		Text: QuoteWords(block[sp.Start:sp.End]), Verb: verb, Context: nq.Context, SaidOn: nq.SaidOn,
		Source: nq.Source, SourceKind: nq.SourceKind,
		Anchor: NewAnchor(newBody, start+sp.Start, start+sp.End),
	}
	if err := q.Validate(); err != nil {
		return body, cursor, Quote{}, err
	}
	return newBody, start + len(block), q, nil
}

// paragraphGap is the line breaks to add to newlines already there to make a
// blank line.
func paragraphGap(newlines int) string { return "\n\n"[min(newlines, 2):] }

// quoteForm is the shape an inserted quote takes where it lands.
type quoteForm int

const (
	formParagraph  quoteForm = iota // a paragraph of its own, with the attribution
	formIntroduced                  // only the words, after an attribution ending in a colon
	formInline                      // a sentence with the attribution, inside a paragraph
)

// quotePlace reads the paragraph the cursor is in and says where the quote
// goes and in what form. Inside a paragraph that is the end of the sentence
// the cursor is in.
func quotePlace(body string, cursor int) (int, quoteForm) {
	paraStart := strings.LastIndexByte(body[:cursor], '\n') + 1
	paraEnd := len(body)
	if i := strings.IndexByte(body[cursor:], '\n'); i >= 0 {
		paraEnd = cursor + i
	}
	lineBefore := strings.TrimRight(body[paraStart:cursor], " \t\r")
	lineAfter := strings.TrimSpace(body[cursor:paraEnd])
	switch {
	case strings.HasSuffix(lineBefore, ":"):
		return cursor, formIntroduced
	case strings.TrimSpace(lineBefore) == "" || lineAfter == "":
		return cursor, formParagraph
	case endsSentence(lineBefore):
		return cursor, formInline
	}
	return sentenceEnd(body, cursor, paraEnd), formInline
}

// closingRunes may follow the mark that ends a sentence.
const closingRunes = "”’\"')]"

// endsSentence reports whether s ends with a full stop, question mark,
// exclamation mark or ellipsis, perhaps inside closing marks.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, closingRunes)
	last, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".?!…", last)
}

// sentenceEnd is the offset just after the end of the sentence at from, no
// further than limit (the end of the paragraph, less trailing space).
func sentenceEnd(body string, from, limit int) int {
	for i := from; i < limit; {
		r, size := utf8.DecodeRuneInString(body[i:limit])
		i += size
		if !strings.ContainsRune(".?!…", r) {
			continue
		}
		j := i
		for j < limit {
			c, s := utf8.DecodeRuneInString(body[j:limit])
			if !strings.ContainsRune(closingRunes, c) {
				break
			}
			j += s
		}
		if j == limit || body[j] == ' ' || body[j] == '\t' {
			return j
		}
	}
	return len(strings.TrimRight(body[:limit], " \t\r"))
}

// quotedWords is the quote alone, in marks, ending its sentence: what follows
// "Mark Dobson said:".
func quotedWords(paras []string) string {
	var b strings.Builder
	n := len(paras)
	last := strings.TrimRight(paras[n-1], ",;:")
	for i, p := range paras {
		if i > 0 {
			b.WriteString("\n\n")
		}
		if i == n-1 {
			p = last
		}
		b.WriteString("“" + p)
	}
	if l, _ := utf8.DecodeLastRuneInString(strings.TrimRight(last, "’")); !strings.ContainsRune(".?!…", l) {
		b.WriteString(".")
	}
	b.WriteString("”")
	return b.String()
}

// attributedQuote is the quote with its attribution in house style, for a
// story whose text before it is before.
func attributedQuote(before string, paras []string, verb string, person Person) string {
	speaker := person.ShortName
	first := !named(strings.ToLower(textOutsideQuotes(&Story{Body: before})), personNames(person))
	if first || speaker == "" {
		speaker = person.FullName()
		if first && person.Role != "" {
			speaker = person.Role + " " + speaker
		}
	}
	if len(paras) > 1 {
		// Sir Iain said: “One.¶“Two.¶“Three.”
		return upperFirst(speaker) + " " + verb + ": " + quotedWords(paras)
	}
	// “Words,” Sir Iain said. — or “Why?” she asked.
	words := paras[0]
	last, size := utf8.DecodeLastRuneInString(words)
	switch last {
	case '.':
		words = words[:len(words)-size] + ","
	case '?', '!', '…', ',':
	default:
		words += ","
	}
	if first {
		return "“" + words + "” " + verb + " " + speaker + "."
	}
	return "“" + words + "” " + speaker + " " + verb + "."
}

// quoteParagraphs tidies the words of a quote into paragraphs: outer marks
// dropped, double marks inside turned to single curly ones, straight
// apostrophes curled, and a long single paragraph split at sentence ends.
func quoteParagraphs(text string) []string {
	text = strings.TrimSpace(normalizeNewlines(text))
	if r, size := utf8.DecodeRuneInString(text); isDoubleMark(r) {
		if l, lsize := utf8.DecodeLastRuneInString(text); isDoubleMark(l) && len(text) > size+lsize {
			text = strings.TrimSpace(text[size : len(text)-lsize])
		}
	}
	var paras []string
	for _, p := range splitBlank(text) {
		p = curlInner(strings.Join(strings.Fields(p), " "))
		if p = strings.TrimLeftFunc(p, func(r rune) bool { return isDoubleMark(r) || unicode.IsSpace(r) }); p != "" {
			paras = append(paras, p)
		}
	}
	if len(paras) == 1 && CountWords(paras[0]) > longQuoteWords {
		paras = splitLongQuote(paras[0])
	}
	return paras
}

// curlInner makes a quote's inner quotation marks single and curly, and its
// apostrophes curly.
func curlInner(s string) string {
	var b strings.Builder
	for i, r := range s {
		switch r {
		case '"', '“', '”':
			before, _ := utf8.DecodeLastRuneInString(s[:i])
			if i == 0 || unicode.IsSpace(before) || strings.ContainsRune("([—–", before) {
				b.WriteRune('‘')
			} else {
				b.WriteRune('’')
			}
		case '\'':
			before, _ := utf8.DecodeLastRuneInString(s[:i])
			if i == 0 || unicode.IsSpace(before) || strings.ContainsRune("([—–", before) {
				b.WriteRune('‘')
			} else {
				b.WriteRune('’')
			}
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// splitLongQuote splits one long paragraph at sentence ends into paragraphs
// of about longQuoteWords words.
func splitLongQuote(p string) []string {
	var paras []string
	start, words := 0, 0
	for i := 0; i < len(p); i++ {
		if p[i] == ' ' {
			words++
		}
		if (p[i] == '.' || p[i] == '?' || p[i] == '!') && i+1 < len(p) && p[i+1] == ' ' && words >= longQuoteWords*2/3 {
			paras = append(paras, p[start:i+1])
			start, words = i+2, 0
		}
	}
	if start < len(p) {
		paras = append(paras, p[start:])
	}
	return paras
}

func personNames(p Person) []string {
	names := []string{p.Name, p.ShortName}
	if f := strings.Fields(p.Name); len(f) > 1 {
		names = append(names, f[len(f)-1])
	}
	return names
}

func upperFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:]
}
