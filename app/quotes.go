package app

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
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
	// placements say where each record stands in the body (normalized, as
	// saved); nil until the checks have placed them.
	placements []editor.Placement
	shownKey   string
	drawn      int // how many objects the last render put in box
}

func newQuotesPanel(g *gui) *quotesPanel { return &quotesPanel{g: g} }

func (p *quotesPanel) build() fyne.CanvasObject {
	p.count = widget.NewLabel("")
	p.count.Importance = widget.MediumImportance
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
	p.count.Truncation = fyne.TextTruncateEllipsis
	p.alert.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(container.NewBorder(nil, nil, nil, insert, p.count), p.alert)
	return container.NewBorder(top, hint, nil, nil, container.NewVScroll(container.NewVBox(p.empty, p.box)))
}

// set shows quotes: with placed nil, the records of the story just opened;
// else the checks' placements of the records they were given. Records
// inserted or removed since are placed again here.
func (p *quotesPanel) set(quotes []editor.Quote, placed []editor.Placement) {
	if placed == nil {
		p.shown = append([]editor.Quote(nil), quotes...)
		p.placements = nil
		p.render()
		return
	}
	if sameQuotes(quotes, p.shown) && len(placed) == len(p.shown) {
		p.placements = placed
		p.render()
		return
	}
	p.place()
}

func sameQuotes(a, b []editor.Quote) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].ID != b[i].ID || a[i].Text != b[i].Text {
			return false
		}
	}
	return true
}

// records is the quote records as edited, for the story's next save.
func (p *quotesPanel) records() []editor.Quote {
	return append([]editor.Quote{}, p.shown...)
}

// saved takes the anchors a save gave the records (the store finds each
// quote again in the body it saves), so the fields read as saved.
func (p *quotesPanel) saved(quotes []editor.Quote) {
	byID := map[string]editor.Quote{}
	for _, q := range quotes {
		byID[q.ID] = q
	}
	for i, r := range p.shown {
		if q, ok := byID[r.ID]; ok && r.ID != "" {
			p.shown[i].Anchor, p.shown[i].PersonID = q.Anchor, q.PersonID
		}
	}
}

// add records a quote just inserted into the body.
func (p *quotesPanel) add(q editor.Quote) {
	p.shown = append(p.shown, q)
	p.place()
}

// place places every record in the body as it stands in the editor.
func (p *quotesPanel) place() {
	body := normalBody(p.bodyText())
	p.placements = make([]editor.Placement, len(p.shown))
	for i, q := range p.shown {
		p.placements[i] = editor.Place(body, q)
	}
	p.render()
}

func (p *quotesPanel) bodyText() string {
	if p.g.story == nil || p.g.story.body == nil {
		return ""
	}
	return p.g.story.body.Text
}

// normalBody is the body as a save stores it, which offsets refer to.
func normalBody(text string) string {
	s := editor.Story{Body: text}
	s.Normalize()
	return s.Body
}

