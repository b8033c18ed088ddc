package wire

import (
	"regexp"
	"strings"
	"sync"
)

// BoilerplateSignoff is the Kind of an agency's sign-off kept out of the body.
const BoilerplateSignoff = "signoff"

// signoffWindow is how many paragraphs from the end a sign-off may stand:
// sign-offs close the copy, and a line like them higher up is the story's.
const signoffWindow = 12

// Sign-off lines, each alone in its paragraph: the agency and the initials of
// the journalists who handled the copy ("AFP sn", "AFP sn/jm", "AAP RTV ar",
// "dpa kw xx"), the old Reuters "REUTER", The Canadian Press's
// first-publication line, the end marks of releases ("###", "-30-") and the
// transmission time stamps that follow them.
var signoffLines = sync.OnceValue(func() []*regexp.Regexp {
	return []*regexp.Regexp{
		regexp.MustCompile(`^(?:AFP|AAP|AP|PA|DPA|dpa|ANSA|EFE|ANP|APA|SDA|NTB|TT|CTK|PAP|BTA|PTI|IANS|CP|UPI|NZPA|XNA|XP)(?:[ \t]+[A-Za-z]{1,4}(?:/[A-Za-z]{1,4})*){1,3}$`),
		regexp.MustCompile(`^[a-z]{2,4}(?:/[a-z]{2,4}){1,4}$`),
		regexp.MustCompile(`^REUTERS?$|^Reuter$`),
		regexp.MustCompile(`^This (?:report|story|article) by The Canadian Press was first published\b`),
		regexp.MustCompile(`^(?:#\s*){3}$|^-\s*(?:30|0)\s*-$|^(?:\*\s*){3}$|^\(?END\)?$`),
		regexp.MustCompile(`^\d{4,6}\s*(?:GMT|UTC|EST|EDT|ET|BST|CET)(?:\s+\w{3}\s+\d{2,4})?$`),
	}
})

// A release's closing block (CONTACT:, KEYWORD:, SOURCE:) and the rule AP
// draws above its contact and contributor lines ("___").
var (
	releaseBlock = lazyRegexp(`^(?:/?(?:MEDIA |PRESS |INVESTOR )?CONTACTS?|(?:Media|Press|Investor) [Cc]ontacts?|Contacts?|(?:INDUSTRY |SUBJECT )?KEYWORDS?|SOURCE|For (?:more|further) information,? (?:please )?contact)\s*:`)
	contactRule  = lazyRegexp(`^_{3,}$`)
)

// takeSignoffs takes an agency's sign-off lines and closing blocks out of
// the last paragraphs of a story, reporting each as boilerplate of kind
// signoff. Credit lines inside a closing block stay, for the credit.
func takeSignoffs(r *Result, paras []para) []para {
	if len(paras) < 2 {
		return paras
	}
	from := max(1, len(paras)-signoffWindow)
	var lines []string
	kept := paras[:from:from]
	for i := from; i < len(paras); i++ {
		p := paras[i].text
		if isSignoffLine(p) {
			lines = append(lines, p)
			continue
		}
		if contactRule().MatchString(p) || releaseBlock().MatchString(p) {
			end := i + 1
			for end < len(paras) && !boilerplateStart().MatchString(paras[end].text) {
				end++
			}
			var block []string
			for _, q := range paras[i:end] {
				if creditLine(q.text) {
					kept = append(kept, q)
					continue
				}
				if !contactRule().MatchString(q.text) {
					block = append(block, q.text)
				}
			}
			title := "contact and contributor lines"
			if releaseBlock().MatchString(p) {
				title = "release contacts and keywords"
			}
			if len(block) > 0 {
				r.Boilerplate = append(r.Boilerplate, Boilerplate{Title: title, Text: strings.Join(block, "\n\n"), Kind: BoilerplateSignoff})
			}
			kept = append(kept, paras[end:]...)
			break
		}
		kept = append(kept, paras[i])
	}
	if len(lines) > 0 {
		r.Boilerplate = append(r.Boilerplate, Boilerplate{Title: "sign-off " + strings.Join(lines, " · "), Text: strings.Join(lines, "\n"), Kind: BoilerplateSignoff})
	}
	return kept
}

func isSignoffLine(p string) bool {
	if len(p) > 160 {
		return false
	}
	for _, re := range signoffLines() {
		if re.MatchString(p) {
			return true
		}
	}
	return false
}
