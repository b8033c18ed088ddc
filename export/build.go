package export

import (
	"context"
	"encoding/binary"
	"fmt"
	"hash"
	"html/template"
	"io"
	"io/fs"
	"path"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/yuin/goldmark"
	"github.com/zeebo/xxh3"

	"copydesk/assets"
	"copydesk/editor"
)

// keyVersion changes whenever the code changes what a file looks like for the
// same input, so an upgrade rewrites every file once.
const keyVersion = "copydesk-export-2"

const (
	frontSize   = 30 // stories on the front page
	sectionSize = 50 // stories on one page of a section
	feedSize    = 50 // stories in each feed
	newsWindow  = 48 * time.Hour
	newsMax     = 1000 // Google News sitemaps hold at most 1,000 stories
)

// sitemapMax is how many addresses one sitemap may hold; a variable so that
// a test can make a site that needs several.
var sitemapMax = 50000

// build is one export: the site's content, planned as units of work.
type build struct {
	ctx      context.Context
	src      Source
	inputs   [16]byte                     // inputsKey of a versioned source, else zero
	memoized map[string]editor.ExportMemo // by story ID
	cached   map[string]*cachedHead       // the folder's cache of heads, by story ID
	old      manifest                     // what the folder's last export wrote
	site     Site
	tmpl     *template.Template
	css      []byte
	md       goldmark.Markdown
	global   [16]byte // the key part every file shares: code, templates, site
	navKey   [16]byte // the key of the navigation every HTML page carries
	stories  []*storyInfo
	pages    []*pageInfo
	sections []*sectionInfo
	newest   time.Time
	units    []*unit

	chromeMu sync.Mutex
	chromes  map[string]*chrome
}

type storyInfo struct {
	// s is the story as far as it has been read: its head (Source), or the
	// whole story while its files are made.
	s         *editor.Story
	head      *editor.Story
	slug      string
	href      string // "articles/slug.html", relative to the site root
	published time.Time
	updated   time.Time
	section   *sectionInfo
	rules     *pageInfo
	hash      [16]byte // every field of the story the output depends on
	// sum is the hash of what the head leaves out (heavySum), known from the
	// story's memo or from the whole story; hash is valid only when it is.
	known bool
	sum   [16]byte
	// content is the hash of the story itself (its sum and every field of
	// its head), known once hasContent is set: from the folder's cache of
	// heads, or computed by rehash.
	content    [16]byte
	hasContent bool
	// read is set once the story was read whole by this export, which then
	// remembers it; html is its body as rendered, kept for the feeds.
	read bool
	html string
	feed bool // among the stories the feeds carry
}

// words is the story's word count: its body words (editor.Story.Words).
func (si *storyInfo) words() int { return si.s.Words() }

type pageInfo struct {
	p    *editor.Page
	slug string
	href string
	hash [16]byte
}

type sectionInfo struct {
	name    string
	slug    string
	stories []*storyInfo
}

func (s *sectionInfo) href(page int) string {
	if page <= 1 {
		return "sections/" + s.slug + ".html"
	}
	return "sections/" + s.slug + "-" + strconv.Itoa(page) + ".html"
}

// unit is work that makes one or more files from the same inputs.
type unit struct {
	id    string
	story *storyInfo // for a story's article and ninjs; its render needs the story whole
	files []unitFile
	key   func(h hash.Hash) // writes the inputs the files depend on
	// render returns one content per file, in order. They may use the
	// worker's buffers, so they are written before it renders the next unit.
	render func(w *worker) ([][]byte, error)
}

type unitFile struct {
	path string
	kind Kind
}

// kit is what rendering takes that no content decides: the parsed
// templates, the stylesheet and their hash, and the Markdown renderer.
type kit struct {
	tmpl     *template.Template
	css      []byte
	tmplHash [16]byte
	md       goldmark.Markdown
}

func loadKit() (kit, error) {
	tmpl, css, tmplHash, err := loadTemplates(assets.Site())
	return kit{tmpl: tmpl, css: css, tmplHash: tmplHash, md: newMarkdown()}, err
}

