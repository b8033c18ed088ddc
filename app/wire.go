package app

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
)

// wireSection is the editor's compact "Wire" section, collapsed until
// opened: the newsroom text fields a feed fills (their entries are made
// with the others, from the field table), the urgency as a choice, and a
// line of what the feed said that is not typed here (embargo, expiry,
// subjects, media, old paths).
type wireSection struct {
	e       *storyEditor
	urgency *widget.Select
	facts   *widget.Label
	item    *widget.AccordionItem
	root    *widget.Accordion
}

// wireHeight is the height of the open Wire section: four rows of fields,
// the rest scrolled to.
const wireHeight = 180

// urgencyOptions are the urgency choice's options: none, then 1 to 9.
var urgencyOptions = []string{"None", "1 (flash)", "2", "3", "4", "5", "6", "7", "8", "9"}

func (w *wireSection) build() fyne.CanvasObject {
	w.urgency = widget.NewSelect(urgencyOptions, func(string) { w.e.onChanged() })
	w.facts = widget.NewLabel("")
	w.facts.Wrapping = fyne.TextWrapWord
	w.facts.Importance = widget.MediumImportance
	// Two columns of one-line fields, then the multi-line ones across both,
	// in a scrolling box of a few rows, so that the body keeps its room.
	left := widget.NewForm(widget.NewFormItem(editor.FieldLabel("urgency"), w.urgency))
	right, wide := widget.NewForm(), widget.NewForm()
	for _, f := range editor.StoryFields() {
		obj, ok := w.e.widgets[f.Name].(fyne.CanvasObject)
		switch {
		case !ok || !f.Wire:
		case !f.SingleLine():
			wide.Append(f.Label, obj)
		case len(right.Items) < len(left.Items):
			right.Append(f.Label, obj)
		default:
			left.Append(f.Label, obj)
		}
	}
	box := container.NewVScroll(container.NewVBox(container.NewGridWithColumns(2, left, right), wide, w.facts))
	box.SetMinSize(fyne.NewSize(0, wireHeight))
	w.item = widget.NewAccordionItem("Wire", box)
	w.root = widget.NewAccordion(w.item)
	return w.root
}

// fill shows the story's newsroom fields, and names the section after its
// slugline and urgency so that a closed section still says them.
func (w *wireSection) fill(s *editor.Story) {
	w.urgency.SetSelectedIndex(min(max(s.Urgency, 0), editor.UrgencyMax))
	w.facts.SetText(wireFacts(s))
	w.item.Title = "Wire"
	if tag := wireTag(s.Urgency, s.Slugline); tag != "" {
		w.item.Title = "Wire · " + tag
	}
	w.root.Refresh()
}

// apply sets what the section edits beside the text fields: the urgency.
func (w *wireSection) apply(s *editor.Story) {
	if i := w.urgency.SelectedIndex(); i >= 0 {
		s.Urgency = i
	}
}

// wireTag is how a list and a closed Wire section name a story's urgency and
// slugline: "Urgency 2 · BC-STORM-COAST".
func wireTag(urgency int, slugline string) string {
	var parts []string
	if urgency > 0 {
		parts = append(parts, "Urgency "+strconv.Itoa(urgency))
	}
	if slugline != "" {
		parts = append(parts, slugline)
	}
	return strings.Join(parts, " · ")
}

// wireFacts is a line of the newsroom fields that are not typed here.
func wireFacts(s *editor.Story) string {
	var parts []string
	when := func(t *time.Time) string { return t.Local().Format("2 Jan 2006 15:04") }
	if s.Embargo != nil {
		parts = append(parts, "Embargoed until "+when(s.Embargo))
	}
	if s.Expires != nil {
		parts = append(parts, "expires "+when(s.Expires))
	}
	if len(s.Subjects) > 0 {
		names := make([]string, len(s.Subjects))
		for i, sub := range s.Subjects {
			names[i] = sub.Name
			if names[i] == "" {
				names[i] = sub.Code
			}
		}
		parts = append(parts, "subjects: "+strings.Join(names, ", "))
	}
	if n := len(s.Media); n > 0 {
		parts = append(parts, plural(n, "picture", "pictures"))
	}
	if n := len(s.Aliases); n > 0 {
		parts = append(parts, fmt.Sprintf("%s redirected", plural(n, "old path", "old paths")))
	}
	return strings.Join(parts, " · ")
}
