package wire_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"copydesk/editor"
	"copydesk/editor/wire"
)

func parseArchive(t *testing.T, name string) *wire.Result {
	t.Helper()
	return parseTestdata(t, "archive", name)
}

// TestArchives reads posts of Hugo (YAML, TOML, JSON front matter), Jekyll
// and Zola, and copydesk's own file: their fields, dates, published state,
// slugs and old addresses.
func TestArchives(t *testing.T) {
	tests := []struct {
		file string
		want map[string]string
	}{
		{"hugo-yaml.md", map[string]string{"headline": "Storm closes the coast road", "standfirst": "Drivers told to avoid the A259",
			"byline": "Ann Lee and Bo Chan", "section": "Local", "tags": "weather,roads", "slug": "hugo-build", "status": "published",
			"created": "2023-10-20T07:00:00Z", "published": "2023-10-20T08:30:00Z", "updated": "2023-10-21T12:00:00Z",
			"expires": "2024-10-20T00:00:00Z", "aliases": "/2023/10/storm-road/ /news/storm.html"}},
		{"hugo-toml.md", map[string]string{"headline": "Pier reopens after repairs", "tags": "pier,tourism", "status": "draft",
			"created": "2022-05-01T10:00:00Z", "published": "", "aliases": "/2022/05/pier/"}},
		{"hugo-json.md", map[string]string{"headline": "Harbour dredging begins", "section": "Business", "slug": "harbour-dredging",
			"status": "published", "created": "2021-03-04T00:00:00Z", "published": "2021-03-04T00:00:00Z"}},
		{"2020-07-14-beach-huts.markdown", map[string]string{"headline": "Beach hut prices soar", "status": "published",
			"created": "2020-07-14T00:00:00Z", "published": "2020-07-14T00:00:00Z", "aliases": "/old/beach-huts.html /2020/07/beach-huts/"}},
		{"2020-08-01-unpublished.md", map[string]string{"status": "draft", "created": "2020-08-01T00:00:00Z", "published": ""}},
		{"zola.md", map[string]string{"headline": "Lifeboat crew honoured", "standfirst": "Medals for a rescue in January",
			"tags": "lifeboat,rnli", "section": "Community", "status": "published", "created": "2024-02-10T00:00:00Z",
			"published": "2024-02-10T00:00:00Z", "updated": "2024-02-11T08:00:00Z", "aliases": "/lifeboat/"}},
		{"own-form.md", map[string]string{"headline": "Six paragraphs", "status": "draft", "published": ""}},
		{"show-format.md", map[string]string{"headline": "Council tax to rise", "standfirst": "Bills go up in April", "byline": "Jo Hart",
			"dateline": "LEWES", "credit": "Reporting by Jo Hart.", "section": "Politics", "tags": "council", "status": "ready",
			"slug": "council-tax-to-rise", "created": "2026-11-30T10:00:00Z", "published": ""}},
	}
	for _, tt := range tests {
		r := parseArchive(t, tt.file)
		f := fields(r)
		s := r.Story
		f["slug"], f["status"], f["aliases"] = s.Slug, string(s.Status), strings.Join(r.Meta.Aliases, " ")
		f["created"], f["published"], f["updated"] = f["created_at"], stamp(s.PublishedAt), stamp(s.UpdatedAt)
		for k, want := range tt.want {
			if f[k] != want {
				t.Errorf("%s: %s = %q, want %q", tt.file, k, f[k], want)
			}
		}
		st, _ := r.ToStory()
		if (st.PublishedAt == nil) != (tt.want["published"] == "") || st.Status != editor.Status(tt.want["status"]) {
			t.Errorf("%s: ToStory() status %q published %v, want %q at %q", tt.file, st.Status, st.PublishedAt, tt.want["status"], tt.want["published"])
		}
	}
}

// TestArchiveWarnings: a slug copydesk would not make is normalised with a
// warning, a key it does not keep is named with its line, and TOML tables
// too.
func TestArchiveWarnings(t *testing.T) {
	tests := map[string][]string{
		"hugo-yaml.md":                   {`hugo-yaml.md:11: slug "hugo_build" is not one copydesk makes; it was imported as "hugo-build"`, "hugo-yaml.md:15: weight is not a story field"},
		"hugo-toml.md":                   {"hugo-toml.md:7: params is not a story field"},
		"zola.md":                        {"zola.md:11: extra is not a story field"},
		"2020-07-14-beach-huts.markdown": {"2020-07-14-beach-huts.markdown:2: layout is not a story field"},
	}
	for file, wants := range tests {
		r := parseArchive(t, file)
		for _, want := range wants {
			found := false
			for _, w := range r.Warnings {
				found = found || strings.HasPrefix(w, want)
			}
			if !found {
				t.Errorf("%s: warnings %q, want one starting %q", file, r.Warnings, want)
			}
		}
	}
}

