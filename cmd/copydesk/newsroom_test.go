package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const nitfFull = "../../editor/wire/testdata/feeds/nitf-full.xml"

// TestImportKeepsTheNewsroomFields: the fields a NITF file carries are the
// story's (show --json, the list), written in show --format md's front
// matter and read back by update; the editor's note is among them.
func TestImportKeepsTheNewsroomFields(t *testing.T) {
	c := newCLI(t)
	c.ok("import", nitfFull)
	var list []struct {
		ID       string `json:"id"`
		Urgency  int    `json:"urgency"`
		Slugline string `json:"slugline"`
	}
	c.json(&list, "stories")
	if len(list) != 1 || list[0].Urgency != 3 || list[0].Slugline != "BC-HARBOUR-TOLLS" {
		t.Fatalf("stories --json = %+v, want one story with urgency 3 and slugline BC-HARBOUR-TOLLS", list)
	}
	id := list[0].ID
	var s map[string]any
	c.json(&s, "show", id)
	for k, want := range map[string]any{"urgency": 3.0, "slugline": "BC-HARBOUR-TOLLS", "embargo": "2026-12-03T14:00:00Z",
		"expires": "2027-01-03T00:00:00Z", "genre": "current", "rights": "© 2026 Example News Agency", "source": "XNW",
		"feed_id": "XNW-20261203-0042"} {
		if s[k] != want {
			t.Errorf("show --json: %s = %v, want %v", k, s[k], want)
		}
	}
	if note, _ := s["ed_note"].(string); !strings.HasPrefix(note, "Embargoed until 1400 GMT.") {
		t.Errorf("show --json: ed_note = %q, want the agency's note", note)
	}
	if subjects, _ := s["subjects"].([]any); len(subjects) != 2 {
		t.Errorf("show --json: subjects = %v, want two", s["subjects"])
	}
	if media, _ := s["media"].([]any); len(media) != 1 {
		t.Errorf("show --json: media = %v, want the picture with a web address (the relative one is left out)", s["media"])
	}

	md := c.ok("show", id, "--format", "md")
	for _, want := range []string{"\nurgency: 3\n", "\nslugline: BC-HARBOUR-TOLLS\n", "\nembargo: \"2026-12-03T14:00:00Z\"\n", "\nsubjects:\n", "\nmedia:\n", "\ned_note: |-\n"} {
		if !strings.Contains(md, want) {
			t.Errorf("show --format md lacks %q:\n%s", want, md)
		}
	}
	if out := c.ok("update", id, writeFile(t, "same.md", md)); !strings.Contains(out, "no change") {
		t.Errorf("update with the file show printed = %q, want no change", out)
	}
	edited := strings.Replace(strings.Replace(md, "\nurgency: 3\n", "\nurgency: 1\n", 1), "\nslugline: BC-HARBOUR-TOLLS\n", "\nslugline: BC-HARBOUR-TOLLS-URGENT\n", 1)
	edited = strings.Replace(edited, "\nexpires: \"2027-01-03T00:00:00Z\"\n", "\nexpires: \"2027-02-01T00:00:00Z\"\n", 1)
	c.ok("update", id, writeFile(t, "edited.md", edited))
	c.json(&s, "show", id)
	if s["urgency"] != 1.0 || s["slugline"] != "BC-HARBOUR-TOLLS-URGENT" || s["expires"] != "2027-02-01T00:00:00Z" {
		t.Errorf("after update: urgency %v slugline %v expires %v, want 1, BC-HARBOUR-TOLLS-URGENT, 2027-02-01", s["urgency"], s["slugline"], s["expires"])
	}
	var first map[string]any
	c.json(&first, "show", id, "--rev", "1")
	if first["urgency"] != 3.0 || first["expires"] != "2027-01-03T00:00:00Z" {
		t.Errorf("show --rev 1: urgency %v expires %v, want the imported 3 and 2027-01-03", first["urgency"], first["expires"])
	}
	bad := strings.Replace(md, "\nurgency: 3\n", "\nurgency: 12\n", 1)
	if _, errOut, code := c.run("", "update", id, writeFile(t, "bad.md", bad)); code != 2 || !strings.Contains(errOut, "urgency") {
		t.Errorf("update with urgency 12: exit %d, stderr %q; want exit 2 naming the urgency", code, errOut)
	}
}

