package wire

import (
	"sort"
	"strings"
)

// person is someone quoted in the story, as the text names them.
type person struct {
	name      []string
	honorific string
	role      string
	pronoun   string // "he" or "she" when the honorific says so
	short     string
}

func (p *person) fullName() string { return strings.Join(p.name, " ") }

// lastName is the last word of the name; a person always has one, but a
// malformed mention must not crash the import, so none gives "".
func (p *person) lastName() string {
	if len(p.name) == 0 {
		return ""
	}
	return p.name[len(p.name)-1]
}

// cast resolves speaker mentions to people as the story goes on: later
// references ("Sir Iain", "Mr Cleverly", "Nadler") and pronouns ("he") are
// matched with the people named before them.
type cast struct {
	masked      string
	people      []*person
	lastSpeaker *person
	lastGroup   string
	toks        []token // of masked, made once
}

// tokensBefore is the words of the text outside quotes before offset at.
func (c *cast) tokensBefore(at int) []token {
	if c.toks == nil {
		c.toks = tokenize(c.masked, 0, len(c.masked))
	}
	n := sort.Search(len(c.toks), func(i int) bool { return c.toks[i].end > at })
	return c.toks[:n]
}

// resolved is who said a quote: a person, or a group, or nobody known.
type resolved struct {
	person *person
	group  string
	role   string
}

func (r resolved) speaker() string {
	if r.person != nil {
		return r.person.fullName()
	}
	return r.group
}

func (c *cast) resolve(m mention, at int) resolved {
	switch m.kind {
	case mentionPronoun:
		switch m.text {
		case "he", "she":
			if p := c.lastSpeaker; p != nil && (p.pronoun == "" || p.pronoun == m.text) {
				return resolved{person: p}
			}
			for i := len(c.people) - 1; i >= 0; i-- {
				if p := c.people[i]; p.pronoun == m.text {
					return resolved{person: p}
				}
			}
			if p := c.nameBefore(at, m.text); p != nil {
				c.add(p)
				return resolved{person: p, role: p.role}
			}
		case "it", "they":
			if c.lastGroup != "" {
				return resolved{group: c.lastGroup}
			}
			if p := c.lastSpeaker; p != nil && m.text == "they" {
				return resolved{person: p}
			}
		}
		return resolved{}
	case mentionGroup:
		// "the rookie defender" is someone the story has named.
		if isPersonDescription(m.text) {
			if p := c.nameBefore(at, ""); p != nil {
				c.add(p)
				c.lastSpeaker = p
				return resolved{person: p, role: p.role}
			}
		}
		c.lastGroup = m.text
		return resolved{group: m.text}
	case mentionName:
		p := c.find(m)
		if p == nil {
			p = c.earlierFullName(m, at)
		}
		if p == nil {
			p = newPerson(m)
		}
		c.add(p)
		if p.role == "" && m.role != "" {
			p.role = m.role
		}
		if p.honorific == "" && m.honorific != "" && len(m.name) == len(p.name) {
			p.honorific = m.honorific
			p.pronoun = honorifics[strings.ToLower(strings.TrimSuffix(m.honorific, "."))]
		}
		if p.pronoun == "" {
			p.pronoun = mentionGender(m)
		}
		c.lastSpeaker = p
		role := m.role
		if role == "" {
			role = p.role
		}
		return resolved{person: p, role: role}
	}
	return resolved{}
}

func newPerson(m mention) *person {
	return &person{name: m.name, honorific: m.honorific, role: m.role, pronoun: mentionGender(m)}
}

func (c *cast) add(p *person) {
	for _, q := range c.people {
		if q == p {
			return
		}
	}
	c.people = append(c.people, p)
}

// find matches a mention with someone already quoted: the same name, a
// surname ("Mr Cleverly", "Duncan Smith"), or a first name after Sir or Dame
// ("Sir Iain").
func (c *cast) find(m mention) *person {
	for i := len(c.people) - 1; i >= 0; i-- {
		p := c.people[i]
		if equalFold(p.name, m.name) {
			return p
		}
	}
	for i := len(c.people) - 1; i >= 0; i-- {
		p := c.people[i]
		if len(m.name) < len(p.name) && equalFold(p.name[len(p.name)-len(m.name):], m.name) {
			return p
		}
		if len(m.name) == 1 && len(p.name) > 1 && strings.EqualFold(p.name[0], m.name[0]) && firstNameHonorific(m.honorific) {
			return p
		}
	}
	return nil
}

func firstNameHonorific(h string) bool {
	switch strings.ToLower(h) {
	case "sir", "dame", "lady":
		return true
	}
	return false
}

// earlierFullName looks back in the text, outside quotes, for the fuller name
// a short mention stands for: "Nadler" after "Rep. Jerry Nadler".
func (c *cast) earlierFullName(m mention, at int) *person {
	if len(m.name) != 1 && !(len(m.name) == 1 && firstNameHonorific(m.honorific)) {
		return nil
	}
	target := m.name[len(m.name)-1]
	toks := c.tokensBefore(at)
	for i := len(toks) - 1; i >= 1; i-- {
		if !strings.EqualFold(toks[i].text, target) && !strings.EqualFold(strings.TrimSuffix(strings.TrimSuffix(toks[i].text, "’s"), "'s"), target) {
			continue
		}
		if firstNameHonorific(m.honorific) {
			// "Sir Iain" stands for "Sir Iain Duncan Smith": the name goes on.
			j := i + 1
			for j < len(toks) && toks[j].capitalised() && toks[j].isWord() && j-i < 4 {
				j++
			}
			if j > i+1 && toks[i-1].text == m.honorific {
				if full := parseMention(c.masked, toks[i-1:j]); full.kind == mentionName {
					return newPerson(full)
				}
			}
			continue
		}
		j := i
		for j > 0 && toks[j-1].capitalised() && toks[j-1].isWord() && i-j < 5 {
			j--
		}
		if j < i && sentenceInitialOnly(toks, j, i) {
			full := parseMention(c.masked, toks[j:i+1])
			if full.kind == mentionName && len(full.name) > 1 {
				return newPerson(full)
			}
		}
	}
	return nil
}

