package wire_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"copydesk/editor"
	"copydesk/editor/wire"
)

// fields flattens what a reader found into names a test can list.
func fields(r *wire.Result) map[string]string {
	s, m := r.Story, r.Meta
	at := func(t *time.Time) string {
		if t == nil {
			return ""
		}
		return t.Format(time.RFC3339)
	}
	var subjects, media []string
	for _, x := range m.Subjects {
		subjects = append(subjects, x.Code+"="+x.Name)
	}
	for _, x := range m.Media {
		media = append(media, strings.Join([]string{x.Href, x.Caption, x.Credit, x.Alt}, "|"))
	}
	urgency := ""
	if m.Urgency > 0 {
		urgency = fmt.Sprint(m.Urgency)
	}
	return map[string]string{
		"format": r.Format, "headline": s.Headline, "standfirst": s.Standfirst, "byline": s.Byline,
		"dateline": s.Dateline, "credit": s.Credit, "section": s.Section, "tags": strings.Join(s.Tags, ","),
		"created_at": at(s.CreatedAt), "urgency": urgency, "slugline": m.Slugline, "embargo": at(m.Embargo),
		"expires": at(m.Expires), "subjects": strings.Join(subjects, "; "), "genre": m.Genre, "ed_note": m.EdNote,
		"language": m.Language, "rights": m.Rights, "source": m.Source, "media": strings.Join(media, "; "),
		"feed_id": m.FeedID, "pub_status": m.PubStatus, "byline_title": m.BylineTitle,
	}
}

