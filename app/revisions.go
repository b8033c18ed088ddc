package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
)

// revisionsPanel is the History tab: every revision of the open story or
// page, newest first; choosing one shows it read-only.
type revisionsPanel struct {
	g    *gui
	sess *docSession
	id   string
	gen  int

	revs []editor.Revision // newest first
	list *widget.List
	// heights are the rows' heights as last fitted to their notes.
	heights map[widget.ListItemID]float32
	count   *widget.Label
}

func newRevisionsPanel(g *gui, sess *docSession) *revisionsPanel {
	return &revisionsPanel{g: g, sess: sess}
}

func (p *revisionsPanel) build() fyne.CanvasObject {
	p.count = widget.NewLabel("")
	p.count.Importance = widget.MediumImportance
	p.list = &widget.List{
		Length:     func() int { return len(p.revs) },
		CreateItem: newRevisionRow,
		UpdateItem: func(i widget.ListItemID, o fyne.CanvasObject) {
			box := o.(*fyne.Container)
			title, meta := box.Objects[0].(*widget.Label), box.Objects[1].(*widget.Label)
			r := p.revs[i]
			title.SetText(fmt.Sprintf("Revision %d · %s", r.Seq, r.CreatedAt.Local().Format("2 Jan 15:04")))
			meta.SetText(revisionLine(r))
			p.fit(i, box)
		},
		OnSelected: func(i widget.ListItemID) {
			p.open(p.revs[i].Seq)
			p.list.UnselectAll()
		},
	}
	p.list.ExtendBaseWidget(p.list)
	hint := widget.NewLabel("Choose a revision to read it as it was, or to restore it.")
	hint.Importance = widget.LowImportance
	hint.Wrapping = fyne.TextWrapWord
	return container.NewBorder(container.NewVBox(p.count, p.tools()), hint, nil, nil, p.list)
}

// newRevisionRow is a History row: the revision's number and time, then who
// made it, why and its note, whole: the note wraps rather than being cut.
func newRevisionRow() fyne.CanvasObject {
	row := newStoryRow()
	meta := row.(*fyne.Container).Objects[1].(*widget.Label)
	meta.Truncation, meta.Wrapping = fyne.TextTruncateOff, fyne.TextWrapWord
	return row
}

// fit makes row i as tall as its wrapped note needs at the list's width.
func (p *revisionsPanel) fit(i widget.ListItemID, row *fyne.Container) {
	w := p.list.Size().Width - 2*theme.Padding()
	if w <= 0 {
		return
	}
	for range 2 { // a wrapped label's height follows its width: lay out, then measure
		row.Resize(fyne.NewSize(w, row.MinSize().Height))
	}
	h := row.MinSize().Height
	if p.heights == nil {
		p.heights = map[widget.ListItemID]float32{}
	}
	if p.heights[i] != h {
		p.heights[i] = h
		p.list.SetItemHeight(i, h)
	}
}

// revisionLine says who made a revision, why, and how long it was.
func revisionLine(r editor.Revision) string {
	parts := []string{}
	if r.Author != "" {
		parts = append(parts, r.Author)
	}
	parts = append(parts, string(r.Kind))
	if r.Note != "" {
		parts = append(parts, "“"+r.Note+"”")
	}
	parts = append(parts, plural(r.Words, "word", "words"))
	return strings.Join(parts, " · ")
}

// load lists the revisions of the document with this ID.
func (p *revisionsPanel) load(id string) {
	p.id = id
	p.gen++
	gen := p.gen
	if id == "" {
		// A new story, not saved yet: no history to read.
		p.revs, p.heights = nil, nil
		p.count.SetText(plural(0, "revision", "revisions"))
		p.list.Refresh()
		return
	}
	p.g.run(func() func() {
		revs, err := p.g.store.Revisions(p.g.ctx, id)
		return func() {
			if gen != p.gen {
				return
			}
			if err != nil {
				p.g.showStatusError("Loading the history", err)
				return
			}
			p.revs = make([]editor.Revision, len(revs))
			for i, r := range revs {
				p.revs[len(revs)-1-i] = r
			}
			p.count.SetText(plural(len(revs), "revision", "revisions"))
			p.heights = nil
			p.list.Refresh()
		}
	})
}

// open shows revision seq read-only in a dialog.
func (p *revisionsPanel) open(seq int) {
	id, kind := p.id, p.sess.kind
	p.g.run(func() func() {
		d, rev, err := kind.revision(p.g.ctx, p.g.store, id, seq)
		return func() {
			if err != nil {
				p.g.showError(fmt.Sprintf("Opening revision %d", seq), err)
				return
			}
			var content fyne.CanvasObject
			switch d := d.(type) {
			case pageDoc:
				content = pageReadOnly(d.Page)
			case storyDoc:
				content = storyReadOnly(d.Story)
			}
			head := widget.NewLabelWithStyle(fmt.Sprintf("Revision %d, %s · %s", rev.Seq, rev.CreatedAt.Local().Format("2 Jan 2006 15:04"), revisionLine(*rev)),
				fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			head.Wrapping = fyne.TextWrapWord
			note := widget.NewLabel("Read-only: this is how it was then. Your editor is unchanged.")
			note.Importance = widget.LowImportance
			body := container.NewBorder(container.NewVBox(head, note, widget.NewSeparator()), nil, nil, nil, content)
			b := p.g.showDialog(fmt.Sprintf("Revision %d", rev.Seq), body, nil, p.revisionChoices(id, rev.Seq)...)
			size := p.g.win.Canvas().Size()
			b.resize(size.Width*0.7, size.Height*0.8)
		}
	})
}

func storyReadOnly(s *editor.Story) fyne.CanvasObject {
	v := newStoryView()
	o := v.build()
	v.set(s)
	return o
}

func pageReadOnly(pg *editor.Page) fyne.CanvasObject {
	title := widget.NewRichText(&widget.TextSegment{Text: pg.Title, Style: widget.RichTextStyleHeading})
	title.Wrapping = fyne.TextWrapWord
	summary := widget.NewRichTextFromMarkdown(pg.Summary)
	summary.Wrapping = fyne.TextWrapWord
	body := widget.NewRichTextFromMarkdown(pg.Body)
	body.Wrapping = fyne.TextWrapWord
	return container.NewVScroll(container.NewVBox(title, widget.NewLabelWithStyle("Summary", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		summary, widget.NewSeparator(), body))
}
