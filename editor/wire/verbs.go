package wire

import "strings"

// speechVerbs introduce what someone said. Each is matched as a whole word.
var speechVerbs = set("said", "says", "say", "told", "tells", "tell", "added", "adds", "asked", "asks", "replied",
	"replies", "responded", "responds", "explained", "explains", "wrote", "writes", "noted", "notes", "argued",
	"argues", "claimed", "claims", "alleged", "alleges", "insisted", "insists", "warned", "warns", "declared",
	"declares", "stated", "states", "continued", "continues", "recalled", "recalls", "tweeted", "tweets", "posted",
	"announced", "announces", "acknowledged", "admitted", "admits", "conceded", "concedes", "countered",
	"complained", "predicted", "suggested", "suggests", "stressed", "observed", "remarked", "quipped", "joked",
	"jokes", "shouted", "yelled", "urged", "urges", "charged", "cautioned", "contended", "maintained",
	"promised", "pledged", "vowed", "boasted", "lamented", "concluded", "concludes", "agreed", "confirmed",
	"reiterated", "emphasized", "emphasised", "mused", "exclaimed", "interjected", "retorted", "wondered",
	"testified", "read", "reads", "saying", "adding", "telling", "asking", "writing", "tweeting", "answered",
	"explaining", "noting", "arguing", "warning", "claiming", "insisting", "describing", "described", "called",
	"calling", "demanded", "assured", "chanted", "chanting", "echoed", "thundered", "snapped", "laughed",
	"blasted", "slammed", "accused", "accusing", "denounced", "praised", "labelled", "labeled", "branded",
	"dubbed", "termed", "reported", "stating", "proclaimed", "sang", "sings", "speculated",
	"reckoned", "believes", "believed", "thinks", "felt", "feels", "replying", "responding", "quoted",
	"messaged", "emailed", "texted", "posting", "recounted", "complains", "observes", "predicts", "barked",
	"scoffed", "sniffed", "cracked", "gushed", "fumed", "raged", "sighed", "marveled", "marvelled", "beamed",
	"cheered", "opined", "intoned", "bragged", "griped", "grumbled", "mocked", "teased", "pleaded", "begged",
	"interrupted", "interjecting", "screamed", "cried", "whispered", "muttered", "hollered", "roared", "boomed",
	"shouting", "yelling", "screaming", "crying", "labeling", "labelling", "declaring", "announcing", "stressing",
	"acknowledging", "admitting", "conceding", "insisting", "noting", "suggesting", "vowing", "promising",
	"urging", "warning", "recalling", "joking", "quipping", "adds", "asserted", "asserts", "affirmed", "affirms",
	"disclosed", "revealed", "elaborated", "clarified")

// phrasalVerbs introduce speech with the particle that follows them ("went
// on", "shot back", "as Vulture put it").
var phrasalVerbs = map[string]string{"went": "on", "goes": "on", "shot": "back", "fired": "back", "chimed": "in",
	"pointed": "out", "points": "out", "cut": "in", "wrote": "back", "put": "it", "puts": "it", "spoke": "up"}

// isAuxiliary reports a lowercase auxiliary or adverb: "Will" and "May" at
// the head of a name are names.
func isAuxiliary(t token) bool {
	return auxiliaries[t.text]
}

// isSpeechVerb reports whether toks[i] introduces what someone said.
func isSpeechVerb(toks []token, i int) bool {
	if toks[i].capitalised() {
		return false // "Read said", "Tell"
	}
	w := toks[i].lower()
	if speechVerbs[w] {
		return true
	}
	if p, ok := phrasalVerbs[w]; ok && i+1 < len(toks) && toks[i+1].lower() == p {
		return true
	}
	return false
}

// auxiliaries and adverbs may stand between a speaker and the verb.
var auxiliaries = set("has", "have", "had", "would", "will", "could", "can", "may", "might", "should", "was",
	"is", "later", "also", "then", "again", "once", "previously", "earlier", "recently", "simply", "just",
	"repeatedly", "famously", "reportedly", "often", "still", "never", "further", "did", "does", "do", "had",
	"already", "privately", "publicly", "angrily", "quickly", "bluntly", "flatly", "quietly", "frequently")

// npStops end a speaker's noun phrase when reading back from its verb.
var npStops = set("which", "who", "whom", "that", "and", "but", "or", "when", "while", "as", "after", "before", "then",
	"because", "if", "by", "for", "in", "on", "at", "to", "from", "with", "about", "than", "is", "was", "were",
	"are", "be", "been", "has", "had", "have", "where", "so", "since", "although", "though", "what", "how",
	"why", "not", "into", "over", "under", "said", "says", "told", "during", "until", "then", "also", "once",
	"said,", "where", "whether", "like", "unlike", "there", "it's", "it’s", "we", "you", "i", "me", "him", "them",
	"us", "this", "these", "those")

// looseVerb reports a past-tense word that, next to a name after a quote,
// can only be its verb ("…!” beamed Donald Hartley).
func looseVerb(toks []token, i int) bool {
	w := toks[i].text
	return !toks[i].capitalised() && toks[i].isWord() && len(w) > 4 && strings.HasSuffix(w, "ed") && !npStops[w]
}

func isAdverb(t token) bool {
	return !t.capitalised() && len(t.text) > 4 && strings.HasSuffix(t.text, "ly")
}

// timeNouns end phrases that name when, not who ("the day", "last week").
var timeNouns = set("day", "days", "week", "weeks", "month", "months", "year", "years", "night", "morning",
	"afternoon", "evening", "time", "moment", "summer", "spring", "winter", "autumn", "weekend", "today", "yesterday", "tonight", "monday", "tuesday",
	"wednesday", "thursday", "friday", "saturday", "sunday")

// groupNouns head the names of organisations and documents that speak: "the
// Clinton campaign", "the White House statement".
var groupNouns = set("campaign", "committee", "party", "group", "team", "office", "department", "agency",
	"company", "government", "administration", "ministry", "council", "board", "court", "police", "union",
	"statement", "report", "spokesman", "spokeswoman", "spokesperson", "source", "sources", "officials",
	"organisation", "organization", "foundation", "association", "institute", "network", "newspaper",
	"website", "ad", "advert", "memo", "letter", "lawsuit", "filing", "document", "email", "tweet", "post",
	"aides", "staff", "family", "delegation", "caucus", "pac", "coalition", "alliance", "movement")

// sentenceAdverbs open a sentence without being its subject ("At the same
// time", "Outside", "Meanwhile").
var sentenceAdverbs = set("at", "later", "earlier", "while", "outside", "inside", "here", "there", "alongside",
	"meanwhile", "still", "instead", "but", "and", "so", "now", "then", "also", "however", "though",
	"although", "yet", "indeed", "afterward", "afterwards", "next", "finally", "first", "today", "yesterday",
	"tonight", "once", "again", "even", "only", "in", "on", "during", "after", "before", "since", "when", "as")
