package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
)

// quotesPanel lists the open story's attributed quotes: who said what, in
// what role, where the desk got it, and whether the words are still in the
// body as recorded. It holds the quote records as edited: a quote inserted
// here is saved with the next revision.
type quotesPanel struct {
	g     *gui
	count *widget.Label
	alert *widget.Label // how many quotes the text no longer matches
	box   *fyne.Container
	empty *widget.Label

	shown []editor.Quote // the records, as edited
	gen   int            // counts changes to records

	// What the cards show: the placements of the records in the body text.
	shownText  string
	shownGen   int
	placements []editor.Placement
	shownKey   string

	// anchored caches the records anchored in a normalized body.
	anchoredBody string
	anchoredGen  int
	anchoredOut  []editor.Quote
}

func newQuotesPanel(g *gui) *quotesPanel { return &quotesPanel{g: g, shownGen: -1, anchoredGen: -1} }

func (p *quotesPanel) build() fyne.CanvasObject {
	p.count = widget.NewLabel("")
	p.count.Importance = widget.LowImportance
	p.alert = widget.NewLabel("")
	p.alert.Importance = widget.DangerImportance
	p.alert.Hide()
	p.empty = widget.NewLabel("No attributed quotes in this story yet. Put the cursor in the body where the quote belongs and choose Insert quote (Ctrl+Shift+Q).")
	p.empty.Wrapping = fyne.TextWrapWord
	p.box = container.NewVBox()
	insert := &widget.Button{Text: "Insert quote…", OnTapped: p.g.insertQuote}
	hint := widget.NewLabel("Click a quote to select its words in the body.")
	hint.Importance = widget.LowImportance
	hint.Wrapping = fyne.TextWrapWord
	top := container.NewBorder(nil, nil, nil, insert, container.NewHBox(p.count, p.alert))
	return container.NewBorder(top, hint, nil, nil, container.NewVScroll(container.NewVBox(p.empty, p.box)))
}

// set shows the quote records of the story as opened.
func (p *quotesPanel) set(quotes []editor.Quote) {
	p.shown = append([]editor.Quote(nil), quotes...)
	p.gen++
	p.follow(p.bodyText())
}

// add records a quote just inserted into the body.
func (p *quotesPanel) add(q editor.Quote) {
	p.shown = append(p.shown, q)
	p.gen++
	p.follow(p.bodyText())
}

func (p *quotesPanel) bodyText() string {
	if p.g.story == nil || p.g.story.body == nil {
		return ""
	}
	return p.g.story.body.Text
}

// anchored is the records as a save stores them: each anchored where it now
// stands in body, the story's normalized body.
func (p *quotesPanel) anchored(body string) []editor.Quote {
	if body != p.anchoredBody || p.gen != p.anchoredGen || p.anchoredOut == nil {
		out := append([]editor.Quote{}, p.shown...)
		editor.Reanchor(body, out)
		p.anchoredBody, p.anchoredGen, p.anchoredOut = body, p.gen, out
	}
	return append([]editor.Quote{}, p.anchoredOut...)
}

// follow places every record in the body text as it stands in the editor,
// and redraws the cards when a state changed.
func (p *quotesPanel) follow(text string) {
	if p.box == nil || (text == p.shownText && p.gen == p.shownGen) {
		return
	}
	p.shownText, p.shownGen = text, p.gen
	p.placements = make([]editor.Placement, len(p.shown))
	var key strings.Builder
	for i, q := range p.shown {
		p.placements[i] = editor.Place(text, q)
		key.WriteString(string(p.placements[i].State) + strings.Join(p.placements[i].Changed(), "|") + "\x00")
	}
	if key.String() == p.shownKey && len(p.box.Objects) == 2*len(p.shown) {
		return
	}
	p.shownKey = key.String()
	p.box.RemoveAll()
	p.count.SetText(plural(len(p.shown), "attributed quote", "attributed quotes"))
	p.alert.SetText(quoteAlert(p.placements))
	p.alert.Hidden = p.alert.Text == ""
	p.count.Hidden = len(p.shown) == 0
	p.empty.Hidden = len(p.shown) > 0
	p.empty.Refresh()
	for i, q := range p.shown {
		i := i
		card := quoteCard(q, p.placements[i])
		if p.placements[i].State == editor.QuoteStateMissing {
			remove := &widget.Button{Text: "Remove this quote record…", Importance: widget.LowImportance, OnTapped: func() { p.askRemove(i) }}
			card = container.NewVBox(card, container.NewHBox(remove))
		}
		p.box.Add(newTapCard(card, func() { p.selectQuote(i) }))
		p.box.Add(widget.NewSeparator())
	}
}