func newBuild(site Site, k kit, stories []editor.Story, pages []editor.Page, memos []editor.ExportMemo, cached map[string]*cachedHead) (*build, error) {
	tmplHash := k.tmplHash
	b := &build{site: site, tmpl: k.tmpl, css: k.css, md: k.md, memoized: make(map[string]editor.ExportMemo, len(memos)), cached: cached}
	for _, m := range memos {
		if len(m.Sum) == len(storyInfo{}.sum) {
			b.memoized[m.StoryID] = m
		}
	}
	h := xxh3.New128()
	writeStrings(h, keyVersion, site.Name, site.BaseURL, site.Language, site.Description, site.Location.String())
	h.Write(tmplHash[:])
	h.Sum(b.global[:0])

	b.planPages(pages)
	b.planStories(stories)
	b.planSections()
	h.Reset()
	for _, sec := range b.sections {
		writeStrings(h, sec.name, sec.slug)
	}
	for _, p := range b.pages {
		writeStrings(h, p.p.Title, p.href)
	}
	h.Sum(b.navKey[:0])
	if err := b.planUnits(); err != nil {
		return nil, err
	}
	return b, nil
}

// siteTemplates are the templates of the site, in the order they are parsed.
var siteTemplates = []string{"layout.html", "article.html", "list.html", "page.html", "notfound.html", "redirect.html"}

// loadTemplates parses the site's templates and reads its stylesheet, and
// hashes both so that a change to either rewrites every page.
func loadTemplates(fsys fs.FS) (*template.Template, []byte, [16]byte, error) {
	texts, css, sum, err := readSiteFiles(fsys)
	if err != nil {
		return nil, nil, sum, err
	}
	t := template.New("site").Funcs(template.FuncMap{})
	for i, name := range siteTemplates {
		if _, err := t.New(name).Parse(texts[i]); err != nil {
			return nil, nil, [16]byte{}, fmt.Errorf("export: template %s: %w", name, err)
		}
	}
	return t, css, sum, nil
}

// readSiteFiles reads the site's templates and stylesheet, and hashes them,
// without parsing them.
func readSiteFiles(fsys fs.FS) (texts []string, css []byte, sum [16]byte, err error) {
	h := xxh3.New128()
	for _, name := range siteTemplates {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, nil, sum, fmt.Errorf("export: reading template %s: %w", name, err)
		}
		writeStrings(h, name, string(data))
		texts = append(texts, string(data))
	}
	css, err = fs.ReadFile(fsys, "style.css")
	if err != nil {
		return nil, nil, sum, fmt.Errorf("export: reading style.css: %w", err)
	}
	writeStrings(h, "style.css", string(css))
	h.Sum(sum[:0])
	return texts, css, sum, nil
}

// planPages gives every page a safe, unique slug, in slug order.
func (b *build) planPages(pages []editor.Page) {
	sorted := make([]*editor.Page, len(pages))
	for i := range pages {
		sorted[i] = &pages[i]
	}
	sort.SliceStable(sorted, func(i, j int) bool {
		if sorted[i].Slug != sorted[j].Slug {
			return sorted[i].Slug < sorted[j].Slug
		}
		return sorted[i].ID < sorted[j].ID
	})
	taken := map[string]bool{}
	for _, p := range sorted {
		slug := uniqueSlug(safeSlug(p.Slug, p.Title, p.ID, "page"), taken)
		pi := &pageInfo{p: p, slug: slug, href: "pages/" + slug + ".html"}
		h := xxh3.New128()
		writeStrings(h, p.ID, slug, string(p.Kind), p.Title, p.Summary, p.Body)
		h.Sum(pi.hash[:0])
		b.pages = append(b.pages, pi)
	}
}

