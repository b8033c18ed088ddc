package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"copydesk/editor/wire"
)

// trainingEpochs is how many passes the ranker's training makes.
const trainingEpochs = 15

// trainRanker fits the speaker ranker on the articles given.
// Without rule features, the candidates are the same but nothing says which
// rule, if any, found one.
func trainRanker(articles []*article, noRuleFeatures bool) *wire.SpeakerModel {
	var data []wire.TrainingQuote
	for _, a := range articles {
		data = append(data, trainingQuotes(a)...)
	}
	if noRuleFeatures {
		for _, q := range data {
			for k, fs := range q.Features {
				kept := fs[:0:0]
				for _, f := range fs {
					if !strings.HasPrefix(f, "rule=") && !strings.HasPrefix(f, "none&rule=") {
						kept = append(kept, f)
					}
				}
				q.Features[k] = kept
			}
		}
	}
	return wire.TrainSpeakerModel(data, trainingEpochs)
}

// writeWeights trains on every article and writes the weights: numbers only,
// no text of the corpus.
func writeWeights(path string, articles []*article, noRuleFeatures bool) error {
	m := trainRanker(articles, noRuleFeatures)
	m.Note = fmt.Sprintf("speaker ranker weights, trained by quotebench -train on %d annotated articles (weights only)", len(articles))
	b, err := json.MarshalIndent(m, "", "  ") // map keys in sorted order
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(b, '\n'), 0o644)
}

// trainingQuotes labels the candidates of an article's detected quotes from
// the annotation: a candidate is right when it names the annotated speaker
// (for a named speaker, it holds the last word of the name; for a pronoun,
// it is that pronoun); "nobody" is right when no candidate is.
func trainingQuotes(a *article) []wire.TrainingQuote {
	byteAt := runeOffsets(a.Text)
	at := func(i int) int { return byteAt[min(max(i, 0), len(byteAt)-1)] }
	var out []wire.TrainingQuote
	for _, qc := range wire.SpeakerCandidates(a.Text) {
		best, bestOverlap := -1, 0
		for j, g := range a.Quotes {
			if len(g.Spans) == 0 {
				continue
			}
			s, e := at(g.Spans[0][0]), at(g.Spans[len(g.Spans)-1][1])
			if ov := min(e, qc.End) - max(s, qc.Start); ov > bestOverlap {
				best, bestOverlap = j, ov
			}
		}
		if best < 0 {
			continue
		}
		g := a.Quotes[best]
		tq := wire.TrainingQuote{Right: make([]bool, len(qc.Candidates))}
		last := ""
		if g.Speaker != nil && !g.SpeakerIsPronoun {
			last = goldName(*g.Speaker)
		}
		anyRight := false
		for k, c := range qc.Candidates {
			tq.Features = append(tq.Features, c.Features)
			switch {
			case c.Start < 0 || g.Speaker == nil:
			case g.SpeakerIsPronoun:
				for _, sp := range g.SpeakerSpans {
					if c.Pronoun && c.Start < at(sp[1]) && at(sp[0]) < c.End {
						tq.Right[k] = true
					}
				}
			case last != "" && !c.Pronoun && containsWord(c.Text, last):
				tq.Right[k] = true
			case !c.Pronoun && overlapsAny(c.Start, c.End, g.SpeakerSpans, at) && len(words(c.Text)) > 0 &&
				containsWord(*g.Speaker, words(c.Text)[len(words(c.Text))-1]):
				// The organisation behind a document: "Starlight Housing" in
				// "a report by Starlight Housing".
				tq.Right[k] = true
			}
			anyRight = anyRight || tq.Right[k]
		}
		if !anyRight {
			for k, c := range qc.Candidates {
				if c.Start < 0 {
					tq.Right[k] = true
				}
			}
		}
		out = append(out, tq)
	}
	return out
}

func overlapsAny(start, end int, spans [][2]int, at func(int) int) bool {
	for _, sp := range spans {
		if start < at(sp[1]) && at(sp[0]) < end {
			return true
		}
	}
	return false
}
