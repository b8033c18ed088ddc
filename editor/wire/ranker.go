package wire

import (
	_ "embed"
	"encoding/json"
	"math"
	"math/rand"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// The speaker ranker: for each quote, the mentions near it (names, pronouns,
// and what the attribution rules read from its sentence) are candidates, each
// described by features (distance, paragraph, cue verb and its tense, place
// before or after the quote, grammatical position, gender, person or
// organisation). A small linear model, trained by `quotebench -train` on an
// annotated corpus, scores them; the best is the quote's speaker, or nobody
// when "none" scores best. The weights are committed; no text is.

//go:embed speaker_weights.json
var speakerWeightsJSON []byte

// SpeakerModel is the weights of the speaker ranker's features.
type SpeakerModel struct {
	Note    string             `json:"note,omitempty"`
	Weights map[string]float64 `json:"weights"`
}

// DefaultSpeakerModel is the model copydesk ships, or nil when none is
// embedded (then the attribution rules alone decide).
var DefaultSpeakerModel = sync.OnceValue(func() *SpeakerModel {
	var m SpeakerModel
	if err := json.Unmarshal(speakerWeightsJSON, &m); err != nil || len(m.Weights) == 0 {
		return nil
	}
	return &m
})

func (m *SpeakerModel) score(feats []string) float64 {
	s := 0.0
	for _, f := range feats {
		s += m.Weights[f]
	}
	return s
}

// candidate is a mention near a quote that may name its speaker.
type candidate struct {
	m     mention
	none  bool // the choice of nobody
	rule  bool // what the attribution rules found
	first int  // token index in the body's tokens
	last  int
	verb  string
	feats []string
}

// SpeakerCandidate is a candidate as the training sees it: where its words
// stand in the body and its features. A candidate with Start -1 stands for
// "nobody".
type SpeakerCandidate struct {
	Start, End int
	Text       string
	Pronoun    bool
	Features   []string
}

// QuoteCandidates is a detected quote (the offsets of its marks' contents)
// with its candidates.
type QuoteCandidates struct {
	Start, End int
	Candidates []SpeakerCandidate
}

// SpeakerCandidates lists the quotes of a body with the candidates the ranker
// chooses among, for training.
func SpeakerCandidates(body string) []QuoteCandidates {
	qs, masked := findQuotes(body)
	toks := tokenize(masked, 0, len(masked))
	paras := paragraphsOf(body)
	out := make([]QuoteCandidates, 0, len(qs))
	for i := range qs {
		qc := QuoteCandidates{Start: qs[i].span.Start, End: qs[i].span.End}
		for _, c := range candidatesFor(body, masked, toks, paras, qs, i) {
			sc := SpeakerCandidate{Start: -1, End: -1, Features: c.feats}
			if !c.none {
				sc.Start, sc.End, sc.Text, sc.Pronoun = c.m.start, c.m.end, c.m.text, c.m.kind == mentionPronoun
			}
			qc.Candidates = append(qc.Candidates, sc)
		}
		out = append(out, qc)
	}
	return out
}

// rankSpeakers replaces each quote's speaker with the best scored candidate.
func rankSpeakers(body, masked string, toks []token, paras []paragraph, qs []detected, model *SpeakerModel) {
	for i := range qs {
		if qs[i].partial {
			continue // a fragment inside a sentence: the rules read that sentence
		}
		if qs[i].continues && qs[i].how == "interrupted" && i > 0 {
			qs[i].speaker, qs[i].verb = qs[i-1].speaker, qs[i-1].verb
			continue // the second piece of a quote its attribution interrupts
		}
		cands := candidatesFor(body, masked, toks, paras, qs, i)
		best, bestScore := -1, math.Inf(-1)
		for k, c := range cands {
			if s := model.score(c.feats); s > bestScore {
				best, bestScore = k, s
			}
		}
		if best < 0 {
			continue
		}
		c := cands[best]
		switch {
		case c.rule:
		case c.none:
			qs[i].speaker, qs[i].verb, qs[i].how = mention{}, "", ""
		default:
			qs[i].speaker, qs[i].verb, qs[i].how = c.m, c.verb, "ranked"
		}
	}
}

// window limits, in tokens outside quotes, of where candidates are looked for.
const (
	windowBefore = 70
	windowAfter  = 30
)

func candidatesFor(body, masked string, toks []token, paras []paragraph, qs []detected, i int) []candidate {
	q := &qs[i]
	openTok := sort.Search(len(toks), func(k int) bool { return toks[k].start >= q.span.Open })
	closeAt := q.span.End
	if q.span.Closed() {
		closeAt = markEnd(body, q.span.Close)
	}
	closeTok := sort.Search(len(toks), func(k int) bool { return toks[k].start >= closeAt })
	lo := max(0, openTok-windowBefore)
	if from := paras[max(0, q.para-2)].start; toks != nil && lo < len(toks) && toks[lo].start < from {
		lo = sort.Search(len(toks), func(k int) bool { return toks[k].start >= from })
	}
	hi := min(len(toks), closeTok+windowAfter)
	if to := paras[q.lastPara].end; hi > 0 && hi <= len(toks) {
		hi = sort.Search(len(toks), func(k int) bool { return toks[k].start >= to })
		hi = min(hi, closeTok+windowAfter)
	}
	var cands []candidate
	for k := lo; k < hi; k++ {
		if k >= openTok && k < closeTok {
			continue
		}
		t := toks[k]
		if _, ok := pronouns[t.lower()]; ok && t.lower() != "i" && t.lower() != "you" && t.lower() != "we" {
			cands = append(cands, candidate{m: mention{kind: mentionPronoun, text: t.lower(), start: t.start, end: t.end}, first: k, last: k})
			continue
		}
		if !t.capitalised() || !t.isWord() {
			continue
		}
		j := k + 1
		for j < hi && (j < openTok || j >= closeTok) && !possessive(toks[j-1]) {
			if toks[j].capitalised() && toks[j].isWord() {
				j++
				continue
			}
			if nameConnectors[toks[j].lower()] && toks[j].lower() != "and" && toks[j].lower() != "the" && toks[j].lower() != "of" &&
				j+1 < hi && toks[j+1].capitalised() {
				j += 2
				continue
			}
			break
		}
		run := toks[k:j]
		for len(run) > 0 && sentenceOpeners[run[0].lower()] {
			run = run[1:]
		}
		if len(run) == 0 {
			continue
		}
		last := run[len(run)-1]
		if possessive(last) {
			r := append([]token{}, run...)
			r[len(r)-1].text = strings.TrimSuffix(strings.TrimSuffix(last.text, "’s"), "'s")
			r[len(r)-1].end = r[len(r)-1].start + len(r[len(r)-1].text)
			run = r
		}
		m := parseMention(masked, run)
		if m.kind == mentionName {
			cands = append(cands, candidate{m: m, first: k, last: j - 1})
		}
		k = j - 1
	}
	// What the rules found is a candidate too, with how they found it.
	if q.speaker.kind != mentionNone {
		merged := false
		for k := range cands {
			if cands[k].m.start < q.speaker.end && q.speaker.start < cands[k].m.end && cands[k].m.kind == q.speaker.kind {
				cands[k].m, cands[k].rule, cands[k].verb = q.speaker, true, q.verb
				merged = true
			}
		}
		if !merged {
			first := sort.Search(len(toks), func(k int) bool { return toks[k].start >= q.speaker.start })
			last := sort.Search(len(toks), func(k int) bool { return toks[k].start >= q.speaker.end }) - 1
			cands = append(cands, candidate{m: q.speaker, rule: true, first: first, last: max(first, last), verb: q.verb})
		}
	}
	var prevName string
	if i > 0 && qs[i-1].speaker.kind == mentionName && len(qs[i-1].speaker.name) > 0 {
		prevName = strings.ToLower(qs[i-1].speaker.name[len(qs[i-1].speaker.name)-1])
	}
	for k := range cands {
		describe(&cands[k], body, toks, paras, q, openTok, closeTok, cands, prevName, lo)
	}
	how := q.how
	if how == "" {
		how = "nothing"
	}
	// Nobody is a choice unless the quote's own sentence names its speaker.
	switch how {
	case "after", "before", "interrupted":
	default:
		cands = append(cands, candidate{none: true, feats: []string{"none", "none&rule=" + how, "none&partial=" + strconv.FormatBool(q.partial)}})
	}
	return cands
}

// describe gives a candidate its features.
func describe(c *candidate, body string, toks []token, paras []paragraph, q *detected, openTok, closeTok int, all []candidate, prevName string, lo int) {
	m := c.m
	kind := "group"
	switch m.kind {
	case mentionName:
		kind = "name"
	case mentionPronoun:
		kind = "pron:" + m.text
	}
	f := []string{"k=" + kind}
	add := func(s ...string) { f = append(f, s...) }
	if c.rule {
		how := q.how
		add("rule="+how, "rule="+how+"&k="+kind)
	} else {
		add("rule=no")
	}
	pos := "after"
	dist, paraDist := 0, 0
	if c.first < openTok || c.first >= len(toks) {
		pos = "before"
		dist = openTok - c.last - 1
		paraDist = q.para - paragraphAt(paras, m.start)
	} else {
		dist = c.first - closeTok
		paraDist = paragraphAt(paras, m.start) - q.lastPara
	}
	if c.rule && (q.how == "interrupted" || q.how == "paragraph-on") {
		pos = "prev-quote"
	}
	sentDist := 0
	a, b := c.last+1, openTok
	if pos == "after" {
		a, b = closeTok, c.first
	}
	for k := max(0, a); k < b && k < len(toks); k++ {
		if t := toks[k].text; t == "." || t == "?" || t == "!" {
			sentDist++
		}
	}
	add("pos="+pos, pos+"&d="+bucket(dist), pos+"&s="+strconv.Itoa(min(sentDist, 3)), pos+"&p="+strconv.Itoa(min(max(paraDist, -1), 3)), pos+"&k="+kind)
	add(pos + "&d=" + bucket(dist) + "&k=" + kind)
	// How near it is among the candidates on its side.
	rank := 0
	for _, o := range all {
		if o.first == c.first {
			continue
		}
		if pos == "before" && o.last < openTok && o.last > c.last || pos == "after" && o.first >= closeTok && o.first < c.first {
			rank++
		}
	}
	add(pos + "&rank=" + strconv.Itoa(min(rank, 3)))
	// The verb next to it.
	if v := c.last + 1; v < len(toks) {
		for v < len(toks) && v < c.last+3 && (isAuxiliary(toks[v]) || isAdverb(toks[v])) {
			v++
		}
		if v < len(toks) && isSpeechVerb(toks, v) {
			add("verb-next", "verb-next&"+tense(toks[v].lower()), pos+"&verb-next")
			if c.verb == "" {
				c.verb = toks[v].text
			}
		}
	}
	if c.first > 0 && c.first-1 < len(toks) {
		prev := toks[c.first-1]
		if isSpeechVerb(toks, c.first-1) {
			add("verb-prev", "verb-prev&"+tense(prev.lower()), pos+"&verb-prev")
			if c.verb == "" {
				c.verb = prev.text
			}
		}
		w := prev.lower()
		switch {
		case prepositions[w]:
			add("prep-before")
		case determiners[w]:
			add("det-before")
		case prev.text == "." || prev.text == "?" || prev.text == "!" || c.first == lo:
			add("sentence-start", "sentence-start&len="+strconv.Itoa(min(len(m.name), 2)))
		case prev.text == ",":
			add("comma-before")
		}
	}
	if c.last+1 < len(toks) && toks[c.last+1].text == "," {
		add("comma-after")
		if c.last+2 < len(toks) && (determiners[toks[c.last+2].lower()] || roleNouns[toks[c.last+2].lower()]) {
			add("apposition")
		}
	}
	if c.last < len(toks) && possessive(toks[c.last]) {
		add("possessive")
	}
	if m.kind == mentionName {
		add("len=" + strconv.Itoa(min(len(m.name), 3)))
		if m.honorific != "" {
			add("honorific")
		}
		if m.role != "" {
			add("role")
		}
		if g := givenNameGender(m.name[0]); g != "" && len(m.name) > 1 {
			add("given-name")
		}
		if isOrganisationWord(m.name[len(m.name)-1]) || len(m.name) > 0 && isAllCaps(m.name[0]) {
			add("organisation")
		}
		if prevName != "" && strings.EqualFold(m.name[len(m.name)-1], prevName) {
			add("previous-speaker")
		}
	}
	if m.kind == mentionGroup {
		add("group")
	}
	if m.kind == mentionPronoun && (m.text == "he" || m.text == "she") {
		// Does the nearest name before it, whose gender is known, agree?
		agree := "unknown"
		for _, o := range all {
			if o.m.kind == mentionName && o.last < c.first {
				if g := mentionGender(o.m); g != "" {
					agree = strconv.FormatBool(g == m.text)
				}
			}
		}
		add("pron-agree=" + agree)
	}
	if q.partial {
		add("partial&" + pos)
	}
	if q.span.Open == paras[q.para].start {
		add("quote-opens-paragraph&" + pos)
	}
	c.feats = f
}

// sentenceOpeners are capitalised at the start of a sentence without naming
// anyone: "However", "If Labour", "Meanwhile".
var sentenceOpeners = set("however", "but", "meanwhile", "earlier", "later", "if", "and", "so", "yet", "still",
	"when", "while", "after", "before", "although", "though", "because", "since", "as", "then", "now", "today",
	"yesterday", "tonight", "last", "next", "this", "that", "these", "those", "the", "a", "an", "in", "on", "at",
	"for", "with", "from", "by", "to", "of", "instead", "indeed", "also", "even", "only", "asked", "speaking",
	"according", "despite", "during", "under", "over", "until", "unless", "whether", "what", "who", "why", "how",
	"where", "there", "here", "it", "its", "his", "her", "their", "our", "my", "we", "they", "he", "she", "i",
	"you", "some", "many", "most", "all", "both", "one", "two", "no", "not", "yes", "well", "oh", "first",
	"finally", "overall", "separately", "similarly", "again", "once", "thus", "hence", "besides", "otherwise",
	"monday", "tuesday", "wednesday", "thursday", "friday",
	"saturday", "sunday", "january", "february", "march", "april", "june", "july", "august", "september",
	"october", "november", "december", "read", "watch", "related", "more", "like", "unlike", "among", "amid",
	"about", "around", "regardless", "nevertheless", "nonetheless", "moreover", "furthermore", "additionally",
	"perhaps", "maybe", "certainly", "clearly", "obviously", "sadly", "unfortunately", "fortunately")

func bucket(d int) string {
	switch {
	case d <= 0:
		return "0"
	case d <= 2:
		return "1-2"
	case d <= 5:
		return "3-5"
	case d <= 10:
		return "6-10"
	case d <= 20:
		return "11-20"
	case d <= 40:
		return "21-40"
	}
	return "41+"
}

func tense(verb string) string {
	switch {
	case strings.HasSuffix(verb, "ing"):
		return "participle"
	case verb == "says" || verb == "say" || verb == "tells" || verb == "tell" || strings.HasSuffix(verb, "s") && !strings.HasSuffix(verb, "ss"):
		return "present"
	}
	return "past"
}

var prepositions = set("to", "by", "with", "for", "of", "at", "from", "about", "against", "on", "in", "into", "than",
	"like", "toward", "towards", "under", "over", "between", "among", "via", "without", "behind", "near")

// organisationWords end the names of things that are not people.
var organisationWords = set("bank", "housing", "studies", "inc", "corp", "university", "college", "school", "party",
	"campaign", "committee", "times", "post", "news", "journal", "council", "association", "institute", "foundation",
	"group", "company", "department", "ministry", "agency", "office", "house", "senate", "congress", "court", "police",
	"union", "network", "center", "centre", "fund", "trust", "society", "club", "league", "board", "commission",
	"service", "services", "program", "programme", "project", "initiative", "coalition", "alliance", "movement",
	"church", "hospital", "county", "city", "state", "street", "avenue", "road", "square", "park", "river", "tower",
	"airport", "station", "magazine", "press", "tv", "radio", "channel", "report", "statement", "administration",
	"republicans", "democrats", "caucus", "pac", "ltd", "llc", "plc", "co", "media", "capital", "partners", "holdings",
	"airlines", "motors", "industries", "technologies", "labs", "court", "army", "navy", "guard", "force",
	"international", "rail", "transport", "railway", "railways", "authority", "trust", "unit", "hq", "bbc")

func isOrganisationWord(w string) bool {
	return organisationWords[strings.ToLower(strings.TrimSuffix(strings.TrimSuffix(w, "’s"), "'s"))]
}

// TrainingQuote is one quote for training: its candidates' features and which
// of them name its speaker.
type TrainingQuote struct {
	Features [][]string
	Right    []bool
}

// TrainSpeakerModel fits the ranker's weights: a conditional logit (softmax
// over each quote's candidates, with several right ones allowed) by
// stochastic gradient descent with L2 regularisation. Deterministic for the
// same data.
func TrainSpeakerModel(data []TrainingQuote, epochs int) *SpeakerModel {
	index := map[string]int{}
	type example struct {
		feats [][]int
		right []bool
	}
	var exs []example
	for _, d := range data {
		e := example{right: d.Right}
		anyRight := false
		for k, fs := range d.Features {
			ids := make([]int, len(fs))
			for j, f := range fs {
				id, ok := index[f]
				if !ok {
					id = len(index)
					index[f] = id
				}
				ids[j] = id
			}
			e.feats = append(e.feats, ids)
			anyRight = anyRight || d.Right[k]
		}
		if anyRight && len(e.feats) > 1 {
			exs = append(exs, e)
		}
	}
	w := make([]float64, len(index))
	const lambda = 1e-4
	rng := rand.New(rand.NewSource(1))
	order := rng.Perm(len(exs))
	scores := []float64{}
	for epoch := 0; epoch < epochs; epoch++ {
		lr := 0.2 / (1 + float64(epoch)*0.3)
		rng.Shuffle(len(order), func(a, b int) { order[a], order[b] = order[b], order[a] })
		for _, oi := range order {
			e := exs[oi]
			scores = scores[:0]
			top := math.Inf(-1)
			for _, fs := range e.feats {
				s := 0.0
				for _, f := range fs {
					s += w[f]
				}
				scores = append(scores, s)
				top = math.Max(top, s)
			}
			sum, sumRight := 0.0, 0.0
			for k := range scores {
				scores[k] = math.Exp(scores[k] - top)
				sum += scores[k]
				if e.right[k] {
					sumRight += scores[k]
				}
			}
			for k, fs := range e.feats {
				g := scores[k] / sum
				if e.right[k] {
					g -= scores[k] / sumRight
				}
				if g == 0 {
					continue
				}
				for _, f := range fs {
					w[f] -= lr * g
				}
			}
		}
		for k := range w {
			w[k] *= 1 - lr*lambda*float64(len(exs))/100
		}
	}
	m := &SpeakerModel{Weights: make(map[string]float64, len(index))}
	for f, id := range index {
		if math.Abs(w[id]) >= 1e-4 {
			m.Weights[f] = math.Round(w[id]*1e4) / 1e4
		}
	}
	return m
}
