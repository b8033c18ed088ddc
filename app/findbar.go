package app

import (
	"fmt"
	"runtime"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
)

// findBar is find and replace in the story's body: a bar over the body
// with the words to find, what to put instead, match case and whole word,
// and how many matches there are. Next and Previous select a match in the
// body; Replace replaces the one selected, Replace all every one, and each
// is undone in one step (Ctrl+Z in the body).
type findBar struct {
	e *storyEditor

	root       *fyne.Container
	find       *textEntry
	replace    *textEntry
	replaceRow *fyne.Container // the replace row's buttons, hidden with its field
	matchCase  *widget.Check
	wholeWord  *widget.Check
	count      *widget.Label

	matches []editor.Span // in the body's text as it stands
	at      int           // the match selected last, -1 for none
}

func newFindBar(e *storyEditor) *findBar {
	f := &findBar{e: e, at: -1}
	g := e.g
	f.find = newTextEntry(g, false, "Find in the story")
	f.find.OnChanged = func(string) { f.search() }
	f.find.OnSubmitted = func(string) { f.next(1) }
	f.replace = newTextEntry(g, false, "Replace with")
	f.replace.OnSubmitted = func(string) { f.replaceOne() }
	f.matchCase = widget.NewCheck("Match case", func(bool) { f.search() })
	f.wholeWord = widget.NewCheck("Whole words", func(bool) { f.search() })
	f.count = widget.NewLabel("")
	f.count.Importance = widget.MediumImportance
	prev := &widget.Button{Icon: theme.MenuDropUpIcon(), Importance: widget.LowImportance, OnTapped: func() { f.next(-1) }}
	next := &widget.Button{Icon: theme.MenuDropDownIcon(), Importance: widget.LowImportance, OnTapped: func() { f.next(1) }}
	done := &widget.Button{Icon: theme.CancelIcon(), Importance: widget.LowImportance, OnTapped: f.close}
	one := &widget.Button{Text: "Replace", OnTapped: f.replaceOne}
	all := &widget.Button{Text: "Replace all", OnTapped: f.replaceAll}
	f.replaceRow = container.NewHBox(one, all)
	// Both fields come first in the tree, so Tab goes from Find to Replace
	// before the buttons; findLayout puts each row's buttons at its end.
	rows := container.New(findLayout{}, f.find, f.replace,
		container.NewHBox(f.count, prev, next, f.matchCase, f.wholeWord, done), f.replaceRow)
	f.root = container.NewVBox(rows, widget.NewSeparator())
	f.root.Hide()
	return f
}

// findLayout lays out the find bar's objects, the find field, the replace
// field, the find row's buttons and the replace row's, as two rows, each
// field as wide as the wider row's buttons leave, so the two fields line
// up; a hidden replace field hides its row.
type findLayout struct{}

func (findLayout) rows(objects []fyne.CanvasObject) [][2]fyne.CanvasObject {
	rows := [][2]fyne.CanvasObject{{objects[0], objects[2]}}
	if objects[1].Visible() {
		rows = append(rows, [2]fyne.CanvasObject{objects[1], objects[3]})
	}
	return rows
}

func (l findLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	pad := theme.Padding()
	var size fyne.Size
	for i, r := range l.rows(objects) {
		field, tools := r[0].MinSize(), r[1].MinSize()
		size.Width = max(size.Width, field.Width+pad+tools.Width)
		if i > 0 {
			size.Height += pad
		}
		size.Height += max(field.Height, tools.Height)
	}
	return size
}

func (l findLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	y := float32(0)
	rows := l.rows(objects)
	var widest float32
	for _, r := range rows {
		widest = max(widest, r[1].MinSize().Width)
	}
	for _, r := range rows {
		field, tools := r[0], r[1]
		h := max(field.MinSize().Height, tools.MinSize().Height)
		tw := tools.MinSize().Width
		field.Move(fyne.NewPos(0, y))
		field.Resize(fyne.NewSize(max(size.Width-widest-pad, 0), h))
		tools.Move(fyne.NewPos(size.Width-tw, y))
		tools.Resize(fyne.NewSize(tw, h))
		y += h + pad
	}
}

func (f *findBar) visible() bool { return f.root.Visible() }

// open shows the bar, with the replace row when replacing, the words
// selected in the body to start with, and the keyboard in its first field.
func (f *findBar) open(replacing bool) {
	if sel := f.e.body.SelectedText(); sel != "" && !strings.Contains(sel, "\n") {
		f.find.SetText(sel)
	}
	f.replaceRow.Hidden, f.replace.Hidden = !replacing, !replacing
	f.root.Show()
	f.e.g.showPane(paneCentre)
	focus := f.find
	if replacing && f.find.Text != "" {
		focus = f.replace
	}
	f.e.g.win.Canvas().Focus(focus)
	f.search()
}

// close hides the bar and gives the keyboard back to the body.
func (f *findBar) close() {
	f.root.Hide()
	f.e.g.win.Canvas().Focus(f.e.body)
}

func (f *findBar) options() editor.FindOptions {
	return editor.FindOptions{MatchCase: f.matchCase.Checked, WholeWord: f.wholeWord.Checked}
}

