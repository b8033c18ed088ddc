package app

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
)

// compareView shows the word diff of any two revisions of a story or page,
// inline or side by side. Inserted words are bold between {+ +} and deleted
// ones italic between [- -], coloured too, so neither colour nor theme is
// needed to tell them apart.
type compareView struct {
	g    *gui
	kind *docKind
	id   string
	name string

	revs     []editor.Revision // oldest first
	from, to *widget.Select
	mode     *widget.RadioGroup
	changed  *widget.Check
	stats    *widget.Label
	body     *fyne.Container
	restore  *dialogButton
	box      *dialogBox
	gen      int

	diff    *editor.StoryDiff // the diff shown, nil while loading
	fromSeq int
	toSeq   int
}

const (
	modeInline = "Inline"
	modeSide   = "Side by side"
)

// compareRevisions is the Story menu's Compare revisions…: the open
// document's last two revisions, to start with.
func (g *gui) compareRevisions() {
	if g.current == nil || g.current.session().loaded == nil {
		g.saveState.SetText("Open a story or page first: Compare shows the changes between two of its revisions.")
		return
	}
	s := g.current.session()
	if s.fresh != nil {
		g.saveState.SetText("This new story has no revisions yet to compare.")
		return
	}
	n := s.loaded.rev()
	g.showCompare(s.kind, s.id(), s.loaded.name(), max(n-1, 1), n)
}

// changesSincePublished compares the revision that went live with the
// latest one.
func (g *gui) changesSincePublished() {
	if g.current != g.story || g.story.loaded == nil {
		return
	}
	s := g.story.loaded
	g.run(func() func() {
		seq, err := g.store.PublishedRevision(g.ctx, s.ID)
		return func() {
			if errors.Is(err, editor.ErrNotFound) {
				g.saveState.SetText("“" + s.Title() + "” has never been published: there is no published revision to compare with.")
				return
			}
			if err != nil {
				g.showError("Finding the published revision of “"+s.Title()+"”", err)
				return
			}
			g.showCompare(storyKind, s.ID, s.Title(), seq, s.Revision)
		}
	})
}

func (g *gui) showCompare(kind *docKind, id, name string, from, to int) {
	if v := g.compareDialog; v != nil && !v.box.closed && v.kind == kind && v.id == id {
		v.load(from, to)
		return
	}
	v := &compareView{g: g, kind: kind, id: id, name: name}
	v.build()
	g.compareDialog = v
	v.load(from, to)
}

func (v *compareView) build() {
	v.from = widget.NewSelect(nil, func(string) { v.chosen() })
	v.to = widget.NewSelect(nil, func(string) { v.chosen() })
	v.mode = widget.NewRadioGroup([]string{modeInline, modeSide}, func(string) { v.render() })
	v.mode.Horizontal = true
	v.mode.Required = true
	v.mode.Selected = modeInline
	v.changed = widget.NewCheck("Changed paragraphs only", func(bool) { v.render() })
	v.changed.Checked = true
	v.stats = widget.NewLabel("Loading…")
	v.stats.Wrapping = fyne.TextWrapWord
	v.body = container.NewVBox()
	legend := widget.NewRichText(append([]widget.RichTextSegment{plainSeg("Key: ")},
		append(opSegments(editor.Op{Op: editor.OpInsert, Text: "inserted words"}),
			append([]widget.RichTextSegment{plainSeg("   ")}, opSegments(editor.Op{Op: editor.OpDelete, Text: "deleted words"})...)...)...)...)
	pick := container.NewGridWithColumns(2,
		container.NewBorder(nil, nil, widget.NewLabel("From"), nil, v.from),
		container.NewBorder(nil, nil, widget.NewLabel("to"), nil, v.to))
	choose := container.NewBorder(nil, nil, nil, container.NewHBox(v.mode, v.changed), pick)
	top := container.NewVBox(choose, container.NewBorder(nil, nil, nil, legend, v.stats), widget.NewSeparator())
	content := container.NewBorder(top, nil, nil, nil, container.NewVScroll(v.body))
	v.box = v.g.showDialog("Compare revisions of “"+v.name+"”", content, nil,
		choice{label: "Close", isDefault: true},
		choice{label: "Restore “From”…", stay: true, do: func() { v.g.restoreRevision(v.fromSeq) }})
	v.restore = v.box.buttons[1]
	v.restore.Disable()
	size := v.g.win.Canvas().Size()
	v.box.resize(size.Width*0.92, size.Height*0.9)
}

// revLabel names a revision in the From and To lists.
func revLabel(r editor.Revision) string {
	s := fmt.Sprintf("%d · %s · %s", r.Seq, r.CreatedAt.Local().Format("2 Jan 15:04"), r.Kind)
	if r.Note != "" {
		s += " · " + r.Note
	}
	return s
}

// chosen reloads when From or To changes.
func (v *compareView) chosen() {
	f, t := v.from.SelectedIndex(), v.to.SelectedIndex()
	if f < 0 || t < 0 || f >= len(v.revs) || t >= len(v.revs) {
		return
	}
	if v.revs[f].Seq == v.fromSeq && v.revs[t].Seq == v.toSeq {
		return
	}
	v.load(v.revs[f].Seq, v.revs[t].Seq)
}