// askRemove offers to drop the record of quote i, whose words are no longer
// in the text; the next save leaves it out.
func (p *quotesPanel) askRemove(i int) {
	if i >= len(p.shown) {
		return
	}
	q := p.shown[i]
	p.g.confirm("Remove the quote record?",
		"The record of "+q.Speaker+"’s quote “"+clip(q.Text, 80)+"” will be dropped from this story when you next save. Its words are no longer in the text; the people directory is not changed.",
		"Remove record", func(ok bool) {
			if !ok || i >= len(p.shown) || p.shown[i].ID != q.ID {
				return
			}
			p.shown = append(p.shown[:i:i], p.shown[i+1:]...)
			p.gen++
			p.g.story.onChanged()
		})
}

// quoteAlert says how many quotes need attention.
func quoteAlert(pl []editor.Placement) string {
	changed, missing := 0, 0
	for _, x := range pl {
		switch x.State {
		case editor.QuoteStateChanged:
			changed++
		case editor.QuoteStateMissing:
			missing++
		}
	}
	var parts []string
	if changed > 0 {
		parts = append(parts, fmt.Sprintf("%d changed", changed))
	}
	if missing > 0 {
		parts = append(parts, fmt.Sprintf("%d missing", missing))
	}
	return strings.Join(parts, ", ")
}

// selectQuote selects the words of quote i in the body.
func (p *quotesPanel) selectQuote(i int) {
	if i >= len(p.placements) || p.g.story == nil {
		return
	}
	pl := p.placements[i]
	if pl.State == editor.QuoteStateMissing {
		p.g.saveState.SetText("That quote is no longer in the text between quotation marks: nothing to select.")
		return
	}
	selectRange(p.g.win, p.g.story.body, pl.Anchor.Start, pl.Anchor.End)
}

// quoteCard shows one quote: the speaker and role, the words, whether the
// body still has them, then how and where it was said.
func quoteCard(q editor.Quote, pl editor.Placement) fyne.CanvasObject {
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
		role.Importance = widget.LowImportance
		objects = append(objects, role)
	}
	words := widget.NewLabelWithStyle("“"+q.Text+"”", fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	words.Wrapping = fyne.TextWrapWord
	objects = append(objects, words)
	state := widget.NewLabel(quoteStateText(pl))
	state.Wrapping = fyne.TextWrapWord
	switch pl.State {
	case editor.QuoteStateOK:
		state.Importance = widget.SuccessImportance
	case editor.QuoteStateChanged:
		state.Importance = widget.DangerImportance
	default:
		state.Importance = widget.DangerImportance
	}
	objects = append(objects, state)
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
	} else {
		how = append(how, "no source")
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
	meta.Importance = widget.LowImportance
	objects = append(objects, meta)
	return container.New(&tightVBox{}, objects...)
}

// quoteStateText says in words whether the body still holds the quote.
func quoteStateText(pl editor.Placement) string {
	switch pl.State {
	case editor.QuoteStateOK:
		return "✓ OK: in the text as recorded"
	case editor.QuoteStateChanged:
		return "✗ CHANGED in the text: " + strings.Join(pl.Changed(), "; ")
	}
	return "✗ MISSING: no longer in the text between quotation marks"
}

// tapCard is a block of labels that does something when clicked.
type tapCard struct {
	widget.BaseWidget
	content fyne.CanvasObject
	onTap   func()
}

func newTapCard(content fyne.CanvasObject, onTap func()) *tapCard {
	c := &tapCard{content: content, onTap: onTap}
	c.ExtendBaseWidget(c)
	return c
}

func (c *tapCard) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(c.content)
}

func (c *tapCard) Tapped(*fyne.PointEvent) {
	if c.onTap != nil {
		c.onTap()
	}
}

func (c *tapCard) Cursor() desktop.Cursor { return desktop.PointerCursor }