// TestFormats reads each format's fixtures (written for these tests from the
// formats' specifications) and checks every field the format carries.
func TestFormats(t *testing.T) {
	tests := []struct {
		file   string
		want   map[string]string
		body   []string // in the body, in this order
		absent []string // nowhere in the body
	}{
		{"nitf-full.xml", map[string]string{
			"format": "nitf", "headline": "Harbour tolls to double as port seeks £40m for sea wall",
			"standfirst": "Shipping firms say the rise will cost jobs", "byline": "Mary O'Neill",
			"byline_title": "Example News Business Writer", "dateline": "PORTSMOUTH, Dec. 3",
			"credit": "Reporting by Mary O'Neill; editing by Tom Hale", "section": "Business", "tags": "shipping,ports",
			"created_at": "2026-12-03T09:15:00Z", "urgency": "3", "slugline": "BC-HARBOUR-TOLLS",
			"embargo": "2026-12-03T14:00:00Z", "expires": "2027-01-03T00:00:00Z", "pub_status": "embargoed",
			"subjects": "subj:04000000=Economy, Business and Finance; subj:04015000=Economy, Business and Finance / transport",
			"genre":    "current", "ed_note": "Embargoed until 1400 GMT. Corrects spelling of Quayside in 5th para.\nGraphic to follow.",
			"rights": "© 2026 Example News Agency", "source": "XNW", "feed_id": "XNW-20261203-0042",
			"media": "https://img.example.com/harbour.jpg|Cranes at Portsmouth harbour.|Jane Lens/XNW|Cranes at the harbour at dusk; wall-plan.png|The planned wall.||",
		}, []string{
			"The harbour authority will double its tolls", "*£40 million*",
			"## What ships will pay", "<table><caption>Tolls per call</caption>", "<td>Tanker</td>",
			"Firms named three worries:", "- jobs at the Quayside yards\n- fares on the island ferries", "1. First\n2. Second",
			"```\nPORT        CALLS   TOLL\nPortsmouth   1,204  2,400\n", `<figure><img src="https://img.example.com/harbour.jpg"`,
			"The rise needs the minister's approval.",
		}, []string{"PORTSMOUTH, Dec. 3 (XNW)", "onclick", "script", "alert", "wall-plan.png", "Graphic to follow", "Port authority doubles", "Copyright"}},
		{"newsml12-nitf.xml", map[string]string{
			"format": "newsml", "headline": "River Ouse bursts its banks in York", "standfirst": "Hundreds of homes evacuated overnight",
			"byline": "Sam Rivers", "byline_title": "Example News Correspondent", "dateline": "YORK, Dec 3", "credit": "Example News",
			"tags": "floods", "urgency": "2", "slugline": "UK-WEATHER-FLOOD", "embargo": "2026-12-03T18:00:00Z", "pub_status": "embargoed",
			"subjects": "subj:17000000=; subj:17004000=", "genre": "Current", "language": "en", "rights": "Copyright 2026 Example News",
			"source": "Example News", "feed_id": "urn:newsml:news.example.org:20261203:FLOOD-1:1", "created_at": "2026-12-03T10:00:00Z",
			"media": "https://img.example.org/flood.jpg|||",
		}, []string{"Hundreds of people left their homes", "“The water came in fast,” said resident Ann Lee."}, []string{"YORK, Dec 3 (Example News)"}},
		{"newsml12-xhtml.xml", map[string]string{"format": "newsml", "headline": "Bus fares frozen for a year", "urgency": "5",
			"feed_id": "news.example.org:20261204:BUS-7"},
			[]string{"Fares will not rise until 2028", "## Why", "Ridership has **fallen** by a fifth."}, []string{"Bus fares\n"}},
		{"newsmlg2-nitf.xml", map[string]string{
			"format": "newsml-g2", "headline": "Small earthquake shakes Kent", "standfirst": "No injuries reported", "byline": "Priya Shah",
			"dateline": "LONDON, Dec 3", "tags": "earthquake", "urgency": "2", "slugline": "QUAKE-KENT", "embargo": "2026-12-03T12:00:00Z",
			"subjects": "medtop:20000082=earthquake; medtop:03000000=disaster, accident and emergency incident", "genre": "Current",
			"ed_note": "Adds quote from the mayor.", "language": "en-GB", "rights": "Copyright 2026 Example News. All rights reserved.",
			"source": "Example News", "feed_id": "urn:newsml:news.example.org:20261203:quake", "created_at": "2026-12-03T10:40:00Z",
			"media": "https://img.example.org/quake.jpg|||",
		}, []string{"A small earthquake shook homes across Kent", "“The cups rattled,” said the mayor, Joan Ford."}, nil},
		{"newsmlg2-xhtml.xml", map[string]string{"format": "newsml-g2", "headline": "Council sets its budget", "standfirst": "Spending rises by 3%.",
			"urgency": "4", "slugline": "BUDGET", "feed_id": "tag:news.example.org,2026:budget"},
			[]string{"The council agreed its budget on Tuesday.", "- Roads: *up* 5%\n- Parks: flat", "H<sub>2</sub>O bills"}, nil},
		{"ninjs1.json", map[string]string{
			"format": "ninjs", "headline": "Ferry runs aground off Skye", "standfirst": "All 80 passengers are safe.", "byline": "Angus Reid",
			"dateline": "PORTREE, Scotland", "urgency": "3", "slugline": "FERRY-SKYE", "embargo": "2026-12-03T10:00:00Z",
			"subjects": "medtop:20000151=maritime accident", "genre": "Current", "language": "en", "rights": "© Example News",
			"feed_id": "http://news.example.org/2026/12/03/ferry", "created_at": "2026-12-03T08:30:00Z",
			"media": "https://img.example.org/ferry.jpg|The ferry at low tide|Iain Fox|",
		}, []string{"A ferry ran aground off Skye on Thursday morning.\n\n“We felt a bump,” said passenger Mhairi Ross."}, []string{"<p>", "track", "script"}},
		{"ninjs2.json", map[string]string{
			"format": "ninjs", "headline": "Rail staff vote to strike", "standfirst": "Walkouts planned for January.", "byline": "Lee Park",
			"dateline": "LEEDS", "urgency": "5", "slugline": "RAIL-STRIKE", "expires": "2027-01-04T00:00:00Z", "ed_note": "Strike dates may change.",
			"subjects": "http://cv.iptc.org/newscodes/mediatopic/20000191=strike", "language": "en-GB", "rights": "© 2026 Example News",
			"source": "Example News", "feed_id": "urn:example:ninjs2:rail",
		}, []string{"Rail staff voted to strike in January.\n\nThe union said talks had failed."}, nil},
		// A feed's bodies with roles of their own ("nitf", "text") and
		// none "main": the plain text one is the body.
		{"ninjs-roles.json", map[string]string{
			"format": "ninjs", "headline": "Harbour wall to be rebuilt", "byline": "Ruth Bell", "dateline": "WHITBY",
		}, []string{"The harbour wall will be rebuilt next year.\n\nWork starts in March."}, []string{"Not read", "\r"}},
		{"ninjs3.json", map[string]string{
			"format": "ninjs", "headline": "Library to close after 90 years", "standfirst": "The council says it cannot afford repairs.",
			"byline": "Tom Vine", "dateline": "BARNSLEY", "credit": "Reporting by Tom Vine.", "section": "Local", "tags": "libraries,council",
			"slugline": "library-to-close", "language": "en-GB", "rights": "© The Barnsley Bugle",
			"feed_id": "urn:uuid:0b5e8c4e-2d34-4f0a-9d3e-6f4a2b1c9e77", "created_at": "2026-12-05T08:00:00Z",
		}, []string{"The town library will close in March", "“It is a sad day,” said librarian Ruth Hale.", "## What next", "- Books go to the school"}, []string{"<q", "<p>"}},
		{"anpa.txt", map[string]string{
			"format": "anpa1312", "headline": "Harbour tolls to double", "byline": "Mary O'Neill", "byline_title": "Example Press Business Writer",
			"dateline": "PORTSMOUTH, England (XP)", "urgency": "5", "slugline": "BC-Harbour-Tolls", "subjects": "anpa:f=financial",
			"ed_note": "UPDATES with chairman's quote. Moves on financial wires.", "rights": "Copyright 2026 by Example Press. All Rights Reserved.",
			"feed_id": "a0412",
		}, []string{"The harbour authority will double its tolls from April, it said Thursday.", "“We have no choice,” said chairman Alan Price. “The wall is failing.”", "Shares in ferry firms <FRY.L> fell 3 percent."},
			[]string{"``", "''", "^", "\x02", "\x03", "XP-NY-", "Copyright"}},
		{"iptc7901.txt", map[string]string{
			"format": "iptc7901", "headline": "EU leaders agree budget after all-night talks", "byline": "Karl Weber", "dateline": "BRUSSELS, Dec 3 (XNA)",
			"urgency": "3", "slugline": "EU-BUDGET", "subjects": "iptc7901:ECO=", "source": "XNA", "feed_id": "XNA0731",
		}, []string{"European Union leaders agreed a budget", "\"It was hard,\" said one diplomat.", "The deal still needs the parliament's approval."}, []string{"\x01", "\x02", "kw/jm"}},
	}
	for _, tt := range tests {
		r := parseFixture(t, tt.file)
		got := fields(r)
		for k, want := range tt.want {
			if got[k] != want {
				t.Errorf("%s: %s = %q, want %q", tt.file, k, got[k], want)
			}
		}
		body := r.Story.Body
		at := 0
		for _, want := range tt.body {
			i := strings.Index(body[at:], want)
			if i < 0 {
				t.Errorf("%s: body lacks %q after offset %d:\n%s", tt.file, want, at, body)
				break
			}
			at += i + len(want)
		}
		for _, bad := range tt.absent {
			if strings.Contains(body, bad) {
				t.Errorf("%s: body holds %q, want it left out:\n%s", tt.file, bad, body)
			}
		}
		for _, f := range []string{r.Story.Headline, r.Story.Standfirst, r.Story.Byline, r.Story.Dateline, r.Story.Credit, body} {
			if strings.IndexFunc(f, func(c rune) bool { return c < 0x20 && c != '\n' || c >= 0x7f && c <= 0x9f }) >= 0 {
				t.Errorf("%s: field %q holds a control character", tt.file, f)
			}
		}
	}
}

