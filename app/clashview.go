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

// clashView is the one question a save can ask: the places where the
// person's edit and a revision saved since changed the same words, both
// versions side by side with the clash marked, and at each a choice of
// whose words to keep. Everything else is merged already; what is chosen
// is what is saved.
type clashView struct {
	s    *docSession
	sent document
	c    *clash
	// use takes the merge as chosen: saves it, or shows it in the fields.
	use func(resolved document)
	// picks hold the choice at each clash, in the merge's order.
	picks []*widget.RadioGroup
	box   *dialogBox
}

const keepYours = "Keep yours"

// showClash asks the person to settle clash c of a save of sent, and saves
// the merge as chosen.
func (s *docSession) showClash(sent document, c *clash, meta editor.RevisionMeta) {
	s.showClashWith(sent, c, "Save with these choices", func(resolved document) {
		note := *c.note
		note.chosen = len(c.conflicts)
		s.commit(sent, resolved, c.theirs.rev(), meta, &note)
	})
}

// showClashWith asks the person to settle clash c between sent and a
// revision saved since, and hands the merge as chosen to use, the button
// labelled action.
func (s *docSession) showClashWith(sent document, c *clash, action string, use func(resolved document)) {
	v := &clashView{s: s, sent: sent, c: c, use: use}
	s.g.clashView = v
	theirs := v.theirName()
	intro := widget.NewLabel(fmt.Sprintf("While you edited “%s”, %s was saved, and it changed some of the words you changed. "+
		"Everything else is merged. %s, choose whose words to keep; the rest of both edits stays.",
		sent.name(), c.note.who(), atEach(len(c.conflicts))))
	intro.Wrapping = fyne.TextWrapWord
	rows := container.NewVBox()
	for i, cf := range c.conflicts {
		pick := widget.NewRadioGroup([]string{keepYours, "Take " + theirs}, nil)
		pick.Horizontal, pick.Required = true, true
		pick.SetSelected(keepYours)
		v.picks = append(v.picks, pick)
		head := widget.NewLabelWithStyle(fmt.Sprintf("%d. %s", i+1, clashField(cf.Field)), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		sides := container.NewGridWithColumns(2,
			clashSide("Yours", cf.Before, cf.Ours, cf.After),
			clashSide(upperFirst(theirs), cf.Before, cf.Theirs, cf.After))
		rows.Add(container.NewVBox(head, sides, pick, widget.NewSeparator()))
	}
	content := container.NewBorder(intro, nil, nil, nil, container.NewVScroll(rows))
	v.box = s.g.showDialog("You and "+strings.TrimSuffix(theirs, "'s")+" changed the same words", content, nil,
		choice{label: "Keep editing"},
		choice{label: action, do: v.take})
	v.box.resize(920, min(620, 230+150*float32(len(c.conflicts))))
}

// theirName names the other side: "bob's", "revision 7's".
func (v *clashView) theirName() string {
	if len(v.c.note.authors) == 0 {
		return fmt.Sprintf("revision %d's", v.c.theirs.rev())
	}
	return strings.Join(v.c.note.authors, " and ") + "'s"
}

// theirsAt is the choice at each clash: true where theirs is taken.
func (v *clashView) theirsAt() []bool {
	out := make([]bool, len(v.picks))
	for i, p := range v.picks {
		out[i] = p.Selected != keepYours
	}
	return out
}

// take merges as chosen and hands the merge on.
func (v *clashView) take() {
	c := v.c
	resolved, _, err := c.mine.merge(c.base, c.theirs, v.theirsAt())
	if err != nil {
		v.s.g.showError("Merging “"+v.sent.name()+"”", err)
		return
	}
	v.use(resolved)
}

// clashSide is one side of a clash: the words around it, and its own words
// marked.
func clashSide(title, before, words, after string) fyne.CanvasObject {
	style := widget.RichTextStyleInline
	style.TextStyle.Bold = true
	style.ColorName = theme.ColorNamePrimary
	if strings.TrimSpace(words) == "" {
		words = "(removed)"
		style.TextStyle.Italic = true
	}
	var segs []widget.RichTextSegment
	if before != "" {
		segs = append(segs, plainSeg("…"+before))
	}
	segs = append(segs, &widget.TextSegment{Text: words, Style: style})
	if after != "" {
		segs = append(segs, plainSeg(after+"…"))
	}
	text := widget.NewRichText(segs...)
	text.Wrapping = fyne.TextWrapWord
	head := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	return container.NewBorder(head, nil, nil, nil, text)
}

// clashField names the field of a clash as the editor labels it.
func clashField(field string) string {
	if strings.HasPrefix(field, "quotes[") {
		return "Quote"
	}
	return label(field)
}

// atEach introduces the places a person chooses at.
func atEach(n int) string {
	if n == 1 {
		return "At this place"
	}
	return fmt.Sprintf("At each of these %d places", n)
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
