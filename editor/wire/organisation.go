package wire

import "strings"

// IsOrganisationName reports whether a speaker's name names an organisation
// or a body rather than a person: it ends in a word that ends the names of
// things ("Starlight Housing", "the Chinese government"), it is one word in
// capitals ("NATO"), or it opens with an article, as no person's name does
// ("the No Campaign").
func IsOrganisationName(name string) bool {
	words := strings.Fields(name)
	if len(words) == 0 {
		return false
	}
	last := strings.ToLower(strings.Trim(words[len(words)-1], ".,;:"))
	switch {
	case isOrganisationWord(last), bodyWords[last]:
		return true
	case len(words) == 1 && isAllCaps(words[0]):
		return true
	}
	switch words[0] {
	case "the", "The", "a", "A", "an", "An":
		return true
	}
	return false
}

// bodyWords end the names of public bodies that organisationWords leaves out.
var bodyWords = set("government", "embassy", "cabinet", "parliament", "assembly", "authority", "authorities",
	"executive", "regulator", "watchdog", "nhs", "bbc", "un", "eu", "charity", "team", "club", "federation")