// search finds the words in the body again and says how many there are.
func (f *findBar) search() {
	f.matches = editor.Find(f.e.body.Text, f.find.Text, f.options())
	f.at = -1
	f.showCount()
}

func (f *findBar) showCount() {
	switch {
	case f.find.Text == "":
		f.count.SetText("")
	case len(f.matches) == 0:
		f.count.SetText("No match")
	case f.at < 0:
		f.count.SetText(plural(len(f.matches), "match", "matches"))
	default:
		f.count.SetText(fmt.Sprintf("%d of %d", f.at+1, len(f.matches)))
	}
}

// next selects the match after (step 1) or before (step -1) the cursor.
func (f *findBar) next(step int) {
	f.matches = editor.Find(f.e.body.Text, f.find.Text, f.options())
	if len(f.matches) == 0 {
		f.at = -1
		f.showCount()
		return
	}
	cur := cursorByte(&f.e.body.Entry)
	if sel := f.selected(); sel >= 0 {
		cur = f.matches[sel].Start
		if step > 0 {
			cur = f.matches[sel].End
		}
	}
	i := -1
	if step > 0 {
		for k, m := range f.matches {
			if m.Start >= cur {
				i = k
				break
			}
		}
		if i < 0 {
			i = 0 // round to the top
		}
	} else {
		for k := len(f.matches) - 1; k >= 0; k-- {
			if f.matches[k].End <= cur {
				i = k
				break
			}
		}
		if i < 0 {
			i = len(f.matches) - 1
		}
	}
	f.show(i)
}

// show selects match i in the body.
func (f *findBar) show(i int) {
	f.at = i
	m := f.matches[i]
	selectRange(f.e.g.win, f.e.body, m.Start, m.End)
	f.showCount()
}

// selected is the match the body's selection covers, or -1.
func (f *findBar) selected() int {
	sel := f.e.body.SelectedText()
	if sel == "" || f.at < 0 || f.at >= len(f.matches) {
		return -1
	}
	m := f.matches[f.at]
	if m.End <= len(f.e.body.Text) && f.e.body.Text[m.Start:m.End] == sel {
		return f.at
	}
	return -1
}

// replaceOne replaces the match selected, then selects the next; with none
// selected it first selects one.
func (f *findBar) replaceOne() {
	i := f.selected()
	if i < 0 {
		f.next(1)
		return
	}
	m := f.matches[i]
	text := f.e.body.Text
	f.e.body.replaceText(text[:m.Start] + f.replace.Text + text[m.End:])
	f.matches = editor.Find(f.e.body.Text, f.find.Text, f.options())
	f.at = -1
	// On from where the replacement ends, so "a" for "aa" does not loop.
	after := m.Start + len(f.replace.Text)
	for k, n := range f.matches {
		if n.Start >= after {
			f.show(k)
			f.e.g.saveState.SetText("Replaced 1 · Ctrl+Z in the body undoes it")
			return
		}
	}
	f.showCount()
	f.e.g.win.Canvas().Focus(f.e.body)
	f.e.g.saveState.SetText("Replaced the last match · Ctrl+Z in the body undoes it")
}

// replaceAll replaces every match at once, as one change.
func (f *findBar) replaceAll() {
	f.matches = editor.Find(f.e.body.Text, f.find.Text, f.options())
	n := len(f.matches)
	if n == 0 {
		f.showCount()
		return
	}
	f.e.body.replaceText(editor.Replace(f.e.body.Text, f.matches, f.replace.Text))
	f.search()
	f.e.g.win.Canvas().Focus(f.e.body)
	f.e.g.saveState.SetText(fmt.Sprintf("Replaced %s · Ctrl+Z in the body undoes them all", plural(n, "match", "matches")))
}

// findKeys are the keys of find and replace, as each platform has them:
// Ctrl+F and Ctrl+H on Linux and Windows, ⌘F and ⌥⌘F on macOS (where ⌘H
// hides the app); Ctrl+G and Ctrl+Shift+G (⌘G, ⇧⌘G) go to the next and
// previous match, and so do F3 and Shift+F3 in the text fields.
func findKeys() (find, replace, next, prev fyne.Shortcut) {
	mod := fyne.KeyModifierShortcutDefault
	find = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: mod}
	replace = &desktop.CustomShortcut{KeyName: fyne.KeyH, Modifier: mod}
	if runtime.GOOS == "darwin" {
		replace = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: mod | fyne.KeyModifierAlt}
	}
	return find, replace, &desktop.CustomShortcut{KeyName: fyne.KeyG, Modifier: mod},
		&desktop.CustomShortcut{KeyName: fyne.KeyG, Modifier: mod | fyne.KeyModifierShift}
}

// findInStory opens the find bar (with its replace row when replacing) in
// the open story.
func (g *gui) findInStory(replacing bool) {
	if g.current != g.story || g.story.loaded == nil {
		g.saveState.SetText("Open a story first: find and replace works in a story's body. Search everything is Ctrl+Shift+F.")
		return
	}
	g.story.find.open(replacing)
}

// findNext goes to the next (step 1) or previous match of the find bar.
func (g *gui) findNext(step int) {
	if g.current != g.story || g.story.loaded == nil {
		return
	}
	f := g.story.find
	if !f.visible() || f.find.Text == "" {
		f.open(false)
		return
	}
	f.next(step)
}
