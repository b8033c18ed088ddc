package wire

import (
	_ "embed"
	"strings"
	"sync"
)

//go:embed givennames.txt
var givenNamesText string

var givenNames = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for _, line := range strings.Split(givenNamesText, "\n") {
		f := strings.Fields(line)
		if len(f) == 2 && !strings.HasPrefix(f[0], "#") {
			m[f[0]] = f[1]
		}
	}
	return m
})

// givenNameGender is the pronoun a given name usually goes with: "he", "she",
// or "" when the list does not know it.
func givenNameGender(name string) string {
	return givenNames()[strings.ToLower(name)]
}

// genderedRoles say who holds them.
var genderedRoles = map[string]string{"spokesman": "he", "spokeswoman": "she", "chairman": "he", "chairwoman": "she",
	"congressman": "he", "congresswoman": "she", "councilman": "he", "councilwoman": "she", "businessman": "he",
	"businesswoman": "she", "husband": "he", "wife": "she", "mother": "she", "father": "he", "son": "he",
	"daughter": "she", "brother": "he", "sister": "she", "actress": "she", "actor": "he", "grandmother": "she",
	"grandfather": "he", "widow": "she", "widower": "he", "girl": "she", "boy": "he", "woman": "she", "man": "he"}

// mentionGender is the pronoun a named person goes with, from the honorific,
// a gendered role or the given name; "" when none says.
func mentionGender(m mention) string {
	if g := honorifics[strings.ToLower(strings.TrimSuffix(m.honorific, "."))]; g != "" {
		return g
	}
	for _, w := range strings.Fields(strings.ToLower(m.role)) {
		if g := genderedRoles[strings.Trim(w, ",.")]; g != "" {
			return g
		}
	}
	if len(m.name) > 1 {
		return givenNameGender(m.name[0])
	}
	return ""
}
