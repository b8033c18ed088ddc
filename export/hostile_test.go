package export_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"

	"copydesk/editor"
	"copydesk/export"
)

const (
	xssScript   = `<script>alert(1)</script>`
	xssAttr     = `"><img src=x onerror=alert(1)>`
	xssClose    = `</script><script>alert(1)</script><!--`
	xssJSLink   = `javascript:alert(1)`
	hostileBody = "Intro with raw HTML " + xssScript + " and " + xssAttr + ".\n\n" +
		"<script>alert(2)</script>\n\n" +
		"<div onclick=\"alert(3)\">block HTML</div>\n\n" +
		"[a link](javascript:alert(4)) [shouting](JAVASCRIPT:alert(5)) [vb](vbscript:msgbox(6)) [data](data:text/html;base64,PHNjcmlwdD5hbGVydCg3KTwvc2NyaXB0Pg==)\n\n" +
		"<javascript:alert(8)> <a href=\"javascript:alert(9)\">raw link</a> ![img](javascript:alert(10))\n\n" +
		"<table><tr><td onmouseover=\"alert(12)\">cell</td></tr></table>\n\n" +
		"Shares in AmEx <AXP> rose; H<sub>2</sub>O; <em>emphasis never closed, a stray </strong> end.\n\n" +
		"Text that must land in JSON-LD: </script><script>alert(11)</script> and “a quote </script> here”."
)

func hostileContent() ([]editor.Story, []editor.Page) {
	pub := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	s := editor.Story{
		ID: `../../id"<>`, Slug: "../../etc/passwd", Headline: xssScript + ` & “quotes”`, Standfirst: xssAttr,
		Byline: xssClose, Dateline: "<!--", Body: hostileBody, Credit: xssClose, Section: `<b>Sec</b>"'`,
		Tags: []string{`"><svg onload=alert(1)>`, "</script>"}, Status: editor.StatusPublished, RulesPage: "../../rules",
		CreatedAt: pub, UpdatedAt: pub.Add(time.Hour), PublishedAt: &pub,
		Corrections: []editor.Correction{{Note: xssScript, At: pub.Add(time.Hour)}},
	}
	i := strings.Index(s.Body, "a quote </script> here")
	s.Quotes = []editor.Quote{{ID: `"><x`, Speaker: xssAttr, Role: xssScript, Verb: `" onmouseover="alert(1)`, SaidOn: `2026-01-02`,
		Source: xssJSLink, Text: "a quote </script> here", Anchor: editor.Anchor{Exact: "a quote </script> here", Start: i, End: i + len("a quote </script> here")}}}
	page := editor.Page{ID: "p<1>", Slug: "../../../tmp/evil", Kind: editor.PageRules, Title: xssScript,
		Summary: xssAttr + "\nRead the rules here", Body: hostileBody}
	return []editor.Story{s}, []editor.Page{page}
}

