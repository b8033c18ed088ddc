package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
)

// storyView shows a story read-only: an old revision from the history.
type storyView struct {
	headline    *widget.RichText
	meta        *widget.Label
	standfirst  *widget.RichText
	fields      *widget.Form
	fieldValues map[string]*widget.Label
	body        *widget.RichText
	content     *fyne.Container
}

var viewFields = []string{"Byline", "Dateline", "Section", "Tags", "Credit", "Quotes", "Slug"}

func newStoryView() *storyView {
	return &storyView{fieldValues: map[string]*widget.Label{}}
}

func (v *storyView) build() fyne.CanvasObject {
	v.headline = widget.NewRichText()
	v.headline.Wrapping = fyne.TextWrapWord
	v.meta = widget.NewLabel("")
	v.meta.Importance = widget.MediumImportance
	v.standfirst = widget.NewRichText()
	v.standfirst.Wrapping = fyne.TextWrapWord
	v.fields = widget.NewForm()
	for _, name := range viewFields {
		l := widget.NewLabel("")
		l.Wrapping = fyne.TextWrapWord
		l.Selectable = true
		v.fieldValues[name] = l
		v.fields.Append(name, l)
	}
	v.body = widget.NewRichText()
	v.body.Wrapping = fyne.TextWrapWord
	v.content = container.NewVBox(v.headline, v.meta, v.standfirst, widget.NewSeparator(), v.fields, widget.NewSeparator(), v.body)
	return container.NewVScroll(container.NewPadded(v.content))
}

func (v *storyView) set(s *editor.Story) {
	headline := s.Headline
	if headline == "" {
		headline = "(no headline yet)"
	}
	v.headline.Segments = []widget.RichTextSegment{&widget.TextSegment{Text: headline, Style: widget.RichTextStyleHeading}}
	v.headline.Refresh()
	v.meta.SetText(fmt.Sprintf("%s · revision %d · updated %s · %s",
		s.Status.Label(), s.Revision, s.UpdatedAt.Local().Format("2 Jan 2006 15:04"), plural(s.Words(), "word", "words")))
	v.standfirst.Segments = nil
	if s.Standfirst != "" {
		style := widget.RichTextStyleParagraph
		style.TextStyle.Italic = true
		v.standfirst.Segments = []widget.RichTextSegment{&widget.TextSegment{Text: s.Standfirst, Style: style}}
	}
	v.standfirst.Refresh()
	values := map[string]string{
		"Byline": s.Byline, "Dateline": s.Dateline, "Section": s.Section, "Tags": strings.Join(s.Tags, ", "),
		"Credit": s.Credit, "Quotes": plural(len(s.Quotes), "attributed quote", "attributed quotes"), "Slug": s.Slug,
	}
	for name, l := range v.fieldValues {
		text := values[name]
		if text == "" {
			text = "—"
		}
		l.SetText(text)
	}
	v.body.ParseMarkdown(s.Body)
}
