// Package termdiff writes copydesk's diffs and merge conflicts for a
// terminal: changes marked in place, in colour on a terminal, with the
// text's control characters shown escaped. The HTML redline is the
// export's; the domain (editor) knows neither.
package termdiff

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"copydesk/editor"
)

// Options says how WriteDiff lays a diff out.
type Options struct {
	// Color marks changes with ANSI colour as well as strike-through and
	// underline, for a terminal, instead of the [-deleted-]{+inserted+}
	// markers.
	Color bool
	// Context is how many unchanged paragraphs of a long field (the body, a
	// standfirst) are shown around each changed one; the rest are elided.
	Context int
	// Full shows long fields whole, changed or not.
	Full bool
}

// ANSI sequences: deletions red and struck through, insertions green and
// underlined, so they differ by more than colour.
const (
	ansiDelete = "\x1b[31;9m"
	ansiInsert = "\x1b[32;4m"
	ansiBold   = "\x1b[1m"
	ansiReset  = "\x1b[0m"
)

// WriteDiff writes a diff for a terminal: a summary line, then each
// changed field with its changes marked in place ([-deleted-]{+inserted+},
// or colours with opt.Color), then the quote records that changed. Control
// characters in the texts are shown escaped, never sent to the terminal.
func WriteDiff(w io.Writer, d editor.StoryDiff, opt Options) error {
	bw := bufio.NewWriter(w)
	bold := func(s string) string {
		if opt.Color {
			return ansiBold + s + ansiReset
		}
		return s
	}
	fmt.Fprintf(bw, "%s\n", bold(fmt.Sprintf("revision %d → %d: %s inserted, %s deleted",
		d.From, d.To, diffPlural(d.Stats.InsertedWords, "word"), diffPlural(d.Stats.DeletedWords, "word"))))
	if !d.Changed() {
		fmt.Fprintln(bw, "no changes")
		return bw.Flush()
	}
	for _, f := range d.Fields {
		if !f.Changed() {
			continue
		}
		writeDiffField(bw, bold(f.Field), f.Ops, "", opt)
	}
	if len(d.Quotes) > 0 {
		fmt.Fprintf(bw, "%s\n", bold("quotes:"))
	}
	for _, q := range d.Quotes {
		sign := map[string]string{editor.QuoteAdded: "+", editor.QuoteRemoved: "-", editor.QuoteChanged: "~"}[q.Change]
		who := q.Speaker
		if who == "" {
			who = "no speaker"
		}
		fmt.Fprintf(bw, "  %s %s “%s” (%s)\n", sign, q.Change, terminalSafe(q.Text), terminalSafe(who))
		for _, f := range q.Fields {
			writeDiffField(bw, f.Field, f.Ops, "      ", opt)
		}
	}
	return bw.Flush()
}

// FormatOps writes ops as one marked-up text: "said [-it-]{+so+}", or with
// ANSI colours when color is set.
func FormatOps(ops []editor.Op, color bool) string {
	var sb strings.Builder
	for i, l := range diffLines(ops) {
		if i > 0 {
			sb.WriteByte('\n')
		}
		writeDiffSegments(&sb, l, color)
	}
	return sb.String()
}

func diffPlural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// writeDiffField writes one changed field: on one line when neither version
// breaks a line, else as indented lines with unchanged paragraphs elided.
func writeDiffField(w io.Writer, name string, ops []editor.Op, indent string, opt Options) {
	lines := diffLines(ops)
	var sb strings.Builder
	if len(lines) == 1 {
		writeDiffSegments(&sb, lines[0], opt.Color)
		fmt.Fprintf(w, "%s%s: %s\n", indent, name, sb.String())
		return
	}
	fmt.Fprintf(w, "%s%s:\n", indent, name)
	keep := keptLines(lines, opt)
	elided := false
	for i, l := range lines {
		if !keep[i] {
			if !elided {
				fmt.Fprintf(w, "%s  …\n", indent)
			}
			elided = true
			continue
		}
		elided = false
		sb.Reset()
		writeDiffSegments(&sb, l, opt.Color)
		if sb.Len() == 0 {
			fmt.Fprintln(w)
			continue
		}
		fmt.Fprintf(w, "%s  %s\n", indent, sb.String())
	}
}

// diffSegment is a run of one kind of operation within a line.
type diffSegment struct {
	op   editor.OpKind
	text string
}

