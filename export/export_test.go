package export_test

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"copydesk/editor"
	"copydesk/export"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// exportTo runs an export and fails the test on error.
func exportTo(t *testing.T, dir string, stories []editor.Story, pages []editor.Page) *export.Report {
	t.Helper()
	rep, err := export.Export(context.Background(), dir, testSite, stories, pages, nil)
	if err != nil {
		t.Fatalf("Export(%s) = %v", dir, err)
	}
	return rep
}

// readTree reads every file under dir, by slash path, but for the folder's
// state: it holds the times of the folders, which no two folders share.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.ToSlash(p) == filepath.ToSlash(filepath.Join(dir, ".copydesk/state.tsv")) {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = data
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// states lists the report's paths in state st, sorted.
func states(rep *export.Report, st export.State) []string {
	var out []string
	for _, f := range rep.Files {
		if f.State == st {
			out = append(out, f.Path)
		}
	}
	sort.Strings(out)
	return out
}

func TestSampleArticle(t *testing.T) {
	stories, pages := sampleSite(t)
	dir := t.TempDir()
	exportTo(t, dir, stories, pages)
	page, err := os.ReadFile(filepath.Join(dir, "articles/duncan-smith-china-direct-threat.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"<h1>Sir Iain Duncan Smith says he is the target of a ‘direct threat’ from China</h1>",
		`<p class="standfirst">The former Conservative leader`,
		`<span class="author">By Press Association reporter</span>`,
		`<time datetime="2021-07-19T16:05:00Z">19 July 2021, 16:05 UTC</time>`,
		`Updated <time datetime="2021-07-19T17:30:00Z">`,
		`“<q class="quote" id="quote-1" data-speaker="Iain Duncan Smith" cite="https://hansard.parliament.uk/commons/2021-07-19">direct threat</q>”`,
		`id="quote-2" data-speaker="Iain Duncan Smith"`,
		`>He will understand that we don’t discuss`,
		`<a href="#quote-3">James Cleverly</a>, Foreign Office minister`,
		`<p class="credit">Reporting by Press Association.</p>`,
		`An earlier version gave the wrong constituency for Sir Iain.`,
		`<h2 id="rules-heading">Comments: Our rules</h2>`,
		`<p>Please report any comments that break our rules.</p>`,
		`<a href="../pages/comment-rules.html">Read the rules here</a>`,
		`"@type":"NewsArticle"`,
	} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("the sample article does not contain %q", want)
		}
	}
	if n := bytes.Count(page, []byte("Read the rules here")); n != 1 {
		t.Errorf("the sample article says \"Read the rules here\" %d times, want once (as the link)", n)
	}
	if _, err := os.Stat(filepath.Join(dir, "pages/comment-rules.html")); err != nil {
		t.Errorf("the rules page the article links to was not exported: %v", err)
	}
}

func TestGoldenSampleArticle(t *testing.T) {
	s, rules := sampleContent(t)
	dir := t.TempDir()
	exportTo(t, dir, []editor.Story{s}, []editor.Page{rules})
	for _, name := range []string{"articles/duncan-smith-china-direct-threat.html", "ninjs/duncan-smith-china-direct-threat.json", "pages/comment-rules.html"} {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		golden := filepath.Join("testdata/golden", strings.ReplaceAll(name, "/", "_"))
		if *update {
			if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test ./export -run TestGolden -update to create it)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from %s; if the change is intended, run with -update and review the diff", name, golden)
		}
	}
}

func TestOnlyPublishedStoriesGoOut(t *testing.T) {
	stories, pages := sampleSite(t)
	dir := t.TempDir()
	exportTo(t, dir, stories, pages)
	tree := readTree(t, dir)
	for _, s := range stories {
		if s.Status == editor.StatusPublished {
			continue
		}
		for path, data := range tree {
			if bytes.Contains(data, []byte(s.Headline)) || strings.Contains(path, s.Slug) {
				t.Errorf("%s story %q appears in %s", s.Status, s.Headline, path)
			}
		}
	}

	// Spiking a published story takes it out of every file at the next export.
	spiked := stories[1] // "Other story A", in Local
	stories[1].Status = editor.StatusSpiked
	rep := exportTo(t, dir, stories, pages)
	tree = readTree(t, dir)
	for path, data := range tree {
		if bytes.Contains(data, []byte(spiked.Headline)) || strings.Contains(path, spiked.Slug) {
			t.Errorf("spiked story %q still appears in %s", spiked.Headline, path)
		}
	}
	// It was the only published story in Local, so that section goes too.
	wantRemoved := []string{"articles/other-story-a.html", "ninjs/other-story-a.json", "sections/local.html"}
	if got := states(rep, export.StateRemoved); strings.Join(got, " ") != strings.Join(wantRemoved, " ") {
		t.Errorf("after spiking, removed = %v, want %v", got, wantRemoved)
	}
}

