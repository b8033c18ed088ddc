package app

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
)

// noteStore is a store that keeps notes between editor and subeditor; both
// engines do. Without it the Notes tab says so and offers nothing.
type noteStore interface {
	Notes(ctx context.Context, storyID string) ([]editor.Note, error)
	AddNote(ctx context.Context, n *editor.Note) error
	ResolveNote(ctx context.Context, storyID, noteID string, resolved bool, by string) (*editor.Note, error)
}

// addNoteKey is Add note's shortcut: Ctrl+Alt+M (Cmd+Alt+M on a Mac), as
// a comment is in the word processors a desk knows.
var addNoteKey = &desktop.CustomShortcut{KeyName: fyne.KeyM, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierAlt}

func addNoteItem(g *gui) *fyne.MenuItem {
	return withKey(fyne.NewMenuItem("Add note on the selected words…", g.addNote), addNoteKey)
}

// notesPanel is the Notes tab: the notes on the open story, open ones
// first, each saying who wrote it and when, on which words, and whether it
// is resolved. Unlike quotes, a note is written to the database at once:
// it is the desk's conversation, not the story's text, and makes no
// revision.
type notesPanel struct {
	g       *gui
	count   *widget.Label
	box     *fyne.Container
	empty   *widget.Label
	add     *widget.Button
	storyID string
	gen     int // bumped at every load, so a late answer is dropped

	stored []editor.Note // as the database holds them
	shown  []editor.Note // the same, anchored in the body as typed
	// shownKey is what the cards show, so typing that moves no note's
	// words redraws nothing.
	shownKey string
}

func newNotesPanel(g *gui) *notesPanel { return &notesPanel{g: g} }

func (p *notesPanel) build() fyne.CanvasObject {
	p.count = widget.NewLabel("")
	p.count.Importance = widget.MediumImportance
	p.count.Truncation = fyne.TextTruncateEllipsis
	p.empty = widget.NewLabel("No notes on this story. Select words in the body and choose Add note (Ctrl+Alt+M) to leave one for the editor or subeditor. Notes are never published.")
	p.empty.Wrapping = fyne.TextWrapWord
	p.box = container.NewVBox()
	p.add = &widget.Button{Text: "Add note…", OnTapped: p.g.addNote}
	hint := widget.NewLabel("Click a note to select its words in the body.")
	hint.Importance = widget.LowImportance
	hint.Wrapping = fyne.TextWrapWord
	top := container.NewBorder(nil, nil, nil, p.add, p.count)
	return container.NewBorder(top, hint, nil, nil, container.NewVScroll(container.NewVBox(p.empty, p.box)))
}

func (p *notesPanel) store() noteStore {
	ns, _ := p.g.store.(noteStore)
	return ns
}

// load reads the notes of the story shown, off the UI goroutine.
func (p *notesPanel) load(storyID string) {
	p.gen++
	gen := p.gen
	if storyID != p.storyID {
		p.storyID, p.stored, p.shown = storyID, nil, nil
		p.render()
	}
	ns := p.store()
	if ns == nil || storyID == "" {
		return
	}
	ctx := p.g.ctx
	p.g.run(func() func() {
		notes, err := ns.Notes(ctx, storyID)
		return func() {
			if gen != p.gen {
				return
			}
			if err != nil {
				p.g.showStatusError("Reading the notes", err)
				return
			}
			p.stored = notes
			p.shown = editor.PlaceNotes(p.bodyText(), notes)
			p.render()
			// The checks list the open notes.
			p.g.story.scheduleChecks()
		}
	})
}

func (p *notesPanel) bodyText() string {
	if p.g.story == nil || p.g.story.body == nil {
		return ""
	}
	return normalBody(p.g.story.body.Text)
}

// placed shows the notes as the checks anchored them in the body, unless
// they were read again since.
func (p *notesPanel) placed(stored, placed []editor.Note) {
	if len(stored) != len(p.stored) || (len(stored) > 0 && &stored[0] != &p.stored[0]) {
		return
	}
	p.shown = placed
	p.render()
}

// openNotes counts the notes not yet resolved.
func (p *notesPanel) openNotes() int {
	n := 0
	for _, x := range p.stored {
		if x.Open() {
			n++
		}
	}
	return n
}

