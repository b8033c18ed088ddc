package app

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// gui is the main window's state: the store, the panels and the status bar.
type gui struct {
	win    fyne.Window
	store  Store
	run    async
	ctx    context.Context
	list   *storyList
	view   *storyView
	status *widget.Label
}

func newGUI(w fyne.Window, store Store, run async) *gui {
	g := &gui{win: w, store: store, run: run, ctx: context.Background()}
	g.status = widget.NewLabel("")
	g.view = newStoryView(g)
	g.list = newStoryList(g, g.view.show)
	return g
}

// build lays out the window: the story list on the left, the selected story
// on the right, the status bar underneath.
func (g *gui) build() fyne.CanvasObject {
	split := container.NewHSplit(g.list.build(), g.view.build())
	split.Offset = 0.32
	bar := container.NewBorder(nil, nil, nil, widget.NewLabel(g.store.Path()), g.status)
	return container.NewBorder(nil, bar, nil, nil, split)
}

// start loads the first stories.
func (g *gui) start() {
	g.list.reload()
	g.win.Canvas().Focus(g.list.search)
}

// showError reports a failure in the status bar and a dialog, keeping whatever
// the person typed.
func (g *gui) showError(what string, err error) {
	g.status.SetText(fmt.Sprintf("%s: %v", what, err))
}
