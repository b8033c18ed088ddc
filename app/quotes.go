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

// set shows the quotes, and where each now stands in the body when placed
// is given (one Placement a quote).
func (p *quotesPanel) set(quotes []editor.Quote, placed []editor.Placement) {
	p.shown = quotes
	p.box.RemoveAll()
	p.count.SetText(plural(len(quotes), "attributed quote", "attributed quotes"))
	p.count.Hidden = len(quotes) == 0
	p.empty.Hidden = len(quotes) > 0
	p.empty.Refresh()
	for i, q := range quotes {
		var pl *editor.Placement
		if i < len(placed) {
			pl = &placed[i]
		}
		p.box.Add(quoteCard(q, pl))
		p.box.Add(widget.NewSeparator())
	}
}

// quoteCard shows one quote: the speaker and role, the words, then how and
// where it was said.
func quoteCard(q editor.Quote, placed *editor.Placement) fyne.CanvasObject {
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
	if placed != nil {
		state := widget.NewLabel("")
		state.Wrapping = fyne.TextWrapWord
		switch placed.State {
		case editor.QuoteStateOK:
			state.SetText("In the text as recorded.")
			state.Importance = widget.SuccessImportance
		case editor.QuoteStateChanged:
			state.SetText("Changed in the text: " + strings.Join(placed.Changed(), "; "))
			state.Importance = widget.DangerImportance
		case editor.QuoteStateMissing:
			state.SetText("No longer in the text between quotation marks.")
			state.Importance = widget.DangerImportance
		}
		objects = append(objects, state)
	}
	return container.New(&tightVBox{}, objects...)
}
