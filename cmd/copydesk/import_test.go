package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportBatchSavesTheGoodFiles: a batch with bad files saves every good
// one, names each bad one with its reason on stderr and exits 1; a dry run
// reports the same; --all-or-nothing saves nothing.
func TestImportBatchSavesTheGoodFiles(t *testing.T) {
	c := newCLI(t)
	good := writeFile(t, "good.txt", "Storm hits the coast\nWinds battered the town overnight.\n")
	other := writeFile(t, "other.md", "---\ntitle: Council votes\n---\nThe council voted.\n")
	json := writeFile(t, "data.json", `{"name": "not news", "items": [1, 2]}`)
	binary := writeFile(t, "photo.jpg", "\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01")
	args := []string{good, json, other, binary, "/no/such/file.txt"}

	_, dryErr, dryCode := c.run("", append([]string{"import", "--dry-run"}, args...)...)
	before := c.fingerprint()
	_, errOut, code := c.run("", append([]string{"import", "--all-or-nothing"}, args...)...)
	if code != 2 || c.fingerprint() != before {
		t.Errorf("import --all-or-nothing with bad files: exit %d, stderr %q; want exit 2 and nothing saved", code, errOut)
	}

	out, errOut, code := c.run("", append([]string{"import"}, args...)...)
	if code != 1 {
		t.Errorf("import with bad files: exit %d, want 1; stderr %q", code, errOut)
	}
	if n := strings.Count(strings.TrimSpace(out), "\n") + 1; n != 2 {
		t.Errorf("import printed %q, want the two good files' stories", out)
	}
	for _, want := range []string{"data.json: is JSON that is not a ninjs news item; copydesk reads", "photo.jpg: is a binary file", "/no/such/file.txt: no such file", "3 of 5 files were not imported"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("import stderr = %q, want a line with %q", errOut, want)
		}
		if !strings.Contains(dryErr, want) {
			t.Errorf("import --dry-run stderr = %q, want a line with %q, as the import says", dryErr, want)
		}
	}
	if dryCode != code {
		t.Errorf("import --dry-run exit %d, import exit %d; want them to agree", dryCode, code)
	}
	var list []storyJSON
	if c.json(&list, "stories"); len(list) != 2 {
		t.Errorf("after the batch: %d stories, want the 2 good ones", len(list))
	}
}

// TestImportJSONNamesEachFile: --json gives each file's story or its reason.
func TestImportJSONNamesEachFile(t *testing.T) {
	c := newCLI(t)
	good := writeFile(t, "good.txt", "Storm hits the coast\nWinds battered the town overnight.\n")
	bad := writeFile(t, "bad.xml", "<?xml version=\"1.0\"?><catalog><book/></catalog>")
	out, _, code := c.run("", "import", "--json", good, bad)
	var res []importResult
	if err := json.Unmarshal([]byte(out), &res); err != nil || code != 1 {
		t.Fatalf("import --json = %q (exit %d), %v", out, code, err)
	}
	if len(res) != 2 || res[0].ID == "" || res[0].Error != "" || res[1].ID != "" || !strings.Contains(res[1].Error, "<catalog> root") {
		t.Errorf("import --json = %+v, want the story of good.txt and the reason for bad.xml", res)
	}
}

// TestImportStatusDraft: --status draft keeps an archive's published post a draft.
func TestImportStatusDraft(t *testing.T) {
	c := newCLI(t)
	post := writeFile(t, "post.md", "---\ntitle: Storm\ndraft: false\ndate: 2024-01-02\n---\nWinds.\n")
	c.ok("import", "--status", "draft", post)
	var s struct {
		Status      string  `json:"status"`
		PublishedAt *string `json:"published_at"`
	}
	c.json(&s, "show", "storm")
	if s.Status != "draft" || s.PublishedAt != nil {
		t.Errorf("import --status draft of a published post = %+v, want a draft never published", s)
	}
	if _, errOut, code := c.run("", "import", "--status", "live", post); code != 2 || !strings.Contains(errOut, "--status") {
		t.Errorf("import --status live: exit %d, stderr %q; want exit 2 naming --status", code, errOut)
	}
}

