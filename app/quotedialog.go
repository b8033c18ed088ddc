package app

import (
	"strings"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
	"github.com/google/uuid"

	"copydesk/editor"
)

// newPersonChoice is the speaker choice that adds someone to the directory.
const newPersonChoice = "New person…"

// insertQuoteItem is the Edit menu's Insert quote… (Ctrl+Shift+Q: Ctrl+Q quits).
func insertQuoteItem(g *gui) *fyne.MenuItem {
	it := fyne.NewMenuItem("Insert quote…", g.insertQuote)
	it.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	return it
}

// quoteDialog is Insert quote: who said it (from the people directory, or
// someone new), the words and where they come from. The quote goes into the
// body at the cursor, formatted in house style, and is recorded with the
// story so the next save keeps it.
type quoteDialog struct {
	g      *gui
	box    *dialogBox
	cursor int // where in the body text the quote goes (bytes)

	people    []editor.Person
	speaker   *choiceSelect
	newPerson *personEditor // its fields, for someone not in the directory yet
	newBox    *fyne.Container
	role      *textEntry
	words     *textEntry
	verb      *verbEntry
	context   *textEntry
	saidOn    *textEntry
	source    *textEntry
	kind      *choiceSelect
	where     *widget.Label
	preview   *widget.Label
	problem   *widget.Label
	insert    *dialogButton
}

// insertQuote opens the Insert quote dialog for the open story.
func (g *gui) insertQuote() {
	if g.current != g.story || g.story.loaded == nil {
		g.saveState.SetText("Open a story first: a quote is inserted into a story's body.")
		return
	}
	if q := g.quoteDialog; q != nil && !q.box.closed {
		g.win.Canvas().Focus(q.speaker)
		return
	}
	q := &quoteDialog{g: g, cursor: cursorByte(&g.story.body.Entry), people: g.people.all}
	q.show()
	g.quoteDialog = q
}

