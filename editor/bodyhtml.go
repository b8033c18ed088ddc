package editor

import "strings"

// IsHTMLElement reports whether name (any case) is an element of HTML, so
// that "<AXP>" in wire copy, a stock ticker, can be told from markup.
func IsHTMLElement(name string) bool {
	return htmlElements[strings.ToLower(name)]
}

// HTMLTagEnd returns the offset just past the HTML tag (of an element of
// HTML, opening or closing) or comment that starts at s[i], or -1 when none
// starts there.
func HTMLTagEnd(s string, i int) int {
	rest := s[i+1:]
	if strings.HasPrefix(rest, "!--") {
		if end := strings.Index(rest, "-->"); end >= 0 {
			return i + 1 + end + 3
		}
		return -1
	}
	name := strings.TrimPrefix(rest, "/")
	n := 0
	for n < len(name) && (name[n] >= 'a' && name[n] <= 'z' || name[n] >= 'A' && name[n] <= 'Z' || n > 0 && name[n] >= '0' && name[n] <= '9') {
		n++
	}
	if n == 0 || !IsHTMLElement(name[:n]) || n < len(name) && !strings.ContainsRune(" \t\n/>", rune(name[n])) {
		return -1
	}
	// The tag ends at the first ">" outside a quoted attribute value.
	var quote byte
	for k := i + 1; k < len(s); k++ {
		switch c := s[k]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return k + 1
		case c == '<':
			return -1
		}
	}
	return -1
}

var htmlElements = func() map[string]bool {
	m := map[string]bool{}
	for _, e := range strings.Fields(`a abbr address area article aside audio b base bdi bdo blockquote body br
		button canvas caption center cite code col colgroup data datalist dd del details dfn dialog div dl dt em
		embed fieldset figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr
		html i iframe img input ins kbd label legend li link main map mark menu meta meter nav noscript object
		ol optgroup option output p param picture pre progress q rp rt ruby s samp script search section select
		slot small source span strike strong style sub summary sup svg table tbody td template textarea tfoot th
		thead time title tr track tt u ul var video wbr math marquee applet basefont big blink`) {
		m[e] = true
	}
	return m
}()