// planStories keeps the published stories, newest first, and gives each a
// safe, unique slug. Older stories claim their slug first, so a new story
// never takes the address of one already out.
func (b *build) planStories(stories []editor.Story) {
	bySlug := map[string]*pageInfo{}
	for _, p := range b.pages {
		bySlug[p.p.Slug] = p
	}
	var out []*storyInfo
	for i := range stories {
		s := &stories[i]
		if s.Status != editor.StatusPublished || held(s, b.site.Now) {
			continue
		}
		si := &storyInfo{s: s, head: s, updated: s.UpdatedAt.UTC().Truncate(time.Second)}
		if c := b.cached[s.ID]; c != nil && c.known && c.s.Revision == s.Revision {
			si.known, si.sum, si.content, si.hasContent = true, c.sum, c.content, true
		} else if m, ok := b.memoized[s.ID]; ok && m.Revision == s.Revision {
			si.known = true
			copy(si.sum[:], m.Sum)
		}
		if s.PublishedAt != nil && !s.PublishedAt.IsZero() {
			si.published = s.PublishedAt.UTC().Truncate(time.Second)
		} else {
			si.published = si.updated
		}
		if si.updated.Before(si.published) {
			si.updated = si.published
		}
		// "None" (an empty rules page) is none: no block under the story.
		if p, ok := bySlug[s.RulesPage]; ok && s.RulesPage != "" {
			si.rules = p
		}
		out = append(out, si)
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].published.Equal(out[j].published) {
			return out[i].published.Before(out[j].published)
		}
		return out[i].s.ID < out[j].s.ID
	})
	taken := map[string]bool{}
	for _, si := range out {
		si.slug = uniqueSlug(safeSlug(si.s.Slug, si.s.Headline, si.s.ID, "story"), taken)
		si.href = "articles/" + si.slug + ".html"
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	b.stories = out
	if len(out) > 0 {
		b.newest = out[0].published
	}
	for _, si := range out {
		if si.updated.After(b.newest) {
			b.newest = si.updated
		}
	}
	for _, si := range b.feedStories() {
		si.feed = true
	}
	b.hashStories()
}

// hashStories computes the content hash of every story whose heavy part is
// known, on all cores.
func (b *build) hashStories() {
	parallel(len(b.stories), func(i int) {
		if si := b.stories[i]; si.known {
			si.rehash()
		}
	})
}

// take makes s, the story read whole, the one its files are made from.
func (si *storyInfo) take(s *editor.Story) {
	si.s, si.read, si.known = s, true, true
	si.sum = heavySum(s)
	si.hasContent = false
	si.rehash()
}

// release drops the whole story once its files are made, keeping its head.
func (si *storyInfo) release() {
	head := headOf(si.s)
	si.s = &head
}

// headOf is the story's head, what Source.PublishedHeads gives of it.
func headOf(s *editor.Story) editor.Story {
	head := *s
	head.Body, head.Quotes, head.Corrections = "", nil, nil
	if head.Headline == "" {
		head.Body = s.Body // its title
	}
	return head
}

// rehash computes the story's hash: its content, and where the site puts
// it.
func (si *storyInfo) rehash() {
	if !si.hasContent {
		h := xxh3.New128()
		hashStory(h, si)
		h.Sum(si.content[:0])
		si.hasContent = true
	}
	// Hashed from a buffer on the stack: most stories' content comes from
	// the cache of heads, and this is all that is left of hashing them.
	var buf [128]byte
	b := append(buf[:0], si.content[:]...)
	b = binary.AppendUvarint(b, uint64(len(si.slug)))
	b = append(b, si.slug...)
	if si.rules != nil {
		b = append(b, si.rules.hash[:]...)
	}
	si.hash = xxh3.Hash128(b).Bytes()
}

// hashedFields are the story's text fields hashStory takes one by one: all
// but the body. Taking them from the domain's table means a field added to
// a story is never missed, and the article it shows on is rewritten when it
// changes; a field that is not shown costs at most a rewrite.
var hashedFields = func() []editor.StoryField {
	var out []editor.StoryField
	for _, f := range editor.StoryFields() {
		if f.Name != "body" {
			out = append(out, f)
		}
	}
	return out
}()

// heavySum hashes what a story's head leaves out: its body, quotes and
// corrections.
func heavySum(s *editor.Story) [16]byte {
	h := xxh3.New128()
	// The body is hashed on its own, in one pass: a streaming hash would copy it.
	body := xxh3.HashString128(s.Body).Bytes()
	h.Write(body[:])
	writeInt(h, len(s.Quotes))
	for _, q := range s.Quotes {
		writeStrings(h, q.ID, q.Speaker, q.Role, q.Text, q.Verb, q.SaidOn, q.Source, string(q.SourceKind), q.Anchor.Exact, q.ConfirmedBy)
		writeInt(h, q.Anchor.Start)
		writeInt(h, q.Anchor.End)
	}
	writeInt(h, len(s.Corrections))
	for _, c := range s.Corrections {
		writeStrings(h, string(c.Kind), c.Note)
		writeTime(h, c.At)
	}
	var sum [16]byte
	h.Sum(sum[:0])
	return sum
}

