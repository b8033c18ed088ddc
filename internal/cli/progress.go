package cli

import (
	"fmt"
	"io"
	"strings"
)

// Progress draws a bar on a terminal for work of many steps; elsewhere it is silent.
type Progress struct {
	w        io.Writer
	label    string
	total    int
	n        int
	on       bool
	terminal bool // asked once: progress is reported often, from busy workers
	drawn    int  // the filled width last drawn
}

// minProgressSteps is the least work worth a bar.
const minProgressSteps = 20

// NewProgress is a bar labelled label for total steps (0 when not known yet).
func NewProgress(w io.Writer, label string, total int) *Progress {
	terminal := isTerminal(w)
	return &Progress{w: w, label: label, total: total, terminal: terminal, on: total >= minProgressSteps && terminal, drawn: -1}
}

// Set moves the bar to done of total.
func (p *Progress) Set(done, total int) {
	p.n, p.total = done, total
	if !p.on && total >= minProgressSteps && p.terminal {
		p.on = true
	}
	if p.on && (done == total || barWidth*done/max(total, 1) != p.drawn) {
		p.draw()
	}
}

// barWidth is the bar's length in characters.
const barWidth = 30

func (p *Progress) draw() {
	filled := barWidth
	if p.total > 0 {
		filled = barWidth * p.n / p.total
	}
	p.drawn = filled
	fmt.Fprintf(p.w, "\r%s [%s%s] %d/%d", p.label, strings.Repeat("█", filled), strings.Repeat("·", barWidth-filled), p.n, p.total)
}

func (p *Progress) Done() {
	if p.on {
		fmt.Fprintln(p.w)
		p.on = false
	}
}
