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
// cursor (a byte offset), as paragraphs of their own. The speaker is named in
// full with their role the first time the story names them and by their short
// name after; quotation marks are curly, quotes inside the quote take single
// marks, the punctuation goes inside the closing mark, and a quote of several
// paragraphs opens each with a mark and closes only the last. It returns the
// new body, the cursor after the quote, and the quote record anchored to its
// words.
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
	speaker := nq.Person.ShortName
	first := !named(strings.ToLower(textOutsideQuotes(&Story{Body: body[:cursor]})), personNames(nq.Person))
	if first || speaker == "" {
		speaker = nq.Person.FullName()
		if first && nq.Person.Role != "" {
			speaker = nq.Person.Role + " " + speaker
		}
	}

	var block string
	if len(paras) == 1 {
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
			block = "“" + words + "” " + verb + " " + speaker + "."
		} else {
			block = "“" + words + "” " + speaker + " " + verb + "."
		}
	} else {
		// Sir Iain said: “One.¶“Two.¶“Three.”
		var b strings.Builder
		b.WriteString(upperFirst(speaker) + " " + verb + ": ")
		for i, p := range paras {
			if i > 0 {
				b.WriteString("\n\n")
			}
			b.WriteString("“" + p)
		}
		if last, _ := utf8.DecodeLastRuneInString(paras[len(paras)-1]); !strings.ContainsRune(".?!…", last) {
			b.WriteString(".")
		}
		b.WriteString("”")
		block = b.String()
	}

	before, after := body[:cursor], body[cursor:]
	lead, trail := "", ""
	if strings.TrimRight(before, " \t") != "" {
		before = strings.TrimRight(before, " \t")
		lead = "\n\n"
		if strings.HasSuffix(before, "\n\n") {
			lead = ""
		} else if strings.HasSuffix(before, "\n") {
			lead = "\n"
		}
	}
	if strings.TrimLeft(after, " \t") != "" {
		after = strings.TrimLeft(after, " \t")
		trail = "\n\n"
		if strings.HasPrefix(after, "\n\n") {
			trail = ""
		} else if strings.HasPrefix(after, "\n") {
			trail = "\n"
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
