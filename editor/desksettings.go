package editor

import (
	"slices"
	"strings"
	"unicode"
)

// DeskSettings are the settings a desk shares: every copy of the app on a
// shared desk reads the same ones from the database.
type DeskSettings struct {
	// HouseWords count as correctly spelt whatever the dictionary says:
	// the paper's names for places, people and things (case is ignored).
	HouseWords []string
	// RequireConfirmedSpeakers makes an unconfirmed speaker an error that
	// stops publishing (CheckOptions.RequireConfirmedSpeakers).
	RequireConfirmedSpeakers bool
	// ConfirmedSpeakersSaved reports, as read, that the desk has saved
	// RequireConfirmedSpeakers; on a desk that never has it is the default
	// (false), which a person's own preference from before desk settings
	// may still fill in. Saving ignores it.
	ConfirmedSpeakersSaved bool
}

// MaxHouseWord is the longest house word, in runes.
const MaxHouseWord = 64

// Normalize trims the house words, drops empty ones and repeats (ignoring
// case, the first spelling kept) and sorts them, ignoring case.
func (s *DeskSettings) Normalize() {
	seen := map[string]bool{}
	var words []string
	for _, w := range s.HouseWords {
		w = strings.TrimSpace(w)
		if w == "" || seen[strings.ToLower(w)] {
			continue
		}
		seen[strings.ToLower(w)] = true
		words = append(words, w)
	}
	slices.SortFunc(words, func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) })
	s.HouseWords = words
}

// Validate reports the first house word that is not one word.
func (s *DeskSettings) Validate() error {
	for _, w := range s.HouseWords {
		if err := ValidHouseWord(w); err != nil {
			return err
		}
	}
	return nil
}

// ValidHouseWord reports why w cannot be a house word: it must be one word
// (no spaces) of at most MaxHouseWord runes.
func ValidHouseWord(w string) error {
	switch {
	case strings.TrimSpace(w) == "":
		return invalid("house words", "has an empty word")
	case strings.IndexFunc(w, unicode.IsSpace) >= 0:
		return invalid("house words", "%q is more than one word; put each word on its own line", w)
	case len([]rune(w)) > MaxHouseWord:
		return invalid("house words", "%q is longer than %d letters", w, MaxHouseWord)
	}
	return nil
}
