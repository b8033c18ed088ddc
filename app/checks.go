package app

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"copydesk/editor"
)

// pageFindings checks a site page's fields.
func pageFindings(p *editor.Page) []editor.Finding {
	var out []editor.Finding
	add := func(sev editor.Severity, msg string) {
		out = append(out, editor.Finding{Severity: sev, Kind: editor.KindRequiredField, Message: msg})
	}
	if p.Title == "" {
		add(editor.SeverityError, "no title; a page cannot be saved without one")
	}
	if p.Summary == "" && p.Kind == editor.PageRules {
		add(editor.SeverityWarning, "no summary; nothing will be shown under the articles that link here")
	}
	if strings.TrimSpace(p.Body) == "" {
		add(editor.SeverityWarning, "the body is empty")
	}
	return out
}

// checksPanel shows the findings for the open document.
type checksPanel struct {
	summary *widget.Label
	box     *fyne.Container
	shown   []editor.Finding
	scope   string
	// jump, when set, takes the editor to what a finding is about.
	jump func(editor.Finding)
}

func newChecksPanel(scope string) *checksPanel { return &checksPanel{scope: scope} }

func (p *checksPanel) build() fyne.CanvasObject {
	p.summary = widget.NewLabel("")
	p.summary.Wrapping = fyne.TextWrapWord
	p.box = container.NewVBox()
	scope := widget.NewLabel(p.scope)
	scope.Importance = widget.LowImportance
	scope.Wrapping = fyne.TextWrapWord
	return container.NewBorder(container.NewVBox(p.summary, widget.NewSeparator()), scope, nil, nil, container.NewVScroll(p.box))
}

func (p *checksPanel) set(fs []editor.Finding) {
	if sameFindings(fs, p.shown) && p.summary.Text != "" {
		return
	}
	p.shown = fs
	p.box.RemoveAll()
	counts := map[editor.Severity]int{}
	for _, f := range fs {
		counts[f.Severity]++
		label := widget.NewLabel(severityLabel(f.Severity) + "  " + sentence(f.Message))
		label.Wrapping = fyne.TextWrapWord
		switch f.Severity {
		case editor.SeverityError:
			label.Importance = widget.DangerImportance
		case editor.SeverityWarning:
			label.Importance = widget.WarningImportance
		}
		if p.jump != nil {
			p.box.Add(newTapCard(label, func() { p.jump(f) }))
			continue
		}
		p.box.Add(label)
	}
	if len(fs) == 0 {
		p.summary.SetText("No problems found.")
		return
	}
	var parts []string
	if n := counts[editor.SeverityError]; n > 0 {
		parts = append(parts, plural(n, "error", "errors")+" (must be fixed before publishing)")
	}
	if n := counts[editor.SeverityWarning]; n > 0 {
		parts = append(parts, plural(n, "warning", "warnings"))
	}
	if n := counts[editor.SeverityInfo]; n > 0 {
		parts = append(parts, plural(n, "note", "notes"))
	}
	p.summary.SetText(strings.Join(parts, ", "))
}

// sentence starts a message with a capital letter and ends it with a full stop.
func sentence(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	s = string(unicode.ToUpper(r)) + s[size:]
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}

func severityLabel(s editor.Severity) string {
	switch s {
	case editor.SeverityError:
		return "Error:"
	case editor.SeverityWarning:
		return "Warning:"
	}
	return "Note:"
}

func sameFindings(a, b []editor.Finding) bool {
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