// order lists the indexes of the placed notes: open ones first, each group
// in the order of the body.
func (p *notesPanel) order() []int {
	var open, resolved []int
	for i, n := range p.shown {
		if n.Open() {
			open = append(open, i)
		} else {
			resolved = append(resolved, i)
		}
	}
	return append(open, resolved...)
}

func (p *notesPanel) render() {
	if p.box == nil {
		return
	}
	var key strings.Builder
	for _, n := range p.shown {
		fmt.Fprintf(&key, "%s\x01%v\x01%v\x01%s\x01%s\x00", n.ID, n.Resolved, n.Detached, n.Anchor.Exact, n.ResolvedBy)
	}
	if key.String() == p.shownKey && len(p.box.Objects) == 2*len(p.shown) && p.count.Text != "" {
		return
	}
	p.shownKey = key.String()
	p.box.RemoveAll()
	open := p.openNotes()
	p.count.SetText(fmt.Sprintf("%d open · %d resolved", open, len(p.stored)-open))
	p.count.Hidden = len(p.stored) == 0
	p.empty.Hidden = len(p.stored) > 0
	if p.store() == nil {
		p.empty.SetText("This database keeps no notes.")
		p.add.Disable()
	}
	p.empty.Refresh()
	for _, i := range p.order() {
		n := p.shown[i]
		label, resolve := "Resolve", true
		if n.Resolved {
			label, resolve = "Reopen", false
		}
		btn := &widget.Button{Text: label, Importance: widget.LowImportance, OnTapped: func() { p.resolve(n, resolve) }}
		card := container.NewVBox(noteCard(n), container.NewHBox(btn))
		p.box.Add(newTapCard(card, func() { p.selectNote(n.ID) }))
		p.box.Add(widget.NewSeparator())
	}
}

