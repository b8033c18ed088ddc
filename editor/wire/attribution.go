package wire

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"copydesk/editor"
)

// detected is a quote found in the body with what is known of its speaker.
type detected struct {
	span      editor.QuotedSpan
	partial   bool
	speaker   mention
	verb      string
	continues bool   // goes on from the quote before after its attribution interrupts it
	carriesOn bool   // a paragraph of quote that carries on the quote before, with no attribution of its own
	byAfter   bool   // attributed by the clause after it
	afterEnd  int    // where that clause ends
	para      int    // paragraph of the opening mark
	lastPara  int    // paragraph of the closing mark
	how       string // which rule found the speaker
	scare     bool   // a word or two in quotation marks that nobody is said to have said
}

// paragraph is a line of the body, as byte offsets.
type paragraph struct{ start, end int }

func paragraphsOf(body string) []paragraph {
	var ps []paragraph
	start := 0
	for i := 0; i <= len(body); i++ {
		if i == len(body) || body[i] == '\n' {
			if i > start {
				ps = append(ps, paragraph{start, i})
			}
			start = i + 1
		}
	}
	return ps
}

func paragraphAt(ps []paragraph, off int) int {
	for i, p := range ps {
		if off < p.end || i == len(ps)-1 {
			return i
		}
	}
	return 0
}

// findQuotes detects the quotes of a body and who said each. It returns the
// body with its quotes blanked too, where speakers are looked for.
func findQuotes(body string) ([]detected, string) {
	spans := editor.QuotedSpans(body)
	masked := maskQuotes(body, spans)
	paras := paragraphsOf(body)
	qs := make([]detected, 0, len(spans))
	prevClose := -1
	for _, s := range spans {
		d := detected{span: s, para: paragraphAt(paras, s.Open)}
		d.lastPara = d.para
		if s.Closed() {
			d.lastPara = paragraphAt(paras, s.Close)
		}
		from := paras[d.para].start
		if prevClose > from {
			from = prevClose
		}
		d.partial = isPartial(body, tokenize(masked, sentenceStart(masked, from, s.Open), s.Open), s)
		if s.Closed() {
			prevClose = markEnd(body, s.Close)
		}
		if d.partial && isTitle(body[s.Start:s.End]) {
			continue
		}
		qs = append(qs, d)
	}
	for i := range qs {
		attribute(body, masked, paras, qs, i)
	}
	return qs, masked
}

// maskQuotes blanks every quoted stretch, marks included, so that names and
// verbs inside a quote are never taken for its attribution.
func maskQuotes(body string, spans []editor.QuotedSpan) string {
	b := []byte(body)
	for _, s := range spans {
		end := s.End
		if s.Closed() {
			_, size := utf8.DecodeRuneInString(body[s.Close:])
			end = s.Close + size
		}
		for i := s.Open; i < end; i++ {
			if b[i] != '\n' {
				b[i] = ' '
			}
		}
	}
	return string(b)
}