// diffLines breaks ops into lines of segments. A changed run made only of
// white space shows its line breaks as "¶", or a deleted blank line would
// not be seen.
func diffLines(ops []editor.Op) [][]diffSegment {
	lines := [][]diffSegment{nil}
	for _, o := range ops {
		mark := o.Op != editor.OpEqual && strings.TrimSpace(o.Text) == ""
		parts := strings.Split(o.Text, "\n")
		for i, p := range parts {
			if i > 0 {
				if mark {
					last := &lines[len(lines)-1]
					*last = append(*last, diffSegment{o.Op, "¶"})
				}
				lines = append(lines, nil)
			}
			if p != "" {
				last := &lines[len(lines)-1]
				*last = append(*last, diffSegment{o.Op, p})
			}
		}
	}
	return lines
}

func diffLineChanged(l []diffSegment) bool {
	for _, s := range l {
		if s.op != editor.OpEqual {
			return true
		}
	}
	return false
}

func diffLineBlank(l []diffSegment) bool {
	for _, s := range l {
		if strings.TrimSpace(s.text) != "" {
			return false
		}
	}
	return true
}

// keptLines marks the changed lines and, around each, opt.Context lines
// that are not blank (blank lines between paragraphs come free).
func keptLines(lines [][]diffSegment, opt Options) []bool {
	keep := make([]bool, len(lines))
	for i, l := range lines {
		if opt.Full {
			keep[i] = true
			continue
		}
		if !diffLineChanged(l) {
			continue
		}
		keep[i] = true
		for _, step := range []int{-1, 1} {
			left := opt.Context
			for j := i + step; j >= 0 && j < len(lines) && left > 0; j += step {
				keep[j] = true
				if !diffLineBlank(lines[j]) {
					left--
				}
			}
		}
	}
	return keep
}

func writeDiffSegments(sb *strings.Builder, l []diffSegment, color bool) {
	for _, s := range l {
		text := terminalSafe(s.text)
		switch {
		case s.op == editor.OpEqual:
			sb.WriteString(text)
		case color && s.op == editor.OpDelete:
			sb.WriteString(ansiDelete + text + ansiReset)
		case color:
			sb.WriteString(ansiInsert + text + ansiReset)
		case s.op == editor.OpDelete:
			sb.WriteString("[-" + text + "-]")
		default:
			sb.WriteString("{+" + text + "+}")
		}
	}
}

// terminalSafe shows control and bidirectional formatting characters as
// escapes, so that text from a file cannot move the cursor, recolour the
// terminal or reorder what the reader sees. Tabs are kept.
func terminalSafe(s string) string {
	if !strings.ContainsFunc(s, terminalUnsafe) {
		return s
	}
	var sb strings.Builder
	for _, r := range s {
		switch {
		case !terminalUnsafe(r):
			sb.WriteRune(r)
		case r < 0x100:
			fmt.Fprintf(&sb, `\x%02x`, r)
		default:
			fmt.Fprintf(&sb, `\u%04x`, r)
		}
	}
	return sb.String()
}

func terminalUnsafe(r rune) bool {
	if r == '\t' || r == '\n' {
		return false
	}
	return unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r)
}

// WriteConflicts writes merge conflicts for a terminal: for each place, a
// little of the text around it, then the words as they were and as each
// side left them. oursLabel and theirsLabel name the sides, as the reader
// knows them ("revision 7", "your file").
func WriteConflicts(w io.Writer, conflicts []editor.Conflict, oursLabel, theirsLabel string) error {
	bw := bufio.NewWriter(w)
	width := max(len("was"), utf8.RuneCountInString(oursLabel), utf8.RuneCountInString(theirsLabel))
	for _, c := range conflicts {
		fmt.Fprint(bw, "conflict")
		if c.Field != "" {
			fmt.Fprintf(bw, " in %s", terminalSafe(c.Field))
		}
		if c.Before != "" || c.After != "" {
			fmt.Fprintf(bw, ", at “…%s▮%s…”", oneLine(c.Before), oneLine(c.After))
		}
		fmt.Fprintln(bw, ":")
		for _, v := range [][2]string{{"was", c.Base}, {oursLabel, c.Ours}, {theirsLabel, c.Theirs}} {
			text := v[1]
			if strings.TrimSpace(text) == "" {
				text = "(nothing)"
			}
			pad := strings.Repeat(" ", width-utf8.RuneCountInString(v[0]))
			indent := "\n" + strings.Repeat(" ", width+5)
			text = strings.ReplaceAll(strings.Trim(terminalSafe(text), "\n"), "\n", indent)
			fmt.Fprintf(bw, "  %s:%s  %s\n", terminalSafe(v[0]), pad, text)
		}
	}
	return bw.Flush()
}

// oneLine shows line breaks as "¶" so that context fits on one line.
func oneLine(s string) string {
	return strings.ReplaceAll(terminalSafe(s), "\n", "¶")
}
