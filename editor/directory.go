package editor

import "strings"

// FindPerson returns the index in directory of the person p names, matched by
// full name without regard to case, spacing or honorific, or -1 when the
// directory does not know them.
func FindPerson(directory []Person, p Person) int {
	key := personKey(p.Name)
	if key == "" {
		return -1
	}
	for i := range directory {
		if personKey(directory[i].Name) == key {
			return i
		}
	}
	return -1
}

// MergePerson fills what the directory's entry lacks from a newly read one:
// honorific, short name, role and organisation. What the desk has already set
// is kept; a role that has since changed is kept on each quote instead.
func MergePerson(known, found Person) Person {
	for _, f := range []struct {
		dst *string
		src string
	}{
		{&known.Honorific, found.Honorific}, {&known.ShortName, found.ShortName},
		{&known.Role, found.Role}, {&known.Organisation, found.Organisation},
	} {
		if strings.TrimSpace(*f.dst) == "" {
			*f.dst = f.src
		}
	}
	return known
}

func personKey(name string) string {
	return strings.ToLower(strings.Join(strings.Fields(name), " "))
}
