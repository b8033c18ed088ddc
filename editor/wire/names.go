package wire

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// honorifics are split from a name ("Sir Iain Duncan Smith" is Sir + Iain
// Duncan Smith). The value is the pronoun a later "he" or "she" may use, or ""
// when the title says nothing of it.
var honorifics = map[string]string{
	"sir": "he", "dame": "she", "lord": "he", "lady": "she", "baroness": "she", "baron": "he",
	"mr": "he", "mrs": "she", "ms": "she", "miss": "she", "mx": "", "dr": "", "prof": "", "professor": "",
	"rev": "", "reverend": "", "president": "", "senator": "", "sen": "", "rep": "", "gov": "", "governor": "",
	"mayor": "", "judge": "", "justice": "", "king": "he", "queen": "she", "prince": "he", "princess": "she",
	"pope": "he", "gen": "", "general": "", "col": "", "lt": "", "capt": "", "adm": "", "sgt": "", "cllr": "",
	"chancellor": "", "secretary": "", "speaker": "", "commissioner": "", "ambassador": "", "councillor": "",
	"councilor": "", "alderman": "", "sheriff": "", "detective": "", "inspector": "", "superintendent": "",
	"premier": "", "bishop": "", "archbishop": "", "rabbi": "", "imam": "", "chief": "",
}

// twoWordTitles are honorifics of two words ("Prime Minister Boris Johnson").
var twoWordTitles = set("prime minister", "first minister", "vice president", "attorney general", "home secretary",
	"foreign secretary", "chief justice", "lieutenant governor", "lt. gov", "lt. governor", "secretary general")

// roleNouns end a role written before a name ("Foreign Office minister James
// Cleverly", "Spokeswoman Haley Morris").
var roleNouns = set("minister", "secretary", "spokesman", "spokeswoman", "spokesperson", "chairman", "chairwoman",
	"chair", "director", "leader", "chief", "candidate", "strategist", "adviser", "advisor", "aide", "manager",
	"officer", "executive", "editor", "analyst", "lawyer", "attorney", "host", "founder", "president", "senator",
	"governor", "mayor", "representative", "congressman", "congresswoman", "lawmaker", "official", "economist",
	"professor", "researcher", "expert", "commentator", "columnist", "correspondent", "reporter", "activist",
	"campaigner", "pollster", "consultant", "strategist", "donor", "member", "mp", "mep", "msp", "ceo", "coach",
	"whip", "deputy", "shadow", "treasurer", "superintendent", "inspector", "constable", "commander", "justice",
	"judge", "nominee", "hopeful", "rival", "challenger", "co-chair", "partner", "head", "boss", "president-elect",
	"commissioner", "ambassador", "counsel", "organizer", "organiser", "operative", "surrogate", "backer", "ally",
	"judges", "councillors", "ministers", "senators", "campaigners", "presenter", "chef", "author", "writer")

// pronouns that can stand for a speaker, with the people they fit.
var pronouns = map[string]string{"he": "he", "she": "she", "they": "they", "it": "it", "we": "they", "i": "", "you": ""}

// nameConnectors may sit inside a name or an organisation between capitals
// ("Chingford and Woodford Green", "Beto de la Cruz").
var nameConnectors = set("and", "of", "de", "la", "le", "van", "von", "der", "da", "del", "bin", "al", "el", "du", "the")

var determiners = set("the", "a", "an", "his", "her", "its", "their", "our", "this", "that", "these", "those", "one",
	"some", "many", "several", "two", "three", "both", "another", "other", "most", "few")

// mentionKind says what named a speaker.
type mentionKind int

const (
	mentionNone    mentionKind = iota
	mentionName                // a person's name, perhaps with title and role
	mentionPronoun             // "he", "she", "they"
	mentionGroup               // an organisation or a description: "the Chinese government", "a spokesman"
)

