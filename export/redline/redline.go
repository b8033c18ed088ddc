// Package redline writes a word diff of two revisions as a standalone HTML
// page, for `copydesk diff --format html`. It is apart from the export so that
// the command line reaches it without the export's Markdown renderer.
package redline

import (
	_ "embed"
	"html/template"
	"io"
	"strings"
	"sync"

	"copydesk/editor"
)

//go:embed redline.html.tmpl
var redlineTemplate string

// redlinePage is parsed on first use: `diff --format html` needs it, every
// other command would only pay for it when the program starts.
var redlinePage = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("redline").Funcs(template.FuncMap{"join": strings.Join}).Parse(redlineTemplate))
})

// Options says what a redline page compares, for its heading: the
// headline or title, and a line about each of the two revisions ("Revision 3,
// subbed, by Jane Smith, 28 November 2026 10:04 UTC").
type Options struct {
	Title string
	From  string
	To    string
}

// Write writes a diff as a standalone HTML page that can be sent to a
// lawyer or a reporter: a legend, then each changed field with insertions
// underlined and marked [+ +], deletions struck through and marked [− −], so
// they read apart without colour and in print, then the quote records that
// changed. Everything from the story is escaped. The same diff and options
// give the same bytes.
func Write(w io.Writer, d editor.StoryDiff, opt Options) error {
	return redlinePage().Execute(w, newRedlineView(d, opt))
}

type redlineView struct {
	Title     string
	From, To  string
	FromSeq   int
	ToSeq     int
	Stats     editor.DiffStats
	Fields    []redlineField
	Unchanged []string
	Quotes    []redlineQuote
}

type redlineField struct {
	Label string
	Spans []redlineSpan
}

// redlineSpan is a run of text kept, inserted or deleted. Mark shows a
// changed run of nothing but space as a pilcrow, or it would not be seen.
type redlineSpan struct {
	Op   string
	Text string
	Mark bool
}

type redlineQuote struct {
	Change  string
	Speaker string
	Text    string
	Fields  []redlineField
}

var redlineChanges = map[string]string{
	editor.QuoteAdded: "Added", editor.QuoteRemoved: "Removed", editor.QuoteChanged: "Changed",
}

func newRedlineView(d editor.StoryDiff, opt Options) redlineView {
	v := redlineView{Title: opt.Title, From: opt.From, To: opt.To, FromSeq: d.From, ToSeq: d.To, Stats: d.Stats}
	for _, f := range d.Fields {
		if !f.Changed() {
			// An empty newsroom field (a story that came from no feed) is
			// not worth naming.
			if !editor.NewsroomField(f.Field) || f.New() != "" {
				v.Unchanged = append(v.Unchanged, editor.FieldLabel(f.Field))
			}
			continue
		}
		v.Fields = append(v.Fields, newRedlineField(f))
	}
	for _, q := range d.Quotes {
		rq := redlineQuote{Change: redlineChanges[q.Change], Speaker: q.Speaker, Text: q.Text}
		for _, f := range q.Fields {
			rq.Fields = append(rq.Fields, newRedlineField(f))
		}
		v.Quotes = append(v.Quotes, rq)
	}
	return v
}

func newRedlineField(f editor.FieldDiff) redlineField {
	rf := redlineField{Label: editor.FieldLabel(f.Field)}
	for _, o := range f.Ops {
		mark := o.Op != editor.OpEqual && strings.TrimSpace(o.Text) == ""
		rf.Spans = append(rf.Spans, redlineSpan{Op: string(o.Op), Text: o.Text, Mark: mark})
	}
	return rf
}
