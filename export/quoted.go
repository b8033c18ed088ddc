package export

import (
	"strings"

	"copydesk/editor/wire"
)

// quotedList is "Quoted in this story": each speaker a person has confirmed,
// once, with their role (the first one given), linked to their first quote;
// people first, then organisations, each in the order they are first quoted.
// An attribution nobody has confirmed is a suggestion and is left out.
func quotedList(quotes []placedQuote) []quotedView {
	var people, orgs []quotedView
	type at struct {
		org bool
		i   int
	}
	seen := map[string]at{} // by person ID and by folded name
	for _, q := range quotes {
		name := cleanText(strings.TrimSpace(q.q.Speaker))
		if name == "" || !q.q.SpeakerConfirmed() {
			continue
		}
		keys := []string{"name:" + strings.ToLower(strings.Join(strings.Fields(name), " "))}
		if q.q.PersonID != "" {
			keys = append(keys, "id:"+q.q.PersonID)
		}
		role := cleanText(strings.TrimSpace(q.q.Role))
		found, ok := at{}, false
		for _, k := range keys {
			if found, ok = seen[k]; ok {
				break
			}
		}
		if !ok {
			found = at{org: wire.IsOrganisationName(name)}
			v := quotedView{Anchor: q.anchor, Speaker: name, Role: role}
			if found.org {
				found.i, orgs = len(orgs), append(orgs, v)
			} else {
				found.i, people = len(people), append(people, v)
			}
		}
		for _, k := range keys {
			seen[k] = found
		}
		list := people
		if found.org {
			list = orgs
		}
		if list[found.i].Role == "" {
			list[found.i].Role = role
		}
	}
	return append(people, orgs...)
}
