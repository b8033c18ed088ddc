package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// columns lays out the window's three panes: the lists on the left, the
// editor in the middle, its panel on the right. The side columns keep the
// width they were given, in pixels, whatever their contents ask for: a
// Split would move its divider whenever the quote cards or a status line
// changed length, rewrapping the body under the cursor. Only dragging a
// divider changes a width, and onResized hears of it to remember it.
//
// A window too narrow for three columns shows one pane at a time under a
// row of tabs.
type columns struct {
	widget.BaseWidget
	panes [3]fyne.CanvasObject // left, centre, right
	names [3]string            // the tabs' names when narrow
	left  float32              // the side columns' widths
	right float32
	// onResized is told the widths when a drag ends.
	onResized func(left, right float32)

	narrow bool
	active int // the pane shown when narrow
	tabs   *container.AppTabs
	items  [3]*container.TabItem
	bar    *fyne.Container
	div    [2]*divider
}

// The narrowest each column may be, and the width below which the panes
// fold into tabs.
const (
	minSide       = 240
	minCentre     = 480
	narrowBelow   = 1180
	defaultLeft   = 320
	defaultRight  = 340
	paneLeft      = 0
	paneCentre    = 1
	paneRight     = 2
	dividerGrowth = 2 // the divider's width over the theme's padding
)

func newColumns(left, centre, right fyne.CanvasObject, names [3]string, leftW, rightW float32) *columns {
	c := &columns{panes: [3]fyne.CanvasObject{left, centre, right}, names: names, left: leftW, right: rightW, active: paneCentre}
	if c.left < minSide {
		c.left = defaultLeft
	}
	if c.right < minSide {
		c.right = defaultRight
	}
	c.div = [2]*divider{newDivider(c, 0), newDivider(c, 1)}
	// The tabs only choose: the panes are laid out under them by columns,
	// so each stays where it is in the widget tree in either layout.
	for i, n := range names {
		c.items[i] = container.NewTabItem(n, canvas.NewRectangle(color.Transparent))
	}
	c.tabs = container.NewAppTabs(c.items[:]...)
	c.tabs.Select(c.items[paneCentre])
	c.tabs.OnSelected = func(it *container.TabItem) {
		for i := range c.items {
			if c.items[i] == it && c.active != i {
				c.active = i
				c.Refresh()
			}
		}
	}
	c.bar = container.NewBorder(nil, widget.NewSeparator(), nil, nil, c.tabs)
	c.ExtendBaseWidget(c)
	return c
}

// show brings pane i to the front when the panes are folded into tabs.
func (c *columns) show(i int) {
	if c.active == i {
		return
	}
	c.active = i
	c.tabs.Select(c.items[i])
	c.Refresh()
}

func (c *columns) CreateRenderer() fyne.WidgetRenderer {
	return &columnsRenderer{c: c}
}

type columnsRenderer struct{ c *columns }

func (r *columnsRenderer) Objects() []fyne.CanvasObject {
	c := r.c
	return []fyne.CanvasObject{c.panes[0], c.div[0], c.panes[1], c.div[1], c.panes[2], c.bar}
}

func (r *columnsRenderer) Destroy() {}

func (r *columnsRenderer) Refresh() {
	r.Layout(r.c.Size())
	canvas.Refresh(r.c)
}

// MinSize is small on purpose: the columns give way (to tabs, then to
// scrolling inside each pane) rather than make the window grow.
func (r *columnsRenderer) MinSize() fyne.Size {
	return fyne.NewSize(minCentre, r.c.bar.MinSize().Height+200)
}

