package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
)

// quotesPanel lists the open story's attributed quotes: who said what, in
// what role, and where the desk got it.
type quotesPanel struct {
	g     *gui
	count *widget.Label
	box   *fyne.Container
	empty *widget.Label
	shown []editor.Quote
}

func newQuotesPanel(g *gui) *quotesPanel { return &quotesPanel{g: g} }

func (p *quotesPanel) build() fyne.CanvasObject {
	p.count = widget.NewLabel("")
	p.count.Importance = widget.MediumImportance
	p.empty = widget.NewLabel("No attributed quotes in this story. Quotes are recorded when wire copy is imported.")
	p.empty.Wrapping = fyne.TextWrapWord
	p.box = container.NewVBox()
	return container.NewBorder(p.count, nil, nil, nil, container.NewVScroll(container.NewVBox(p.empty, p.box)))
}

// set shows the quotes of the story as last saved.
func (p *quotesPanel) set(quotes []editor.Quote) {
	p.shown = quotes
	p.box.RemoveAll()
	p.count.SetText(plural(len(quotes), "attributed quote", "attributed quotes"))
	p.count.Hidden = len(quotes) == 0
	p.empty.Hidden = len(quotes) > 0
	p.empty.Refresh()
	for _, q := range quotes {
		p.box.Add(quoteCard(q))
		p.box.Add(widget.NewSeparator())
	}
}

// quoteCard shows one quote: the speaker and role, the words, then how and
// where it was said.
func quoteCard(q editor.Quote) fyne.CanvasObject {
	who := q.Speaker
	if who == "" {
		who = "Unknown speaker"
	}
	speaker := widget.NewLabelWithStyle(who, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	speaker.Wrapping = fyne.TextWrapWord
	objects := []fyne.CanvasObject{speaker}
	if q.Role != "" {
		role := widget.NewLabel(q.Role)
		role.Wrapping = fyne.TextWrapWord
		role.Importance = widget.MediumImportance
		objects = append(objects, role)
	}
	words := widget.NewLabelWithStyle("“"+q.Text+"”", fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	words.Wrapping = fyne.TextWrapWord
	objects = append(objects, words)
	var how []string
	if q.Verb != "" {
		how = append(how, q.Verb)
	}
	if q.Partial {
		how = append(how, "partial quote")
	}
	if q.SourceKind != "" {
		how = append(how, string(q.SourceKind))
	}
	if q.Source != "" {
		how = append(how, "source: "+q.Source)
	}
	if q.SaidOn != "" {
		how = append(how, "said on "+q.SaidOn)
	}
	if q.VerifiedBy != "" {
		how = append(how, "verified by "+q.VerifiedBy)
	} else {
		how = append(how, "not verified")
	}
	meta := widget.NewLabel(strings.Join(how, " · "))
	meta.Wrapping = fyne.TextWrapWord
	meta.Importance = widget.MediumImportance
	objects = append(objects, meta)
	return container.New(&tightVBox{}, objects...)
}
