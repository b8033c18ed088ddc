package export_test

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"
	"time"

	"copydesk/editor"
	"copydesk/export"
)

var benchWords = strings.Fields(`the minister said council government people would year
local police court school health new plans residents business road money week
could also told week community report service public under after before more
than said that this with from have been were will they their about which when
into over only other some time very people first last year years told because
hospital housing transport funding budget election campaign statement spokesman`)

// generateStories makes n published stories of about words words each, the
// same every time: eight sections, tags, a quote anchored in each body.
func generateStories(n, words int) []editor.Story {
	rng := rand.New(rand.NewPCG(1, 2))
	sections := []string{"News", "Politics", "Business", "Sport", "Health", "Education", "Transport", "Opinion"}
	start := time.Date(2024, 1, 1, 6, 0, 0, 0, time.UTC)
	stories := make([]editor.Story, n)
	var b strings.Builder
	for i := range stories {
		b.Reset()
		for p := 0; p < words/60; p++ {
			if p > 0 {
				b.WriteString("\n\n")
			}
			if p == 2 {
				b.WriteString("The spokesman said: “")
			}
			for w := 0; w < 60; w++ {
				if w > 0 {
					b.WriteByte(' ')
				}
				word := benchWords[rng.IntN(len(benchWords))]
				if w == 0 {
					word = strings.ToUpper(word[:1]) + word[1:]
				}
				if rng.IntN(40) == 0 {
					word = "*" + word + "*"
				}
				b.WriteString(word)
			}
			b.WriteByte('.')
			if p == 2 {
				b.WriteString("”")
			}
		}
		body := b.String()
		qs := strings.Index(body, "“") + len("“")
		qe := strings.Index(body, "”")
		pub := start.Add(time.Duration(i) * 7 * time.Minute)
		stories[i] = editor.Story{
			ID:          fmt.Sprintf("00000000-0000-4000-8000-%012d", i),
			Slug:        "story-" + strconv.Itoa(i) + "-" + benchWords[i%len(benchWords)],
			Headline:    fmt.Sprintf("Story %d: %s %s plans for %s", i, benchWords[rng.IntN(len(benchWords))], benchWords[rng.IntN(len(benchWords))], benchWords[rng.IntN(len(benchWords))]),
			Standfirst:  "A short standfirst that sums the story up in one sentence for the front page.",
			Byline:      "By Staff Reporter",
			Dateline:    "Chingford",
			Body:        body,
			Credit:      "Reporting by Press Association.",
			Section:     sections[i%len(sections)],
			Tags:        []string{sections[i%len(sections)], "Chingford"},
			Status:      editor.StatusPublished,
			RulesPage:   "comment-rules",
			CreatedAt:   pub,
			UpdatedAt:   pub,
			PublishedAt: &pub,
			Quotes: []editor.Quote{{ID: "q" + strconv.Itoa(i), Speaker: "A Spokesman", Verb: "said", Text: body[qs:qe],
				Anchor: editor.Anchor{Exact: body[qs:qe], Start: qs, End: qe}}},
		}
	}
	return stories
}

func benchPages() []editor.Page {
	return []editor.Page{{ID: "rules", Slug: "comment-rules", Kind: editor.PageRules, Title: "Comments: Our rules",
		Summary: "We want our comments to be a lively and valuable part of our community.\nPlease report any comments that break our rules.\nRead the rules here",
		Body:    "## Our rules\n\nBe kind."}}
}

// resetPeak resets the kernel's record of this process's peak resident
// memory (VmHWM), so that peakRSS measures from here on.
func resetPeak(b *testing.B) {
	if err := os.WriteFile("/proc/self/clear_refs", []byte("5"), 0); err != nil {
		b.Logf("cannot reset the peak memory record: %v", err)
	}
}

// peakRSS is VmHWM from /proc/self/status: the most resident memory the
// process has had since resetPeak, in MB. It counts the whole process,
// including the generated stories the export reads.
func peakRSS(b *testing.B) float64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		b.Logf("no /proc/self/status: %v", err)
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(v), " kB"))
			return float64(kb) / 1024
		}
	}
	return 0
}

func heapMB() float64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return float64(m.HeapAlloc) / (1 << 20)
}

// BenchmarkExport times a full export of 10,000 generated articles of about
// 800 words to disk, and an incremental export after one story changes.
// Run it with `make bench-export`.
func BenchmarkExport(b *testing.B) {
	const n = 10000
	stories := generateStories(n, 800)
	pages := benchPages()
	words := 0
	for i := range stories {
		words += editor.CountWords(stories[i].Body)
	}
	runtime.GC()
	debug.FreeOSMemory()
	b.Logf("generated %d published stories, %d words each on average; heap with them: %.0f MB", n, words/n, heapMB())
	ctx := context.Background()

	b.Run("full", func(b *testing.B) {
		var files, htmlPages int
		var peak float64
		var user, sys time.Duration
		for b.Loop() {
			b.StopTimer()
			dir := filepath.Join(b.TempDir(), "site")
			runtime.GC()
			debug.FreeOSMemory()
			resetPeak(b)
			user0, sys0 := cpuTimes()
			b.StartTimer()
			rep, err := export.Export(ctx, dir, testSite, stories, pages, nil)
			if err != nil {
				b.Fatal(err)
			}
			b.StopTimer()
			user1, sys1 := cpuTimes()
			user, sys = user+user1-user0, sys+sys1-sys0
			peak = max(peak, peakRSS(b))
			files, htmlPages = len(rep.Files), 0
			for _, f := range rep.Files {
				if strings.HasSuffix(f.Path, ".html") {
					htmlPages++
				}
			}
			b.StartTimer()
		}
		sec := b.Elapsed().Seconds() / float64(b.N)
		b.ReportMetric(float64(n)/sec, "articles/s")
		b.ReportMetric(float64(htmlPages)/sec, "html-pages/s")
		b.ReportMetric(float64(files)/sec, "files/s")
		b.ReportMetric(peak, "peak-RSS-MB")
		b.ReportMetric(user.Seconds()/float64(b.N), "user-cpu-s/export")
		b.ReportMetric(sys.Seconds()/float64(b.N), "kernel-cpu-s/export")
	})

	// Each iteration changes one story and exports again, rounds times, and
	// reports the mean and the slowest of those exports.
	const rounds = 10
	b.Run("incremental", func(b *testing.B) {
		dir := filepath.Join(b.TempDir(), "site")
		if _, err := export.Export(ctx, dir, testSite, stories, pages, nil); err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		resetPeak(b)
		written, i := 0, 0
		var cpu, slowest time.Duration
		for b.Loop() {
			for range rounds {
				b.StopTimer()
				i++
				s := &stories[n/2]
				s.Body += "\n\nCorrection " + strconv.Itoa(i) + "."
				s.UpdatedAt = s.UpdatedAt.Add(time.Minute)
				cpu0 := cpuTime()
				t0 := time.Now()
				b.StartTimer()
				rep, err := export.Export(ctx, dir, testSite, stories, pages, nil)
				if err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				slowest = max(slowest, time.Since(t0))
				cpu += cpuTime() - cpu0
				written = rep.Count(export.StateWritten)
				b.StartTimer()
			}
		}
		exports := float64(b.N * rounds)
		b.ReportMetric(b.Elapsed().Seconds()*1000/exports, "ms/export")
		b.ReportMetric(float64(slowest.Microseconds())/1000, "slowest-ms")
		b.ReportMetric(cpu.Seconds()*1000/exports, "cpu-ms/export")
		b.ReportMetric(float64(written), "files-written")
		b.ReportMetric(peakRSS(b), "peak-RSS-MB")
	})
}
