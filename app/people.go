package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
)

// peopleList is the sidebar's People tab: the directory shared by all stories.
type peopleList struct {
	g      *gui
	filter *widget.Entry
	count  *widget.Label
	list   *widget.List
	empty  *widget.Label

	all   []editor.Person
	shown []editor.Person
}

func newPeopleList(g *gui) *peopleList { return &peopleList{g: g} }

func (l *peopleList) build() fyne.CanvasObject {
	l.filter = &widget.Entry{PlaceHolder: "Filter people by name, role…", OnChanged: func(string) { l.apply() }}
	l.count = widget.NewLabel("")
	l.count.Importance = widget.MediumImportance
	l.empty = widget.NewLabel("")
	l.empty.Wrapping = fyne.TextWrapWord
	l.empty.Hide()
	l.list = &widget.List{
		Length:     func() int { return len(l.shown) },
		CreateItem: newStoryRow,
		UpdateItem: func(i widget.ListItemID, o fyne.CanvasObject) {
			box := o.(*fyne.Container)
			p := l.shown[i]
			box.Objects[0].(*widget.Label).SetText(p.FullName())
			var meta []string
			for _, s := range []string{p.Role, p.Organisation} {
				if s != "" {
					meta = append(meta, s)
				}
			}
			box.Objects[1].(*widget.Label).SetText(strings.Join(meta, " · "))
		},
		OnSelected: func(i widget.ListItemID) { l.g.openPerson(l.shown[i]) },
	}
	l.list.ExtendBaseWidget(l.list)
	add := &widget.Button{Text: "New person…", Icon: theme.ContentAddIcon(), Importance: widget.LowImportance,
		OnTapped: func() { l.g.openPerson(editor.Person{}) }}
	return container.NewBorder(container.NewBorder(nil, nil, nil, l.count, l.filter), container.NewHBox(add), nil, nil,
		container.NewStack(l.list, container.NewPadded(l.empty)))
}

func (l *peopleList) reload() {
	l.g.run(func() func() {
		people, err := l.g.store.People(l.g.ctx)
		return func() {
			if err != nil {
				l.g.showStatusError("Loading people", err)
				return
			}
			l.all = people
			l.apply()
		}
	})
}

func (l *peopleList) apply() {
	if l.list == nil {
		return
	}
	words := strings.Fields(strings.ToLower(l.filter.Text))
	l.shown = l.shown[:0]
	for _, p := range l.all {
		hay := strings.ToLower(strings.Join([]string{p.FullName(), p.ShortName, p.Role, p.Organisation}, " "))
		ok := true
		for _, w := range words {
			ok = ok && strings.Contains(hay, w)
		}
		if ok {
			l.shown = append(l.shown, p)
		}
	}
	l.count.SetText(plural(len(l.shown), "person", "people"))
	l.empty.Hide()
	if len(l.shown) == 0 {
		l.empty.SetText("No one matches.")
		if len(l.all) == 0 {
			l.empty.SetText("The people directory is empty. People are added when wire copy with quotes is imported, or with New person below.")
		}
		l.empty.Show()
	}
	l.list.UnselectAll()
	l.list.Refresh()
}

// find returns the person with this ID from the loaded directory.
func (l *peopleList) find(id string) (editor.Person, bool) {
	for _, p := range l.all {
		if p.ID == id {
			return p, true
		}
	}
	return editor.Person{}, false
}

// personEditor shows and edits one entry of the people directory. A person
// has no revisions: Save writes the entry at once.
type personEditor struct {
	g      *gui
	person editor.Person

	heading      *widget.Label
	name         *widget.Entry
	honorific    *widget.Entry
	shortName    *widget.Entry
	role         *widget.Entry
	organisation *widget.Entry
	state        *widget.Label
	root         fyne.CanvasObject
}

func newPersonEditor(g *gui) *personEditor {
	e := &personEditor{g: g}
	e.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	e.name = &widget.Entry{PlaceHolder: "Full name without honorific, e.g. Iain Duncan Smith"}
	e.honorific = &widget.Entry{PlaceHolder: "e.g. Sir, Dr"}
	e.shortName = &widget.Entry{PlaceHolder: "How later references name them, e.g. Sir Iain"}
	e.role = &widget.Entry{PlaceHolder: "e.g. Chingford and Woodford Green MP"}
	e.organisation = &widget.Entry{PlaceHolder: "e.g. Conservative Party"}
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
