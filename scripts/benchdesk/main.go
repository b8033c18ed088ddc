// Command benchdesk measures a shared desk under load: simulated editors,
// sharing a bounded set of connections as desktop clients behind a pooler
// would, each reading a story, typing for a moment and saving an edit of one
// paragraph from the revision it read (so that others' saves meanwhile are
// merged in, and the same paragraph changed by two at once clashes). It runs
// the load against a private PostgreSQL it starts (durable: fsync on) and
// then against one SQLite file, and prints saves/s, save latency, merges,
// clashes and lost updates: saves reported as done whose words are in
// neither the current text nor any revision. Under each engine's line it
// prints where a save's time goes, phase by phase (internal/savetrace), and
// the machine's load average when the load started and ended, for figures
// taken on a shared machine are only comparable at a like load.
//
//	go run -tags sqlite_fts5 ./scripts/benchdesk [-editors 200] [-stories 50] [-pool 20] [-duration 2m] [-think 1s]
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime/pprof"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"copydesk/editor"
	"copydesk/internal/pgtest"
	"copydesk/internal/savetrace"
	"copydesk/storage"
)

type config struct {
	editors, stories, pool, paragraphs int
	duration, think                    time.Duration
}

func main() {
	var c config
	flag.IntVar(&c.editors, "editors", 200, "simulated editors, each saving one edit at a time")
	flag.IntVar(&c.stories, "stories", 50, "stories they share")
	flag.IntVar(&c.pool, "pool", 20, "connections the editors share on PostgreSQL")
	flag.IntVar(&c.paragraphs, "paragraphs", 20, "paragraphs in each story")
	flag.DurationVar(&c.duration, "duration", 2*time.Minute, "how long each engine is loaded")
	flag.DurationVar(&c.think, "think", time.Second, "mean time an editor types between reading a story and saving it (0: save at once)")
	only := flag.String("only", "", "run only this engine: postgres or sqlite")
	cpuProfile := flag.String("cpuprofile", "", "write a CPU profile of the load to this file")
	flag.Parse()
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			fmt.Fprintln(os.Stderr, "benchdesk:", err)
			os.Exit(2)
		}
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}

	fmt.Printf("%d editors, %d stories of %d paragraphs, %v each, typing %v on average between read and save\n\n",
		c.editors, c.stories, c.paragraphs, c.duration, c.think)
	fmt.Printf("%-34s %8s %8s %8s %8s %8s %7s %7s %6s %6s\n", "engine", "saves", "saves/s", "p50 ms", "p99 ms", "max ms", "merges", "clashes", "errors", "lost")
	ok := true
	if *only != "sqlite" {
		srv, err := pgtest.StartServer(true)
		if err != nil {
			fmt.Fprintln(os.Stderr, "benchdesk: PostgreSQL:", err)
			os.Exit(1)
		}
		err = srv.Exec(context.Background(), "postgres", pgtest.Superuser, `CREATE DATABASE bench`)
		if err == nil {
			url := srv.URL("bench", pgtest.Superuser) + fmt.Sprintf("&pool_max_conns=%d", c.pool)
			ok = bench(fmt.Sprintf("PostgreSQL %d conns (socket)", c.pool), url, c) && ok
		}
		srv.Stop()
		if err != nil {
			fmt.Fprintln(os.Stderr, "benchdesk:", err)
			os.Exit(1)
		}
	}
	if *only != "postgres" {
		dir, err := os.MkdirTemp("", "benchdesk-")
		if err != nil {
			fmt.Fprintln(os.Stderr, "benchdesk:", err)
			os.Exit(1)
		}
		ok = bench("SQLite, one file (synchronous=FULL)", filepath.Join(dir, "bench.db"), c) && ok
		os.RemoveAll(dir)
	}
	if !ok {
		pprof.StopCPUProfile()
		os.Exit(1)
	}
}

// saved is one save reported as done: the words it added to a story.
type saved struct {
	story, words string
}

type result struct {
	latencies             []time.Duration
	traces                []savetrace.Trace
	merges, clashes, errs atomic.Int64
	mu                    sync.Mutex
	done                  []saved
	firstErr              atomic.Value
}

func bench(name, dsn string, c config) bool {
	ctx := context.Background()
	db, err := storage.Open(ctx, dsn, storage.OpenOrCreate)
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchdesk:", err)
		return false
	}
	defer db.Close()
	ids, err := seed(ctx, db, c)
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchdesk: seeding:", err)
		return false
	}
	var r result
	loadStart := loadAverage()
	deadline := time.Now().Add(c.duration)
	var wg sync.WaitGroup
	perEditor := make([][]time.Duration, c.editors)
	traces := make([][]savetrace.Trace, c.editors)
	for e := range c.editors {
		wg.Go(func() { perEditor[e], traces[e] = editorLoop(ctx, db, ids, e, deadline, c, &r) })
	}
	wg.Wait()
	loadEnd := loadAverage()
	for e, l := range perEditor {
		r.latencies = append(r.latencies, l...)
		r.traces = append(r.traces, traces[e]...)
	}
	lost, missing, err := check(ctx, db, r.done)
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchdesk: checking:", err)
		return false
	}
	slices.Sort(r.latencies)
	n := len(r.latencies)
	pct := func(p float64) float64 {
		if n == 0 {
			return 0
		}
		return float64(r.latencies[min(n-1, int(float64(n)*p))].Microseconds()) / 1000
	}
	fmt.Printf("%-34s %8d %8.1f %8.1f %8.1f %8.1f %7d %7d %6d %6d\n", name, len(r.done), float64(len(r.done))/c.duration.Seconds(),
		pct(0.50), pct(0.99), pct(1), r.merges.Load(), r.clashes.Load(), r.errs.Load(), lost)
	printPhases(r.latencies, r.traces)
	fmt.Printf("  load average at start %s, at end %s\n", loadStart, loadEnd)
	if missing > 0 {
		fmt.Printf("  %d saved edits are in a revision but not in the current text\n", missing)
	}
	if e, _ := r.firstErr.Load().(error); e != nil {
		fmt.Printf("  first error: %v\n", e)
	}
	return lost == 0 && missing == 0
}