// render draws the cards, when what they would show changed.
func (p *quotesPanel) render() {
	if p.box == nil {
		return
	}
	var key strings.Builder
	for i, q := range p.shown {
		key.WriteString(q.ID + "\x01" + q.Text + "\x01" + q.ConfirmedBy + "\x01")
		if i < len(p.placements) {
			pl := p.placements[i]
			key.WriteString(string(pl.State) + strings.Join(pl.Changed(), "|"))
		}
		key.WriteString("\x00")
	}
	if key.String() == p.shownKey && len(p.box.Objects) == p.drawn {
		return
	}
	p.shownKey = key.String()
	p.box.RemoveAll()
	// The second piece of a quote its attribution interrupts is shown with
	// the first, as one quote.
	continues := editor.Continuations(normalBody(p.bodyText()), p.shown, p.placements)
	pieces := 0
	for _, c := range continues {
		if c {
			pieces++
		}
	}
	p.count.SetText(plural(len(p.shown)-pieces, "attributed quote", "attributed quotes"))
	p.count.Hidden = len(p.shown) == 0
	p.alert.SetText(quoteAlert(p.placements))
	p.alert.Hidden = p.alert.Text == ""
	p.empty.Hidden = len(p.shown) > 0
	p.empty.Refresh()
	for i, q := range p.shown {
		var pl *editor.Placement
		if i < len(p.placements) {
			pl = &p.placements[i]
		}
		card := quoteCard(q, pl)
		if continues[i] {
			card = continuationCard(q, pl)
			if n := len(p.box.Objects); n > 0 {
				p.box.Remove(p.box.Objects[n-1]) // no line between the pieces
			}
		}
		if !continues[i] && !q.SpeakerConfirmed() && strings.TrimSpace(q.Speaker) != "" {
			confirm := &widget.Button{Text: "Confirm speaker", Icon: theme.ConfirmIcon(), Importance: widget.MediumImportance, OnTapped: func() { p.confirmSpeaker(i) }}
			card = container.NewVBox(card, container.NewHBox(confirm))
		}
		if pl != nil && pl.State == editor.QuoteStateMissing {
			remove := &widget.Button{Text: "Remove this quote record…", Importance: widget.LowImportance, OnTapped: func() { p.askRemove(i) }}
			card = container.NewVBox(card, container.NewHBox(remove))
		}
		if pl != nil && pl.State == editor.QuoteStateChanged {
			accept := &widget.Button{Text: "Record the words in the text…", Importance: widget.LowImportance, OnTapped: func() { p.askAccept(i) }}
			card = container.NewVBox(card, container.NewHBox(accept))
		}
		p.box.Add(newTapCard(card, func() { p.selectQuote(i) }))
		p.box.Add(widget.NewSeparator())
	}
	p.drawn = len(p.box.Objects)
}

// continuationCard shows the second piece of an interrupted quote under the
// first: its words, and whether the body still has them.
func continuationCard(q editor.Quote, placed *editor.Placement) fyne.CanvasObject {
	words := widget.NewLabelWithStyle("… “"+q.Text+"”", fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	words.Wrapping = fyne.TextWrapWord
	objects := []fyne.CanvasObject{words}
	if placed != nil && placed.State != editor.QuoteStateOK {
		state := widget.NewLabel(quoteStateText(*placed))
		state.Wrapping = fyne.TextWrapWord
		state.Importance = widget.DangerImportance
		objects = append(objects, state)
	}
	return container.New(&tightVBox{}, objects...)
}

// confirmSpeaker records that the person at the desk confirmed who said
// quote i (and the pieces that continue it); the record is saved with the
// next revision, so the history shows who confirmed it and when.
func (p *quotesPanel) confirmSpeaker(i int) {
	if i >= len(p.shown) {
		return
	}
	who := p.g.prefs.author()
	if strings.TrimSpace(who) == "" {
		p.g.saveState.SetText("Set your name in Preferences (Ctrl+,) first: a confirmed speaker records who confirmed it.")
		return
	}
	now := time.Now()
	if err := p.shown[i].ConfirmSpeaker(who, now); err != nil {
		p.g.saveState.SetText("The speaker was not confirmed: " + err.Error())
		return
	}
	continues := editor.Continuations(normalBody(p.bodyText()), p.shown, p.placements)
	for j := i + 1; j < len(p.shown) && j < len(continues) && continues[j]; j++ {
		if p.shown[j].Speaker == p.shown[i].Speaker && !p.shown[j].SpeakerConfirmed() {
			_ = p.shown[j].ConfirmSpeaker(who, now) // same speaker: cannot be refused
		}
	}
	p.render()
	p.g.story.onChanged()
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
			p.place()
			p.g.story.onChanged()
		})
}

// askAccept offers to make the words now between the quotation marks the
// record of quote i, for when the desk has checked them against the source:
// the change is no longer reported, and the record's verification is cleared,
// since it was for the old words.
func (p *quotesPanel) askAccept(i int) {
	if i >= len(p.shown) || i >= len(p.placements) || p.placements[i].State != editor.QuoteStateChanged {
		return
	}
	q, pl := p.shown[i], p.placements[i]
	words := editor.QuoteWords(pl.Anchor.Exact)
	content := container.NewVBox(
		wrappedLabel("The record of "+q.Speaker+"’s quote will read:"),
		quoteWordsView(words),
		wrappedLabel("Changed: "+strings.Join(pl.Changed(), "; ")+"."),
		wrappedLabel("Do this only when the source confirms these are the words said. The record is saved with the next revision."))
	p.g.showDialog("Record the words in the text?", container.New(&maxWidth{width: 460}, content), nil,
		choice{label: "Cancel"},
		choice{label: "Record these words", importance: widget.DangerImportance, do: func() {
			if i >= len(p.shown) || p.shown[i].ID != q.ID {
				return
			}
			p.shown[i].Text = words
			p.shown[i].Anchor = pl.Anchor
			p.shown[i].VerifiedBy, p.shown[i].VerifiedAt = "", nil
			p.place()
			p.g.story.onChanged()
		}})
}