func (r *columnsRenderer) Layout(size fyne.Size) {
	c := r.c
	for _, p := range c.panes {
		p.MinSize() // asked all the same: widgets set themselves up when first measured
	}
	// No column is narrower than its pane needs (with Larger text the side
	// panel's tabs and the editor's rows ask for more): the panes fold into
	// tabs sooner instead of cutting a field off.
	left, right := c.widths(size.Width)
	left, right = max(left, c.panes[paneLeft].MinSize().Width), max(right, c.panes[paneRight].MinSize().Width)
	centre := max(float32(minCentre), c.panes[paneCentre].MinSize().Width)
	c.narrow = size.Width < narrowBelow || size.Width-left-right-2*c.div[0].width() < centre
	if c.narrow {
		c.div[0].Hide()
		c.div[1].Hide()
		c.bar.Show()
		h := c.bar.MinSize().Height
		c.bar.Move(fyne.NewPos(0, 0))
		c.bar.Resize(fyne.NewSize(size.Width, h))
		for i, p := range c.panes {
			if i != c.active {
				p.Hide()
				continue
			}
			p.Show()
			p.Move(fyne.NewPos(0, h))
			p.Resize(fyne.NewSize(size.Width, size.Height-h))
		}
		return
	}
	c.bar.Hide()
	d := c.div[0].width()
	x := float32(0)
	for i, w := range []float32{left, size.Width - left - right - 2*d, right} {
		p := c.panes[i]
		p.Show()
		p.Move(fyne.NewPos(x, 0))
		p.Resize(fyne.NewSize(w, size.Height))
		x += w
		if i < 2 {
			c.div[i].Show()
			c.div[i].Move(fyne.NewPos(x, 0))
			c.div[i].Resize(fyne.NewSize(d, size.Height))
			x += d
		}
	}
}

// widths are the side columns' widths in a window this wide: as set,
// narrowed (without forgetting the setting) when the centre would fall
// below its least width.
func (c *columns) widths(total float32) (float32, float32) {
	left, right := c.left, c.right
	spare := total - 2*c.div[0].width() - minCentre
	if over := left + right - spare; over > 0 {
		// Take from both in proportion, each down to its least width.
		left -= over * left / (left + right)
		right = spare - left
		left, right = max(left, minSide), max(right, minSide)
	}
	return left, right
}

// drag moves divider i by dx, within the columns' least widths.
func (c *columns) drag(i int, dx float32) {
	total := c.Size().Width
	left, right := c.widths(total)
	room := total - 2*c.div[0].width() - minCentre
	if i == 0 {
		c.left = min(max(left+dx, minSide), room-right)
		c.right = right
	} else {
		c.right = min(max(right-dx, minSide), room-left)
		c.left = left
	}
	c.Refresh()
}

func (c *columns) dragEnd() {
	if c.onResized != nil {
		c.onResized(c.left, c.right)
	}
}

// divider is the handle between two columns.
type divider struct {
	widget.BaseWidget
	c     *columns
	i     int
	hover bool
}

func newDivider(c *columns, i int) *divider {
	d := &divider{c: c, i: i}
	d.ExtendBaseWidget(d)
	return d
}

func (d *divider) width() float32 { return theme.Padding() + dividerGrowth }

func (d *divider) CreateRenderer() fyne.WidgetRenderer {
	bar := canvas.NewRectangle(theme.Color(theme.ColorNameSeparator))
	return &dividerRenderer{d: d, bar: bar}
}

func (d *divider) Cursor() desktop.Cursor { return desktop.HResizeCursor }

func (d *divider) Dragged(e *fyne.DragEvent) { d.c.drag(d.i, e.Dragged.DX) }

func (d *divider) DragEnd() { d.c.dragEnd() }

func (d *divider) MouseIn(*desktop.MouseEvent) { d.hover = true; d.Refresh() }

func (d *divider) MouseMoved(*desktop.MouseEvent) {}

func (d *divider) MouseOut() { d.hover = false; d.Refresh() }

type dividerRenderer struct {
	d   *divider
	bar *canvas.Rectangle
}

func (r *dividerRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.bar} }
func (r *dividerRenderer) Destroy()                     {}
func (r *dividerRenderer) MinSize() fyne.Size           { return fyne.NewSize(r.d.width(), 1) }

func (r *dividerRenderer) Layout(size fyne.Size) {
	w := float32(1)
	if r.d.hover {
		w = size.Width
	}
	r.bar.Move(fyne.NewPos((size.Width-w)/2, 0))
	r.bar.Resize(fyne.NewSize(w, size.Height))
}

func (r *dividerRenderer) Refresh() {
	r.bar.FillColor = theme.Color(theme.ColorNameSeparator)
	if r.d.hover {
		r.bar.FillColor = theme.Color(theme.ColorNamePrimary)
	}
	r.Layout(r.d.Size())
	r.bar.Refresh()
}