// TestShortcodesAndRawHTML: Hugo's figure, youtube, tweet and highlight
// become Markdown or HTML, others are reported and never printed raw; raw
// HTML keeps tables and loses scripts and handlers; a ticker stays text.
func TestShortcodesAndRawHTML(t *testing.T) {
	r := parseArchive(t, "hugo-yaml.md")
	body := r.Story.Body
	for _, want := range []string{
		`<figure><img src="https://img.example.org/road.jpg" alt="A fallen tree on the road"/><figcaption>The A259 at Rye. Photo: Kim Dale</figcaption></figure>`,
		"[Video on YouTube](https://www.youtube.com/watch?v=dQw4w9WgXcQ)",
		"> [Post by @kentpolice on X](https://x.com/kentpolice/status/1715000000000000000)",
		"Police said the road would reopen on Monday.",
		"```text\nA259  closed  Rye–Winchelsea\n```",
		"<table><tbody><tr><td>Rye</td><td>closed</td></tr></tbody></table>",
		"Shares in Southern Rail <SRN.L> fell.",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("body lacks %q:\n%s", want, body)
		}
	}
	for _, bad := range []string{"{{", "}}", "onclick", "<script", "track()", "newsletter"} {
		if strings.Contains(body, bad) {
			t.Errorf("body holds %q:\n%s", bad, body)
		}
	}
	joined := strings.Join(r.Warnings, "\n")
	for _, want := range []string{`the Hugo shortcode "newsletter-signup" is not one copydesk knows`, `the Hugo shortcode "notice" is not one copydesk knows`, "raw HTML in the body was cleaned: <script>", "event handlers"} {
		if !strings.Contains(joined, want) {
			t.Errorf("warnings %q, want one with %q", r.Warnings, want)
		}
	}
}

// TestArchiveErrorsNameTheLine: bad front matter of each syntax is refused
// naming the file and line.
func TestArchiveErrorsNameTheLine(t *testing.T) {
	tests := []struct {
		name, in string
		line     int
	}{
		{"bad.md", "---\ntitle: ok\ntags: [a, b\n---\nBody\n", 0},
		{"unclosed.md", "---\ntitle: ok\nBody\n", 1},
		{"bad-toml.md", "+++\ntitle = \"ok\"\ndate = \n+++\nBody\n", 3},
		{"bad-json.md", "{\n  \"title\": \"ok\",\n  \"date\": \n}\nBody\n", 4},
		{"bad-date.md", "---\ntitle: ok\ndate: last Tuesday\n---\nBody\n", 3},
		{"bad-status.md", "+++\ntitle = \"ok\"\nstatus = \"live\"\n+++\nBody\n", 3},
		{"bad-draft.md", "---\ntitle: ok\ndraft: maybe\n---\nBody\n", 3},
		{"bad-subjects.md", "---\ntitle: ok\nsubjects: weather\n---\nBody\n", 3},
		{"bad-subject-key.md", "---\ntitle: ok\nsubjects:\n  - code: subj:1\n    label: x\n---\nBody\n", 3},
		{"bad-media-item.md", "---\ntitle: ok\nmedia:\n  - /a.jpg\n---\nBody\n", 3},
		{"bad-media-value.md", "+++\ntitle = \"ok\"\n[[media]]\nhref = [\"/a.jpg\"]\n+++\nBody\n", 0},
	}
	for _, tt := range tests {
		_, err := wire.ParseFile(tt.name, []byte(tt.in))
		var fe *editor.FileError
		if !errors.As(err, &fe) || fe.Name != tt.name || (tt.line > 0 && fe.Line != tt.line) {
			t.Errorf("ParseFile(%s) = %v, want an error naming %s line %d", tt.name, err, tt.name, tt.line)
		}
	}
}

// TestArchiveSubjectsAndMedia: the subjects and media of copydesk's own
// file are read in each front-matter syntax.
func TestArchiveSubjectsAndMedia(t *testing.T) {
	want := "[{medtop:20000763 weather} {subj:15054000 }] [{/pictures/a.jpg The pier Staff Pier at dusk} {https://example.com/b.png   }]"
	for _, tt := range []struct{ name, in string }{
		{"yaml.md", "---\nheadline: Storm\nsubjects:\n  - code: medtop:20000763\n    name: weather\n  - code: subj:15054000\n" +
			"media:\n  - href: /pictures/a.jpg\n    caption: The pier\n    credit: Staff\n    alt: Pier at dusk\n  - href: https://example.com/b.png\n---\nBody\n"},
		{"toml.md", "+++\nheadline = \"Storm\"\n[[subjects]]\ncode = \"medtop:20000763\"\nname = \"weather\"\n[[subjects]]\ncode = \"subj:15054000\"\n" +
			"[[media]]\nhref = \"/pictures/a.jpg\"\ncaption = \"The pier\"\ncredit = \"Staff\"\nalt = \"Pier at dusk\"\n[[media]]\nhref = \"https://example.com/b.png\"\n+++\nBody\n"},
		{"json.md", `{"headline": "Storm", "subjects": [{"code": "medtop:20000763", "name": "weather"}, {"code": "subj:15054000"}],` +
			`"media": [{"href": "/pictures/a.jpg", "caption": "The pier", "credit": "Staff", "alt": "Pier at dusk"}, {"href": "https://example.com/b.png"}]}` + "\nBody\n"},
	} {
		r, err := wire.ParseFile(tt.name, []byte(tt.in))
		if err != nil {
			t.Errorf("ParseFile(%s) = %v", tt.name, err)
			continue
		}
		if got := fmt.Sprint(r.Meta.Subjects, " ", r.Meta.Media); got != want {
			t.Errorf("ParseFile(%s): subjects and media = %s, want %s", tt.name, got, want)
		}
		for _, w := range r.Warnings {
			if strings.Contains(w, "subjects") || strings.Contains(w, "media") {
				t.Errorf("ParseFile(%s) warns %q", tt.name, w)
			}
		}
	}
}
