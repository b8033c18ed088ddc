package editor

import "strings"

// Person is someone in the shared people directory who is quoted or named.
// Name is the full name without honorific ("Iain Duncan Smith"); ShortName is
// how later references name them ("Sir Iain", "Mr Cleverly").
type Person struct {
	ID           string `json:"id"`
	Name         string `json:"name"`
	Honorific    string `json:"honorific"`
	ShortName    string `json:"short_name"`
	Role         string `json:"role"`
	Organisation string `json:"organisation"`
}

// Validate reports the first field that cannot be saved, naming it.
func (p *Person) Validate() error {
	if strings.TrimSpace(p.Name) == "" {
		return invalid("name", "is empty; a person needs a name")
	}
	for _, f := range []struct{ name, value string }{
		{"name", p.Name}, {"honorific", p.Honorific}, {"short_name", p.ShortName},
		{"role", p.Role}, {"organisation", p.Organisation},
	} {
		if err := firstError(checkSingleLine(f.name, f.value), checkLen(f.name, f.value, LineFieldMax)); err != nil {
			return err
		}
	}
	return nil
}

// FullName is the name with its honorific ("Sir Iain Duncan Smith").
func (p *Person) FullName() string {
	if p.Honorific == "" {
		return p.Name
	}
	return p.Honorific + " " + p.Name
}