// TestNoticesAreNotStories: a cancellation is refused as a notice naming the
// story it cancels, not imported as a story.
func TestNoticesAreNotStories(t *testing.T) {
	for file, id := range map[string]string{"nitf-canceled.xml": "XNW-20261203-0042", "newsmlg2-canceled.xml": "urn:newsml:news.example.org:20261203:quake"} {
		data, err := os.ReadFile(filepath.Join("testdata", "feeds", file))
		if err != nil {
			t.Fatal(err)
		}
		_, err = wire.ParseFile(file, data)
		if !errors.Is(err, wire.ErrNotice) || !strings.Contains(err.Error(), id) {
			t.Errorf("ParseFile(%s) = %v, want a notice naming %s", file, err, id)
		}
	}
}

// TestEncodings: declared encodings are decoded, UTF-16 with its BOM too,
// and undeclared Windows-1252 is recognised with a warning.
func TestEncodings(t *testing.T) {
	tests := []struct {
		file, headline, body string
		warned               bool
	}{
		{"nitf-latin1.xml", "Café owner wins £500", "The café in Montréal, naïve or not, won.", false},
		{"nitf-cp1252.xml", "“Quoted” – €5 rise", "Fares rise by €5 — “too much”, riders said.", false},
		{"nitf-iso885915.xml", "Prices in € rise", "Œuvre prices rose by €3.", false},
		{"nitf-utf16.xml", "Zoë’s “big” day", "Zoë won — again.", false},
		{"text-cp1252.txt", "Fares rise again", "Riders said the “new” fares – €5 more – were too much.", true},
	}
	for _, tt := range tests {
		r := parseFixture(t, tt.file)
		warned := false
		for _, w := range r.Warnings {
			warned = warned || strings.Contains(w, "is not UTF-8") && strings.Contains(w, "Windows-1252")
		}
		if r.Story.Headline != tt.headline || !strings.HasPrefix(r.Story.Body, tt.body) || warned != tt.warned {
			t.Errorf("%s: headline %q, body %q, warnings %q; want %q, %q, warned %v", tt.file, r.Story.Headline, r.Story.Body, r.Warnings, tt.headline, tt.body, tt.warned)
		}
	}
	// A BOM is honoured and left out of the text.
	r, err := wire.ParseFile("bom.txt", []byte("\xef\xbb\xbfHeadline here\nText of the story.\n"))
	if err != nil || r.Story.Headline != "Headline here" {
		t.Errorf("ParseFile(UTF-8 with BOM) = %+v, %v; want the headline without the BOM", r, err)
	}
	// An encoding nobody knows is refused naming it.
	_, err = wire.ParseFile("odd.xml", []byte(`<?xml version="1.0" encoding="x-martian"?><nitf/>`))
	var fe *editor.FileError
	if !errors.As(err, &fe) || !strings.Contains(err.Error(), "x-martian") {
		t.Errorf("ParseFile(unknown encoding) = %v, want an error naming x-martian", err)
	}
}

