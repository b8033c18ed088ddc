package wire

import "regexp"

// Readers still to come in this branch: until each lands, its format is
// refused by name rather than read as text.
func parseNewsML(name string, _ *input) (*Result, error)   { return nil, refuse(name, "NewsML 1.2") }
func parseNewsMLG2(name string, _ *input) (*Result, error) { return nil, refuse(name, "NewsML-G2") }
func parseNinjs(name, _ string) (*Result, error)           { return nil, refuse(name, "ninjs") }
func parseANPA(name, _ string) (*Result, error)            { return nil, refuse(name, "ANPA 1312") }
func parseIPTC7901(name, _ string) (*Result, error)        { return nil, refuse(name, "IPTC 7901") }

var (
	anpaHeader = regexp.MustCompile(`^[a-z]\d{4}`)
	iptcHeader = regexp.MustCompile(`^[A-Z]{2,}\s?\d{2,4} \d `)
)

const BoilerplateSignoff = "signoff"