// TestNinjsReadsBackWhatTheExportWrites: a published story exported as
// ninjs imports again with the same fields and text.
func TestNinjsReadsBackWhatTheExportWrites(t *testing.T) {
	c := newCLI(t)
	in := writeFile(t, "story.md", "---\nheadline: Library to close after 90 years\nstandfirst: The council says it cannot afford repairs.\n"+
		"byline: Tom Vine\ndateline: BARNSLEY\ncredit: Reporting by Tom Vine.\nsection: Local\ntags: [libraries, council]\nstatus: published\n---\n\n"+
		"The town library will close in March, the council said.\n\n“It is a sad day,” said librarian Ruth Hale.\n\n## What next\n\n- Books go to the school\n- The building is sold\n")
	c.ok("import", in)
	out := t.TempDir()
	c.ok("export", "--out", out)
	nj := filepath.Join(out, "ninjs", "library-to-close-after-90-years.json")
	var r struct {
		Format string
		Story  struct {
			Headline, Standfirst, Byline, Dateline, Body, Credit, Section string
			Tags                                                          []string
		}
		Quotes []struct{ Text, Speaker string }
	}
	c.json(&r, "import", "--dry-run", "--json", nj)
	s := r.Story
	got := []string{r.Format, s.Headline, s.Standfirst, s.Byline, s.Dateline, s.Credit, s.Section, strings.Join(s.Tags, ","), s.Body}
	want := []string{"ninjs", "Library to close after 90 years", "The council says it cannot afford repairs.", "Tom Vine", "BARNSLEY",
		"Reporting by Tom Vine.", "Local", "libraries,council",
		"The town library will close in March, the council said.\n\n“It is a sad day,” said librarian Ruth Hale.\n\n## What next\n\n- Books go to the school\n- The building is sold"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("ninjs read back: field %d = %q, want %q", i, got[i], want[i])
		}
	}
	if len(r.Quotes) != 1 || r.Quotes[0].Speaker != "Ruth Hale" {
		t.Errorf("quotes = %+v, want Ruth Hale's", r.Quotes)
	}
}

// TestImportHugoArchive: a Hugo archive of a few hundred posts imports with
// every post's date and published state; the dry run gives its old paths.
func TestImportHugoArchive(t *testing.T) {
	c := newCLI(t)
	var files []string
	const n = 300
	for i := range n {
		draft := i%10 == 0
		front := fmt.Sprintf("---\ntitle: \"Post %d of the archive\"\ndate: 2020-01-%02dT%02d:00:00Z\ndraft: %v\naliases: [/old/%d/]\n---\n", i, i%28+1, i%24, draft, i)
		if i%3 == 1 { // TOML front matter
			front = fmt.Sprintf("+++\ntitle = \"Post %d of the archive\"\ndate = 2020-01-%02dT%02d:00:00Z\ndraft = %v\naliases = [\"/old/%d/\"]\n+++\n", i, i%28+1, i%24, draft, i)
		}
		files = append(files, writeFile(t, fmt.Sprintf("post-%03d.md", i), front+"\nThe text of the post.\n"))
	}
	c.ok(append([]string{"import"}, files...)...)
	var list []struct {
		ID, Headline, Status string
	}
	c.json(&list, "stories", "--json")
	if len(list) != n {
		t.Fatalf("stories = %d, want %d", len(list), n)
	}
	for _, i := range []int{0, 1, 2, 150, 299} {
		var s struct {
			Status      string `json:"status"`
			PublishedAt string `json:"published_at"`
			CreatedAt   string `json:"created_at"`
		}
		c.json(&s, "show", fmt.Sprintf("post-%d-of-the-archive", i))
		date := fmt.Sprintf("2020-01-%02dT%02d:00:00Z", i%28+1, i%24)
		if i%10 == 0 {
			if s.Status != "draft" || s.PublishedAt != "" || s.CreatedAt != date {
				t.Errorf("post %d (draft) = %+v, want a draft created %s", i, s, date)
			}
			continue
		}
		if s.Status != "published" || s.PublishedAt != date || s.CreatedAt != date {
			t.Errorf("post %d = %+v, want published on %s", i, s, date)
		}
	}
	var dry struct {
		Meta struct{ Aliases []string } `json:"meta"`
	}
	c.json(&dry, "import", "--dry-run", "--json", files[7])
	if strings.Join(dry.Meta.Aliases, " ") != "/old/7/" {
		t.Errorf("dry run meta = %+v, want the old path /old/7/", dry.Meta)
	}
}

