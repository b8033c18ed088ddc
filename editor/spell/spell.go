// Package spell checks words against a Hunspell dictionary: the .dic word list
// with its affix flags and the .aff prefix and suffix rules that expand them
// (plurals, -ing, re-, un- and so on). It reads the subset of the format that
// Debian's English dictionaries use: one-character flags, PFX and SFX with
// cross products, ICONV, NOSUGGEST, ONLYINCOMPOUND, TRY and REP.
// Compound rules (ordinals such as 21st) are not read; words with digits are
// never reported.
package spell

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Dictionary is a loaded Hunspell dictionary. It is read-only once loaded,
// so one Dictionary may be used from any number of goroutines.
type Dictionary struct {
	words map[string]bool // every expanded form; false: correct but never suggested
	try   []rune
	rep   [][2]string
	iconv *strings.Replacer
}

// affix is one PFX or SFX entry: strip removes that from the stem's end
// (start, for a prefix), add is put in its place where cond matches.
type affix struct {
	strip, add string
	cond       []charClass
}

type affixClass struct {
	prefix, cross bool
	entries       []affix
}

// charClass is one position of an affix condition: a single rune, any rune
// (.), or a bracket set, negated with ^.
type charClass struct {
	any, negate bool
	set         string
}

func (c charClass) match(r rune) bool {
	if c.any {
		return true
	}
	return strings.ContainsRune(c.set, r) != c.negate
}