// mention is the words that name a speaker at one point of the text.
type mention struct {
	kind       mentionKind
	text       string // as written, role included
	start, end int    // where the text stands in the body
	honorific  string
	name       []string // name words, honorific and role left out
	role       string
}

func (m mention) nameText() string { return strings.Join(m.name, " ") }

// short is how the text names the speaker, without the role: "Sir Iain",
// "James Cleverly", "he", "the Chinese government".
func (m mention) short() string {
	switch m.kind {
	case mentionName:
		if m.honorific != "" {
			return m.honorific + " " + m.nameText()
		}
		return m.nameText()
	}
	return m.text
}

// parseMention reads the words of a noun phrase naming a speaker.
func parseMention(body string, toks []token) mention {
	for len(toks) > 0 && !toks[len(toks)-1].isWord() {
		toks = toks[:len(toks)-1]
	}
	for len(toks) > 0 && (!toks[0].isWord() || len(toks) > 1 && sentenceAdverbs[toks[0].lower()]) {
		toks = toks[1:]
	}
	if len(toks) == 0 || timeNouns[toks[len(toks)-1].lower()] {
		return mention{}
	}
	m := mention{text: body[toks[0].start:toks[len(toks)-1].end], start: toks[0].start, end: toks[len(toks)-1].end}
	if len(toks) == 1 {
		if _, ok := pronouns[toks[0].lower()]; ok {
			m.kind = mentionPronoun
			m.text = toks[0].lower()
			return m
		}
	}
	// The name is the run of capitalised words at the end of the phrase.
	i := len(toks)
	for i > 0 {
		t := toks[i-1]
		if t.capitalised() && t.isWord() && !determiners[t.lower()] {
			i--
			continue
		}
		if nameConnectors[t.lower()] && i < len(toks) && i-2 >= 0 && toks[i-2].capitalised() && t.lower() != "the" {
			i--
			continue
		}
		break
	}
	run := toks[i:]
	if len(run) == 0 || i > 0 && determiners[toks[0].lower()] && !hasHonorific(run) && !hasRoleNoun(toks[:i]) {
		m.kind = mentionGroup
		return m
	}
	// Within the run, the last honorific, title or role word ends the role.
	cut := -1
	honorific := ""
	for j := 0; j < len(run)-1; j++ {
		w := run[j].lower()
		if j+1 < len(run)-1 && twoWordTitles[w+" "+run[j+1].lower()] {
			cut, honorific = j+1, run[j].text+" "+run[j+1].text
			j++
			continue
		}
		if _, ok := honorifics[w]; ok {
			cut, honorific = j, strings.TrimSuffix(run[j].text, ".")
			if strings.HasSuffix(run[j].text, ".") && len(w) > 2 {
				honorific = run[j].text
			}
			continue
		}
		if roleNouns[w] || isAllCaps(run[j].text) && j > 0 && !isInitial(run[j].text) {
			cut, honorific = j, ""
		}
	}
	name := run[cut+1:]
	if len(name) > 4 {
		name = name[len(name)-3:]
	}
	roleEnd := cut + 1
	if honorific != "" {
		roleEnd = cut - strings.Count(honorific, " ")
	}
	roleToks := append(append([]token{}, toks[:i]...), run[:roleEnd]...)
	for len(roleToks) > 0 && determiners[roleToks[0].lower()] {
		roleToks = roleToks[1:]
	}
	if len(roleToks) > 0 {
		m.role = body[roleToks[0].start:roleToks[len(roleToks)-1].end]
	}
	// A title standing after an organisation ("CWA President Chris Shelton")
	// is a role, not the person's honorific.
	if honorific != "" && roleEnd > 0 && strings.Count(honorific, " ") == 0 && !isPersonalHonorific(honorific) {
		m.role = body[roleToks[0].start:run[cut].end]
		honorific = ""
	}
	for _, t := range name {
		m.name = append(m.name, t.text)
	}
	m.honorific = honorific
	m.kind = mentionName
	if len(m.name) == 0 || possessive(name[len(name)-1]) || isOrganisationName(m.name) {
		m.kind = mentionGroup
	}
	return m
}

