package wire

import (
	"strings"
)

// IPTC 7901 (the IPTC Recommended Message Format, as AFP, dpa, ANSA and
// others sent text) frames a story as ANPA does, SOH heading STX text ETX.
// Its heading is the source and message number ("AFP0123"), the priority
// digit (1, flash, to 6), the category (up to three letters, "POL"), the
// word count and an optional keyword; lines after it, before STX, may give
// the keyword or slugline. The text is plain, headline first.
var letters = lazyRegexp(`^[A-Za-z]+`)

var iptcHeader = lazyRegexp(`^\s*([A-Za-z]{2,}\s?\d{1,5})\s+(\d)\s+([A-Za-z]{1,3})\s+(\d{1,5})?\s*(.*)$`)

func parseIPTC7901(name, text string) (*Result, error) {
	header, body := frame(text)
	r := &Result{Format: FormatIPTC7901, Boilerplate: []Boilerplate{}, Warnings: []string{}}
	m := &r.Meta
	lines := strings.Split(strings.TrimSpace(header), "\n")
	if h := iptcHeader().FindStringSubmatch(lines[0]); h != nil {
		m.FeedID = strings.ReplaceAll(h[1], " ", "")
		m.setUrgency(h[2])
		m.addSubject("iptc7901:"+strings.ToUpper(h[3]), "")
		m.Slugline = clean(h[5])
	}
	for _, l := range lines[1:] {
		if l = clean(l); l != "" && m.Slugline == "" {
			m.Slugline = l
		}
	}
	if src := letters().FindString(m.FeedID); src != "" {
		m.Source = strings.ToUpper(src)
	}
	readAgencyText(r, body, false)
	return r, nil
}