// attribute finds the speaker of quote i in its own sentence: the clause after
// it, the clause before it, or the agent of a passive verb; then, failing
// those, in what surrounds it.
func attribute(body, masked string, paras []paragraph, qs []detected, i int) {
	q := &qs[i]
	p := paras[q.para]
	lp := paras[q.lastPara]
	from := p.start
	if i > 0 && qs[i-1].lastPara == q.para && qs[i-1].span.Closed() {
		from = markEnd(body, qs[i-1].span.Close)
	}
	beforeStart := sentenceStart(masked, from, q.span.Open)
	before := tokenize(masked, beforeStart, q.span.Open)

	if q.span.Closed() {
		to := lp.end
		if i+1 < len(qs) && qs[i+1].para == q.lastPara {
			to = qs[i+1].span.Open
		}
		after := markEnd(body, q.span.Close)
		end := sentenceEnd(masked, after, to)
		if m, verb, ok := attributionAfter(masked, tokenize(masked, after, end)); ok {
			q.speaker, q.verb, q.byAfter, q.afterEnd, q.how = m, verb, true, end, "after"
		}
	}
	if q.speaker.kind == mentionNone {
		if m, verb, ok := attributionBefore(masked, before); ok {
			q.speaker, q.verb, q.how = m, verb, "before"
		}
	}
	if q.speaker.kind == mentionNone && q.partial {
		if m, ok := passiveAgent(masked, before); ok {
			q.speaker, q.how = m, "passive"
		}
	}
	if i > 0 {
		prev := &qs[i-1]
		gap := masked[prev.afterEnd:q.span.Open]
		// The body, not the masked text: a title in quotation marks may end the
		// attribution ("he said on “Meet the Press.” “But …”").
		lead := strings.TrimRightFunc(body[:q.span.Open], unicode.IsSpace)
		if prev.byAfter && !prev.partial && prev.lastPara == q.para && strings.TrimSpace(strings.Trim(gap, " ,.;:—–-")) == "" &&
			strings.ContainsAny(lead[max(0, len(lead)-6):], ".,:;—–-") {
			q.continues = true
			if q.speaker.kind == mentionNone || q.speaker.kind == mentionPronoun {
				q.speaker, q.verb, q.how = prev.speaker, prev.verb, "interrupted"
			}
		}
	}
	if q.speaker.kind == mentionNone && !q.partial {
		attributeFromContext(masked, paras, qs, i, beforeStart)
	}
}

// attributeFromContext looks beyond its own sentence for the speaker of a
// quote that is a sentence or more: the sentence before it, the paragraph
// before it, the quote it carries on.
func attributeFromContext(masked string, paras []paragraph, qs []detected, i, beforeStart int) {
	q := &qs[i]
	p := paras[q.para]
	if beforeStart > p.start {
		prevStart := sentenceStart(masked, p.start, beforeStart-1)
		if m, verb, ok := attributionBefore(masked, tokenize(masked, prevStart, beforeStart)); ok {
			q.speaker, q.verb, q.how = m, verb, "sentence-before"
			return
		}
	}
	if q.span.Open == p.start && q.para > 0 {
		pp := paras[q.para-1]
		if strings.HasSuffix(strings.TrimSpace(masked[pp.start:pp.end]), ":") {
			if m, verb, ok := attributionBefore(masked, tokenize(masked, sentenceStart(masked, pp.start, pp.end-1), pp.end)); ok {
				q.speaker, q.verb, q.how = m, verb, "colon-before"
				return
			}
		}
	}
	// A paragraph that is all quote and no attribution carries on the quote of
	// the paragraph before.
	if i > 0 && q.span.Open == p.start {
		prev := qs[i-1]
		if (!prev.partial || prev.byAfter) && prev.lastPara == q.para-1 && prev.speaker.kind != mentionNone {
			q.speaker, q.verb, q.carriesOn, q.how = prev.speaker, prev.verb, true, "paragraph-on"
			return
		}
	}
	// A paragraph of quote under a paragraph with none ("The DNC issued a
	// statement apologising.¶“On behalf of …”") is given to the subject of
	// the sentence before it.
	if q.span.Open == p.start && q.para > 0 && (i == 0 || qs[i-1].lastPara < q.para-1) {
		pp := paras[q.para-1]
		from := sentenceStart(masked, pp.start, pp.end-1)
		if m, ok := sentenceSubject(masked, tokenize(masked, from, pp.end)); ok {
			q.speaker, q.how = m, "subject-before"
		}
	}
}

func markEnd(body string, at int) int {
	_, size := utf8.DecodeRuneInString(body[at:])
	return at + size
}

// isPartial reports whether a quote is a fragment inside a sentence rather
// than a sentence or more of someone's words.
func isPartial(body string, before []token, s editor.QuotedSpan) bool {
	first, _ := utf8.DecodeRuneInString(body[s.Start:])
	if len(before) == 0 {
		return false
	}
	last := before[len(before)-1]
	switch last.text {
	case ":", ",", "—", "–", "-", "(", ";":
		return !unicode.IsUpper(first) && last.text != ":"
	}
	if speechVerbs[last.lower()] && unicode.IsUpper(first) {
		return false
	}
	return true
}