// isOrganisationName reports a run of capitals that names a thing, not a
// person: "Starlight Housing", "the No Campaign", "Indigenous Studies". A
// known given name before it keeps it a person ("Kim Park").
func isOrganisationName(name []string) bool {
	if len(name) > 1 && givenNameGender(name[0]) != "" {
		return false
	}
	if len(name) == 1 {
		w := strings.ToLower(name[0])
		return isOrganisationWord(w) || organisationNames[w] || isAllCaps(name[0]) && !isInitial(name[0])
	}
	for _, w := range name {
		if isOrganisationWord(w) {
			return true
		}
	}
	return false
}

// organisationNames are one-word names of parties and organisations that
// speak in the news, which no surname rule can tell from a person.
var organisationNames = set("labour", "conservatives", "tories", "liberals", "democrats", "republicans", "greens",
	"ndp", "snp", "ukip", "plaid", "fianna", "sinn", "greenpeace", "amnesty", "oxfam", "unicef", "unesco", "nato",
	"interpol", "europol", "ofcom", "ofsted", "ofgem", "ofwat", "google", "microsoft", "apple", "amazon", "facebook",
	"meta", "twitter", "tesla", "uber", "netflix", "samsung", "huawei", "toyota", "boeing", "airbus", "pfizer",
	"moderna", "astrazeneca", "hamas", "hezbollah", "taliban", "kremlin", "pentagon", "whitehall", "westminster",
	"scotland", "wales", "england", "ireland", "britain", "canada", "ontario", "quebec", "china", "russia",
	"ukraine", "israel", "iran", "france", "germany", "washington", "ottawa", "london", "beijing", "moscow")

// isInitial reports a middle initial: "G." in "David G. Victor".
func isInitial(w string) bool {
	return utf8.RuneCountInString(w) == 2 && strings.HasSuffix(w, ".")
}

func hasHonorific(run []token) bool {
	for _, t := range run {
		if _, ok := honorifics[t.lower()]; ok {
			return true
		}
	}
	return false
}

func hasRoleNoun(toks []token) bool {
	for _, t := range toks {
		if roleNouns[t.lower()] {
			return true
		}
	}
	return false
}

// isPersonalHonorific reports whether a title belongs to the name itself
// (Sir, Mrs, Dr) rather than to an office (President, Secretary).
func isPersonalHonorific(h string) bool {
	switch strings.ToLower(strings.TrimSuffix(h, ".")) {
	case "sir", "dame", "lord", "lady", "baroness", "baron", "mr", "mrs", "ms", "miss", "mx", "dr", "prof",
		"professor", "rev", "reverend", "rep", "sen", "gov", "gen", "col", "lt", "capt", "adm", "sgt", "cllr",
		"councillor", "councilor", "detective", "inspector":
		return true
	}
	return false
}

func isAllCaps(w string) bool {
	if utf8.RuneCountInString(w) < 2 {
		return false
	}
	for _, r := range w {
		if unicode.IsLetter(r) && !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// organisationOf reads an organisation out of a role: "Foreign Office
// minister" gives "Foreign Office", "spokeswoman for the committee" gives
// "the committee".
func organisationOf(role string) string {
	toks := tokenize(role, 0, len(role))
	for i, t := range toks {
		if (t.lower() == "for" || t.lower() == "at" || t.lower() == "of") && i > 0 && roleNouns[toks[i-1].lower()] && i+1 < len(toks) {
			return strings.TrimRight(role[toks[i+1].start:], " ,.")
		}
	}
	for i := 1; i < len(toks); i++ {
		if roleNouns[toks[i].lower()] && !toks[i].capitalised() && toks[i-1].capitalised() {
			j := i - 1
			for j > 0 && toks[j-1].capitalised() {
				j--
			}
			return role[toks[j].start:toks[i-1].end]
		}
	}
	return ""
}
