// Command quotebench scores copydesk's quote detection and attribution on a
// hand-annotated corpus (PolNeAR as JSON lines), with the scoring described in
// the corpus README:
//
//	go run ./cmd/quotebench /path/to/polnear-train-dev.jsonl
//
// The corpus is only read; nothing of it is written anywhere.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"
	"unicode"

	"copydesk/editor/wire"
)

type article struct {
	ID        string      `json:"id"`
	Split     string      `json:"split"`
	Publisher string      `json:"publisher"`
	Text      string      `json:"text"`
	Quotes    []goldQuote `json:"quotes"`
}

type goldQuote struct {
	Type             string   `json:"type"`
	Text             string   `json:"text"`
	Spans            [][2]int `json:"spans"`
	Speaker          *string  `json:"speaker"`
	SpeakerSpans     [][2]int `json:"speaker_spans"`
	SpeakerIsPronoun bool     `json:"speaker_is_pronoun"`
}

// prediction is a detected quote as scored: a quote interrupted by its
// attribution counts once, as the corpus annotates it.
type prediction struct {
	text    string
	speaker string
	start   int
	partial bool
}

type tally struct {
	predicted, predictedRight    int
	gold, found                  int
	named, namedRight            int
	pronoun, pronounRight        int
	articles                     int
	falsePositives, missed       []string
	wrongSpeakers, wrongPronouns []string
}

func (t *tally) add(o *tally) {
	t.predicted += o.predicted
	t.predictedRight += o.predictedRight
	t.gold += o.gold
	t.found += o.found
	t.named += o.named
	t.namedRight += o.namedRight
	t.pronoun += o.pronoun
	t.pronounRight += o.pronounRight
	t.articles += o.articles
	t.falsePositives = append(t.falsePositives, o.falsePositives...)
	t.missed = append(t.missed, o.missed...)
	t.wrongSpeakers = append(t.wrongSpeakers, o.wrongSpeakers...)
	t.wrongPronouns = append(t.wrongPronouns, o.wrongPronouns...)
}

func (t *tally) figures() (p, r, f1 float64) {
	p = ratio(t.predictedRight, t.predicted)
	r = ratio(t.found, t.gold)
	if p+r > 0 {
		f1 = 2 * p * r / (p + r)
	}
	return p, r, f1
}

// finder is what is scored: the quotes of a body with their speakers.
type finder func(body string) []wire.Quote

func rulesFinder(body string) []wire.Quote {
	qs, _ := wire.FindQuotes(body)
	return qs
}

