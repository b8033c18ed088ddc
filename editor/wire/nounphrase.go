package wire

import "strings"

func allCapitalised(toks []token) bool {
	for _, t := range toks {
		if !t.isWord() || !t.capitalised() {
			return false
		}
	}
	return len(toks) > 0
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
		if !t.isWord() || isAuxiliary(t) || speechVerbs[w] || npStops[w] && !nameConnectors[w] || strings.HasSuffix(w, "ly") && !t.capitalised() ||
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
	// "Donald Trump took …" ends at the name; "The former Republican
	// presidential candidate" and "The Clinton campaign" go on to their noun.
	if lastCap >= 0 {
		keep := lastCap + 1
		for k := lastCap + 1; k < end; k++ {
			if w := toks[k].lower(); roleNouns[w] || groupNouns[w] {
				keep = k + 1
			}
		}
		np = toks[:keep]
	}
	if !plausibleSpeaker(np) {
		return mention{}, false
	}
	m := parseMention(body, np)
	return m, m.kind == mentionName || m.kind == mentionGroup && (determiners[np[0].lower()] || possessive(np[0]))
}

// possessive reports a name in the possessive: "Hoff’s letter".
func possessive(t token) bool {
	return t.capitalised() && (strings.HasSuffix(t.text, "’s") || strings.HasSuffix(t.text, "'s"))
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
	for end > 0 && (isAuxiliary(toks[end-1]) || isAdverb(toks[end-1])) {
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
	if len(appos) > 0 && appos[0].text == "," {
		appos = appos[1:]
	}
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
	if timeNouns[toks[len(toks)-1].lower()] {
		return false
	}
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

// verbPhrase is the verb with its object up to the next punctuation: "told
// the Commons", "said in a statement".
func verbPhrase(body string, toks []token) string {
	n := 1
	for n < len(toks) && n < 6 && toks[n].isWord() && toks[n].lower() != "that" && !isAuxiliary(toks[n]) && !speechVerbs[toks[n].lower()] {
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