// maxQuoteViewHeight is the height past which the words of a quote in a
// dialog scroll, so the dialog's buttons stay on screen.
const maxQuoteViewHeight = 240

// quoteWordsView shows the whole of a quote's words, wrapped, in marks; words
// too long for the dialog scroll.
func quoteWordsView(words string) fyne.CanvasObject {
	l := wrappedLabel("“" + words + "”")
	l.TextStyle.Italic = true
	l.Resize(fyne.NewSize(460, l.MinSize().Height))
	if l.MinSize().Height <= maxQuoteViewHeight {
		return l
	}
	scroll := container.NewVScroll(l)
	scroll.SetMinSize(fyne.NewSize(0, maxQuoteViewHeight))
	return scroll
}

func wrappedLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
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
	p.g.showPane(paneCentre)
	shift := bodyShift(p.g.story.body.Text)
	selectRange(p.g.win, p.g.story.body, pl.Anchor.Start+shift, pl.Anchor.End+shift)
}

// quoteCard shows one quote: the speaker and role, the words, whether the
// body still has them (when placed), then how and where it was said.
func quoteCard(q editor.Quote, placed *editor.Placement) fyne.CanvasObject {
	who := q.Speaker
	if who == "" {
		who = "Unknown speaker"
	}
	speaker := widget.NewLabelWithStyle(who, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	speaker.Wrapping = fyne.TextWrapWord
	objects := []fyne.CanvasObject{speaker}
	if q.Speaker != "" {
		confirmed := widget.NewLabel(speakerConfirmation(q))
		confirmed.Wrapping = fyne.TextWrapWord
		confirmed.Importance = widget.WarningImportance
		if q.SpeakerConfirmed() {
			confirmed.Importance = widget.SuccessImportance
		}
		objects = append(objects, confirmed)
	}
	if q.Role != "" {
		role := widget.NewLabel(q.Role)
		role.Wrapping = fyne.TextWrapWord
		role.Importance = widget.MediumImportance
		objects = append(objects, role)
	}
	words := widget.NewLabelWithStyle("“"+q.Text+"”", fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	words.Wrapping = fyne.TextWrapWord
	objects = append(objects, words)
	if placed != nil {
		state := widget.NewLabel(quoteStateText(*placed))
		state.Wrapping = fyne.TextWrapWord
		state.Importance = widget.DangerImportance
		if placed.State == editor.QuoteStateOK {
			state.Importance = widget.SuccessImportance
		}
		objects = append(objects, state)
	}
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
	meta.Importance = widget.MediumImportance
	objects = append(objects, meta)
	return container.New(&tightVBox{}, objects...)
}

// speakerConfirmation says whether a person has confirmed the speaker.
func speakerConfirmation(q editor.Quote) string {
	if !q.SpeakerConfirmed() {
		return "Suggested speaker: not confirmed yet, so not published under “Quoted in this story”."
	}
	at := ""
	if q.ConfirmedAt != nil {
		at = ", " + q.ConfirmedAt.Local().Format("2 Jan 2006 15:04")
	}
	return "✓ Speaker confirmed by " + q.ConfirmedBy + at + "."
}

// quoteStateText says in words whether the body still holds the quote.
func quoteStateText(pl editor.Placement) string {
	switch pl.State {
	case editor.QuoteStateOK:
		return "✓ In the text as recorded."
	case editor.QuoteStateChanged:
		return "✗ Changed in the text: " + strings.Join(pl.Changed(), "; ")
	}
	return "✗ No longer in the text between quotation marks."
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
