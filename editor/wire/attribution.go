package wire

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"copydesk/editor"
)

// speechVerbs introduce what someone said. Each is matched as a whole word.
var speechVerbs = set("said", "says", "say", "told", "tells", "tell", "added", "adds", "asked", "asks", "replied",
	"replies", "responded", "responds", "explained", "explains", "wrote", "writes", "noted", "notes", "argued",
	"argues", "claimed", "claims", "alleged", "alleges", "insisted", "insists", "warned", "warns", "declared",
	"declares", "stated", "states", "continued", "continues", "recalled", "recalls", "tweeted", "tweets", "posted",
	"announced", "announces", "acknowledged", "admitted", "admits", "conceded", "concedes", "countered",
	"complained", "predicted", "suggested", "suggests", "stressed", "observed", "remarked", "quipped", "joked",
	"jokes", "shouted", "yelled", "urged", "urges", "charged", "cautioned", "contended", "maintained",
	"promised", "pledged", "vowed", "boasted", "lamented", "concluded", "concludes", "agreed", "confirmed",
	"reiterated", "emphasized", "emphasised", "mused", "exclaimed", "interjected", "retorted", "wondered",
	"testified", "read", "reads", "saying", "adding", "telling", "asking", "writing", "tweeting", "answered",
	"explaining", "noting", "arguing", "warning", "claiming", "insisting", "describing", "described", "called",
	"calling", "demanded", "assured", "chanted", "chanting", "echoed", "thundered", "snapped", "laughed",
	"blasted", "slammed", "accused", "accusing", "denounced", "praised", "labelled", "labeled", "branded",
	"dubbed", "termed", "pointed", "reported", "stating", "proclaimed", "sang", "sings", "speculated",
	"reckoned", "believes", "believed", "thinks", "felt", "feels", "wrote:", "replying", "responding", "quoted",
	"messaged", "emailed", "texted", "posting", "recounted", "complains", "observes", "predicts", "barked",
	"scoffed", "sniffed", "cracked", "gushed", "fumed", "raged", "sighed", "marveled", "marvelled", "beamed",
	"cheered", "opined", "intoned", "bragged", "griped", "grumbled", "mocked", "teased", "pleaded", "begged",
	"interrupted", "interjecting", "screamed", "cried", "whispered", "muttered", "hollered", "roared", "boomed",
	"shouting", "yelling", "screaming", "crying", "labeling", "labelling", "declaring", "announcing", "stressing",
	"acknowledging", "admitting", "conceding", "insisting", "noting", "suggesting", "vowing", "promising",
	"urging", "warning", "recalling", "joking", "quipping", "adds", "asserted", "asserts", "affirmed", "affirms",
	"disclosed", "revealed", "explained", "elaborated", "clarified", "summed", "tweets", "wrote")

// phrasalVerbs introduce speech with the particle that follows them ("went
// on", "shot back", "as Vulture put it").
var phrasalVerbs = map[string]string{"went": "on", "goes": "on", "shot": "back", "fired": "back", "chimed": "in",
	"pointed": "out", "points": "out", "cut": "in", "wrote": "back", "put": "it", "puts": "it", "spoke": "up"}

// isSpeechVerb reports whether toks[i] introduces what someone said.
func isSpeechVerb(toks []token, i int) bool {
	if toks[i].capitalised() {
		return false // "Read said", "Tell"
	}
	w := toks[i].lower()
	if speechVerbs[w] {
		return true
	}
	if p, ok := phrasalVerbs[w]; ok && i+1 < len(toks) && toks[i+1].lower() == p {
		return true
	}
	return false
}

// auxiliaries and adverbs may stand between a speaker and the verb.
var auxiliaries = set("has", "have", "had", "would", "will", "could", "can", "may", "might", "should", "was",
	"is", "later", "also", "then", "again", "once", "previously", "earlier", "recently", "simply", "just",
	"repeatedly", "famously", "reportedly", "often", "still", "never", "further", "did", "does", "do", "had",
	"already", "privately", "publicly", "angrily", "quickly", "bluntly", "flatly", "quietly", "frequently")

// npStops end a speaker's noun phrase when reading back from its verb.
var npStops = set("which", "who", "whom", "that", "and", "but", "or", "when", "while", "as", "after", "before", "then",
	"because", "if", "by", "for", "in", "on", "at", "to", "from", "with", "about", "than", "is", "was", "were",
	"are", "be", "been", "has", "had", "have", "where", "so", "since", "although", "though", "what", "how",
	"why", "not", "into", "over", "under", "said", "says", "told", "during", "until", "then", "also", "once",
	"said,", "where", "whether", "like", "unlike", "there", "it's", "it’s", "we", "you", "i", "me", "him", "them",
	"us", "this", "these", "those")

