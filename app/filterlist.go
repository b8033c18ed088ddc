package app

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// filterList is a sidebar tab over a list loaded whole from the store (the
// site pages, the people directory): a filter box, an optional choice that
// narrows it further, a count, the rows, and what to say when none match.
type filterList[T any] struct {
	g    *gui
	spec filterSpec[T]

	filter *widget.Entry
	narrow *widget.Select // nil when the spec has no choices
	count  *widget.Label
	list   *widget.List
	empty  *widget.Label

	all   []T
	shown []T
}

// filterSpec says what a filterList shows.
type filterSpec[T any] struct {
	placeholder string
	one, many   string // the count's nouns
	load        func(ctx context.Context, st Store) ([]T, error)
	// words is what the filter's words are looked for in.
	words func(T) string
	row   func(T) (title, meta string)
	open  func(T)
	// choices narrow the list further: the first keeps everything, and
	// keep says whether an item stays under choice i > 0.
	choices []string
	keep    func(item T, choice int) bool
	// noMatch and none are what the list says when nothing matches the
	// filter, and when there is nothing at all.
	noMatch, none string
	// below sits under the list (a button to add one).
	below fyne.CanvasObject
	// loaded runs after each load.
	loaded func()
}

func newFilterList[T any](g *gui, spec filterSpec[T]) *filterList[T] {
	return &filterList[T]{g: g, spec: spec}
}

func (l *filterList[T]) build() fyne.CanvasObject {
	l.filter = &widget.Entry{PlaceHolder: l.spec.placeholder, OnChanged: func(string) { l.apply() }}
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
			title, meta := l.spec.row(l.shown[i])
			box.Objects[0].(*widget.Label).SetText(title)
			box.Objects[1].(*widget.Label).SetText(meta)
		},
		OnSelected: func(i widget.ListItemID) { l.spec.open(l.shown[i]) },
	}
	l.list.ExtendBaseWidget(l.list)
	top := container.NewBorder(nil, nil, nil, l.count, l.filter)
	if len(l.spec.choices) > 0 {
		l.narrow = widget.NewSelect(l.spec.choices, func(string) { l.apply() })
		l.narrow.SetSelectedIndex(0)
		top = container.NewVBox(l.filter, container.NewBorder(nil, nil, nil, l.count, l.narrow))
	}
	return container.NewBorder(top, l.spec.below, nil, nil, container.NewStack(l.list, container.NewPadded(l.empty)))
}

// reload reads the list again from the store.
func (l *filterList[T]) reload() {
	l.g.run(func() func() {
		items, err := l.spec.load(l.g.ctx, l.g.store)
		return func() {
			if err != nil {
				l.g.showStatusError("Loading the "+l.spec.many, err)
				return
			}
			l.all = items
			l.apply()
			if l.spec.loaded != nil {
				l.spec.loaded()
			}
		}
	})
}

// apply shows the items that hold every word of the filter and pass the
// narrowing choice.
func (l *filterList[T]) apply() {
	if l.list == nil {
		return
	}
	words := strings.Fields(strings.ToLower(l.filter.Text))
	choice := 0
	if l.narrow != nil {
		choice = max(l.narrow.SelectedIndex(), 0)
	}
	l.shown = l.shown[:0]
	for _, it := range l.all {
		if choice > 0 && !l.spec.keep(it, choice) {
			continue
		}
		hay := strings.ToLower(l.spec.words(it))
		ok := true
		for _, w := range words {
			ok = ok && strings.Contains(hay, w)
		}
		if ok {
			l.shown = append(l.shown, it)
		}
	}
	l.count.SetText(plural(len(l.shown), l.spec.one, l.spec.many))
	l.empty.Hide()
	if len(l.shown) == 0 {
		l.empty.SetText(l.spec.noMatch)
		if len(l.all) == 0 {
			l.empty.SetText(l.spec.none)
		}
		l.empty.Show()
	}
	l.list.UnselectAll()
	l.list.Refresh()
}

// find returns the first loaded item for which match holds.
func (l *filterList[T]) find(match func(T) bool) (T, bool) {
	for _, it := range l.all {
		if match(it) {
			return it, true
		}
	}
	var zero T
	return zero, false
}