// TestDryRunJSONHasTheFeedMeta: the newsroom fields a feed carries are in
// `import --dry-run --json` under meta.
func TestDryRunJSONHasTheFeedMeta(t *testing.T) {
	c := newCLI(t)
	var r struct {
		Meta map[string]any `json:"meta"`
	}
	c.json(&r, "import", "--dry-run", "--json", "../../editor/wire/testdata/feeds/nitf-full.xml")
	for k, want := range map[string]any{"urgency": 3.0, "slugline": "BC-HARBOUR-TOLLS", "embargo": "2026-12-03T14:00:00Z",
		"expires": "2027-01-03T00:00:00Z", "genre": "current", "rights": "© 2026 Example News Agency", "source": "XNW",
		"feed_id": "XNW-20261203-0042", "pub_status": "embargoed"} {
		if r.Meta[k] != want {
			t.Errorf("meta.%s = %v, want %v", k, r.Meta[k], want)
		}
	}
	for _, k := range []string{"subjects", "media", "ed_note"} {
		if r.Meta[k] == nil {
			t.Errorf("meta.%s missing: %v", k, r.Meta)
		}
	}
}

// TestStatusMovesMany: `status STATUS ID...` moves each story named, names
// the one it cannot and exits 1; `status ID STATUS` still moves one.
func TestStatusMovesMany(t *testing.T) {
	c := newCLI(t)
	var ids []string
	for _, h := range []string{"First story", "Second story"} {
		var s storyJSON
		c.json(&s, "new", "--headline", h)
		ids = append(ids, s.ID)
	}
	out, errOut, code := c.run("", "status", "subbing", ids[0], "nosuchstory", "second-story")
	if code != 1 || strings.Count(out, "draft → subbing") != 2 || !strings.Contains(errOut, "nosuchstory") || !strings.Contains(errOut, "1 of 3 stories were not moved") {
		t.Errorf("status subbing A missing B: exit %d, stdout %q, stderr %q; want both moved, the missing one named, exit 1", code, out, errOut)
	}
	if out := c.ok("status", "first-story", "ready"); !strings.Contains(out, "subbing → ready") {
		t.Errorf("status ID STATUS = %q, want one story moved", out)
	}
	if _, errOut, code := c.run("", "status", "live", ids[0], ids[1]); code != 2 || !strings.Contains(errOut, `"live" is not a status`) {
		t.Errorf("status live A B: exit %d, stderr %q; want exit 2 naming the status", code, errOut)
	}
}

// TestImportRefusesOneUnknownFile: one file in no format copydesk reads
// exits 2 naming it and the formats.
func TestImportRefusesOneUnknownFile(t *testing.T) {
	c := newCLI(t)
	for name, content := range map[string]string{"rss.xml": `<rss version="2.0"><channel/></rss>`, "data.json": `{"a": 1}`, "blob.bin": "\x00\x01\x02\x03binary"} {
		f := writeFile(t, name, content)
		_, errOut, code := c.run("", "import", f)
		if code != 2 || !strings.Contains(errOut, name+": is ") || !strings.Contains(errOut, "copydesk reads NITF 3.x") {
			t.Errorf("import %s: exit %d, stderr %q; want exit 2 naming the file and the formats", name, code, errOut)
		}
	}
}