// TestRefusesWhatItCannotRead: other XML, JSON that is not ninjs, binary
// files and other framed copy are refused naming the file and the formats
// copydesk reads, never imported as text.
func TestRefusesWhatItCannotRead(t *testing.T) {
	tests := map[string]string{
		"feed.xml":     `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>`,
		"book.xml":     `<catalog><book id="1"><title>T</title></book></catalog>`,
		"page.html":    `<html><body><p>Hello</p></body></html>`,
		"data.json":    `{"id": 1, "name": "widget", "body": "text"}`,
		"list.json":    `[{"uri": "x", "headline": "y"}]`,
		"broken.json":  `{"uri": "x", "headline": `,
		"image.png":    "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
		"framed.txt":   "\x01??? garbage\x02text\x03",
		"package.xml":  `<packageItem xmlns="http://iptc.org/std/nar/2006-10-01/"><groupSet/></packageItem>`,
		"controls.txt": strings.Repeat("\x07\x08\x0b", 20) + "words",
	}
	for name, data := range tests {
		_, err := wire.ParseFile(name, []byte(data))
		if !errors.Is(err, wire.ErrUnknownFormat) || !strings.HasPrefix(err.Error(), name+": ") || !strings.Contains(err.Error(), wire.FormatsRead) {
			t.Errorf("ParseFile(%s) = %v, want it refused naming the file and the formats read", name, err)
		}
	}
}