// hashStory hashes everything of the story itself that an article and its
// ninjs are made from: the heavy part by its sum, the head field by field.
func hashStory(h hash.Hash, si *storyInfo) {
	s := si.s
	h.Write(si.sum[:])
	writeStrings(h, s.ID)
	for _, f := range hashedFields {
		writeStrings(h, f.Get(s))
	}
	writeInt(h, len(s.Tags))
	writeStrings(h, s.Tags...)
	writeTime(h, si.published)
	writeTime(h, si.updated)
	writeInt(h, len(s.Media))
	for _, m := range s.Media {
		writeStrings(h, m.Href, m.Caption, m.Credit, m.Alt)
	}
	writeInt(h, len(s.Subjects))
	for _, sub := range s.Subjects {
		writeStrings(h, sub.Code, sub.Name)
	}
}

// planSections groups the stories by section, in name order.
func (b *build) planSections() {
	byKey := map[string]*sectionInfo{}
	taken := map[string]bool{}
	var names []string
	for _, si := range b.stories {
		name := strings.TrimSpace(cleanText(si.s.Section))
		if name == "" {
			continue
		}
		key := strings.ToLower(name)
		sec, ok := byKey[key]
		if !ok {
			sec = &sectionInfo{name: name}
			byKey[key] = sec
			names = append(names, key)
		}
		// "Sport" and "sport" are one section, shown by the spelling that
		// sorts first, capitals first.
		sec.name = min(sec.name, name)
		sec.stories = append(sec.stories, si)
		si.section = sec
	}
	sort.Strings(names)
	for _, key := range names {
		sec := byKey[key]
		sec.slug = uniqueSlug(safeSlug(sec.name, "", "", "section"), taken)
		b.sections = append(b.sections, sec)
	}
}

// safeSlug returns slug when it is a valid slug, and otherwise one made from
// it, the title or the ID, so that a file name never holds a path separator
// or a dot.
func safeSlug(slug, title, id, fallback string) string {
	for _, cand := range []string{slug, title, id} {
		if s := editor.Slugify(cand); s != "" {
			return s
		}
	}
	return fallback
}

func uniqueSlug(base string, taken map[string]bool) string {
	s, _ := editor.UniqueSlug(base, base, func(c string) (bool, error) { return taken[c], nil })
	taken[s] = true
	return s
}

// parallel calls fn(0…n-1) on every core.
func parallel(n int, fn func(i int)) {
	workers := runtime.GOMAXPROCS(0)
	if n < 64 || workers == 1 {
		for i := 0; i < n; i++ {
			fn(i)
		}
		return
	}
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := w; i < n; i += workers {
				fn(i)
			}
		}(w)
	}
	wg.Wait()
}

// bufHash is a hash.Hash that keeps what is written to it and hashes it in
// one pass (XXH3, 128 bits) when summed: a file's key is made of many short
// writes, for which a streaming hash's state costs more than the hashing.
type bufHash struct{ b []byte }

func (h *bufHash) Write(p []byte) (int, error)       { h.b = append(h.b, p...); return len(p), nil }
func (h *bufHash) WriteString(s string) (int, error) { h.b = append(h.b, s...); return len(s), nil }
func (h *bufHash) Reset()                            { h.b = h.b[:0] }
func (h *bufHash) Size() int                         { return 16 }
func (h *bufHash) BlockSize() int                    { return 64 }

func (h *bufHash) Sum(b []byte) []byte {
	sum := xxh3.Hash128(h.b).Bytes()
	return append(b, sum[:]...)
}

// writeStrings writes each string with its length first, so that no two
// different lists of strings write the same bytes.
func writeStrings(h hash.Hash, ss ...string) {
	var n [binary.MaxVarintLen64]byte
	for _, s := range ss {
		h.Write(n[:binary.PutUvarint(n[:], uint64(len(s)))])
		io.WriteString(h, s) // no copy when h is an io.StringWriter
	}
}

func writeInt(h hash.Hash, i int) {
	var n [binary.MaxVarintLen64]byte
	h.Write(n[:binary.PutVarint(n[:], int64(i))])
}

func writeTime(h hash.Hash, t time.Time) {
	writeInt(h, int(t.Unix()))
	writeInt(h, t.Nanosecond())
}

// joinPath joins a slash-separated relative path, refusing any that would
// leave the output folder.
func joinPath(p string) (string, error) {
	clean := path.Clean(p)
	if clean != p || path.IsAbs(p) || clean == ".." || strings.HasPrefix(clean, "../") {
		return "", fmt.Errorf("export: %q is not a path inside the output folder", p)
	}
	return clean, nil
}