func main() {
	verbose := flag.Bool("v", false, "list the misses, false detections and wrong speakers")
	split := flag.String("split", "", "score only the articles of this split (train, dev)")
	rulesOnly := flag.Bool("rules", false, "score the attribution rules alone, without the speaker ranker")
	noRules := flag.Bool("no-rule-features", false, "train the ranker without the features that say which rule found a candidate (how far the learned part carries alone)")
	trainTo := flag.String("train", "", "train the speaker ranker on every article and write its weights to this file (editor/wire/speaker_weights.json)")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: quotebench [-v] [-rules] [-split train|dev] [-train WEIGHTS.json] CORPUS.jsonl")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	f, err := os.Open(flag.Arg(0))
	if err != nil {
		fmt.Fprintln(os.Stderr, "quotebench:", err)
		os.Exit(2)
	}
	defer f.Close()
	began := time.Now()
	articles, err := load(f, *split)
	if err != nil {
		fmt.Fprintf(os.Stderr, "quotebench: %s: %v\n", flag.Arg(0), err)
		os.Exit(2)
	}
	loaded := time.Since(began)
	if *trainTo != "" {
		if err := writeWeights(*trainTo, articles, *noRules); err != nil {
			fmt.Fprintln(os.Stderr, "quotebench:", err)
			os.Exit(3)
		}
		return
	}
	trainer := func(train []*article) finder {
		model := trainRanker(train, *noRules)
		return func(body string) []wire.Quote {
			qs, _ := wire.FindQuotesWith(body, model)
			return qs
		}
	}
	if *rulesOnly {
		trainer = func([]*article) finder { return rulesFinder }
	}
	trainBegan := time.Now()
	total, perPublisher, inference, inferenceCPU := lopo(articles, trainer)
	training := time.Since(trainBegan) - inference
	if *verbose {
		for _, group := range []struct {
			title string
			lines []string
		}{{"false detections", total.falsePositives}, {"missed", total.missed}, {"wrong speakers", total.wrongSpeakers}, {"wrong pronoun speakers", total.wrongPronouns}} {
			fmt.Printf("== %s (%d)\n", group.title, len(group.lines))
			for _, l := range group.lines {
				fmt.Println(l)
			}
		}
	}
	if *rulesOnly {
		fmt.Println("attribution rules alone (they learn nothing, so this is a breakdown by publisher)")
	} else {
		fmt.Println("leave-one-publisher-out: each publisher scored with the speaker ranker trained on the others")
	}
	fmt.Printf("%-14s %8s %6s %6s  %9s %6s %6s  %13s %13s\n", "publisher", "articles", "gold", "pred", "precision", "recall", "F1", "named", "pronoun")
	row := func(name string, t *tally) {
		p, r, f1 := t.figures()
		fmt.Printf("%-14s %8d %6d %6d  %9.3f %6.3f %6.3f  %5.3f %3d/%-4d %5.3f %3d/%-4d\n", name, t.articles, t.gold, t.predicted, p, r, f1,
			ratio(t.namedRight, t.named), t.namedRight, t.named, ratio(t.pronounRight, t.pronoun), t.pronounRight, t.pronoun)
	}
	for _, pt := range perPublisher {
		row(pt.publisher, pt.tally)
	}
	row("overall", total)
	p, r, f1 := total.figures()
	fmt.Printf("articles %d, direct gold quotes %d, predicted quotes %d\n", total.articles, total.gold, total.predicted)
	fmt.Printf("detection: precision %.3f  recall %.3f  F1 %.3f\n", p, r, f1)
	fmt.Printf("speaker accuracy: named %.3f (%d/%d)  pronoun %.3f (%d/%d)\n",
		ratio(total.namedRight, total.named), total.namedRight, total.named, ratio(total.pronounRight, total.pronoun), total.pronounRight, total.pronoun)
	fmt.Printf("time: %v for the corpus, %v of processor time (finding and attributing quotes; reading the file %v, training and scoring %v)\n",
		inference.Round(time.Millisecond), inferenceCPU.Round(time.Millisecond), loaded.Round(time.Millisecond), training.Round(time.Millisecond))
}

type publisherTally struct {
	publisher string
	tally     *tally
}