// noteCard shows one note: author and time, open or resolved, the words it
// is on, and what it says.
func noteCard(n editor.Note) fyne.CanvasObject {
	who := n.Author
	if who == "" {
		who = "Someone"
	}
	head := widget.NewLabelWithStyle(who+" · "+n.CreatedAt.Local().Format("2 Jan 15:04"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	head.Truncation = fyne.TextTruncateEllipsis
	state := widget.NewLabel("● Open")
	state.Importance = widget.WarningImportance
	if n.Resolved {
		state.SetText("✓ Resolved by " + orSomeone(n.ResolvedBy) + " · " + n.ResolvedAt.Local().Format("2 Jan 15:04"))
		state.Importance = widget.SuccessImportance
	}
	state.Wrapping = fyne.TextWrapWord
	on := widget.NewLabelWithStyle("On “"+clip(n.Anchor.Exact, 80)+"”", fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	if n.Detached {
		on.SetText("On words no longer in the text: “" + clip(n.Anchor.Exact, 80) + "”")
		on.Importance = widget.DangerImportance
	}
	on.Wrapping = fyne.TextWrapWord
	text := widget.NewLabel(n.Text)
	text.Wrapping = fyne.TextWrapWord
	return container.New(&tightVBox{}, head, state, on, text)
}

func orSomeone(name string) string {
	if name == "" {
		return "someone"
	}
	return name
}

// selectNote selects the words of the note with this ID in the body, where
// they stand now.
func (p *notesPanel) selectNote(id string) {
	var n *editor.Note
	for i := range p.shown {
		if p.shown[i].ID == id {
			n = &p.shown[i]
		}
	}
	if n == nil || p.g.story == nil {
		return
	}
	if n.Detached {
		p.g.saveState.SetText("The words of that note are no longer in the text: nothing to select.")
		return
	}
	p.g.showPane(paneCentre)
	shift := bodyShift(p.g.story.body.Text)
	selectRange(p.g.win, p.g.story.body, n.Anchor.Start+shift, n.Anchor.End+shift)
}

// resolve resolves or reopens a note in the user's name.
func (p *notesPanel) resolve(n editor.Note, resolved bool) {
	ns := p.store()
	if ns == nil {
		return
	}
	ctx, by, story := p.g.ctx, p.g.prefs.author(), p.storyID
	p.g.write(func() func() {
		_, err := ns.ResolveNote(ctx, story, n.ID, resolved, by)
		return func() {
			if err != nil {
				p.g.showError("Resolving the note", err)
				return
			}
			p.load(story)
		}
	})
}

// addNote is Add note: a note on the words selected in the body.
func (g *gui) addNote() {
	if g.current == g.story && g.story.sess.fresh != nil {
		g.story.create(g.addNote) // a note needs the story in the store
		return
	}
	if g.current != g.story || g.story.loaded == nil || g.story.loaded.ID == "" {
		g.saveState.SetText("Open a story first: a note is left on words of a story's body.")
		return
	}
	p := g.story.notes
	if p.store() == nil {
		g.saveState.SetText("This database keeps no notes.")
		return
	}
	body := &g.story.body.Entry
	start, end, ok := selectionBytes(body)
	if !ok {
		g.saveState.SetText("Select the words the note is about in the body first, then choose Add note (Ctrl+Alt+M).")
		return
	}
	shift := bodyShift(body.Text)
	saved := normalBody(body.Text)
	start, end = clampByte(saved, start-shift), clampByte(saved, end-shift)
	for start < end && strings.ContainsRune(" \n\t", rune(saved[start])) {
		start++
	}
	for end > start && strings.ContainsRune(" \n\t", rune(saved[end-1])) {
		end--
	}
	if start >= end {
		g.saveState.SetText("Select some words, not only spaces, for the note.")
		return
	}
	anchor := editor.NewAnchor(saved, start, end)
	text := newTextEntry(g, true, "What the editor or subeditor should look at")
	text.SetMinRowsVisible(4)
	problem := widget.NewLabel("")
	problem.Importance = widget.DangerImportance
	problem.Wrapping = fyne.TextWrapWord
	problem.Hide()
	on := widget.NewLabelWithStyle("On “"+clip(anchor.Exact, 120)+"”", fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	on.Wrapping = fyne.TextWrapWord
	who := widget.NewLabel("From " + orSomeone(g.prefs.author()) + ". Notes stay with the story, are never published, and are listed by the checks until resolved.")
	who.Importance = widget.MediumImportance
	who.Wrapping = fyne.TextWrapWord
	content := container.NewVBox(on, text, problem, who)
	storyID := g.story.loaded.ID
	b := g.showDialog("Add note", content, text,
		choice{label: "Cancel"},
		choice{label: "Add note", check: func() bool {
			if strings.TrimSpace(text.Text) == "" {
				problem.SetText("Write what the note says.")
				problem.Show()
				g.win.Canvas().Focus(text)
				return false
			}
			return true
		}, do: func() { p.save(storyID, anchor, text.Text) }})
	b.resize(520, 0)
}

// save writes a new note, then shows the story's notes again.
func (p *notesPanel) save(storyID string, anchor editor.Anchor, text string) {
	ns := p.store()
	ctx := p.g.ctx
	n := &editor.Note{StoryID: storyID, Anchor: anchor, Text: text, Author: p.g.prefs.author()}
	p.g.write(func() func() {
		err := ns.AddNote(ctx, n)
		return func() {
			if err != nil {
				p.g.showError("Adding the note", err)
				return
			}
			p.g.story.showNotes()
			p.load(storyID)
		}
	})
}

// selectionBytes is the entry's selection as byte offsets into its text;
// ok is false when nothing is selected. Fyne tells the selected text and
// the cursor, which stands at one end of it.
func selectionBytes(e *widget.Entry) (start, end int, ok bool) {
	sel := e.SelectedText()
	if sel == "" {
		return 0, 0, false
	}
	at := cursorByte(e)
	switch {
	case at >= len(sel) && e.Text[at-len(sel):at] == sel:
		return at - len(sel), at, true
	case at+len(sel) <= len(e.Text) && e.Text[at:at+len(sel)] == sel:
		return at, at + len(sel), true
	}
	return 0, 0, false
}

// showNotes brings the Notes tab to the front.
func (e *storyEditor) showNotes() {
	e.tabs.Select(e.notesTab)
	e.g.showPane(paneRight)
}
