package main

import (
	"fmt"
	"io"
	"strings"
)

// progress draws a bar on a terminal for work of many steps; elsewhere it is silent.
type progress struct {
	w     io.Writer
	label string
	total int
	n     int
	on    bool
}

// minProgressSteps is the least work worth a bar.
const minProgressSteps = 20

func newProgress(w io.Writer, label string, total int) *progress {
	return &progress{w: w, label: label, total: total, on: total >= minProgressSteps && isTerminal(w)}
}

func (p *progress) step() {
	p.n++
	if p.on && (p.n == p.total || p.n%max(1, p.total/100) == 0) {
		p.draw()
	}
}

// Set moves the bar to done of total, for work that reports its own count.
func (p *progress) set(done, total int) {
	p.n, p.total = done, total
	if p.on || (total >= minProgressSteps && isTerminal(p.w)) {
		p.on = true
		p.draw()
	}
}

func (p *progress) draw() {
	const width = 30
	filled := width
	if p.total > 0 {
		filled = width * p.n / p.total
	}
	fmt.Fprintf(p.w, "\r%s [%s%s] %d/%d", p.label, strings.Repeat("█", filled), strings.Repeat("·", width-filled), p.n, p.total)
}

func (p *progress) done() {
	if p.on {
		fmt.Fprintln(p.w)
		p.on = false
	}
}