// attributionAfter reads "…,” Smith said", "…,” said Smith" and "…,” according
// to Smith" from the clause after a quote.
func attributionAfter(body string, toks []token) (mention, string, bool) {
	// “…” ― Jorge Falcon: a name signed under the quote.
	if len(toks) >= 2 && len(toks) <= 6 && strings.Contains("―—–-", toks[0].text) {
		name := toks[1:]
		for len(name) > 0 && !name[len(name)-1].isWord() {
			name = name[:len(name)-1]
		}
		if allCapitalised(name) {
			if m := parseMention(body, name); m.kind == mentionName {
				return m, "", true
			}
		}
	}
	for len(toks) > 0 && !toks[0].isWord() {
		if t := toks[0].text; t != "," && t != "—" && t != "–" && t != "-" && t != "?" && t != "!" && t != "." {
			return mention{}, "", false
		}
		toks = toks[1:]
	}
	if len(toks) == 0 {
		return mention{}, "", false
	}
	if toks[0].lower() == "according" && len(toks) > 1 && toks[1].lower() == "to" {
		m := accordingTo(body, toks[2:])
		return m, "according to", m.kind != mentionNone
	}
	if isSpeechVerb(toks, 0) || looseVerb(toks, 0) && len(toks) > 1 && toks[1].capitalised() {
		verbEnd := 1
		rest := toks[1:]
		for len(rest) > 0 && isAuxiliary(rest[0]) {
			rest, verbEnd = rest[1:], verbEnd+1
		}
		np := forwardNP(rest)
		m := parseMention(body, np)
		if m.kind == mentionNone {
			return m, "", false
		}
		appositionName(body, &m, rest[len(np):])
		withAppositionRole(body, &m, rest[len(np):])
		return m, joinTokens(body, toks[:verbEnd]), true
	}
	toks = dropParentheses(toks)
	for v := 1; v < len(toks) && v < 40; v++ {
		if toks[v].text == "." || toks[v].text == ";" {
			break
		}
		if !isSpeechVerb(toks, v) && !(looseVerb(toks, v) && (v+1 == len(toks) || !toks[v+1].isWord())) {
			continue
		}
		subj := toks[:v]
		for len(subj) > 0 && isAuxiliary(subj[len(subj)-1]) {
			subj = subj[:len(subj)-1]
		}
		head, appos := splitApposition(subj)
		if len(head) == 0 || len(head) > 8 || !plausibleSpeaker(head) {
			return mention{}, "", false
		}
		m := parseMention(body, head)
		if m.kind == mentionNone {
			return m, "", false
		}
		appositionName(body, &m, appos)
		withAppositionRole(body, &m, appos)
		return m, verbPhrase(body, toks[v:]), true
	}
	return mention{}, "", false
}

