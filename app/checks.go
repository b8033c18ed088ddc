package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
)

// finding is one problem the checks panel reports.
type finding struct {
	severity string // error, warning or info
	field    string
	message  string
	// span marks a finding about words of the body, body[start:end].
	span       bool
	start, end int
}

// storyFindings checks the fields a story needs before it is published. It
// runs on the fields as typed, so the panel follows the editor.
func storyFindings(s *editor.Story) []finding {
	var out []finding
	add := func(sev, field, msg string) { out = append(out, finding{severity: sev, field: field, message: msg}) }
	if s.Headline == "" {
		add("error", "headline", "No headline.")
	} else if n := len([]rune(s.Headline)); n > editor.HeadlineLimit {
		add("warning", "headline", fmt.Sprintf("The headline is %d characters; the house limit is %d.", n, editor.HeadlineLimit))
	}
	for _, f := range []struct{ name, value string }{{"byline", s.Byline}, {"dateline", s.Dateline}, {"section", s.Section}, {"credit", s.Credit}} {
		if n := len([]rune(f.value)); n > editor.LineFieldMax {
			add("error", f.name, fmt.Sprintf("The %s is %d characters; it cannot be saved longer than %d.", f.name, n, editor.LineFieldMax))
		}
	}
	if n := len([]rune(s.Standfirst)); n > editor.StandfirstMax {
		add("error", "standfirst", fmt.Sprintf("The standfirst is %d characters; it cannot be saved longer than %d.", n, editor.StandfirstMax))
	}
	if strings.TrimSpace(s.Body) == "" {
		add("error", "body", "The body is empty.")
	}
	if s.Standfirst == "" {
		add("warning", "standfirst", "No standfirst.")
	}
	if s.Byline == "" {
		add("warning", "byline", "No byline.")
	}
	if s.Credit == "" {
		add("warning", "credit", "No credit line, e.g. “Reporting by Press Association.”")
	}
	if s.Section == "" {
		add("info", "section", "No section: the story will appear on the front page only.")
	}
	if len(s.Tags) == 0 {
		add("info", "tags", "No tags.")
	}
	return out
}

// pageFindings checks a site page's fields.
func pageFindings(p *editor.Page) []finding {
	var out []finding
	if p.Title == "" {
		out = append(out, finding{severity: "error", field: "title", message: "No title: a page cannot be saved without one."})
	}
	if p.Summary == "" && p.Kind == editor.PageRules {
		out = append(out, finding{severity: "warning", field: "summary", message: "No summary: nothing will be shown under the articles that link here."})
	}
	if strings.TrimSpace(p.Body) == "" {
		out = append(out, finding{severity: "warning", field: "body", message: "The body is empty."})
	}
	return out
}

// checksPanel shows the findings for the open document.
type checksPanel struct {
	summary *widget.Label
	box     *fyne.Container
	shown   []finding
	// jump, when set, takes the editor to what a finding is about.
	jump func(finding)
	// scope says what is checked.
	scope *widget.Label
}

func newChecksPanel() *checksPanel { return &checksPanel{} }

func (p *checksPanel) build() fyne.CanvasObject {
	p.summary = widget.NewLabel("")
	p.summary.Wrapping = fyne.TextWrapWord
	p.box = container.NewVBox()
	p.scope = widget.NewLabel("Required fields and lengths, checked as you type.")
	p.scope.Importance = widget.LowImportance
	p.scope.Wrapping = fyne.TextWrapWord
	return container.NewBorder(container.NewVBox(p.summary, widget.NewSeparator()), p.scope, nil, nil, container.NewVScroll(p.box))
}

func (p *checksPanel) set(fs []finding) {
	if sameFindings(fs, p.shown) && p.summary.Text != "" {
		return
	}
	p.shown = fs
	p.box.RemoveAll()
	counts := map[string]int{}
	for _, f := range fs {
		counts[f.severity]++
		label := widget.NewLabel(severityLabel(f.severity) + "  " + f.message)
		label.Wrapping = fyne.TextWrapWord
		switch f.severity {
		case "error":
			label.Importance = widget.DangerImportance
		case "warning":
			label.Importance = widget.WarningImportance
		}
		if p.jump != nil {
			f := f
			p.box.Add(newTapCard(label, func() { p.jump(f) }))
			continue
		}
		p.box.Add(label)
	}
	switch {
	case len(fs) == 0:
		p.summary.SetText("No problems found.")
	default:
		var parts []string
		if n := counts["error"]; n > 0 {
			parts = append(parts, plural(n, "error", "errors"))
		}
		if n := counts["warning"]; n > 0 {
			parts = append(parts, plural(n, "warning", "warnings"))
		}
		if n := counts["info"]; n > 0 {
			parts = append(parts, plural(n, "note", "notes"))
		}
		p.summary.SetText(strings.Join(parts, ", "))
	}
}

func severityLabel(s string) string {
	switch s {
	case "error":
		return "Error:"
	case "warning":
		return "Warning:"
	}
	return "Note:"
}

func sameFindings(a, b []finding) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