// detected is a quote found in the body with what is known of its speaker.
type detected struct {
	span      editor.QuotedSpan
	partial   bool
	speaker   mention
	verb      string
	continues bool // goes on from the quote before after its attribution interrupts it
	byAfter   bool // attributed by the clause after it
	afterEnd  int  // where that clause ends
	para      int  // paragraph of the opening mark
	lastPara  int  // paragraph of the closing mark
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

// findQuotes detects the quotes of a body and who said each.
func findQuotes(body string) []detected {
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
	return qs
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
			q.speaker, q.verb, q.byAfter, q.afterEnd = m, verb, true, end
		}
	}
	if q.speaker.kind == mentionNone {
		if m, verb, ok := attributionBefore(masked, before); ok {
			q.speaker, q.verb = m, verb
		}
	}
	if q.speaker.kind == mentionNone && q.partial {
		if m, ok := passiveAgent(masked, before); ok {
			q.speaker = m
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
				q.speaker, q.verb = prev.speaker, prev.verb
			}
		}
	}
	if q.speaker.kind != mentionNone || q.partial {
		return
	}
	// A whole sentence quoted: its speaker may be named in the sentence
	// before, or after it in the same paragraph.
	if beforeStart > p.start {
		prevStart := sentenceStart(masked, p.start, beforeStart-1)
		if m, verb, ok := attributionBefore(masked, tokenize(masked, prevStart, beforeStart)); ok {
			q.speaker, q.verb = m, verb
			return
		}
	}
	if q.span.Open == p.start && q.para > 0 {
		pp := paras[q.para-1]
		if strings.HasSuffix(strings.TrimSpace(masked[pp.start:pp.end]), ":") {
			if m, verb, ok := attributionBefore(masked, tokenize(masked, sentenceStart(masked, pp.start, pp.end-1), pp.end)); ok {
				q.speaker, q.verb = m, verb
				return
			}
		}
	}
	// A paragraph that is all quote and no attribution carries on the quote of
	// the paragraph before.
	if i > 0 && q.span.Open == p.start {
		prev := qs[i-1]
		if (!prev.partial || prev.byAfter) && prev.lastPara == q.para-1 && prev.speaker.kind != mentionNone {
			q.speaker, q.verb, q.continues = prev.speaker, prev.verb, true
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
		np := forwardNP(toks[2:])
		m := parseMention(body, np)
		return m, "according to", m.kind != mentionNone
	}
	if isSpeechVerb(toks, 0) || looseVerb(toks, 0) && len(toks) > 1 && toks[1].capitalised() {
		verbEnd := 1
		rest := toks[1:]
		for len(rest) > 0 && auxiliaries[rest[0].lower()] {
			rest, verbEnd = rest[1:], verbEnd+1
		}
		np := forwardNP(rest)
		m := parseMention(body, np)
		if m.kind == mentionNone {
			return m, "", false
		}
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
		for len(subj) > 0 && auxiliaries[subj[len(subj)-1].lower()] {
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
			m := parseMention(body, forwardNP(toks[v+2:]))
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

func allCapitalised(toks []token) bool {
	for _, t := range toks {
		if !t.isWord() || !t.capitalised() {
			return false
		}
	}
	return len(toks) > 0
}

// looseVerb reports a past-tense word that, next to a name after a quote,
// can only be its verb ("…!” beamed Donald Hartley).
func looseVerb(toks []token, i int) bool {
	w := toks[i].text
	return !toks[i].capitalised() && toks[i].isWord() && len(w) > 4 && strings.HasSuffix(w, "ed") && !npStops[w]
}

// sentenceSubject is the subject that opens a sentence: its first noun
// phrase, after an opening adverbial ("In a statement, the DNC said").
func sentenceSubject(body string, toks []token) (mention, bool) {
	for i := 0; i < len(toks) && i < 8; i++ {
		if toks[i].text == "," && i+1 < len(toks) {
			switch toks[0].lower() {
			case "in", "on", "at", "after", "during", "speaking", "earlier", "later", "asked", "when", "before", "as", "last", "yesterday", "today":
				toks = toks[i+1:]
			}
			break
		}
	}
	end := 0
	lastCap := -1
	for end < len(toks) && end < 10 {
		t := toks[end]
		w := t.lower()
		if !t.isWord() || auxiliaries[w] || speechVerbs[w] || npStops[w] && !nameConnectors[w] || strings.HasSuffix(w, "ly") && !t.capitalised() ||
			!t.capitalised() && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "s") && lastCap == end-1 && lastCap >= 0) {
			break
		}
		if t.capitalised() && !determiners[w] {
			lastCap = end
		}
		end++
	}
	if end == 0 {
		return mention{}, false
	}
	np := toks[:end]
	if lastCap >= 0 {
		np = toks[:lastCap+1]
	}
	if !plausibleSpeaker(np) {
		return mention{}, false
	}
	m := parseMention(body, np)
	return m, m.kind == mentionName || m.kind == mentionGroup && determiners[np[0].lower()]
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

// forwardNP is the noun phrase at the start of toks: a name, perhaps with its
// title and role, up to a comma or a word that cannot be part of it. A
// hometown after a full name ("Stephanie Hooton of Derry") is left out.
func forwardNP(toks []token) []token {
	n, capitals := 0, 0
	for n < len(toks) && n < 10 {
		t := toks[n]
		w := t.lower()
		if !t.isWord() {
			break
		}
		if npStops[w] && !(nameConnectors[w] && n > 0 && toks[n-1].capitalised() && n+1 < len(toks) && toks[n+1].capitalised()) {
			break
		}
		if (w == "of" || w == "from") && capitals >= 2 && toks[n-1].capitalised() {
			break
		}
		if t.capitalised() {
			capitals++
		}
		n++
	}
	return toks[:n]
}

// backwardNP is the noun phrase that ends toks: the subject of a verb that
// follows. An apposition between commas ("Smith, a spokesman, said") stays
// with it.
func backwardNP(toks []token) []token {
	toks = dropParentheses(toks)
	end := len(toks)
	for end > 0 && (auxiliaries[toks[end-1].lower()] || isAdverb(toks[end-1])) {
		end--
	}
	i := end
	if i > 0 && toks[i-1].text == "," {
		// Skip back over an apposition to the comma that opens it.
		j := i - 2
		for j >= 0 && toks[j].text != "," && i-j < 25 {
			j--
		}
		if j >= 0 && toks[j].text == "," {
			i = j
		}
	}
	start := i
	for start > 0 && end-start < 25 {
		t := toks[start-1]
		w := t.lower()
		if !t.isWord() {
			break
		}
		if npStops[w] && !(nameConnectors[w] && start-2 >= 0 && toks[start-2].capitalised() && start < len(toks) && toks[start].capitalised()) {
			break
		}
		start--
		if determiners[w] {
			break
		}
	}
	if start == i {
		return nil
	}
	return toks[start:end]
}

func isAdverb(t token) bool {
	return !t.capitalised() && len(t.text) > 4 && strings.HasSuffix(t.text, "ly")
}

// dropParentheses leaves out bracketed asides: "Rep. Paul Ryan (R-Wis.) said".
func dropParentheses(toks []token) []token {
	depth := 0
	for _, t := range toks {
		if t.text == "(" {
			depth++
		}
	}
	if depth == 0 {
		return toks
	}
	out := make([]token, 0, len(toks))
	depth = 0
	for _, t := range toks {
		switch {
		case t.text == "(":
			depth++
		case t.text == ")" && depth > 0:
			depth--
		case depth == 0:
			out = append(out, t)
		}
	}
	return out
}

// splitApposition splits "Jeff Weaver, Sanders’ campaign manager," into the
// head and its apposition.
func splitApposition(toks []token) (head, appos []token) {
	for i, t := range toks {
		if t.text == "," {
			return toks[:i], toks[i+1:]
		}
	}
	return toks, nil
}

// withAppositionRole takes a role from an apposition: ", a spokeswoman for the
// committee," gives "spokeswoman for the committee".
func withAppositionRole(body string, m *mention, appos []token) {
	if m.kind != mentionName || len(appos) == 0 {
		return
	}
	end := 0
	for end < len(appos) && appos[end].text != "," && appos[end].text != "." && appos[end].text != ";" {
		end++
	}
	a := appos[:end]
	if len(a) == 0 || len(a) > 15 {
		return
	}
	if determiners[a[0].lower()] {
		a = a[1:]
	} else if !roleNouns[a[0].lower()] && !(len(a) > 1 && roleNouns[a[1].lower()]) {
		return
	}
	if len(a) > 0 && m.role == "" {
		m.role = joinTokens(body, a)
	}
}

// plausibleSpeaker reports whether a noun phrase can name a speaker: a
// pronoun, a name, or a described group ("the campaign", "officials").
func plausibleSpeaker(toks []token) bool {
	if len(toks) == 1 {
		if _, ok := pronouns[toks[0].lower()]; ok {
			return true
		}
	}
	for _, t := range toks {
		if t.capitalised() && t.isWord() {
			return true
		}
	}
	last := toks[len(toks)-1].lower()
	if strings.HasSuffix(last, "ed") || strings.HasSuffix(last, "ing") || strings.HasSuffix(last, "ly") || npStops[last] || timeNouns[last] {
		return false
	}
	if determiners[toks[0].lower()] {
		return true
	}
	// A bare plural: "officials said", "critics say".
	first := toks[0].lower()
	return len(toks) <= 2 && strings.HasSuffix(last, "s") && !npStops[first] && !auxiliaries[first]
}

// timeNouns end phrases that name when, not who ("the day", "last week").
var timeNouns = set("day", "days", "week", "weeks", "month", "months", "year", "years", "night", "morning",
	"afternoon", "evening", "time", "times", "moment", "today", "yesterday", "tonight", "monday", "tuesday",
	"wednesday", "thursday", "friday", "saturday", "sunday")

// verbPhrase is the verb with its object up to the next punctuation: "told
// the Commons", "said in a statement".
func verbPhrase(body string, toks []token) string {
	n := 1
	for n < len(toks) && n < 6 && toks[n].isWord() && toks[n].lower() != "that" && !auxiliaries[toks[n].lower()] && !speechVerbs[toks[n].lower()] {
		n++
	}
	return joinTokens(body, toks[:n])
}

func joinTokens(body string, toks []token) string {
	if len(toks) == 0 {
		return ""
	}
	return body[toks[0].start:toks[len(toks)-1].end]
}