// lopo scores leave-one-publisher-out: for each publisher, train learns from
// the articles of the others and what it gives is scored on that publisher's
// articles. It returns the overall tally, one per publisher, and the time
// spent finding quotes (training left out).
func lopo(articles []*article, train func([]*article) finder) (*tally, []publisherTally, time.Duration, time.Duration) {
	var publishers []string
	seen := map[string]bool{}
	for _, a := range articles {
		if !seen[a.Publisher] {
			seen[a.Publisher] = true
			publishers = append(publishers, a.Publisher)
		}
	}
	sort.Strings(publishers)
	total := &tally{}
	var per []publisherTally
	var spent, cpu time.Duration
	for _, pub := range publishers {
		var others, held []*article
		for _, a := range articles {
			if a.Publisher == pub {
				held = append(held, a)
			} else {
				others = append(others, a)
			}
		}
		find := train(others)
		t := &tally{}
		began, beganCPU := time.Now(), cpuTime()
		found := make([][]wire.Quote, len(held))
		for i, a := range held {
			found[i] = find(a.Text)
		}
		spent += time.Since(began)
		cpu += cpuTime() - beganCPU
		for i, a := range held {
			score(t, a, found[i])
		}
		total.add(t)
		per = append(per, publisherTally{pub, t})
	}
	return total, per, spent, cpu
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func load(r io.Reader, split string) ([]*article, error) {
	var out []*article
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	line := 0
	for sc.Scan() {
		line++
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var a article
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		if split == "" || a.Split == split {
			out = append(out, &a)
		}
	}
	return out, sc.Err()
}

func score(t *tally, a *article, quotes []wire.Quote) {
	t.articles++
	var preds []prediction
	for _, q := range quotes {
		if (q.Continues || q.CarriesOn) && len(preds) > 0 {
			preds[len(preds)-1].text += " " + q.Text
			continue
		}
		preds = append(preds, prediction{text: q.Text, speaker: q.Speaker, start: q.Start, partial: q.Partial})
	}
	byteAt := runeOffsets(a.Text)
	var direct, mixed []goldQuote
	for _, g := range a.Quotes {
		if g.Type == "direct" {
			direct = append(direct, g)
		} else {
			mixed = append(mixed, g)
		}
	}
	mixedWords := make([][]string, len(mixed))
	for i, m := range mixed {
		mixedWords[i] = words(m.Text)
	}
	predWords := make([][]string, len(preds))
	for i, p := range preds {
		predWords[i] = words(p.text)
	}
	goldWords := make([][]string, len(direct))
	for i, g := range direct {
		goldWords[i] = words(g.Text)
	}
	type pair struct{ p, g, shared int }
	var pairs []pair
	for i := range preds {
		for j := range direct {
			shared := common(predWords[i], goldWords[j])
			short, long := len(predWords[i]), len(goldWords[j])
			if short > long {
				short, long = long, short
			}
			if short > 0 && float64(shared) >= 0.8*float64(short) && float64(shared) >= 0.5*float64(long) {
				pairs = append(pairs, pair{i, j, shared})
			}
		}
	}
	sort.SliceStable(pairs, func(x, y int) bool { return pairs[x].shared > pairs[y].shared })
	predMatch := make([]int, len(preds))
	goldMatch := make([]int, len(direct))
	for i := range predMatch {
		predMatch[i] = -1
	}
	for i := range goldMatch {
		goldMatch[i] = -1
	}
	for _, pr := range pairs {
		if predMatch[pr.p] < 0 && goldMatch[pr.g] < 0 {
			predMatch[pr.p], goldMatch[pr.g] = pr.g, pr.p
		}
	}
	t.predicted += len(preds)
	t.gold += len(direct)
	for i, p := range preds {
		if predMatch[i] >= 0 || insideMixed(predWords[i], mixedWords) {
			t.predictedRight++
			continue
		}
		why := ""
		for j := range direct {
			if len(predWords[i]) > 0 && float64(common(predWords[i], goldWords[j])) >= 0.8*float64(len(predWords[i])) {
				why = " [part of a gold quote]"
			}
		}
		t.falsePositives = append(t.falsePositives, fmt.Sprintf("%s: %q (partial %v, speaker %q)%s", a.ID, clip(p.text), p.partial, p.speaker, why))
	}
	for j, g := range direct {
		pi := goldMatch[j]
		if pi < 0 {
			t.missed = append(t.missed, fmt.Sprintf("%s: %q", a.ID, clip(g.Text)))
			continue
		}
		t.found++
		if g.Speaker == nil {
			continue
		}
		p := preds[pi]
		if g.SpeakerIsPronoun {
			t.pronoun++
			start := byteAt[min(g.Spans[0][0], len(byteAt)-1)]
			if namedBefore(p.speaker, a.Text[:start]) {
				t.pronounRight++
			} else {
				t.wrongPronouns = append(t.wrongPronouns, fmt.Sprintf("%s: %q: gold %q, got %q", a.ID, clip(g.Text), *g.Speaker, p.speaker))
			}
			continue
		}
		t.named++
		if last := goldName(*g.Speaker); last != "" && containsWord(p.speaker, last) {
			t.namedRight++
		} else {
			t.wrongSpeakers = append(t.wrongSpeakers, fmt.Sprintf("%s: %q: gold %q, got %q", a.ID, clip(g.Text), *g.Speaker, p.speaker))
		}
	}
}

// runeOffsets maps code point offsets, as Python counts them, to byte offsets.
func runeOffsets(s string) []int {
	offs := make([]int, 0, len(s)+1)
	for i := range s {
		offs = append(offs, i)
	}
	return append(offs, len(s))
}

// words are the words of a text with quotation marks and punctuation removed
// and case folded.
func words(s string) []string {
	var out []string
	var w strings.Builder
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			w.WriteRune(unicode.ToLower(r))
		case r == '’' || r == '\'':
		default:
			if w.Len() > 0 {
				out = append(out, w.String())
				w.Reset()
			}
		}
	}
	if w.Len() > 0 {
		out = append(out, w.String())
	}
	return out
}