// load reads both revisions and diffs them off the UI goroutine.
func (v *compareView) load(from, to int) {
	v.gen++
	gen := v.gen
	v.fromSeq, v.toSeq = from, to
	v.stats.SetText(fmt.Sprintf("Comparing revision %d with revision %d…", from, to))
	g := v.g
	g.run(func() func() {
		revs, err := g.store.Revisions(g.ctx, v.id)
		var d editor.StoryDiff
		if err == nil {
			d, err = v.diffOf(from, to)
		}
		return func() {
			if gen != v.gen {
				return
			}
			if err != nil {
				v.stats.SetText(fmt.Sprintf("Could not compare revision %d with %d: %v", from, to, err))
				return
			}
			v.revs = revs
			v.diff = &d
			v.fill()
			v.render()
		}
	})
}

func (v *compareView) diffOf(from, to int) (editor.StoryDiff, error) {
	g := v.g
	a, _, err := v.kind.revision(g.ctx, g.store, v.id, from)
	if err != nil {
		return editor.StoryDiff{}, err
	}
	b, _, err := v.kind.revision(g.ctx, g.store, v.id, to)
	if err != nil {
		return editor.StoryDiff{}, err
	}
	return a.diff(b), nil
}

// fill lists the revisions in From and To and selects the two compared.
func (v *compareView) fill() {
	opts := make([]string, len(v.revs))
	fi, ti := -1, -1
	for i, r := range v.revs {
		opts[i] = revLabel(r)
		if r.Seq == v.fromSeq {
			fi = i
		}
		if r.Seq == v.toSeq {
			ti = i
		}
	}
	v.from.Options, v.to.Options = opts, opts
	if fi >= 0 {
		v.from.SetSelectedIndex(fi)
	}
	if ti >= 0 {
		v.to.SetSelectedIndex(ti)
	}
	if v.restore != nil {
		v.restore.SetText(fmt.Sprintf("Restore revision %d…", v.fromSeq))
		v.restore.Enable()
	}
}