func TestReproducible(t *testing.T) {
	stories, pages := sampleSite(t)
	a, b := t.TempDir(), t.TempDir()
	exportTo(t, a, stories, pages)
	// The same content in another order, with times in another zone, is the same site.
	rev := append([]editor.Story(nil), stories...)
	for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	exportTo(t, b, rev, []editor.Page{pages[1], pages[0]})
	ta, tb := readTree(t, a), readTree(t, b)
	if len(ta) != len(tb) {
		t.Fatalf("exports hold %d and %d files", len(ta), len(tb))
	}
	for path, data := range ta {
		if !bytes.Equal(data, tb[path]) {
			t.Errorf("%s differs between two exports of the same content", path)
		}
	}
}

func TestIncremental(t *testing.T) {
	feeds := []string{"atom.xml", "feed.json", "rss.xml"}
	tests := []struct {
		name   string
		change func(s *editor.Story)
		want   []string
	}{
		{"nothing", func(*editor.Story) {}, nil},
		{"body", func(s *editor.Story) {
			s.Body += "\n\nA new paragraph."
			s.UpdatedAt = s.UpdatedAt.Add(time.Hour)
		}, append([]string{"articles/other-story-a.html", "ninjs/other-story-a.json", "sitemap.xml"}, feeds...)},
		{"headline", func(s *editor.Story) {
			s.Headline = "A better headline"
		}, append([]string{"articles/other-story-a.html", "index.html", "news-sitemap.xml", "ninjs/other-story-a.json", "sections/local.html"}, feeds...)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stories, pages := sampleSite(t)
			dir := t.TempDir()
			first := exportTo(t, dir, stories, pages)
			if n := first.Count(export.StateWritten); n != len(first.Files) {
				t.Errorf("first export wrote %d of %d files", n, len(first.Files))
			}
			tt.change(&stories[1])
			rep := exportTo(t, dir, stories, pages)
			got := states(rep, export.StateWritten)
			sort.Strings(tt.want)
			if strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("after changing the %s, written = %v, want %v", tt.name, got, tt.want)
			}
			if n := rep.Count(export.StateUnchanged) + len(got); n != len(rep.Files) {
				t.Errorf("report has %d files, %d written or unchanged", len(rep.Files), n)
			}
			// What the incremental export left must equal a fresh export.
			fresh := t.TempDir()
			exportTo(t, fresh, stories, pages)
			ti, tf := readTree(t, dir), readTree(t, fresh)
			for path, data := range tf {
				if !bytes.Equal(data, ti[path]) {
					t.Errorf("%s after an incremental export differs from a fresh export", path)
				}
			}
			if len(ti) != len(tf) {
				t.Errorf("incremental export left %d files, a fresh one %d", len(ti), len(tf))
			}
		})
	}
}

func TestDeletedFileIsRewritten(t *testing.T) {
	stories, pages := sampleSite(t)
	dir := t.TempDir()
	exportTo(t, dir, stories, pages)
	if err := os.Remove(filepath.Join(dir, "index.html")); err != nil {
		t.Fatal(err)
	}
	rep := exportTo(t, dir, stories, pages)
	if got := states(rep, export.StateWritten); len(got) != 1 || got[0] != "index.html" {
		t.Errorf("after deleting index.html by hand, written = %v, want [index.html]", got)
	}
}