// common counts the words two lists share, each word as often as both have it.
func common(a, b []string) int {
	count := make(map[string]int, len(a))
	for _, w := range a {
		count[w]++
	}
	n := 0
	for _, w := range b {
		if count[w] > 0 {
			count[w]--
			n++
		}
	}
	return n
}

func insideMixed(pred []string, mixed [][]string) bool {
	for _, m := range mixed {
		if len(pred) > 0 && float64(common(pred, m)) >= 0.8*float64(len(pred)) {
			return true
		}
	}
	return false
}

// goldName is the last word of the name in an annotated speaker: the
// description after a comma is left out ("Rep. Jerry Nadler, a Democrat from
// New York" gives "nadler"), and so are a bracketed party and state, a
// hometown ("Donald Hartley of Madison"), and what follows the head of a
// described speaker ("a spokesman for the campaign" gives "spokesman").
func goldName(speaker string) string {
	head := speaker
	if i := strings.Index(head, ","); i > 0 {
		head = head[:i]
	}
	if i := strings.Index(head, "("); i > 0 {
		head = head[:i]
	}
	ws := strings.Fields(head)
	upper := func(w string) bool { return w != "" && unicode.IsUpper([]rune(w)[0]) }
	prepositions := map[string]bool{"of": true, "for": true, "at": true, "in": true, "on": true, "from": true, "with": true, "to": true}
	// A name of two or more capitalised words at the end, not the object of a
	// preposition, is the name: "Former secretary of state Hillary Clinton".
	run := 0
	for run < len(ws) && upper(ws[len(ws)-1-run]) {
		run++
	}
	if run >= 2 && (run == len(ws) || !prepositions[strings.ToLower(ws[len(ws)-1-run])]) {
		ws = ws[len(ws)-run:]
	}
	for i := 1; i < len(ws); i++ {
		switch strings.ToLower(ws[i]) {
		case "of", "for", "at", "in", "on", "from", "with", "who", "that", "to":
			// "a spokesman for the campaign", "Donald Hartley of Madison"
			if !upper(ws[i-1]) || i >= 2 && upper(ws[i-2]) {
				ws = ws[:i]
			}
		}
	}
	for i := len(ws) - 1; i >= 0; i-- {
		w := words(ws[i])
		if len(w) > 0 {
			return strings.TrimSuffix(w[len(w)-1], "s")
		}
	}
	return ""
}

func containsWord(speaker, word string) bool {
	for _, w := range words(speaker) {
		if w == word || strings.TrimSuffix(w, "s") == word {
			return true
		}
	}
	return false
}

// namedBefore reports whether a predicted speaker is someone named in the
// article before the quote: its last word appears there.
func namedBefore(speaker, before string) bool {
	ws := words(speaker)
	if len(ws) == 0 {
		return false
	}
	switch ws[len(ws)-1] {
	case "he", "she", "they", "it", "we", "i", "you":
		return false
	}
	last := ws[len(ws)-1]
	for _, w := range words(before) {
		if w == last {
			return true
		}
	}
	return false
}

func clip(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 90 {
		return string(r[:90]) + "…"
	}
	return s
}
