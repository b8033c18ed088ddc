package export_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/mmcdole/gofeed"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// The validators are installed by `make test-deps`. Without them the tests
// skip on a developer's machine and fail in CI (CI=true), so a missing
// validator never passes for a valid site.

const vnuJar = "../tools/vnu/node_modules/vnu-jar/build/dist/vnu.jar"

func needTool(t *testing.T, what string, err error) {
	t.Helper()
	if err == nil {
		return
	}
	msg := what + " is not installed (run make test-deps): " + err.Error()
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip(msg)
}

// exportValidationSite exports the sample site and the hostile one, each in
// its own folder, and returns both folders.
func exportValidationSite(t *testing.T) []string {
	t.Helper()
	stories, pages := sampleSite(t)
	sample := filepath.Join(t.TempDir(), "sample")
	exportTo(t, sample, stories, pages)
	hs, hp := hostileContent()
	hostile := filepath.Join(t.TempDir(), "hostile")
	exportTo(t, hostile, hs, hp)
	ns, np := newsroomSite(t)
	newsroom := filepath.Join(t.TempDir(), "newsroom")
	exportTo(t, newsroom, ns, np)
	return []string{sample, hostile, newsroom}
}

func filesWithSuffix(t *testing.T, dirs []string, suffix string) []string {
	t.Helper()
	var out []string
	for _, dir := range dirs {
		for path := range readTree(t, dir) {
			if strings.HasSuffix(path, suffix) && !strings.HasPrefix(path, ".copydesk/") {
				out = append(out, filepath.Join(dir, path))
			}
		}
	}
	sort.Strings(out)
	return out
}

type vnuMessage struct {
	Type     string `json:"type"`
	SubType  string `json:"subType"`
	URL      string `json:"url"`
	LastLine int    `json:"lastLine"`
	Message  string `json:"message"`
	Extract  string `json:"extract"`
}