func (q *quoteDialog) show() {
	changed := func(string) { q.update() }
	names := []string{}
	for _, p := range q.people {
		names = append(names, personChoice(p))
	}
	names = append(names, newPersonChoice)
	g := q.g
	q.speaker = newChoiceSelect(g, names, "Choose who said it", func(string) { q.chosen() })
	q.newPerson = newPersonEditor(g)
	for _, e := range []*textEntry{q.newPerson.name, q.newPerson.honorific, q.newPerson.shortName, q.newPerson.organisation} {
		e.OnChanged = changed
	}
	q.role = newTextEntry(g, false, "Their role when they said it, e.g. Foreign Office minister")
	q.role.OnChanged = changed
	q.words = newTextEntry(g, true, "The exact words, without quotation marks; a blank line starts a new paragraph")
	q.words.OnChanged = changed
	q.words.SetMinRowsVisible(4)
	q.verb = newVerbEntry(g, []string{"said", "told the Commons", "told reporters", "added", "replied", "wrote", "said in a statement"})
	q.verb.PlaceHolder = "said"
	q.verb.OnChanged = changed
	q.context = newTextEntry(g, false, "e.g. during a Commons debate on China (optional)")
	q.saidOn = newTextEntry(g, false, "YYYY-MM-DD (optional)")
	q.saidOn.OnChanged = changed
	q.source = newTextEntry(g, false, "Where the words come from: a link, or e.g. Hansard, 28 Nov")
	kinds := make([]string, len(editor.SourceKinds))
	for i, k := range editor.SourceKinds {
		kinds[i] = string(k)
	}
	q.kind = newChoiceSelect(g, kinds, "Kind of source", nil)

	q.newBox = container.NewVBox(
		widget.NewLabelWithStyle("New person for the directory", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewForm(
			widget.NewFormItem("Name", q.newPerson.name), widget.NewFormItem("Honorific", q.newPerson.honorific),
			widget.NewFormItem("Short name", q.newPerson.shortName), widget.NewFormItem("Organisation", q.newPerson.organisation)),
	)
	q.newBox.Hide()

	q.where = widget.NewLabel(q.whereText())
	q.where.Wrapping = fyne.TextWrapWord
	q.where.Importance = widget.LowImportance
	q.preview = widget.NewLabel("")
	q.preview.Wrapping = fyne.TextWrapWord
	q.preview.TextStyle = fyne.TextStyle{Italic: true}
	q.problem = widget.NewLabel("")
	q.problem.Wrapping = fyne.TextWrapWord
	q.problem.Importance = widget.DangerImportance
	q.problem.Hide()

	form := widget.NewForm(
		widget.NewFormItem("Speaker", q.speaker),
	)
	details := widget.NewForm(
		widget.NewFormItem("Role", q.role),
		widget.NewFormItem("Words", q.words),
		widget.NewFormItem("Verb", q.verb),
		widget.NewFormItem("Context", q.context),
		widget.NewFormItem("Said on", q.saidOn),
		widget.NewFormItem("Source", q.source),
		widget.NewFormItem("Source kind", q.kind),
	)
	previewHead := widget.NewLabelWithStyle("As it will read in the story", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	content := container.NewVBox(form, q.newBox, details, widget.NewSeparator(), previewHead, q.preview, q.where, q.problem)
	q.update()
	// The speaker comes first: the dialog opens with it focused. Insert
	// checks and may wait for the directory, so it closes the dialog itself.
	q.box = g.showDialog("Insert quote", container.NewVScroll(content), q.speaker,
		choice{label: "Cancel"},
		choice{label: "Insert quote", stay: true, do: q.submit})
	q.insert = q.box.buttons[1]
	q.box.resize(720, 690)
}

// personChoice is how the speaker list names someone: "Mr James Cleverly — Foreign Office minister".
func personChoice(p editor.Person) string {
	if p.Role != "" {
		return p.FullName() + " — " + p.Role
	}
	return p.FullName()
}

// chosen fills the role from the person chosen, or shows the new-person fields.
func (q *quoteDialog) chosen() {
	if q.speaker.Selected == newPersonChoice {
		q.newBox.Show()
		q.role.SetText("")
		q.g.win.Canvas().Focus(q.newPerson.name)
	} else {
		q.newBox.Hide()
		if i := q.speaker.SelectedIndex(); i >= 0 && i < len(q.people) {
			q.role.SetText(q.people[i].Role)
		}
	}
	q.update()
}

// person is the speaker as chosen or typed, with the role given for this quote.
func (q *quoteDialog) person() (editor.Person, bool) {
	var p editor.Person
	switch i := q.speaker.SelectedIndex(); {
	case q.speaker.Selected == newPersonChoice:
		p = q.newPerson.edited()
		p.Name = strings.TrimSpace(p.Name)
		if p.Name == "" {
			return p, false
		}
	case i >= 0 && i < len(q.people):
		p = q.people[i]
	default:
		return p, false
	}
	if q.role != nil {
		p.Role = strings.TrimSpace(q.role.Text)
	}
	return p, true
}

func (q *quoteDialog) newQuote(p editor.Person) editor.NewQuote {
	return editor.NewQuote{
		Person: p, Text: q.words.Text, Verb: q.verb.Text, Context: strings.TrimSpace(q.context.Text),
		SaidOn: strings.TrimSpace(q.saidOn.Text), Source: strings.TrimSpace(q.source.Text),
		SourceKind: editor.SourceKind(q.kind.Selected),
	}
}

// update shows the quote as house style will write it.
func (q *quoteDialog) update() {
	if q.preview == nil {
		return
	}
	p, ok := q.person()
	if !ok || strings.TrimSpace(q.words.Text) == "" {
		q.preview.SetText("Choose the speaker and type the words to see the quote in house style.")
		return
	}
	body := q.g.story.body.Text
	newBody, end, _, err := editor.InsertQuote(body, min(q.cursor, len(body)), q.newQuote(p))
	if err != nil {
		q.preview.SetText(explain(err))
		return
	}
	q.preview.SetText(strings.TrimSpace(newBody[commonPrefix(body, newBody):end]))
}

// whereText says where in the body the quote will go.
func (q *quoteDialog) whereText() string {
	body := q.g.story.body.Text
	before := strings.TrimSpace(body[:min(q.cursor, len(body))])
	if before == "" {
		return "It goes at the start of the body. To put it elsewhere, cancel, click in the body where it belongs, and insert again."
	}
	words := strings.Fields(before)
	if len(words) > 8 {
		words = words[len(words)-8:]
	}
	return "It goes in the body at the cursor, after “…" + strings.Join(words, " ") + "” (inside a sentence, after that sentence's end: the preview shows it)."
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	for n > 0 && n < len(b) && !utf8.RuneStart(b[n]) {
		n--
	}
	return n
}

// submit inserts the quote; a new person is added to the directory first.
func (q *quoteDialog) submit() {
	p, ok := q.person()
	if !ok {
		if q.speaker.Selected == newPersonChoice {
			q.fail("Give the new person's name.")
		} else {
			q.fail("Choose who said it, or “" + newPersonChoice + "” to add them to the directory.")
		}
		return
	}
	nq := q.newQuote(p)
	body := q.g.story.body.Text
	if _, _, _, err := editor.InsertQuote(body, min(q.cursor, len(body)), nq); err != nil {
		q.fail(explain(err))
		return
	}
	if p.ID != "" {
		q.place(nq)
		return
	}
	// Someone new: into the directory first, so the quote can name them.
	entry := p
	if err := entry.Validate(); err != nil {
		q.fail(explain(err))
		return
	}
	q.insert.Disable()
	q.g.write(func() func() {
		err := q.g.store.SavePerson(q.g.ctx, &entry)
		return func() {
			q.insert.Enable()
			if err != nil {
				q.fail("Adding " + entry.Name + " to the people directory failed: " + explain(err))
				return
			}
			q.g.people.reload()
			nq.Person.ID = entry.ID
			q.place(nq)
		}
	})
}

// place puts the quote into the body and records it with the story.
func (q *quoteDialog) place(nq editor.NewQuote) {
	e := q.g.story
	body := e.body.Text
	newBody, end, rec, err := editor.InsertQuote(body, min(q.cursor, len(body)), nq)
	if err != nil {
		q.fail(explain(err))
		return
	}
	rec.ID = uuid.NewString()
	// The person inserting the quote chose its speaker: a confirmed
	// attribution, not a suggestion (it stays one with nobody named).
	_ = rec.ConfirmSpeaker(q.g.prefs.author(), time.Now())
	q.box.hide()
	e.quotes.add(rec)
	e.body.SetText(newBody)
	rows := rowStarts(&e.body.Entry)
	e.body.CursorRow, e.body.CursorColumn = rowCol(rows, utf8.RuneCountInString(newBody[:end]))
	e.body.Refresh()
	q.g.win.Canvas().Focus(e.body)
	q.g.saveState.SetText("Quote by " + nq.Person.FullName() + " inserted · Save revision (Ctrl+S) to keep it in the history")
}

func (q *quoteDialog) fail(msg string) {
	q.problem.SetText(msg)
	q.problem.Show()
}

// verbEntry is the verb's field: a choice of the usual verbs, or any typed,
// whose Escape and Return reach the dialog.
type verbEntry struct {
	widget.SelectEntry
	g *gui
}

func newVerbEntry(g *gui, options []string) *verbEntry {
	e := &verbEntry{g: g}
	e.ExtendBaseWidget(e)
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	e.SetOptions(options)
	return e
}

func (e *verbEntry) TypedKey(k *fyne.KeyEvent) {
	if (k.Name == fyne.KeyEscape || k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter) && e.g.dialogKey(k) {
		return
	}
	e.SelectEntry.TypedKey(k)
}