// TestHugoArchiveExportsItsOldPaths: a generated Hugo archive of a few
// hundred posts imports with every post's date, last change, published
// state and old paths, and the export serves each old path as a redirect to
// the post.
func TestHugoArchiveExportsItsOldPaths(t *testing.T) {
	c := newCLI(t)
	const n = 240
	var files []string
	for i := range n {
		files = append(files, writeFile(t, fmt.Sprintf("post-%03d.md", i), fmt.Sprintf(
			"---\ntitle: \"Archive post %d\"\ndate: 2019-03-%02dT08:00:00Z\nlastmod: 2020-06-%02dT09:30:00Z\ndraft: %v\naliases: [/2019/03/post-%d/, /p/%d.html]\n---\n\nThe text of post %d.\n",
			i, i%28+1, i%28+1, i%20 == 0, i, i, i)))
	}
	c.ok(append([]string{"import"}, files...)...)
	for i := range n {
		var s struct {
			Status      string   `json:"status"`
			CreatedAt   string   `json:"created_at"`
			UpdatedAt   string   `json:"updated_at"`
			PublishedAt string   `json:"published_at"`
			Aliases     []string `json:"aliases"`
		}
		c.json(&s, "show", fmt.Sprintf("archive-post-%d", i))
		date, mod := fmt.Sprintf("2019-03-%02dT08:00:00Z", i%28+1), fmt.Sprintf("2020-06-%02dT09:30:00Z", i%28+1)
		wantStatus, wantPub := "published", date
		if i%20 == 0 {
			wantStatus, wantPub = "draft", ""
		}
		if s.Status != wantStatus || s.CreatedAt != date || s.UpdatedAt != mod || s.PublishedAt != wantPub ||
			strings.Join(s.Aliases, " ") != fmt.Sprintf("/2019/03/post-%d/ /p/%d.html", i, i) {
			t.Fatalf("post %d = %+v; want %s, created %s, updated %s, published %q, its two old paths", i, s, wantStatus, date, mod, wantPub)
		}
	}
	out := filepath.Join(t.TempDir(), "site")
	c.ok("export", "--out", out, "--base-url", "https://news.example.com/")
	for _, i := range []int{1, 99, n - 1} {
		target := fmt.Sprintf("https://news.example.com/articles/archive-post-%d.html", i)
		for _, p := range []string{fmt.Sprintf("2019/03/post-%d/index.html", i), fmt.Sprintf("p/%d.html", i)} {
			data, err := os.ReadFile(filepath.Join(out, p))
			if err != nil || !strings.Contains(string(data), `<meta http-equiv="refresh" content="0; url=`+target+`">`) {
				t.Errorf("%s: %v, want a redirect to %s:\n%s", p, err, target, data)
			}
		}
	}
	if _, err := os.Stat(filepath.Join(out, "p/0.html")); err == nil {
		t.Errorf("the draft post's old path was exported")
	}
}

// TestExportHoldsTheEmbargo: a published story embargoed until later is
// not exported, and the count says why.
func TestExportHoldsTheEmbargo(t *testing.T) {
	c := newCLI(t)
	post := writeFile(t, "held.md", "---\ntitle: Held story\ndate: 2020-01-01T00:00:00Z\nembargo: 2999-01-01T00:00:00Z\n---\nNot yet.\n")
	open := writeFile(t, "open.md", "---\ntitle: Open story\ndate: 2020-01-01T00:00:00Z\n---\nOut now.\n")
	c.ok("import", post, open)
	out := filepath.Join(t.TempDir(), "site")
	c.ok("export", "--out", out)
	if _, err := os.Stat(filepath.Join(out, "articles/held-story.html")); err == nil {
		t.Errorf("the embargoed story was exported")
	}
	if _, err := os.Stat(filepath.Join(out, "articles/open-story.html")); err != nil {
		t.Errorf("the story with no embargo was not exported: %v", err)
	}
}

