package editor_test

import (
	"math/rand/v2"
	"strings"
	"testing"

	"copydesk/editor"
)

// revWords is the vocabulary the generated copy is written from.
var revWords = strings.Fields(`the a of to and in that is was for on with as by at from
	it his her their said says told would could will has have had been not but which who
	minister government council police officers residents spokesman statement report
	week year month today yesterday morning evening Commons Lords committee inquiry
	plans budget million billion pounds per cent increase cuts funding services schools
	hospital patients doctors nurses union strike talks agreement deal proposal vote
	election party leader opposition Labour Conservative Liberal Democrats MP MPs
	London Manchester Birmingham Leeds Glasgow Cardiff Belfast Westminster Whitehall
	China Beijing threat security sanctions trade foreign policy relations embassy
	Sir Iain Duncan Smith James Cleverly Rishi Sunak Keir Starmer chancellor secretary
	warned urged claimed denied confirmed announced revealed added insisted accepted
	former senior local national international public private independent official
	decision investigation evidence documents court judge trial jury verdict sentence
	people families children workers businesses communities members officials experts
	significant serious major new recent further early late long short clear strong`)

// revGen writes deterministic news copy: paragraphs of one to three
// sentences, some of them quotes in curly marks.
type revGen struct{ r *rand.Rand }