func TestHostileInputIsInert(t *testing.T) {
	stories, pages := hostileContent()
	parent := t.TempDir()
	dir := filepath.Join(parent, "a", "b", "site")
	site := testSite
	site.Name = xssScript + " & Co"
	site.Description = xssAttr + " & more"
	rep, err := export.Export(t.Context(), dir, site, stories, pages, nil)
	if err != nil {
		t.Fatal(err)
	}

	// Nothing outside the output folder.
	err = filepath.WalkDir(parent, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && !strings.HasPrefix(p, dir+string(filepath.Separator)) {
			t.Errorf("export wrote %s, outside %s", p, dir)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range rep.Files {
		if strings.Contains(f.Path, "..") || strings.HasPrefix(f.Path, "/") {
			t.Errorf("report names path %q", f.Path)
		}
	}
	for _, want := range []string{"articles/etc-passwd.html", "ninjs/etc-passwd.json", "pages/tmp-evil.html"} {
		if _, err := os.Stat(filepath.Join(dir, want)); err != nil {
			t.Errorf("want %s for a ../ slug: %v", want, err)
		}
	}

	tree := readTree(t, dir)
	for path, data := range tree {
		switch {
		case strings.HasSuffix(path, ".html"):
			checkInertHTML(t, path, data, stories[0].Headline)
		case strings.HasSuffix(path, ".xml"):
			checkXML(t, path, data)
		case strings.HasSuffix(path, ".json"):
			var v any
			if err := json.Unmarshal(data, &v); err != nil {
				t.Errorf("%s is not JSON: %v", path, err)
			}
			checkInertJSON(t, path, "", v)
		}
	}

	// The headline survives the trip through every format unchanged.
	article := tree["articles/etc-passwd.html"]
	if !bytes.Contains(article, []byte("<h1>&lt;script&gt;alert(1)&lt;/script&gt; &amp; “quotes”</h1>")) {
		t.Errorf("the article's headline is not escaped as text:\n%s", article)
	}
	for _, name := range []string{"atom.xml", "rss.xml", "feed.json"} {
		feed, err := gofeed.NewParser().Parse(bytes.NewReader(tree[name]))
		if err != nil {
			t.Fatalf("%s does not parse: %v", name, err)
		}
		if len(feed.Items) != 1 || feed.Items[0].Title != stories[0].Headline {
			t.Errorf("%s: items = %d, first title %q, want 1 titled %q", name, len(feed.Items), feed.Items[0].Title, stories[0].Headline)
		}
	}
	var nj struct {
		Headlines []struct{ Value string } `json:"headlines"`
		Bodies    []struct{ Value string } `json:"bodies"`
	}
	if err := json.Unmarshal(tree["ninjs/etc-passwd.json"], &nj); err != nil || len(nj.Headlines) == 0 || nj.Headlines[0].Value != stories[0].Headline {
		t.Errorf("ninjs headline = %+v (%v), want %q", nj.Headlines, err, stories[0].Headline)
	}
	if len(nj.Bodies) == 1 {
		checkInertHTML(t, "ninjs body", []byte(nj.Bodies[0].Value), "")
	}
}

// checkInertHTML parses an HTML page and fails on anything that would run:
// a script other than JSON-LD, an event-handler attribute, a script address.
// The JSON-LD must parse and, when headline is given, carry it exactly.
func checkInertHTML(t *testing.T, path string, data []byte, headline string) {
	t.Helper()
	z := html.NewTokenizer(bytes.NewReader(data))
	inLD := false
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if z.Err() != io.EOF {
				t.Errorf("%s: %v", path, z.Err())
			}
			return
		case html.TextToken:
			if inLD {
				var ld map[string]any
				if err := json.Unmarshal(z.Text(), &ld); err != nil {
					t.Errorf("%s: JSON-LD does not parse: %v\n%s", path, err, z.Text())
				} else if headline != "" && ld["headline"] != headline {
					t.Errorf("%s: JSON-LD headline = %q, want %q", path, ld["headline"], headline)
				}
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			inLD = false
			switch tok.Data {
			case "script":
				typ := ""
				for _, a := range tok.Attr {
					if a.Key == "type" {
						typ = a.Val
					}
				}
				if typ != "application/ld+json" {
					t.Errorf("%s: live <script> element: %v", path, tok)
				}
				inLD = true
			case "iframe", "object", "embed", "svg", "math", "form", "base", "meta", "link", "style":
				if tok.Data == "meta" || tok.Data == "link" {
					break // the head's own, checked by their attributes below
				}
				t.Errorf("%s: unexpected <%s> element: %v", path, tok.Data, tok)
			}
			for _, a := range tok.Attr {
				key := strings.ToLower(a.Key)
				val := strings.ToLower(strings.TrimSpace(a.Val))
				if strings.HasPrefix(key, "on") {
					t.Errorf("%s: event handler attribute in %v", path, tok)
				}
				if (key == "href" || key == "src" || key == "cite" || key == "action") &&
					(strings.HasPrefix(val, "javascript:") || strings.HasPrefix(val, "vbscript:") || strings.HasPrefix(val, "data:text")) {
					t.Errorf("%s: script address in %v", path, tok)
				}
			}
		case html.EndTagToken:
			inLD = false
		}
	}
}

// checkXML fails on a feed or sitemap that is not well-formed, on an
// element a feed reader renders as HTML (RSS description and
// content:encoded, Atom text of type html) whose HTML would run, and on a
// script address anywhere a reader follows links.
func checkXML(t *testing.T, path string, data []byte) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(data))
	type open struct {
		name string
		html bool
		text strings.Builder
	}
	var stack []*open
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Errorf("%s is not well-formed XML: %v", path, err)
			return
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			e := &open{name: tok.Name.Local}
			e.html = e.name == "encoded" || e.name == "description" && !strings.Contains(path, "sitemap")
			for _, a := range tok.Attr {
				if a.Name.Local == "type" && (a.Value == "html" || a.Value == "xhtml") {
					e.html = true
				}
				checkAddress(t, path, a.Name.Local, a.Value)
			}
			stack = append(stack, e)
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].text.Write(tok)
			}
		case xml.EndElement:
			e := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if e.html {
				checkInertHTML(t, path+" <"+e.name+">", []byte(e.text.String()), "")
			}
			checkAddress(t, path, e.name, e.text.String())
		}
	}
}

// checkInertJSON walks a JSON file: a value under a key naming HTML
// (content_html, a ninjs body of type text/html) must be inert HTML, and no
// address may be a script.
func checkInertJSON(t *testing.T, path, key string, v any) {
	t.Helper()
	switch v := v.(type) {
	case map[string]any:
		isHTML := v["contenttype"] == "text/html"
		for k, x := range v {
			if s, ok := x.(string); ok && (strings.Contains(strings.ToLower(k), "html") || isHTML && k == "value") {
				checkInertHTML(t, path+" "+k, []byte(s), "")
				continue
			}
			checkInertJSON(t, path, k, x)
		}
	case []any:
		for _, x := range v {
			checkInertJSON(t, path, key, x)
		}
	case string:
		checkAddress(t, path, key, v)
	}
}

// checkAddress fails when a link-like field (url, href, link, loc…) holds
// a script address.
func checkAddress(t *testing.T, path, key, val string) {
	t.Helper()
	switch strings.ToLower(key) {
	case "url", "uri", "href", "src", "link", "loc", "id", "home_page_url", "feed_url", "external_url", "image", "banner_image", "icon", "favicon":
	default:
		return
	}
	val = strings.ToLower(strings.TrimSpace(val))
	if strings.HasPrefix(val, "javascript:") || strings.HasPrefix(val, "vbscript:") || strings.HasPrefix(val, "data:text") {
		t.Errorf("%s: script address in %s: %q", path, key, val)
	}
}