// sentenceInitialOnly rejects a run that is only a capitalised sentence
// opening ("The Smith campaign"); a run is fine when it holds a name.
func sentenceInitialOnly(toks []token, j, i int) bool {
	return !determiners[toks[j].lower()] || i-j > 1
}

// nameBefore is the last name-like run of capitals (two words or a title and
// a word) before at, for a pronoun whose speaker has not yet been quoted: the
// last whose gender does not rule it out. A description in apposition before
// it ("The director of security at Norwell Bank, Kevin Shaw,") is its role.
func (c *cast) nameBefore(at int, pronoun string) *person {
	toks := c.tokensBefore(at)
	for i := len(toks) - 1; i >= 1 && len(toks)-i < 200; i-- {
		if !toks[i].capitalised() || !toks[i].isWord() || !toks[i-1].capitalised() || possessive(toks[i]) {
			continue
		}
		j := i - 1
		for j > 0 && toks[j-1].capitalised() && toks[j-1].isWord() && i-j < 4 {
			j--
		}
		for j < i && sentenceOpeners[toks[j].lower()] {
			j++
		}
		if j > 0 && toks[j-1].capitalised() {
			continue
		}
		m := parseMention(c.masked, toks[j:i+1])
		if m.kind != mentionName || len(m.name) < 2 && m.honorific == "" {
			continue
		}
		if g := mentionGender(m); g != "" && pronoun != "" && g != pronoun {
			continue
		}
		p := c.find(m)
		if p == nil {
			p = newPerson(m)
			if m.role == "" && j > 0 && toks[j-1].text == "," {
				p.role = descriptionBefore(c.masked, toks[:j-1])
			}
		}
		return p
	}
	return nil
}

// descriptionBefore is a description that opens a sentence and ends where
// toks do: "The director of security at Norwell Bank" gives "director of
// security at Norwell Bank".
func descriptionBefore(body string, toks []token) string {
	k := len(toks)
	for k > 0 && len(toks)-k < 12 && toks[k-1].text != "." && toks[k-1].text != "," && toks[k-1].text != ";" {
		k--
	}
	d := toks[k:]
	if len(d) < 2 || k > 0 && toks[k-1].text != "." || !determiners[d[0].lower()] {
		return ""
	}
	d = d[1:]
	if !roleNouns[d[0].lower()] && !(len(d) > 1 && roleNouns[d[1].lower()]) {
		return ""
	}
	return joinTokens(body, d)
}

func equalFold(a, b []string) bool {
	if len(a) != len(b) || len(a) == 0 {
		return false
	}
	for i := range a {
		if !strings.EqualFold(a[i], b[i]) {
			return false
		}
	}
	return true
}

// shortNames gives each person the later reference the story itself uses
// ("Sir Iain", "Mr Cleverly"), or the one house style would.
func (c *cast) shortNames() {
	toks := c.tokensBefore(len(c.masked))
	var titled []int // where a personal honorific stands
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].capitalised() && len(toks[i].text) <= 9 && isPersonalHonorific(toks[i].text) {
			titled = append(titled, i)
		}
	}
	for _, p := range c.people {
		for _, i := range titled {
			if p.short != "" {
				break
			}
			h := strings.TrimSuffix(toks[i].text, ".")
			var words []string
			j := i + 1
			for j < len(toks) && toks[j].capitalised() && toks[j].isWord() && j-i <= len(p.name) {
				words = append(words, toks[j].text)
				j++
			}
			if len(words) == 0 || len(words) >= len(p.name) {
				continue
			}
			isSurname := equalFold(p.name[len(p.name)-len(words):], words)
			isFirst := len(words) == 1 && firstNameHonorific(h) && strings.EqualFold(p.name[0], words[0])
			if isSurname || isFirst {
				p.short = toks[i].text + " " + strings.Join(words, " ")
				if p.honorific == "" && isSurname {
					p.pronoun = honorifics[strings.ToLower(h)]
				}
			}
		}
		if p.short == "" {
			p.short = defaultShortName(p)
		}
	}
}

func defaultShortName(p *person) string {
	switch {
	case p.honorific == "":
		return p.lastName()
	case firstNameHonorific(p.honorific) && len(p.name) > 1:
		return p.honorific + " " + p.name[0]
	}
	return p.honorific + " " + p.lastName()
}

// personDescriptions head a definite description of one person, not of an
// office that speaks for others ("the spokesman" is left alone).
var personDescriptions = set("defender", "striker", "forward", "midfielder", "goalkeeper", "keeper", "winger",
	"player", "rookie", "veteran", "teenager", "youngster", "quarterback", "pitcher", "sprinter", "swimmer",
	"batsman", "bowler", "golfer", "boxer", "actress", "singer", "rapper", "novelist", "pensioner", "widow",
	"widower", "grandmother", "grandfather", "survivor")

// isPersonDescription reports a definite description of one person: "the
// rookie defender", "the 24-year-old striker".
func isPersonDescription(text string) bool {
	ws := strings.Fields(strings.ToLower(text))
	if len(ws) < 2 || len(ws) > 5 || ws[0] != "the" {
		return false
	}
	return personDescriptions[strings.Trim(ws[len(ws)-1], ",.")]
}