// attributionBefore reads "Smith said:", "Smith told the Commons that …" and
// "according to Smith," from the clause before a quote: the last speech verb
// and its subject.
func attributionBefore(body string, toks []token) (mention, string, bool) {
	for v := len(toks) - 1; v >= 0; v-- {
		w := toks[v].lower()
		if w == "according" && v+1 < len(toks) && toks[v+1].lower() == "to" {
			m := accordingTo(body, toks[v+2:])
			if m.kind != mentionNone {
				return m, "according to", true
			}
			continue
		}
		if !isSpeechVerb(toks, v) {
			continue
		}
		// "…, saying:" and "… and joked," take the subject of the sentence.
		if strings.HasSuffix(w, "ing") && v > 0 && toks[v-1].text == "," || v > 0 && toks[v-1].lower() == "and" {
			if m, ok := sentenceSubject(body, toks[:v]); ok {
				return m, verbPhrase(body, toks[v:]), true
			}
		}
		// "said Smith:" puts the speaker after the verb.
		if v+1 < len(toks) && toks[v+1].capitalised() && !determiners[toks[v+1].lower()] {
			np := forwardNP(toks[v+1:])
			if len(np) > 0 && v+1+len(np) < len(toks) && (toks[v+1+len(np)].text == ":" || toks[v+1+len(np)].text == ",") &&
				(v == 0 || !toks[v-1].isWord()) {
				m := parseMention(body, np)
				if m.kind == mentionName {
					return m, toks[v].text, true
				}
			}
		}
		subj := backwardNP(toks[:v])
		if len(subj) == 0 {
			continue
		}
		head, appos := splitApposition(subj)
		if len(head) == 0 || !plausibleSpeaker(head) {
			continue
		}
		m := parseMention(body, head)
		if m.kind == mentionNone {
			continue
		}
		appositionName(body, &m, appos)
		withAppositionRole(body, &m, appos)
		return m, verbPhrase(body, toks[v:]), true
	}
	// "Clinton: “…”" labels a quote with its speaker; "Smith released a
	// statement: “…”" gives it to the subject of the sentence.
	if n := len(toks); n >= 2 && toks[n-1].text == ":" {
		label := toks[:n-1]
		k := len(label)
		for k > 0 && len(label)-k < 4 && label[k-1].isWord() && label[k-1].capitalised() {
			k--
		}
		if k < len(label) && (k == 0 || strings.Contains("-—–.", label[k-1].text)) && !isAllCaps(label[len(label)-1].text) {
			if m := parseMention(body, label[k:]); m.kind == mentionName {
				return m, "", true
			}
		}
		if m, ok := sentenceSubject(body, label); ok && len(strings.Fields(m.text)) >= 2 && !isAllCaps(strings.Fields(m.text)[0]) {
			return m, "", true
		}
	}
	return mention{}, "", false
}

// passiveAgent reads "… was sanctioned by the Chinese government for “…”":
// with no speech verb, the quoted charge is the words of whoever acted.
func passiveAgent(body string, toks []token) (mention, bool) {
	n := len(toks)
	if n < 3 {
		return mention{}, false
	}
	switch toks[n-1].lower() {
	case "for", "as", "of", "over":
	default:
		return mention{}, false
	}
	for b := n - 2; b >= 0 && b >= n-8; b-- {
		if toks[b].lower() == "by" {
			np := toks[b+1 : n-1]
			for _, t := range np {
				if !t.isWord() || npStops[t.lower()] {
					return mention{}, false
				}
			}
			m := parseMention(body, np)
			return m, m.kind == mentionName || m.kind == mentionGroup
		}
	}
	return mention{}, false
}

// accordingTo reads the source after "according to": a name, or the
// organisation behind a document ("a report by Starlight Housing").
func accordingTo(body string, toks []token) mention {
	np := forwardNP(toks)
	m := parseMention(body, np)
	if m.kind == mentionGroup && len(np) < len(toks) {
		switch toks[len(np)].lower() {
		case "by", "from":
			if org := forwardNP(toks[len(np)+1:]); len(org) > 0 && org[0].capitalised() {
				if o := parseMention(body, org); o.kind != mentionNone {
					return o
				}
			}
		}
	}
	return m
}

// appositionName takes the name from an apposition after a description:
// "Lopez’s lawyer, Tom Reid" is Tom Reid, whose role is Lopez’s lawyer.
func appositionName(body string, m *mention, appos []token) {
	if len(appos) > 0 && appos[0].text == "," {
		appos = appos[1:]
	}
	if m.kind != mentionGroup || len(appos) == 0 {
		return
	}
	end := 0
	for end < len(appos) && appos[end].isWord() && appos[end].capitalised() && end < 5 {
		end++
	}
	if end == 0 || end < len(appos) && appos[end].isWord() {
		return
	}
	n := parseMention(body, appos[:end])
	if n.kind != mentionName {
		return
	}
	role := strings.TrimSpace(m.text)
	for _, d := range []string{"the ", "a ", "an ", "The ", "A ", "An "} {
		role = strings.TrimPrefix(role, d)
	}
	if n.role == "" {
		n.role = role
	}
	*m = n
}