// runVNU checks files with the Nu Html Checker and returns its errors.
func runVNU(t *testing.T, args ...string) []vnuMessage {
	t.Helper()
	java, err := exec.LookPath("java")
	needTool(t, "java", err)
	_, err = os.Stat(vnuJar)
	needTool(t, "the Nu Html Checker (vnu-jar)", err)
	cmd := exec.Command(java, append([]string{"-jar", vnuJar, "--errors-only", "--format", "json", "--exit-zero-always"}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr // vnu writes its JSON report to stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("vnu: %v\n%s", err, stderr.String())
	}
	var report struct {
		Messages []vnuMessage `json:"messages"`
	}
	if err := json.Unmarshal(stderr.Bytes(), &report); err != nil {
		t.Fatalf("vnu printed no JSON report: %v\n%s", err, stderr.String())
	}
	var errs []vnuMessage
	for _, m := range report.Messages {
		if m.Type == "error" || m.Type == "non-document-error" || m.SubType == "fatal" {
			errs = append(errs, m)
		}
	}
	return errs
}

func TestNuHtmlChecker(t *testing.T) {
	dirs := exportValidationSite(t)
	pages := filesWithSuffix(t, dirs, ".html")
	if len(pages) < 10 {
		t.Fatalf("only %d HTML pages to check", len(pages))
	}
	// A page with known errors goes first, so the test proves the checker
	// reports errors at all before it believes "no errors" about ours.
	canary := filepath.Join(t.TempDir(), "canary.html")
	if err := os.WriteFile(canary, []byte("<!DOCTYPE html><html lang=en><title>x</title><p><div></p></span>"), 0o644); err != nil {
		t.Fatal(err)
	}
	errs := runVNU(t, append([]string{canary}, pages...)...)
	canaryErrors := 0
	for _, m := range errs {
		if strings.HasSuffix(m.URL, "canary.html") {
			canaryErrors++
			continue
		}
		t.Errorf("%s:%d: %s (%s)", m.URL, m.LastLine, m.Message, m.Extract)
	}
	if canaryErrors == 0 {
		t.Errorf("vnu reported no error in a page that has some; it is not checking")
	}
	t.Logf("vnu checked %d exported pages", len(pages))

	css := filesWithSuffix(t, dirs[:1], ".css")
	for _, m := range runVNU(t, append([]string{"--css"}, css...)...) {
		t.Errorf("%s:%d: %s", m.URL, m.LastLine, m.Message)
	}
}

func compileNinjs(t *testing.T) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	for url, file := range map[string]string{
		"http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json": "testdata/schemas/ninjs-schema_3.1.json",
		"https://geojson.org/schema/GeoJSON.json":             "testdata/schemas/GeoJSON.json",
	} {
		f, err := os.Open(file)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := jsonschema.UnmarshalJSON(f)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		if err := c.AddResource(url, doc); err != nil {
			t.Fatal(err)
		}
	}
	sch, err := c.Compile("http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json")
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

func TestNinjsSchema(t *testing.T) {
	sch := compileNinjs(t)
	dirs := exportValidationSite(t)
	files := filesWithSuffix(t, dirs, ".json")
	n := 0
	for _, path := range files {
		if !strings.Contains(path, "/ninjs/") {
			continue
		}
		n++
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := jsonschema.UnmarshalJSON(f)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if err := sch.Validate(doc); err != nil {
			t.Errorf("%s does not validate against ninjs 3.1: %v", path, err)
		}
	}
	if n < 3 {
		t.Errorf("validated %d ninjs files, want one per published story (at least 3)", n)
	}
	// The schema must refuse what ninjs 3.1 refuses, or it proves nothing.
	for _, bad := range []string{
		`{"uri": "urn:x", "versioncreated": "2021-07-19T16:05:00Z"}`,
		`{"uri": "urn:x", "body_html": "<p>x</p>"}`,
		`{"uri": "urn:x", "versionCreated": "yesterday"}`,
		`{"type": "text"}`,
	} {
		doc, err := jsonschema.UnmarshalJSON(strings.NewReader(bad))
		if err != nil {
			t.Fatal(err)
		}
		if sch.Validate(doc) == nil {
			t.Errorf("the ninjs schema accepted %s", bad)
		}
	}
}

func TestAtomRelaxNG(t *testing.T) {
	jing, err := exec.LookPath("jing")
	needTool(t, "jing", err)
	dirs := exportValidationSite(t)
	bad := filepath.Join(t.TempDir(), "bad.atom")
	if err := os.WriteFile(bad, []byte(`<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>`), 0o644); err != nil {
		t.Fatal(err)
	}
	run := func(path string) (string, error) {
		out, err := exec.Command(jing, "-c", "testdata/schemas/atom.rnc", path).CombinedOutput()
		// The Debian launcher warns about optional jars it cannot find.
		var lines []string
		for _, l := range strings.Split(string(out), "\n") {
			if l != "" && !strings.HasPrefix(l, "[warning]") {
				lines = append(lines, l)
			}
		}
		return strings.Join(lines, "\n"), err
	}
	if _, err := run(bad); err == nil {
		t.Errorf("jing accepted an Atom feed with no id, updated or author")
	}
	for _, dir := range dirs {
		out, err := run(filepath.Join(dir, "atom.xml"))
		var exit *exec.ExitError
		if errors.As(err, &exit) || out != "" {
			t.Errorf("%s/atom.xml does not validate against atom.rnc:\n%s", dir, out)
		} else if err != nil {
			t.Fatal(err)
		}
	}
}

func TestFeedsParseBack(t *testing.T) {
	stories, pages := sampleSite(t)
	dir := t.TempDir()
	exportTo(t, dir, stories, pages)
	var want []string // published headlines, newest first
	for _, s := range []int{0, 2, 1} {
		want = append(want, stories[s].Headline)
	}
	for _, tt := range []struct{ file, feedType string }{
		{"atom.xml", "atom"}, {"rss.xml", "rss"}, {"feed.json", "json"},
	} {
		data, err := os.ReadFile(filepath.Join(dir, tt.file))
		if err != nil {
			t.Fatal(err)
		}
		feed, err := gofeed.NewParser().Parse(bytes.NewReader(data))
		if err != nil {
			t.Errorf("%s does not parse: %v", tt.file, err)
			continue
		}
		if feed.FeedType != tt.feedType || feed.Title != testSite.Name {
			t.Errorf("%s parses as %s titled %q, want %s titled %q", tt.file, feed.FeedType, feed.Title, tt.feedType, testSite.Name)
		}
		var got []string
		for _, it := range feed.Items {
			got = append(got, it.Title)
			if it.PublishedParsed == nil || it.Link == "" || !strings.HasPrefix(it.Link, testSite.BaseURL) {
				t.Errorf("%s: item %q has published %v and link %q", tt.file, it.Title, it.PublishedParsed, it.Link)
			}
		}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%s items = %q, want %q", tt.file, got, want)
		}
		if first := feed.Items[0]; !strings.Contains(first.Content, `<q class="quote"`) {
			t.Errorf("%s: the sample story's content has no quotes marked up: %.200s", tt.file, first.Content)
		}
	}
}