func TestCancelLeavesOldSite(t *testing.T) {
	stories, pages := sampleSite(t)
	dir := t.TempDir()
	exportTo(t, dir, stories, pages)
	before := readTree(t, dir)

	for i := range stories {
		stories[i].Headline += " (changed)"
		stories[i].Body += "\n\nChanged."
	}
	stories[2].Status = editor.StatusSpiked
	ctx, cancel := context.WithCancel(context.Background())
	progressed := 0
	_, err := export.Export(ctx, dir, testSite, stories, pages, func(done, total int) {
		progressed++
		if done > total/3 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Export with a cancelled context = %v, want context.Canceled", err)
	}
	if progressed == 0 {
		t.Error("progress was never called")
	}
	after := readTree(t, dir)
	if len(after) != len(before) {
		t.Errorf("a cancelled export left %d files, want the old %d", len(after), len(before))
	}
	for path, data := range before {
		if !bytes.Equal(data, after[path]) {
			t.Errorf("a cancelled export changed %s", path)
		}
	}
}

func TestUnfinishedCommitIsCompleted(t *testing.T) {
	stories, pages := sampleSite(t)
	dir := t.TempDir()
	exportTo(t, dir, stories, pages)
	// The next version of the site, made elsewhere.
	stories[0].Headline = "A new headline for the sample"
	next := t.TempDir()
	exportTo(t, next, stories, pages)
	nextTree := readTree(t, next)

	// Simulate a crash in the middle of committing it to dir: the new
	// manifest and the journal are written, the first changed file has been
	// moved into place, the others are still staged.
	old := readTree(t, dir)
	var journal strings.Builder
	var changed []string
	for path, data := range nextTree {
		if !strings.HasPrefix(path, ".copydesk/") && !bytes.Equal(old[path], data) {
			changed = append(changed, path)
		}
	}
	sort.Strings(changed)
	if len(changed) < 2 {
		t.Fatalf("changing the headline changed only %v", changed)
	}
	for i, path := range changed {
		sub, name := filepath.Split(path)
		staged := fmt.Sprintf(".staged-0-%d", i)
		journal.WriteString(strings.TrimSuffix(sub, "/") + "\t" + staged + "\t" + name + "\n")
		target := sub + staged
		if i == 0 {
			target = path
		}
		if err := os.WriteFile(filepath.Join(dir, target), nextTree[path], 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for name, data := range map[string][]byte{
		".copydesk/manifest.tsv.new": nextTree[".copydesk/manifest.tsv"],
		".copydesk/commit.tsv":       []byte(journal.String()),
	} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// The next export finishes the commit first, then finds the rest to do.
	rep := exportTo(t, dir, stories, pages)
	if got := states(rep, export.StateWritten); len(got) != 0 {
		t.Errorf("after recovering the commit, the export still wrote %v, want nothing", got)
	}
	got := readTree(t, dir)
	for path, data := range nextTree {
		if !bytes.Equal(data, got[path]) {
			t.Errorf("%s differs from a fresh export after recovering an unfinished commit", path)
		}
	}
	if len(got) != len(nextTree) {
		t.Errorf("after recovery the folder holds %d files, want %d", len(got), len(nextTree))
	}
	if _, err := os.Stat(filepath.Join(dir, ".copydesk/commit.tsv")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the journal is still there: %v", err)
	}
}

func TestBadSite(t *testing.T) {
	for _, site := range []export.Site{
		{BaseURL: "javascript:alert(1)"},
		{BaseURL: "ftp://example.com/"},
		{BaseURL: "news.example.com"},
		{BaseURL: "https://example.com/", Language: `en"><script>`},
	} {
		if _, err := export.Export(context.Background(), t.TempDir(), site, nil, nil, nil); err == nil {
			t.Errorf("Export with site %+v succeeded, want an error", site)
		}
	}
}

func TestEmptySite(t *testing.T) {
	dir := t.TempDir()
	rep := exportTo(t, dir, nil, nil)
	want := []string{"404.html", "atom.xml", "feed.json", "index.html", "news-sitemap.xml", "robots.txt", "rss.xml", "sitemap.xml", "style.css"}
	if got := states(rep, export.StateWritten); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("an empty site wrote %v, want %v", got, want)
	}
}

func TestProgressReachesTotal(t *testing.T) {
	stories, pages := sampleSite(t)
	last, total, calls := 0, 0, 0
	rep, err := export.Export(context.Background(), t.TempDir(), testSite, stories, pages, func(done, n int) {
		if done < last || done > n {
			t.Errorf("progress went from %d to %d of %d", last, done, n)
		}
		last, total, calls = done, n, calls+1
	})
	if err != nil {
		t.Fatal(err)
	}
	if last != total || total != len(rep.Files) || calls < 2 {
		t.Errorf("progress ended at %d of %d after %d calls; the export made %d files", last, total, calls, len(rep.Files))
	}
}

func TestSitemapIndex(t *testing.T) {
	defer export.SetSitemapMaxForTest(4)()
	stories, pages := sampleSite(t)
	dir := t.TempDir()
	rep := exportTo(t, dir, stories, pages)
	// 1 front + 3 sections + 3 articles + 2 pages = 9 addresses: 3 sitemaps.
	var got []string
	for _, f := range rep.Files {
		if f.Kind == export.KindSitemap {
			got = append(got, f.Path)
		}
	}
	want := []string{"news-sitemap.xml", "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml", "sitemap.xml"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("sitemap files = %v, want %v", got, want)
	}
	index, err := os.ReadFile(filepath.Join(dir, "sitemap.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(index, []byte("<sitemapindex")) || !bytes.Contains(index, []byte("<loc>https://news.example.com/sitemap-3.xml</loc>")) {
		t.Errorf("sitemap.xml is not an index of the three:\n%s", index)
	}
	total := 0
	for _, name := range want[1:4] {
		data, _ := os.ReadFile(filepath.Join(dir, name))
		total += bytes.Count(data, []byte("<url>"))
	}
	if total != 9 {
		t.Errorf("the sitemaps list %d addresses, want 9", total)
	}
}

func TestCancelledFirstExportLeavesNothing(t *testing.T) {
	stories, pages := sampleSite(t)
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	_, err := export.Export(ctx, dir, testSite, stories, pages, func(done, total int) {
		if done > total/2 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Export with a cancelled context = %v, want context.Canceled", err)
	}
	for path := range readTree(t, dir) {
		t.Errorf("a cancelled first export left %s", path)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Name() != ".copydesk" {
			t.Errorf("a cancelled first export left %s", e.Name())
		}
	}
	// The next export starts clean and writes everything.
	rep := exportTo(t, dir, stories, pages)
	if n := rep.Count(export.StateWritten); n != len(rep.Files) {
		t.Errorf("after a cancelled export, the next wrote %d of %d files", n, len(rep.Files))
	}
}

func TestFileNames(t *testing.T) {
	pub := at("2021-07-19T16:05:00Z")
	story := func(id, slug, headline, section string, minutes int) editor.Story {
		p := pub.Add(time.Duration(minutes) * time.Minute)
		return editor.Story{ID: id, Slug: slug, Headline: headline, Section: section, Body: "Text.",
			Status: editor.StatusPublished, PublishedAt: &p, UpdatedAt: p}
	}
	stories := []editor.Story{
		story("b", "same", "Second with the same slug", "Sport!", 2),
		story("a", "same", "First with the same slug", "Sport", 1),
		story("c", "", "", "!!!", 3),
		story("d", "../../etc/passwd", "Escape", "sport", 4),
		story("", "", "Ünïcode Héadline", "Наука", 5),
	}
	rep := exportTo(t, t.TempDir(), stories, nil)
	got := map[string]string{}
	for _, f := range rep.Files {
		if f.Kind == export.KindArticle || f.Kind == export.KindSection {
			got[f.Path] = f.ID
		}
	}
	want := map[string]string{
		"articles/same.html":             "a", // the older story keeps the slug
		"articles/same-2.html":           "b",
		"articles/c.html":                "c", // no slug, no headline: the ID
		"articles/etc-passwd.html":       "d",
		"articles/unicode-headline.html": "",
		"sections/sport.html":            "Sport", // and "sport", shown as "Sport"
		"sections/section.html":          "!!!",
		"sections/sport-2.html":          "Sport!",
		"sections/наука.html":            "Наука",
	}
	for path, id := range want {
		if gotID, ok := got[path]; !ok || gotID != id {
			t.Errorf("%s: id %q (written: %v), want id %q", path, gotID, ok, id)
		}
	}
	if len(got) != len(want) {
		t.Errorf("articles and sections = %v, want %v", got, want)
	}
}

func TestFolderLock(t *testing.T) {
	stories, pages := sampleSite(t)
	dir := t.TempDir()
	exportTo(t, dir, stories, pages)
	busy := filepath.Join(dir, ".copydesk/busy")

	// Another export in this process holds the folder.
	if err := os.WriteFile(busy, []byte(fmt.Sprintln(os.Getpid())), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := export.Export(context.Background(), dir, testSite, stories, pages, nil); !errors.Is(err, export.ErrBusy) {
		t.Errorf("Export while the folder is busy = %v, want ErrBusy", err)
	}
	if _, err := os.Stat(busy); err != nil {
		t.Errorf("a refused export removed the other's claim: %v", err)
	}

	// A claim left by a process that has gone is taken over, and what that
	// export staged is cleared away.
	if err := os.WriteFile(busy, []byte("2147483646\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	staged := filepath.Join(dir, "articles/.staged-0-7")
	if err := os.WriteFile(staged, []byte("half"), 0o644); err != nil {
		t.Fatal(err)
	}
	rep := exportTo(t, dir, stories, pages)
	if n := rep.Count(export.StateWritten); n != 0 {
		t.Errorf("after taking over a stale claim, the export wrote %d files, want 0", n)
	}
	for _, p := range []string{busy, staged} {
		if _, err := os.Stat(p); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s is still there: %v", p, err)
		}
	}
}
