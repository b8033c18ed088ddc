package main

import (
	"encoding/json"
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
