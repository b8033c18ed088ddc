package app

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"

	"copydesk/editor/spell"
)

// dictionaryDir is where Debian's hunspell-* packages put their dictionaries.
const dictionaryDir = "/usr/share/hunspell"

// defaultDictionary is the spelling the body is checked in unless
// Preferences chooses another.
const defaultDictionary = "en_GB"

// spellingOff is the dictionary choice that checks no spelling.
const spellingOff = "off"

// dictionaries lists the Hunspell dictionaries installed, by name ("en_GB").
func dictionaries() []string {
	affs, _ := filepath.Glob(filepath.Join(dictionaryDir, "*.aff"))
	var names []string
	for _, aff := range affs {
		name := strings.TrimSuffix(filepath.Base(aff), ".aff")
		if _, err := os.Stat(filepath.Join(dictionaryDir, name+".dic")); err == nil {
			names = append(names, name)
		}
	}
	return names
}

// loadedDictionaries keeps each dictionary once read: reading en_GB takes
// about half a second, and every window of the app shares it.
var loadedDictionaries sync.Map // name → *dictionaryLoad

type dictionaryLoad struct {
	once sync.Once
	d    *spell.Dictionary
	err  error
}

// loadDictionary reads the named dictionary from dictionaryDir, once.
func loadDictionary(name string) (*spell.Dictionary, error) {
	v, _ := loadedDictionaries.LoadOrStore(name, &dictionaryLoad{})
	l := v.(*dictionaryLoad)
	l.once.Do(func() {
		aff, err := os.Open(filepath.Join(dictionaryDir, name+".aff"))
		if err != nil {
			l.err = err
			return
		}
		defer aff.Close()
		dic, err := os.Open(filepath.Join(dictionaryDir, name+".dic"))
		if err != nil {
			l.err = err
			return
		}
		defer dic.Close()
		l.d, l.err = spell.Load(name, aff, dic)
	})
	return l.d, l.err
}

// speller underlines the body's misspelt words. Its fields are the UI
// goroutine's; the checking itself runs off it, a paragraph at a time, and
// only for paragraphs it has not seen as they now read.
type speller struct {
	g    *gui
	body *textEntry
	dict *spell.Dictionary
	// known are the words that count as correct whatever the dictionary
	// says: the desk's house words (lower case) and the words of the names in
	// the people directory. It is replaced, never changed, so a check under
	// way keeps reading the set it began with.
	known    map[string]bool
	checked  map[string][]spell.Span // a paragraph's text → its misspelt words, in runes from its start
	lastText string
	timer    *time.Timer
	gen      int
}

func newSpeller(g *gui, body *textEntry) *speller {
	s := &speller{g: g, body: body, checked: map[string][]spell.Span{}}
	body.spelling = s
	return s
}

// use loads the named dictionary off the UI goroutine and checks the body
// with it; spellingOff, or a dictionary that cannot be read, checks nothing
// (the status bar says why).
func (s *speller) use(name string) {
	s.gen++
	gen := s.gen
	if name == spellingOff {
		s.dict = nil
		s.body.setMisspelt(nil)
		return
	}
	s.g.run(func() func() {
		d, err := loadDictionary(name)
		return func() {
			if gen != s.gen {
				return
			}
			if err != nil {
				s.g.saveState.SetText("Spelling is not checked: " + err.Error() + " (install the hunspell-" + strings.ToLower(strings.ReplaceAll(name, "_", "-")) + " package, or choose another dictionary in Preferences)")
				return
			}
			s.dict, s.checked = d, map[string][]spell.Span{}
			s.recheck()
		}
	})
}

// setKnown makes house words and the names in the people directory correct.
func (s *speller) setKnown(house, names []string) {
	known := map[string]bool{}
	for _, w := range house {
		known[strings.ToLower(strings.TrimSpace(w))] = true
	}
	for _, n := range names {
		rs := []rune(n)
		for _, sp := range spell.Words(n) {
			known[strings.ToLower(string(rs[sp.Start:sp.End]))] = true
		}
	}
	s.known = known
	s.checked = map[string][]spell.Span{}
	s.recheck()
}

// changed is called on every change to the body: the underlines after the
// edit move with the text, those in the edited stretch go, and the spelling
// is checked again once typing pauses (three quarters of the checks' pause,
// 300 ms in the app).
func (s *speller) changed() {
	text := s.body.Text
	if text == s.lastText {
		return
	}
	s.body.shiftMisspelt(s.lastText, text)
	s.lastText = text
	if s.timer != nil {
		s.timer.Stop()
	}
	if s.g.checkDelay == 0 {
		s.recheck()
		return
	}
	s.timer = time.AfterFunc(s.g.checkDelay*3/4, func() { fyne.Do(s.recheck) })
}

// recheck checks the paragraphs whose text is new off the UI goroutine,
// then underlines every misspelt word of the body as it then reads.
func (s *speller) recheck() {
	if s.dict == nil {
		return
	}
	text := s.body.Text
	paras := strings.Split(text, "\n")
	var todo []string
	for _, p := range paras {
		if _, ok := s.checked[p]; !ok && !slices.Contains(todo, p) {
			todo = append(todo, p)
		}
	}
	d, known := s.dict, s.known
	s.gen++
	gen := s.gen
	s.g.run(func() func() {
		found := make([][]spell.Span, len(todo))
		for i, p := range todo {
			found[i] = misspelt(d, known, p)
		}
		return func() {
			if gen != s.gen || s.body.Text != text {
				return
			}
			seen := make(map[string][]spell.Span, len(paras))
			for i, p := range todo {
				seen[p] = found[i]
			}
			var all []spell.Span
			at := 0
			for _, p := range paras {
				spans, ok := seen[p]
				if !ok {
					spans = s.checked[p]
					seen[p] = spans
				}
				for _, sp := range spans {
					all = append(all, spell.Span{Start: at + sp.Start, End: at + sp.End})
				}
				at += utf8.RuneCountInString(p) + 1
			}
			s.checked = seen // only the paragraphs there now
			s.body.setMisspelt(all)
		}
	})
}

// misspelt finds the words of a paragraph that are neither in the
// dictionary nor known to the desk.
func misspelt(d *spell.Dictionary, known map[string]bool, para string) []spell.Span {
	var out []spell.Span
	rs := []rune(para)
	for _, sp := range spell.Words(para) {
		w := string(rs[sp.Start:sp.End])
		if d.Correct(w) || known[strings.ToLower(w)] || known[strings.ToLower(strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s"))] {
			continue
		}
		out = append(out, sp)
	}
	return out
}

// suggestions are the dictionary's spellings for word, for the right-click
// menu.
func (s *speller) suggestions(word string) []string {
	if s.dict == nil {
		return nil
	}
	return s.dict.Suggest(word, 6)
}