// render shows the diff in the chosen layout.
func (v *compareView) render() {
	if v.diff == nil || v.body == nil {
		return
	}
	d := v.diff
	v.stats.SetText(fmt.Sprintf("Revision %d → %d: %s inserted, %s deleted.", v.fromSeq, v.toSeq,
		plural(d.Stats.InsertedWords, "word", "words"), plural(d.Stats.DeletedWords, "word", "words")))
	v.body.RemoveAll()
	side := v.mode.Selected == modeSide
	var same []string
	for _, f := range d.Fields {
		if !f.Changed() {
			same = append(same, editor.FieldLabel(f.Field))
			continue
		}
		v.body.Add(widget.NewLabelWithStyle(editor.FieldLabel(f.Field), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		if side {
			v.body.Add(container.NewGridWithColumns(2,
				widget.NewLabelWithStyle(fmt.Sprintf("Revision %d", v.fromSeq), fyne.TextAlignLeading, fyne.TextStyle{Italic: true}),
				widget.NewLabelWithStyle(fmt.Sprintf("Revision %d", v.toSeq), fyne.TextAlignLeading, fyne.TextStyle{Italic: true})))
		}
		hidden := 0
		for _, row := range diffRows(f.Ops) {
			if v.changed.Checked && !row.changed {
				hidden++
				continue
			}
			if hidden > 0 {
				v.body.Add(elided(hidden))
				hidden = 0
			}
			if side {
				v.body.Add(container.NewGridWithColumns(2, diffText(row.ops, editor.OpInsert), diffText(row.ops, editor.OpDelete)))
			} else {
				v.body.Add(diffText(row.ops, ""))
			}
		}
		if hidden > 0 {
			v.body.Add(elided(hidden))
		}
		v.body.Add(widget.NewSeparator())
	}
	for _, q := range d.Quotes {
		line := fmt.Sprintf("Quote %s: %s, “%s”", q.Change, q.Speaker, clip(q.Text, 90))
		if q.Change == editor.QuoteChanged {
			var names []string
			for _, f := range q.Fields {
				names = append(names, strings.ToLower(editor.FieldLabel(f.Field)))
			}
			line += " (" + strings.Join(names, ", ") + " changed)"
		}
		l := widget.NewLabel(line)
		l.Wrapping = fyne.TextWrapWord
		v.body.Add(l)
	}
	if !d.Changed() {
		v.body.Add(widget.NewLabel(fmt.Sprintf("Revisions %d and %d read the same.", v.fromSeq, v.toSeq)))
	} else if len(same) > 0 {
		l := widget.NewLabel("Unchanged: " + strings.Join(same, ", ") + ".")
		l.Importance = widget.LowImportance
		l.Wrapping = fyne.TextWrapWord
		v.body.Add(l)
	}
	v.body.Refresh()
}

func elided(n int) fyne.CanvasObject {
	l := widget.NewLabel("… " + plural(n, "unchanged paragraph", "unchanged paragraphs") + " …")
	l.Importance = widget.LowImportance
	return l
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// diffRow is one paragraph of a field's diff: the paragraph breaks of the
// unchanged text divide rows, so both sides of a row say the same thing.
type diffRow struct {
	ops     []editor.Op
	changed bool
}

func diffRows(ops []editor.Op) []diffRow {
	var rows []diffRow
	var cur diffRow
	for _, op := range ops {
		if op.Op != editor.OpEqual {
			cur.ops = append(cur.ops, op)
			cur.changed = true
			continue
		}
		for i, part := range strings.Split(op.Text, "\n\n") {
			if i > 0 {
				if len(cur.ops) > 0 {
					rows = append(rows, cur)
				}
				cur = diffRow{}
			}
			if part = strings.Trim(part, "\n"); part != "" {
				cur.ops = append(cur.ops, editor.Op{Op: editor.OpEqual, Text: part})
			}
		}
	}
	if len(cur.ops) > 0 {
		rows = append(rows, cur)
	}
	return rows
}

// diffText renders ops: all of them when without is empty (inline), or
// every op but those of kind without (one side of side by side).
func diffText(ops []editor.Op, without editor.OpKind) *widget.RichText {
	var segs []widget.RichTextSegment
	for _, op := range ops {
		if op.Op == without {
			continue
		}
		segs = append(segs, opSegments(op)...)
	}
	if len(segs) == 0 {
		segs = []widget.RichTextSegment{plainSeg("—")}
	}
	t := widget.NewRichText(segs...)
	t.Wrapping = fyne.TextWrapWord
	return t
}

// opSegments renders one op: inserted words bold between {+ +}, deleted ones
// italic between [- -], with the spaces around them left outside the marks.
func opSegments(op editor.Op) []widget.RichTextSegment {
	if op.Op == editor.OpEqual {
		return []widget.RichTextSegment{plainSeg(op.Text)}
	}
	words := strings.TrimSpace(op.Text)
	if words == "" {
		words = "¶"
	}
	lead := op.Text[:len(op.Text)-len(strings.TrimLeft(op.Text, " \t\n"))]
	trail := op.Text[len(strings.TrimRight(op.Text, " \t\n")):]
	style := widget.RichTextStyleInline
	open, close := "{+", "+}"
	if op.Op == editor.OpInsert {
		style.TextStyle.Bold = true
		style.ColorName = diffColorName(colorNameInserted, theme.ColorNameSuccess)
	} else {
		style.TextStyle.Italic = true
		style.ColorName = diffColorName(colorNameDeleted, theme.ColorNameError)
		open, close = "[-", "-]"
	}
	var out []widget.RichTextSegment
	if lead != "" {
		out = append(out, plainSeg(lead))
	}
	out = append(out, &widget.TextSegment{Text: open + words + close, Style: style})
	if trail != "" {
		out = append(out, plainSeg(trail))
	}
	return out
}

func plainSeg(s string) widget.RichTextSegment {
	return &widget.TextSegment{Text: s, Style: widget.RichTextStyleInline}
}

// tools are the History tab's buttons: compare two revisions, and for a
// story the changes since it went live.
func (p *revisionsPanel) tools() fyne.CanvasObject {
	compare := &widget.Button{Text: "Compare…", OnTapped: p.g.compareRevisions}
	if p.sess.kind != storyKind {
		return container.NewHBox(compare)
	}
	since := &widget.Button{Text: "Changes since published", OnTapped: p.g.changesSincePublished}
	return container.NewHBox(compare, since)
}

// revisionChoices are the buttons of the dialog showing revision seq of
// document id: close it, compare it with the latest revision, restore it.
func (p *revisionsPanel) revisionChoices(id string, seq int) []choice {
	choices := []choice{{label: "Close", isDefault: true}}
	s := p.sess
	if s.loaded == nil || s.id() != id || s.loaded.rev() <= seq {
		return choices
	}
	latest, name := s.loaded.rev(), s.loaded.name()
	return append(choices,
		choice{label: fmt.Sprintf("Compare with revision %d", latest), do: func() { p.g.showCompare(s.kind, id, name, seq, latest) }},
		choice{label: fmt.Sprintf("Restore revision %d…", seq), importance: widget.DangerImportance, stay: true, do: func() { s.restore(seq) }})
}

// The colours of inserted and deleted words (deskPalette), darker on a light
// background and lighter on a dark one, so they read well in both themes.
const (
	colorNameInserted fyne.ThemeColorName = "copydeskInserted"
	colorNameDeleted  fyne.ThemeColorName = "copydeskDeleted"
)

// diffColorName is name when the app's theme knows it, else fallback.
func diffColorName(name, fallback fyne.ThemeColorName) fyne.ThemeColorName {
	if app := fyne.CurrentApp(); app != nil {
		if _, ok := app.Settings().Theme().(*deskTheme); ok {
			return name
		}
	}
	return fallback
}