// seed adds the stories, each paragraph with words of its own.
func seed(ctx context.Context, db storage.Store, c config) ([]string, error) {
	stories := make([]*editor.Story, c.stories)
	for i := range stories {
		var paras []string
		for p := range c.paragraphs {
			paras = append(paras, fmt.Sprintf("Paragraph %d of story %d says the council will set its budget next month.", p, i))
		}
		stories[i] = &editor.Story{Headline: fmt.Sprintf("Budget story %d", i), Body: strings.Join(paras, "\n\n")}
	}
	if err := db.CreateStories(ctx, stories, editor.RevisionMeta{Kind: editor.RevisionImport}, nil); err != nil {
		return nil, err
	}
	ids := make([]string, len(stories))
	for i, s := range stories {
		ids[i] = s.ID
	}
	return ids, nil
}

// editorLoop is one editor: read a story, type, save the edit of one
// paragraph from the revision read; until the deadline. It returns the
// latency of each save.
func editorLoop(ctx context.Context, db storage.Store, ids []string, e int, deadline time.Time, c config, r *result) ([]time.Duration, []savetrace.Trace) {
	rng := rand.New(rand.NewPCG(uint64(e), 7))
	var lat []time.Duration
	var traces []savetrace.Trace
	for n := 0; time.Now().Before(deadline); n++ {
		id := ids[rng.IntN(len(ids))]
		s, err := db.Story(ctx, id)
		if err != nil {
			r.fail(err)
			continue
		}
		if c.think > 0 {
			time.Sleep(time.Duration(rng.Int64N(int64(2 * c.think))))
		}
		words := fmt.Sprintf("edit%dby%d", n, e)
		paras := strings.Split(s.Body, "\n\n")
		p := rng.IntN(len(paras))
		paras[p] += " " + words
		s.Body = strings.Join(paras, "\n\n")
		var trace savetrace.Trace
		start := time.Now()
		res, err := db.MergeStory(savetrace.With(ctx, &trace), s, s.Revision, editor.RevisionMeta{})
		lat = append(lat, time.Since(start))
		traces = append(traces, trace)
		var ce *editor.ConflictError
		switch {
		case errors.As(err, &ce) && ce.Kind == editor.ConflictClash:
			r.clashes.Add(1)
		case err != nil:
			r.fail(err)
		default:
			if res.MergedWith > 0 {
				r.merges.Add(1)
			}
			r.mu.Lock()
			r.done = append(r.done, saved{id, words})
			r.mu.Unlock()
		}
	}
	return lat, traces
}

func (r *result) fail(err error) {
	r.errs.Add(1)
	r.firstErr.CompareAndSwap(nil, err)
}

// check counts the saves reported as done whose words are in no revision of
// their story (lost), and those in a revision but not the current text.
func check(ctx context.Context, db storage.Store, done []saved) (lost, missing int, err error) {
	byStory := map[string][]string{}
	for _, s := range done {
		byStory[s.story] = append(byStory[s.story], s.words)
	}
	for id, words := range byStory {
		history, _, err := db.StoryHistory(ctx, id)
		if err != nil {
			return 0, 0, err
		}
		var all strings.Builder
		for _, h := range history {
			all.WriteString(h.Body)
			all.WriteString("\n")
		}
		current := history[len(history)-1].Body
		for _, w := range words {
			switch {
			case !containsWord(all.String(), w):
				lost++
			case !containsWord(current, w):
				missing++
			}
		}
	}
	return lost, missing, nil
}

func containsWord(text, w string) bool {
	for _, f := range strings.Fields(text) {
		if f == w {
			return true
		}
	}
	return false
}

// printPhases prints, for each phase of a save, its mean and p99 and its
// share of the time all saves took; "other" is what no phase accounts for
// (the store's own work between phases, and waiting for a CPU).
func printPhases(latencies []time.Duration, traces []savetrace.Trace) {
	if len(traces) == 0 {
		return
	}
	var total time.Duration
	for _, l := range latencies {
		total += l
	}
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	row := func(name string, each []time.Duration) {
		var sum time.Duration
		for _, d := range each {
			sum += d
		}
		slices.Sort(each)
		fmt.Printf("  %-10s mean %7.1f ms  p99 %7.1f ms  %5.1f%%\n", name, ms(sum/time.Duration(len(each))),
			ms(each[min(len(each)-1, int(float64(len(each))*0.99))]), 100*float64(sum)/float64(max(total, 1)))
	}
	each := make([]time.Duration, len(traces))
	for p := range savetrace.Phases {
		for i, t := range traces {
			each[i] = t.Took[p]
		}
		row(p.String(), each)
	}
	attempts, most := 0, 0
	for i, t := range traces {
		other := latencies[i]
		for _, d := range t.Took {
			other -= d
		}
		each[i] = other
		attempts += t.Attempts
		most = max(most, t.Attempts)
	}
	row("other", each)
	fmt.Printf("  attempts per save: mean %.2f, most %d\n", float64(attempts)/float64(len(traces)), most)
}

// loadAverage is the machine's 1, 5 and 15 minute load averages, or "?"
// where /proc/loadavg cannot be read.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if f := strings.Fields(string(b)); err == nil && len(f) >= 3 {
		return strings.Join(f[:3], " ")
	}
	return "?"
}
