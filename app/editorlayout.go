package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// bodyMinHeight is the least height the body gets, about eight lines: in
// a short window (800×600, or with larger text) the editor scrolls as a
// whole instead of squeezing the body to a line.
const bodyMinHeight = 200

// editorLayout stacks the fields above the body, the body, and the fields
// under it; the body takes the height left, and never less than
// bodyMinHeight. Its objects are top, body and bottom, in that (reading and
// Tab) order.
type editorLayout struct{}

func (editorLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	top, body, bottom := objects[0].MinSize(), objects[1].MinSize(), objects[2].MinSize()
	pad := theme.Padding()
	return fyne.NewSize(max(top.Width, body.Width, bottom.Width),
		top.Height+max(body.Height, bodyMinHeight)+bottom.Height+2*pad)
}

func (editorLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	top, body, bottom := objects[0], objects[1], objects[2]
	pad := theme.Padding()
	th, bh := top.MinSize().Height, bottom.MinSize().Height
	top.Move(fyne.NewPos(0, 0))
	top.Resize(fyne.NewSize(size.Width, th))
	bodyH := max(size.Height-th-bh-2*pad, bodyMinHeight)
	body.Move(fyne.NewPos(0, th+pad))
	body.Resize(fyne.NewSize(size.Width, bodyH))
	bottom.Move(fyne.NewPos(0, th+pad+bodyH+pad))
	bottom.Resize(fyne.NewSize(size.Width, bh))
}

// newEditorColumn lays out top, body and bottom with editorLayout, in a
// scroll that only moves when the window is too short for them.
func newEditorColumn(top, body, bottom fyne.CanvasObject) fyne.CanvasObject {
	return container.NewVScroll(container.New(editorLayout{}, top, body, bottom))
}