func newRevGen(seed uint64) *revGen {
	return &revGen{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
}

func (g *revGen) word() string { return revWords[g.r.IntN(len(revWords))] }

func (g *revGen) sentence() string {
	n := 8 + g.r.IntN(18)
	words := make([]string, n)
	for i := range words {
		words[i] = g.word()
	}
	words[0] = strings.ToUpper(words[0][:1]) + words[0][1:]
	if n > 12 && g.r.IntN(3) == 0 {
		words[n/2] += ","
	}
	s := strings.Join(words, " ") + "."
	if g.r.IntN(5) == 0 {
		s = "“" + s[:len(s)-1] + ",” " + []string{"he said", "she said", "Sir Iain told the Commons", "a spokesman added"}[g.r.IntN(4)] + "."
	}
	return s
}

func (g *revGen) paragraph() string {
	n := 1 + g.r.IntN(3)
	s := make([]string, n)
	for i := range s {
		s[i] = g.sentence()
	}
	return strings.Join(s, " ")
}

// body writes paragraphs until it has at least words words.
func (g *revGen) body(words int) []string {
	var paras []string
	for n := 0; n < words; {
		p := g.paragraph()
		paras = append(paras, p)
		n += editor.CountWords(p)
	}
	return paras
}

// edit makes one realistic revision of a body's paragraphs: a few words
// changed (most often), a sentence added or cut, or a paragraph moved.
func (g *revGen) edit(paras []string) []string {
	paras = append([]string(nil), paras...)
	i := g.r.IntN(len(paras))
	switch k := g.r.IntN(20); {
	case k < 12: // a few words changed
		words := strings.Split(paras[i], " ")
		for range 1 + g.r.IntN(3) {
			words[g.r.IntN(len(words))] = g.word()
		}
		paras[i] = strings.Join(words, " ")
	case k < 15: // a sentence added
		paras[i] += " " + g.sentence()
	case k < 17: // a sentence cut
		if j := strings.Index(paras[i], ". "); j > 0 {
			paras[i] = paras[i][j+2:]
		} else if len(paras) > 20 {
			paras = append(paras[:i], paras[i+1:]...)
		}
	default: // a paragraph moved
		p := paras[i]
		paras = append(paras[:i], paras[i+1:]...)
		j := g.r.IntN(len(paras) + 1)
		paras = append(paras[:j], append([]string{p}, paras[j:]...)...)
	}
	return paras
}

// revisionContents writes a story of about words words and n revisions of
// it, and returns each revision's content as storage keeps it.
func revisionContents(seed uint64, words, n int) []string {
	g := newRevGen(seed)
	s := &editor.Story{
		Slug: "duncan-smith-china-threat", Headline: "Duncan Smith warns of China threat",
		Standfirst: "Former Conservative leader says Beijing poses a systemic challenge",
		Byline:     "By a Press Association reporter", Dateline: "LONDON",
		Credit: "Reporting by Press Association.", Section: "Politics",
		Tags: []string{"China", "Parliament", "Foreign policy"}, Status: editor.StatusDraft,
		RulesPage: "comment-rules",
	}
	paras := g.body(words)
	out := make([]string, 0, n)
	for range n {
		s.Body = strings.Join(paras, "\n\n")
		out = append(out, string(s.Content()))
		paras = g.edit(paras)
	}
	return out
}

// TestDeltaStorageTarget checks issue 4's storage target on the benchmark's
// story: the stored chains come to at most 10% of full copies, and every
// one of the 500 revisions rebuilds exactly.
func TestDeltaStorageTarget(t *testing.T) {
	texts := revisionContents(1, 1500, 500)
	revs := revStoreChain(t, texts)
	full, stored := 0, 0
	for i, r := range revs {
		full += len(texts[i])
		stored += len(r.data)
	}
	if pct := 100 * float64(stored) / float64(full); pct > 10 {
		t.Errorf("500 revisions stored in %d bytes against %d for full copies (%.1f%%), want at most 10%%", stored, full, pct)
	}
	for n := range revs {
		if got, err := revRebuild(revs, n); err != nil || got != texts[n] {
			t.Errorf("rebuild of revision %d: %v, equal %v", n+1, err, got == texts[n])
		}
	}
}

// BenchmarkRevisionStorage stores 500 revisions of a 1,500-word story under
// the snapshot policy and reports the bytes stored against full copies.
func BenchmarkRevisionStorage(b *testing.B) {
	texts := revisionContents(1, 1500, 500)
	var revs []revStored
	for b.Loop() {
		revs = revStoreChain(b, texts)
	}
	full, stored, snaps := 0, 0, 0
	for i, r := range revs {
		full += len(texts[i])
		stored += len(r.data)
		if r.snapshot {
			snaps++
		}
	}
	b.ReportMetric(100*float64(stored)/float64(full), "%-of-full")
	b.ReportMetric(float64(stored)/float64(len(revs)), "stored-B/rev")
	b.ReportMetric(float64(full)/float64(len(revs)), "full-B/rev")
	b.ReportMetric(float64(snaps), "snapshots")
}

// BenchmarkRebuildRevision rebuilds revisions of the same story from their
// snapshot and chain, checking each SHA-256: every revision in turn ("any"),
// and the one with the longest chain ("worst").
func BenchmarkRebuildRevision(b *testing.B) {
	texts := revisionContents(1, 1500, 500)
	revs := revStoreChain(b, texts)
	worst, longest, chain := 0, 0, 0
	for i, r := range revs {
		if r.snapshot {
			chain = 0
		} else {
			chain++
		}
		if chain > longest {
			worst, longest = i, chain
		}
	}
	b.Run("any", func(b *testing.B) {
		i := 0
		for b.Loop() {
			if _, err := revRebuild(revs, i%len(revs)); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
	b.Run("worst", func(b *testing.B) {
		for b.Loop() {
			if _, err := revRebuild(revs, worst); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(longest), "deltas")
	})
}

// BenchmarkDiff10000Words diffs two 10,000-word versions of a text that
// differ by 50 scattered edits.
func BenchmarkDiff10000Words(b *testing.B) {
	old, new := scatteredEdits(2, 10000, 50)
	var ops []editor.Op
	for b.Loop() {
		ops = editor.DiffText(old, new)
	}
	if editor.OldText(ops) != old || editor.NewText(ops) != new {
		b.Fatal("the diff does not rebuild both texts")
	}
}

// BenchmarkDiffUnrelated10000Words diffs two unrelated 10,000-word texts,
// the case the diff's work bound is for: past it the changed stretch is
// marked replaced whole instead of searched for the fewest changes.
func BenchmarkDiffUnrelated10000Words(b *testing.B) {
	old := newRevGen(3).body(10000)
	new := newRevGen(4).body(10000)
	var ops []editor.Op
	for b.Loop() {
		ops = editor.DiffText(strings.Join(old, "\n\n"), strings.Join(new, "\n\n"))
	}
	if editor.OldText(ops) != strings.Join(old, "\n\n") || editor.NewText(ops) != strings.Join(new, "\n\n") {
		b.Fatal("the diff does not rebuild both texts")
	}
}

// scatteredEdits writes a text of about words words and a copy with edits
// changed words, sentences added or cut, spread through it.
func scatteredEdits(seed uint64, words, edits int) (string, string) {
	g := newRevGen(seed)
	paras := g.body(words)
	changed := append([]string(nil), paras...)
	for e := range edits {
		i := e * len(changed) / edits
		words := strings.Split(changed[i], " ")
		switch e % 3 {
		case 0, 1:
			words[g.r.IntN(len(words))] = g.word()
			changed[i] = strings.Join(words, " ")
		default:
			changed[i] += " " + g.sentence()
		}
	}
	return strings.Join(paras, "\n\n"), strings.Join(changed, "\n\n")
}
