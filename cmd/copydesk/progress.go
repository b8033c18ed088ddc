package main

import (
	"fmt"
	"io"
	"strings"
)

// progress draws a bar on a terminal for work of many steps; elsewhere it is silent.
type progress struct {
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

func newProgress(w io.Writer, label string, total int) *progress {
	terminal := isTerminal(w)
	return &progress{w: w, label: label, total: total, terminal: terminal, on: total >= minProgressSteps && terminal, drawn: -1}
}

// set moves the bar to done of total.
func (p *progress) set(done, total int) {
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

func (p *progress) draw() {
	filled := barWidth
	if p.total > 0 {
		filled = barWidth * p.n / p.total
	}
	p.drawn = filled
	fmt.Fprintf(p.w, "\r%s [%s%s] %d/%d", p.label, strings.Repeat("█", filled), strings.Repeat("·", barWidth-filled), p.n, p.total)
}

func (p *progress) done() {
	if p.on {
		fmt.Fprintln(p.w)
		p.on = false
	}
}
