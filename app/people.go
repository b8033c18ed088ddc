package app

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
)

// newPeopleList is the sidebar's People tab: the directory shared by all stories.
func newPeopleList(g *gui) *filterList[editor.Person] {
	add := &widget.Button{Text: "New person…", Icon: theme.ContentAddIcon(), Importance: widget.LowImportance,
		OnTapped: func() { g.openPerson(editor.Person{}) }}
	return newFilterList(g, filterSpec[editor.Person]{
		placeholder: "Filter people by name, role…",
		one:         "person", many: "people",
		load: func(ctx context.Context, st Store) ([]editor.Person, error) { return st.People(ctx) },
		words: func(p editor.Person) string {
			return strings.Join([]string{p.FullName(), p.ShortName, p.Role, p.Organisation}, " ")
		},
		row: func(p editor.Person) (string, string) {
			var meta []string
			for _, s := range []string{p.Role, p.Organisation} {
				if s != "" {
					meta = append(meta, s)
				}
			}
			return p.FullName(), strings.Join(meta, " · ")
		},
		open:    g.openPerson,
		loaded:  g.spellingKnown,
		noMatch: "No one matches.",
		none:    "The people directory is empty. People are added when wire copy with quotes is imported, or with New person below.",
		below:   container.NewHBox(add),
	})
}

// personEditor shows and edits one entry of the people directory. A person
// has no revisions: Save writes the entry at once.
type personEditor struct {
	g      *gui
	person editor.Person

	heading      *widget.Label
	name         *textEntry
	honorific    *textEntry
	shortName    *textEntry
	role         *textEntry
	organisation *textEntry
	state        *widget.Label
	root         fyne.CanvasObject
}

func newPersonEditor(g *gui) *personEditor {
	e := &personEditor{g: g}
	e.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	e.name = newTextEntry(g, false, "Full name without honorific, e.g. Iain Duncan Smith")
	e.honorific = newTextEntry(g, false, "e.g. Sir, Dr")
	e.shortName = newTextEntry(g, false, "How later references name them, e.g. Sir Iain")
	e.role = newTextEntry(g, false, "e.g. Chingford and Woodford Green MP")
	e.organisation = newTextEntry(g, false, "e.g. Conservative Party")
	e.state = widget.NewLabel("")
	e.state.Importance = widget.LowImportance
	e.state.Wrapping = fyne.TextWrapWord
	save := &widget.Button{Text: "Save person", Importance: widget.HighImportance, OnTapped: e.save}
	note := widget.NewLabel("The directory is shared by every story; a change here shows wherever this person is quoted from now on.")
	note.Wrapping = fyne.TextWrapWord
	note.Importance = widget.LowImportance
	e.root = container.NewPadded(container.NewVBox(
		e.heading,
		widget.NewForm(
			widget.NewFormItem("Name", e.name), widget.NewFormItem("Honorific", e.honorific),
			widget.NewFormItem("Short name", e.shortName), widget.NewFormItem("Role", e.role),
			widget.NewFormItem("Organisation", e.organisation)),
		container.NewHBox(save), e.state, note,
	))
	return e
}

func (e *personEditor) canvas() fyne.CanvasObject { return e.root }

func (e *personEditor) set(p editor.Person) {
	e.person = p
	e.heading.SetText(personHeading(p))
	e.name.SetText(p.Name)
	e.honorific.SetText(p.Honorific)
	e.shortName.SetText(p.ShortName)
	e.role.SetText(p.Role)
	e.organisation.SetText(p.Organisation)
	e.state.SetText("")
}

// personHeading names a person, or says the entry is new.
func personHeading(p editor.Person) string {
	if p.ID == "" && p.Name == "" {
		return "New person"
	}
	return p.FullName()
}

// edited is the person as the fields hold them.
func (e *personEditor) edited() editor.Person {
	p := e.person
	p.Name, p.Honorific, p.ShortName, p.Role, p.Organisation = e.name.Text, e.honorific.Text, e.shortName.Text, e.role.Text, e.organisation.Text
	return p
}

func (e *personEditor) dirty() bool { return e.edited() != e.person }

func (e *personEditor) save() { e.saveThen(nil) }

// saveThen saves the person, then runs next when that worked.
func (e *personEditor) saveThen(next func()) {
	p := e.edited()
	e.g.write(func() func() {
		err := e.g.store.SavePerson(e.g.ctx, &p)
		return func() {
			if err != nil {
				e.g.showError("Saving "+p.Name, err)
				return
			}
			e.person = p
			e.heading.SetText(personHeading(p))
			e.g.win.SetTitle(personHeading(p) + " — copydesk")
			e.state.SetText("Saved.")
			e.g.people.reload()
			if next != nil {
				next()
			}
		}
	})
}
