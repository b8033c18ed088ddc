package sqlite_test

import (
	"database/sql"
	"fmt"
	"math/rand"
	"slices"
	"strings"
	"testing"
	"time"

	"copydesk/editor"
	"copydesk/storage/storetest"
)

// story1500 is a story of about 1,500 words in 25 paragraphs.
func story1500() string {
	var paras []string
	for i := 0; i < 25; i++ {
		paras = append(paras, strings.TrimSpace(strings.Repeat(fmt.Sprintf("The council's finance committee heard on Tuesday that item %d of the budget would rise by %d per cent. ", i, i%7+2), 4)))
	}
	return strings.Join(paras, "\n\n")
}

// BenchmarkRevisions500 saves 500 revisions of realistic edits to a
// 1,500-word story with synchronous=FULL, then times rebuilding a revision
// picked at random (ns/op). It reports the save latency (p50, p99 in ms) and
// the bytes stored for the revisions as a percentage of storing full copies.
func BenchmarkRevisions500(b *testing.B) {
	db, path := openBenchDB(b)
	s := &editor.Story{Headline: "Council budget", Body: story1500()}
	if err := db.CreateStory(ctx, s, editor.RevisionMeta{}); err != nil {
		b.Fatal(err)
	}
	r := rand.New(rand.NewSource(7))
	var saves []time.Duration
	full := len(s.Content())
	for i := 0; s.Revision < 500; i++ {
		cur, err := db.Story(ctx, s.ID)
		if err != nil {
			b.Fatal(err)
		}
		cur.Body = storetest.EditBody(r, cur.Body, i)
		start := time.Now()
		saved, err := db.SaveStory(ctx, cur, cur.Revision, editor.RevisionMeta{Author: "sub"})
		if err != nil {
			b.Fatal(err)
		}
		if saved {
			saves = append(saves, time.Since(start))
			full += len(cur.Content())
		}
		s = cur
	}
	raw, err := sql.Open("sqlite3", path)
	if err != nil {
		b.Fatal(err)
	}
	var stored int
	raw.QueryRow(`SELECT sum(length(data)) FROM revisions r JOIN revision_docs d ON d.n = r.doc WHERE d.doc_id = ?`, s.ID).Scan(&stored)
	raw.Close()
	slices.Sort(saves)
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, _, err := db.StoryRevision(ctx, s.ID, 1+r.Intn(500)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(ms(saves[len(saves)/2]), "save-p50-ms")
	b.ReportMetric(ms(saves[len(saves)*99/100]), "save-p99-ms")
	b.ReportMetric(100*float64(stored)/float64(full), "stored-%-of-full")
}