// TestPlainTextStaysText: a ticker in angle brackets is kept as written,
// markup-like text is escaped so that it shows as typed, control characters
// are dropped.
func TestPlainTextStaysText(t *testing.T) {
	r, err := wire.ParseFile("t.txt", []byte("Shares fall\nShares in AmEx <AXP> fell 2% after <b>results</b>.\n* not a list\n# not a heading\nBell\x07 rang.\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := "Shares in AmEx <AXP> fell 2% after \\<b>results\\</b>.\n\n\\* not a list\n\n\\# not a heading\n\nBell rang."
	if r.Story.Body != want {
		t.Errorf("body = %q, want %q", r.Story.Body, want)
	}
	// Text that starts with a ticker is text, not XML.
	r, err = wire.ParseFile("t.txt", []byte("<AXP> shares rose\nAmerican Express shares rose 3% on Tuesday.\n"))
	if err != nil || r.Format != wire.FormatText || !strings.Contains(r.Story.Headline+r.Story.Body, "<AXP> shares rose") {
		t.Errorf("ParseFile(text starting with a ticker) = %+v, %v; want it read as text", r, err)
	}
}

// TestSignoffs: agencies' sign-offs and closing blocks leave the body and
// are reported, as site text is; the story and its credit stay.
func TestSignoffs(t *testing.T) {
	story := "Storm hits the coast\nWinds battered the town overnight.\nThe council said repairs would take weeks.\n"
	tests := []struct {
		name, tail, left string
		gone             []string
	}{
		{"AFP initials", "AFP sn\n", "", []string{"AFP sn"}},
		{"AFP with desk initials", "AFP sn/jm/xyz\n", "", []string{"sn/jm"}},
		{"AAP", "AAP RTV ar\n", "", []string{"AAP RTV"}},
		{"initials only", "kw/jm\n", "", []string{"kw/jm"}},
		{"Reuter", "REUTER\n031234 GMT\n", "", []string{"REUTER", "GMT"}},
		{"Canadian Press", "This report by The Canadian Press was first published Dec. 3, 2026.\n", "", []string{"Canadian Press"}},
		{"AP rule and contacts", "\n___\n\nFollow Jane Doe on X at https://x.com/janedoe\n\nAssociated Press writer Sam Lee contributed to this report.\n",
			"", []string{"___", "Follow Jane Doe"}},
		{"release contacts", "\n###\n\nCONTACT: Jane Doe, +44 20 7946 0000, press@example.com\n\nKEYWORD: UNITED KINGDOM\nINDUSTRY KEYWORD: TRANSPORT\nSOURCE: Example Ports plc\n",
			"", []string{"###", "CONTACT", "KEYWORD", "SOURCE: Example"}},
	}
	for _, tt := range tests {
		in := story + tt.tail
		if strings.HasPrefix(tt.tail, "\n") {
			in = strings.ReplaceAll(story, "\n", "\n\n") + tt.tail
		}
		r, err := wire.ParseFile("s.txt", []byte(in))
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if !strings.HasSuffix(r.Story.Body, "The council said repairs would take weeks.") {
			t.Errorf("%s: body = %q, want it to end with the story", tt.name, r.Story.Body)
		}
		for _, g := range tt.gone {
			if strings.Contains(r.Story.Body, g) {
				t.Errorf("%s: body holds %q, want it taken out", tt.name, g)
			}
		}
		found := false
		for _, b := range r.Boilerplate {
			found = found || b.Kind == wire.BoilerplateSignoff && strings.Contains(b.Text, tt.gone[len(tt.gone)-1])
		}
		if !found {
			t.Errorf("%s: boilerplate = %+v, want the sign-off reported", tt.name, r.Boilerplate)
		}
		warned := false
		for _, w := range r.Warnings {
			warned = warned || strings.Contains(w, "agency sign-off")
		}
		if !warned {
			t.Errorf("%s: warnings = %q, want the sign-off reported", tt.name, r.Warnings)
		}
	}
	r, err := wire.ParseFile("s.txt", []byte(strings.ReplaceAll(story, "\n", "\n\n")+"\n___\n\nAssociated Press writer Sam Lee contributed to this report.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if r.Story.Credit != "Associated Press writer Sam Lee contributed to this report." {
		t.Errorf("credit = %q, want the contributor line under the rule kept as the credit", r.Story.Credit)
	}
	// A line like a sign-off high in a long story is the story's.
	long := "Headline of it\n" + strings.Repeat("A paragraph of the story.\n", 5) + "kw/jm\n" + strings.Repeat("Another paragraph of it.\n", 14)
	if r, _ := wire.ParseFile("l.txt", []byte(long)); !strings.Contains(r.Story.Body, "kw/jm") {
		t.Errorf("body = %q, want a sign-off-like line far from the end kept", r.Story.Body)
	}
}

func stamp(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.Format(time.RFC3339)
}

// TestFeedBodyLayout: a credit or sign-off that starts with a dash or a
// hash is found in a feed's body before its first characters are escaped,
// and hl2 only in the body is a subhead, never the standfirst.
func TestFeedBodyLayout(t *testing.T) {
	doc := `<nitf><body><body.head><hedline><hl1>Vote held</hl1></hedline></body.head><body.content>` +
		`<hl2>Results</hl2><p>The council voted for the plan.</p><p># not a heading</p><p>It passed.</p><p>— AP</p><p>###</p></body.content></body></nitf>`
	r, err := wire.ParseFile("v.xml", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if r.Story.Standfirst != "" || r.Story.Credit != "— AP" {
		t.Errorf("standfirst %q credit %q, want none and “— AP”", r.Story.Standfirst, r.Story.Credit)
	}
	if want := "## Results\n\nThe council voted for the plan.\n\n\\# not a heading\n\nIt passed."; r.Story.Body != want {
		t.Errorf("body = %q, want %q", r.Story.Body, want)
	}
}

// TestManyKeywords: a feed with more keywords than a story holds keeps the
// first as tags, with a warning, rather than being refused.
func TestManyKeywords(t *testing.T) {
	var keys strings.Builder
	for i := range editor.TagsMax + 5 {
		fmt.Fprintf(&keys, `<keyword key="k%d"/>`, i)
	}
	keys.WriteString(`<keyword key="` + strings.Repeat("x", editor.TagMax+1) + `"/>`)
	doc := `<nitf><head><docdata><key-list>` + keys.String() + `</key-list></docdata></head><body><body.content><p>Text.</p></body.content></body></nitf>`
	r, err := wire.ParseFile("k.xml", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Story.Tags) != editor.TagsMax || len(r.Warnings) < 2 {
		t.Errorf("tags %d, warnings %q; want %d tags and the rest reported", len(r.Story.Tags), r.Warnings, editor.TagsMax)
	}
}

// TestNITFCopyrite: NITF's copyrite in the text gives the rights and leaves
// the body.
func TestNITFCopyrite(t *testing.T) {
	doc := `<nitf><body><body.content><p>The text.</p><p><copyrite>Copyright <copyrite.year>2026</copyrite.year> <copyrite.holder>Example News</copyrite.holder></copyrite></p></body.content></body></nitf>`
	r, err := wire.ParseFile("c.xml", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if r.Meta.Rights != "Copyright 2026 Example News" || r.Story.Body != "The text." {
		t.Errorf("rights %q body %q, want the copyright line as rights and out of the body", r.Meta.Rights, r.Story.Body)
	}
}