// Load reads a dictionary from its .aff and .dic files; name is used in
// error messages ("en_GB").
func Load(name string, aff, dic io.Reader) (*Dictionary, error) {
	d := &Dictionary{words: make(map[string]bool, 300000)}
	classes := map[rune]*affixClass{}
	var noSuggest, onlyInCompound rune
	var iconv []string
	sc := bufio.NewScanner(aff)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for line := 1; sc.Scan(); line++ {
		f := strings.Fields(strings.TrimPrefix(sc.Text(), "\ufeff"))
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		bad := func(why string) error {
			return fmt.Errorf("%s.aff line %d: %s: %q", name, line, why, sc.Text())
		}
		switch f[0] {
		case "SET":
			if len(f) < 2 || !strings.EqualFold(f[1], "UTF-8") {
				return nil, bad("only UTF-8 dictionaries are read")
			}
		case "FLAG":
			return nil, bad("only one-character flags are read")
		case "TRY":
			if len(f) > 1 {
				d.try = []rune(f[1])
			}
		case "NOSUGGEST", "ONLYINCOMPOUND":
			if len(f) < 2 {
				return nil, bad("a flag is missing")
			}
			r, _ := utf8.DecodeRuneInString(f[1])
			if f[0] == "NOSUGGEST" {
				noSuggest = r
			} else {
				onlyInCompound = r
			}
		case "ICONV", "REP":
			if len(f) == 2 {
				continue // the count line
			}
			if len(f) < 3 {
				return nil, bad("want a pattern and its replacement")
			}
			if f[0] == "ICONV" {
				iconv = append(iconv, f[1], f[2])
			} else {
				d.rep = append(d.rep, [2]string{strings.ReplaceAll(f[1], "_", " "), strings.ReplaceAll(f[2], "_", " ")})
			}
		case "PFX", "SFX":
			if len(f) < 4 {
				return nil, bad("too few fields")
			}
			flag, _ := utf8.DecodeRuneInString(f[1])
			c := classes[flag]
			if c == nil {
				if _, err := strconv.Atoi(f[3]); err != nil {
					return nil, bad("the header's count is not a number")
				}
				classes[flag] = &affixClass{prefix: f[0] == "PFX", cross: f[2] == "Y"}
				continue
			}
			a := affix{strip: f[2], add: f[3]}
			if a.strip == "0" {
				a.strip = ""
			}
			if i := strings.IndexByte(a.add, '/'); i >= 0 {
				return nil, bad("affixes with their own flags are not read")
			}
			if a.add == "0" {
				a.add = ""
			}
			cond := "."
			if len(f) > 4 {
				cond = f[4]
			}
			var err error
			if a.cond, err = parseCondition(cond); err != nil {
				return nil, bad(err.Error())
			}
			c.entries = append(c.entries, a)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s.aff: %w", name, err)
	}
	if len(iconv) > 0 {
		d.iconv = strings.NewReplacer(iconv...)
	}

	sc = bufio.NewScanner(dic)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimPrefix(sc.Text(), "\ufeff")
		if line == 1 {
			if _, err := strconv.Atoi(strings.TrimSpace(text)); err == nil {
				continue
			}
		}
		text, _, _ = strings.Cut(text, "\t") // morphological fields
		text = strings.TrimSpace(text)
		if text == "" {
			continue
		}
		word, flags := text, ""
		if i := strings.IndexByte(text, '/'); i > 0 {
			word, flags = text[:i], text[i+1:]
		}
		if strings.ContainsRune(flags, onlyInCompound) && onlyInCompound != 0 {
			continue
		}
		suggest := noSuggest == 0 || !strings.ContainsRune(flags, noSuggest)
		d.add(word, suggest)
		var prefixed []string
		for _, fl := range flags {
			c := classes[fl]
			if c == nil || !c.prefix {
				continue
			}
			for _, a := range c.entries {
				if w, ok := a.apply(word, true); ok {
					d.add(w, suggest)
					if c.cross {
						prefixed = append(prefixed, w)
					}
				}
			}
		}
		for _, fl := range flags {
			c := classes[fl]
			if c == nil || c.prefix {
				continue
			}
			for _, a := range c.entries {
				w, ok := a.apply(word, false)
				if !ok {
					continue
				}
				d.add(w, suggest)
				if !c.cross {
					continue
				}
				// A cross product: the prefixes that cross are put on the suffixed form.
				for _, pfl := range flags {
					pc := classes[pfl]
					if pc == nil || !pc.prefix || !pc.cross {
						continue
					}
					for _, pa := range pc.entries {
						if pw, ok := pa.apply(w, true); ok && pa.matches(word, true) {
							d.add(pw, suggest)
						}
					}
				}
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s.dic: %w", name, err)
	}
	if len(d.words) == 0 {
		return nil, fmt.Errorf("%s.dic: no words", name)
	}
	return d, nil
}

func parseCondition(s string) ([]charClass, error) {
	var out []charClass
	for i := 0; i < len(s); {
		switch s[i] {
		case '.':
			out = append(out, charClass{any: true})
			i++
		case '[':
			end := strings.IndexByte(s[i:], ']')
			if end < 0 {
				return nil, fmt.Errorf("condition %q has an unclosed [", s)
			}
			set := s[i+1 : i+end]
			c := charClass{}
			if strings.HasPrefix(set, "^") {
				c.negate, set = true, set[1:]
			}
			c.set = set
			out = append(out, c)
			i += end + 1
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			out = append(out, charClass{set: string(r)})
			i += n
		}
	}
	return out, nil
}

// matches reports whether the condition holds at the stem's end (a suffix)
// or start (a prefix).
func (a affix) matches(stem string, prefix bool) bool {
	rs := []rune(stem)
	if len(a.cond) > len(rs) {
		return false
	}
	off := 0
	if !prefix {
		off = len(rs) - len(a.cond)
	}
	for i, c := range a.cond {
		if !c.match(rs[off+i]) {
			return false
		}
	}
	return true
}

func (a affix) apply(stem string, prefix bool) (string, bool) {
	if !a.matches(stem, prefix) {
		return "", false
	}
	if prefix {
		if !strings.HasPrefix(stem, a.strip) {
			return "", false
		}
		return a.add + stem[len(a.strip):], true
	}
	if !strings.HasSuffix(stem, a.strip) {
		return "", false
	}
	return stem[:len(stem)-len(a.strip)] + a.add, true
}

func (d *Dictionary) add(w string, suggest bool) {
	if old, ok := d.words[w]; ok {
		suggest = suggest || old
	}
	d.words[w] = suggest
}

// Correct reports whether word is spelt right: as the dictionary has it, or
// with only its first letter raised (a sentence's start), or all in capitals
// when any form of it is known. Words with a digit are always correct.
func (d *Dictionary) Correct(word string) bool {
	if d.iconv != nil {
		word = d.iconv.Replace(word)
	}
	word = strings.Trim(word, "'")
	if word == "" || strings.IndexFunc(word, unicode.IsDigit) >= 0 {
		return true
	}
	if d.known(word) {
		return true
	}
	// A possessive is correct where its word is.
	if base, ok := strings.CutSuffix(word, "'s"); ok && base != "" && d.known(base) {
		return true
	}
	return false
}

func (d *Dictionary) known(word string) bool {
	if _, ok := d.words[word]; ok {
		return true
	}
	lower := strings.ToLower(word)
	if _, ok := d.words[lower]; ok {
		return true
	}
	if word == strings.ToUpper(word) {
		if _, ok := d.words[capitalise(lower)]; ok {
			return true
		}
	}
	return false
}

func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// Suggest lists up to max spellings the dictionary knows that are one edit
// from word (a letter changed, added, dropped or two swapped, or a REP
// replacement), the commonest kinds of slip first, each in the word's case.
func (d *Dictionary) Suggest(word string, max int) []string {
	if d.iconv != nil {
		word = d.iconv.Replace(word)
	}
	seen := map[string]bool{word: true}
	var out []string
	try := func(w string) {
		if seen[w] || len(out) >= max {
			return
		}
		seen[w] = true
		if s, ok := d.words[w]; ok && s {
			out = append(out, w)
		} else if c := capitalise(w); c != w {
			if s, ok := d.words[c]; ok && s && !seen[c] {
				seen[c] = true
				out = append(out, c)
			}
		}
	}
	allCaps := word == strings.ToUpper(word) && utf8.RuneCountInString(word) > 1
	if allCaps {
		word = strings.ToLower(word)
	}
	lowerFirst := word
	if r, n := utf8.DecodeRuneInString(word); unicode.IsUpper(r) && word != strings.ToUpper(word) {
		lowerFirst = string(unicode.ToLower(r)) + word[n:]
	}
	for _, w := range []string{word, lowerFirst} {
		for _, r := range d.rep {
			for i := strings.Index(w, r[0]); i >= 0; {
				try(w[:i] + r[1] + w[i+len(r[0]):])
				j := strings.Index(w[i+1:], r[0])
				if j < 0 {
					break
				}
				i += 1 + j
			}
		}
		rs := []rune(w)
		for i := 0; i+1 < len(rs); i++ { // swapped
			c := append([]rune{}, rs...)
			c[i], c[i+1] = c[i+1], c[i]
			try(string(c))
		}
		for i := range rs { // dropped
			try(string(rs[:i]) + string(rs[i+1:]))
		}
		for i := range rs { // changed
			for _, t := range d.try {
				if t != rs[i] {
					try(string(rs[:i]) + string(t) + string(rs[i+1:]))
				}
			}
		}
		for i := 0; i <= len(rs); i++ { // added
			for _, t := range d.try {
				try(string(rs[:i]) + string(t) + string(rs[i:]))
			}
		}
		for i := 1; i < len(rs); i++ { // run together
			a, b := string(rs[:i]), string(rs[i:])
			if len(out) < max && wordPart(a) && wordPart(b) && d.known(a) && d.known(b) {
				w := a + " " + b
				if !seen[w] {
					seen[w] = true
					out = append(out, w)
				}
			}
		}
	}
	if allCaps {
		for i := range out {
			out[i] = strings.ToUpper(out[i])
		}
	} else if r, _ := utf8.DecodeRuneInString(word); unicode.IsUpper(r) {
		for i := range out {
			out[i] = capitalise(out[i])
		}
	}
	return out
}

// wordPart is false for a lone letter other than a and I, which would make
// every slip a run-together pair.
func wordPart(s string) bool { return utf8.RuneCountInString(s) > 1 || s == "a" || s == "I" }

// Span is a word's place in a text, in runes from its start: [Start, End).
type Span struct{ Start, End int }

// Words finds the words in text: runs of letters, with an apostrophe (' or ’)
// or hyphen kept inside a run only between letters, so "don't" is one word and
// "well-known" two. The offsets are runes, as Fyne's entry counts them.
func Words(text string) []Span {
	var out []Span
	rs := []rune(text)
	for i := 0; i < len(rs); {
		if !isWordRune(rs[i]) {
			i++
			continue
		}
		start := i
		for i < len(rs) && (isWordRune(rs[i]) || (rs[i] == '\'' || rs[i] == '’') && i+1 < len(rs) && unicode.IsLetter(rs[i+1]) && i > start) {
			i++
		}
		out = append(out, Span{start, i})
	}
	return out
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}
