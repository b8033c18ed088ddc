package spell_test

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"copydesk/editor/spell"
)

// The dictionaries are Debian's hunspell-en-gb and hunspell-en-us, which the
// Makefile's test target installs.
const dictDir = "/usr/share/hunspell"

var loaded sync.Map

func load(t *testing.T, name string) *spell.Dictionary {
	t.Helper()
	if d, ok := loaded.Load(name); ok {
		return d.(*spell.Dictionary)
	}
	aff, err := os.Open(filepath.Join(dictDir, name+".aff"))
	if err != nil {
		t.Fatalf("%v (make test installs hunspell-en-gb and hunspell-en-us)", err)
	}
	defer aff.Close()
	dic, err := os.Open(filepath.Join(dictDir, name+".dic"))
	if err != nil {
		t.Fatal(err)
	}
	defer dic.Close()
	d, err := spell.Load(name, aff, dic)
	if err != nil {
		t.Fatalf("Load(%s) = %v", name, err)
	}
	loaded.Store(name, d)
	return d
}

func TestCorrect(t *testing.T) {
	tests := []struct {
		dict, word string
		want       bool
	}{
		{"en_GB", "colour", true},
		{"en_GB", "colours", true},    // plural, SFX S
		{"en_GB", "colouring", true},  // -ing, SFX G
		{"en_GB", "coloured", true},   // -ed, SFX D
		{"en_GB", "recoloured", true}, // prefix and suffix, a cross product
		{"en_GB", "organisation", true},
		{"en_GB", "realise", true},
		{"en_GB", "realised", true},
		{"en_GB", "babies", true},  // y to ies
		{"en_GB", "running", true}, // doubled consonant
		{"en_GB", "quickly", true},
		{"en_GB", "unhappiness", true},
		{"en_GB", "don't", true},
		{"en_GB", "don’t", true},      // ICONV: a curly apostrophe
		{"en_GB", "minister's", true}, // possessive
		{"en_GB", "The", true},        // a sentence's start
		{"en_GB", "LONDON", true},     // capitals
		{"en_GB", "London", true},
		{"en_GB", "london", false}, // a name keeps its capital
		{"en_GB", "1990s", true},   // digits are never reported
		{"en_GB", "recieve", false},
		{"en_GB", "seperate", false},
		{"en_GB", "goverment", false},
		{"en_GB", "colourss", false},
		{"en_GB", "teh", false},
		{"en_GB", "runing", false},
		{"en_GB", "color", false}, // American
		{"en_US", "color", true},
		{"en_US", "colors", true},
		{"en_US", "colour", false},
		{"en_US", "organization", true},
	}
	for _, tt := range tests {
		if got := load(t, tt.dict).Correct(tt.word); got != tt.want {
			t.Errorf("%s Correct(%q) = %v, want %v", tt.dict, tt.word, got, tt.want)
		}
	}
}

func TestSuggest(t *testing.T) {
	tests := []struct{ word, want string }{
		{"recieve", "receive"},
		{"seperate", "separate"},
		{"goverment", "government"},
		{"teh", "the"},
		{"runing", "running"},
		{"Teh", "The"},
		{"TEH", "THE"},
		{"colourss", "colours"},
	}
	d := load(t, "en_GB")
	for _, tt := range tests {
		got := d.Suggest(tt.word, 8)
		if !slices.Contains(got, tt.want) {
			t.Errorf("Suggest(%q) = %q, want it to include %q", tt.word, got, tt.want)
		}
		for _, s := range got {
			for _, w := range strings.Fields(s) {
				if !d.Correct(w) {
					t.Errorf("Suggest(%q) offers %q, which is not correct", tt.word, s)
				}
			}
		}
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct{ aff, dic, want string }{
		{"SET ISO8859-1\n", "1\nword\n", "x.aff line 1: only UTF-8"},
		{"FLAG long\n", "1\nword\n", "x.aff line 1: only one-character flags"},
		{"SFX S Y 1\nSFX S y ies [^aeiou\n", "1\nword\n", "x.aff line 2: condition"},
		{"SET UTF-8\n", "0\n", "x.dic: no words"},
	}
	for _, tt := range tests {
		_, err := spell.Load("x", strings.NewReader(tt.aff), strings.NewReader(tt.dic))
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("Load(%q, %q) = %v, want an error starting %q", tt.aff, tt.dic, err, tt.want)
		}
	}
}

func TestSmallDictionary(t *testing.T) {
	aff := "SET UTF-8\nTRY abcdefghijklmnopqrstuvwxyz\nPFX U Y 1\nPFX U 0 un .\nSFX D Y 2\nSFX D 0 ed [^y]\nSFX D y ied y\n"
	dic := "2\ntidy/DU\nlock/DU\n"
	d, err := spell.Load("small", strings.NewReader(aff), strings.NewReader(dic))
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"tidy", "tidied", "untidy", "untidied", "lock", "locked", "unlocked"} {
		if !d.Correct(w) {
			t.Errorf("Correct(%q) = false, want true", w)
		}
	}
	for _, w := range []string{"tidyed", "lockied", "unn", "relock"} {
		if d.Correct(w) {
			t.Errorf("Correct(%q) = true, want false", w)
		}
	}
}

func TestWords(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Don't go, well-known man.", []string{"Don't", "go", "well", "known", "man"}},
		{"‘Quoted’ words’ end", []string{"Quoted", "words", "end"}},
		{"café 1990s", []string{"café", "1990s"}},
		{"", nil},
	}
	for _, tt := range tests {
		rs := []rune(tt.text)
		var got []string
		for _, s := range spell.Words(tt.text) {
			got = append(got, string(rs[s.Start:s.End]))
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Words(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}