// TestCancellationNoticeMarksItsStory: a feed's cancellation names a story
// by the feed's ID; import marks that story (spiked, the notice in its
// editor's note and in the revision's note) rather than importing a new
// one, a dry run says which story it would mark, and a notice for a story
// that is not here is refused by name, the rest of the batch saved (exit 1).
func TestCancellationNoticeMarksItsStory(t *testing.T) {
	const notice = "../../editor/wire/testdata/feeds/nitf-canceled.xml"
	c := newCLI(t)
	other := writeFile(t, "other.txt", "Council votes\nThe council voted.\n")
	if _, errOut, code := c.run("", "import", notice, other); code != 1 || !strings.Contains(errOut, "nitf-canceled.xml: is a notice that cancels the story XNW-20261203-0042, which no story here came from") {
		t.Errorf("import of a notice for no story here: exit %d, stderr %q; want exit 1 naming the file and the ID", code, errOut)
	}
	var list []storyJSON
	if c.json(&list, "stories"); len(list) != 1 {
		t.Fatalf("after the refused notice: %d stories, want the other file's", len(list))
	}
	c.ok("import", nitfFull)
	var dry struct {
		ID     string `json:"id"`
		Notice struct {
			FeedID string `json:"feed_id"`
			Action string `json:"action"`
		} `json:"notice"`
	}
	c.json(&dry, "import", "--dry-run", notice)
	if dry.ID == "" || dry.Notice.FeedID != "XNW-20261203-0042" || dry.Notice.Action != "canceled" {
		t.Errorf("import --dry-run --json of the notice = %+v, want the story it would mark", dry)
	}
	c.ok("import", notice)
	if c.json(&list, "stories"); len(list) != 2 {
		t.Errorf("after the notice: %d stories, want 2 (no new story)", len(list))
	}
	var s struct {
		Status string `json:"status"`
		EdNote string `json:"ed_note"`
	}
	c.json(&s, "show", dry.ID)
	if s.Status != "spiked" || !strings.HasPrefix(s.EdNote, "Cancelled by the feed on ") {
		t.Errorf("the story after its cancellation: status %q, ed_note %q; want spiked with the notice first in the note", s.Status, s.EdNote)
	}
	var revs []struct {
		Kind string `json:"kind"`
		Note string `json:"note"`
	}
	c.json(&revs, "revisions", dry.ID)
	if last := revs[len(revs)-1]; last.Kind != "status" || !strings.Contains(last.Note, "Cancelled by the feed") || !strings.Contains(last.Note, "nitf-canceled.xml") {
		t.Errorf("the notice's revision = %+v, want a status revision saying so", last)
	}
}

// TestMarkdownKeepsSubjectsAndMedia: the subjects and media show --format md
// writes are read back by update (unchanged, or as edited) and by import.
func TestMarkdownKeepsSubjectsAndMedia(t *testing.T) {
	c := newCLI(t)
	c.ok("import", nitfFull)
	var list []struct {
		ID string `json:"id"`
	}
	c.json(&list, "stories")
	if len(list) != 1 {
		t.Fatalf("stories --json = %+v, want one story", list)
	}
	id := list[0].ID
	type fields struct {
		Subjects []map[string]string `json:"subjects"`
		Media    []map[string]string `json:"media"`
	}
	var orig fields
	c.json(&orig, "show", id)
	if len(orig.Subjects) != 2 || len(orig.Media) != 1 {
		t.Fatalf("imported subjects %v media %v, want two subjects and one picture", orig.Subjects, orig.Media)
	}
	md := c.ok("show", id, "--format", "md")
	edited := strings.Replace(md, "name: Economy, Business and Finance / transport\n", "name: Transport\n", 1)
	edited = strings.Replace(edited, "\nmedia:\n", "\nmedia:\n    - href: /pictures/pier.jpg\n      alt: The pier at low tide\n", 1)
	if edited == md || !strings.Contains(edited, "name: Transport") {
		t.Fatalf("show --format md is not as the test expects:\n%s", md)
	}
	wantEdited := fields{Subjects: []map[string]string{orig.Subjects[0], {"code": orig.Subjects[1]["code"], "name": "Transport"}},
		Media: append([]map[string]string{{"href": "/pictures/pier.jpg", "alt": "The pier at low tide"}}, orig.Media...)}
	for _, tc := range []struct {
		name, cmd, file string
		want            fields
	}{
		{"update with the file show printed", "update", md, orig},
		{"update with edited subjects and media", "update", edited, wantEdited},
		{"import of the edited file", "import", edited, wantEdited},
	} {
		t.Run(tc.name, func(t *testing.T) {
			target := id
			if tc.cmd == "update" {
				c.ok("update", id, writeFile(t, "story.md", tc.file))
			} else {
				var before []struct {
					ID string `json:"id"`
				}
				c.json(&before, "stories")
				c.ok("import", writeFile(t, "story.md", tc.file))
				var after []struct {
					ID string `json:"id"`
				}
				c.json(&after, "stories")
				known := map[string]bool{}
				for _, s := range before {
					known[s.ID] = true
				}
				for _, s := range after {
					if !known[s.ID] {
						target = s.ID
					}
				}
				if target == id {
					t.Fatalf("import made no new story")
				}
			}
			var got fields
			c.json(&got, "show", target)
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("subjects and media = %v, want %v", got, tc.want)
			}
		})
	}
}
