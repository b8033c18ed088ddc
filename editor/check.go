package editor

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Severity says how much a finding matters: an error stops publication.
type Severity string

// The severities, most serious first.
const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
	SeverityInfo    Severity = "info"
)

// The kinds of finding Check reports.
const (
	KindChangedQuote   = "changed_quote"      // the words between the marks differ from the record
	KindMissingQuote   = "missing_quote"      // the quote is no longer in the body between marks
	KindUnattributed   = "unattributed_quote" // quoted words with no quote record
	KindNoSpeaker      = "no_speaker"         // a quote record with nobody as its speaker
	KindUnnamedSpeaker = "unnamed_speaker"    // the speaker is never named in the story
	KindNoSource       = "no_source"          // the quote does not say where it came from
	KindRequiredField  = "required_field"     // headline, body, byline… missing
	KindHeadlineLength = "headline_length"
	KindTooLong        = "too_long"      // longer than a save accepts
	KindInvalidField   = "invalid_field" // a value a save refuses for another reason (a bad slug)
	KindUnclosedQuote  = "unclosed_quote"
	KindStraightQuotes = "straight_quotes"
	// KindUnconfirmedSpeaker: nobody has confirmed who said the quote; a
	// warning, or an error when the desk requires confirmed speakers.
	KindUnconfirmedSpeaker = "unconfirmed_speaker"
)

// CheckOptions are the desk's settings for Check.
type CheckOptions struct {
	// RequireConfirmedSpeakers makes an unconfirmed speaker an error, which
	// stops publication, instead of a warning.
	RequireConfirmedSpeakers bool
}

// Finding is one thing a subeditor should look at before publishing. Field
// names the field it is about, as StoryField.Name does ("byline"), "tags",
// or "quotes" for a quote record; Start and End are byte offsets into the
// body (end exclusive), both 0 when the finding is about a field other than
// the body.
type Finding struct {
	Severity Severity `json:"severity"`
	Kind     string   `json:"kind"`
	Message  string   `json:"message"`
	Field    string   `json:"field"`
	QuoteID  string   `json:"quote_id"`
	Start    int      `json:"start"`
	End      int      `json:"end"`
}

// HasErrors reports whether any finding is an error, which `check` turns
// into exit status 1.
func HasErrors(findings []Finding) bool {
	for _, f := range findings {
		if f.Severity == SeverityError {
			return true
		}
	}
	return false
}

// Check runs the pre-publication checks on a story: what a save would refuse
// (a field too long), its quotes against the body (changed, missing,
// unattributed, speaker never named, no source), the fields a story needs,
// and house style. people is the directory, for the
// names and short names of the speakers; it may be nil. Findings come errors
// first, then in the order of the body.
func Check(s *Story, people []Person) []Finding {
	return CheckWith(s, people, CheckOptions{})
}

// CheckWith runs Check with the desk's settings.
func CheckWith(s *Story, people []Person, opt CheckOptions) []Finding {
	var fs []Finding
	fs = append(fs, checkLimits(s)...)
	fs = append(fs, checkFields(s)...)
	fs = append(fs, checkQuotes(s, people)...)
	fs = append(fs, checkConfirmed(s, opt)...)
	fs = append(fs, checkQuoteMarks(s.Body)...)
	sortFindings(fs)
	return fs
}

// sortFindings puts findings in Check's order: errors first, then in the
// order of the body.
func sortFindings(fs []Finding) {
	rank := map[Severity]int{SeverityError: 0, SeverityWarning: 1, SeverityInfo: 2}
	sort.SliceStable(fs, func(i, j int) bool {
		if rank[fs[i].Severity] != rank[fs[j].Severity] {
			return rank[fs[i].Severity] < rank[fs[j].Severity]
		}
		return fs[i].Start < fs[j].Start
	})
}

// checkLimits reports, as errors, what Validate would refuse in the text
// fields and tags: a story being typed can be longer than a save accepts.
func checkLimits(s *Story) []Finding {
	var fs []Finding
	for _, p := range s.fieldProblems() {
		what := "the " + strings.ToLower(FieldLabel(p.field))
		switch {
		case p.item >= 0:
			what = fmt.Sprintf("tag %d", p.item+1)
		case p.field == "tags":
			what = "the story"
		}
		f := Finding{Severity: SeverityError, Kind: KindInvalidField, Field: p.field,
			Message: what + " " + p.err.Problem + "; correct it before saving"}
		if p.tooLong {
			f.Kind, f.Message = KindTooLong, what+" "+p.err.Problem+"; shorten it before saving"
		}
		fs = append(fs, f)
	}
	return fs
}

func checkFields(s *Story) []Finding {
	var fs []Finding
	need := func(sev Severity, field, what, why string) {
		f, _ := LookupStoryField(field)
		if strings.TrimSpace(f.Get(s)) == "" {
			fs = append(fs, Finding{Severity: sev, Kind: KindRequiredField, Field: field, Message: "no " + what + "; " + why})
		}
	}
	need(SeverityError, "headline", "headline", "write one before publishing")
	need(SeverityError, "body", "body", "the story has no text")
	need(SeverityWarning, "byline", "byline", "say who wrote the story")
	need(SeverityWarning, "credit", "credit line", "credit the agency or the reporters (\"Reporting by Press Association.\")")
	need(SeverityWarning, "section", "section", "choose one so the story appears on a section page")
	need(SeverityInfo, "standfirst", "standfirst", "a line under the headline helps readers and search")
	if n := utf8.RuneCountInString(s.Headline); n > HeadlineLimit {
		fs = append(fs, Finding{Severity: SeverityWarning, Kind: KindHeadlineLength, Field: "headline",
			Message: fmt.Sprintf("headline is %d characters; the house limit is %d", n, HeadlineLimit)})
	}
	return fs
}

func checkQuotes(s *Story, people []Person) []Finding {
	var fs []Finding
	covered := map[int]bool{} // start offsets of quoted spans that have a record
	outside := strings.ToLower(textOutsideQuotes(s))
	pl := newQuotePlacer(s.Body)
	for _, q := range s.Quotes {
		p := pl.place(q)
		start, end := clampSpan(p.Anchor.Start, p.Anchor.End, len(s.Body))
		who := q.Speaker
		if who == "" {
			who = "an unknown speaker"
		}
		switch p.State {
		case QuoteStateChanged:
			covered[p.Anchor.Start] = true
			fs = append(fs, Finding{Severity: SeverityError, Kind: KindChangedQuote, Field: "body", QuoteID: q.ID, Start: start, End: end,
				Message: fmt.Sprintf("the quote by %s was changed: %s; restore the words or correct the quote record", who, strings.Join(p.Changed(), "; "))})
		case QuoteStateMissing:
			fs = append(fs, Finding{Severity: SeverityError, Kind: KindMissingQuote, Field: "body", QuoteID: q.ID, Start: start, End: end,
				Message: fmt.Sprintf("the quote by %s (%s) is no longer in the text between quotation marks; put it back or delete the quote", who, clipQuote(q.Text))})
		default:
			covered[p.Anchor.Start] = true
		}
		if q.Speaker == "" && q.PersonID == "" {
			fs = append(fs, Finding{Severity: SeverityError, Kind: KindNoSpeaker, Field: "quotes", QuoteID: q.ID, Start: start, End: end,
				Message: fmt.Sprintf("the quote %s has no speaker; say who said it", clipQuote(q.Text))})
		} else if !named(outside, speakerNames(q, people)) {
			fs = append(fs, Finding{Severity: SeverityError, Kind: KindUnnamedSpeaker, Field: "body", QuoteID: q.ID, Start: start, End: end,
				Message: fmt.Sprintf("%s is quoted but never named in the story; name them before or with the quote", who)})
		}
		if strings.TrimSpace(q.Source) == "" {
			fs = append(fs, Finding{Severity: SeverityWarning, Kind: KindNoSource, Field: "quotes", QuoteID: q.ID, Start: start, End: end,
				Message: fmt.Sprintf("the quote by %s %s has no source; note where the words came from", who, clipQuote(q.Text))})
		}
	}
	for _, sp := range QuotedSpans(s.Body) {
		if covered[sp.Start] || scareQuoted(s.Body[sp.Start:sp.End]) {
			continue
		}
		fs = append(fs, Finding{Severity: SeverityWarning, Kind: KindUnattributed, Field: "body", Start: sp.Start, End: sp.End,
			Message: fmt.Sprintf("the quoted words %s have no attributed quote; attribute them or take the quotation marks away", clipQuote(QuoteWords(s.Body[sp.Start:sp.End])))})
	}
	return fs
}

// checkConfirmed reports each quote whose speaker nobody has confirmed (a
// quote with no speaker at all is reported as no_speaker instead).
func checkConfirmed(s *Story, opt CheckOptions) []Finding {
	var fs []Finding
	sev, then := SeverityWarning, "confirm it in the Quotes panel (or with quotes --confirm) before publishing"
	if opt.RequireConfirmedSpeakers {
		sev, then = SeverityError, "the desk publishes only confirmed speakers; confirm it in the Quotes panel (or with quotes --confirm)"
	}
	pl := newQuotePlacer(s.Body)
	for _, q := range s.Quotes {
		if q.SpeakerConfirmed() || (q.Speaker == "" && q.PersonID == "") {
			continue
		}
		p := pl.place(q)
		start, end := clampSpan(p.Anchor.Start, p.Anchor.End, len(s.Body))
		who := q.Speaker
		if who == "" {
			who = "the speaker"
		}
		fs = append(fs, Finding{Severity: sev, Kind: KindUnconfirmedSpeaker, Field: "quotes", QuoteID: q.ID, Start: start, End: end,
			Message: fmt.Sprintf("nobody has confirmed that %s said %s (quote %s); %s", who, clipQuote(q.Text), q.ID, then)})
	}
	return fs
}

func checkQuoteMarks(body string) []Finding {
	var fs []Finding
	for _, sp := range QuotedSpans(body) {
		if !sp.Closed() {
			fs = append(fs, Finding{Severity: SeverityWarning, Kind: KindUnclosedQuote, Field: "body", Start: sp.Start, End: sp.End,
				Message: fmt.Sprintf("the quote %s is never closed; add the closing quotation mark", clipQuote(QuoteWords(body[sp.Start:sp.End])))})
		}
	}
	if i := strings.IndexByte(body, '"'); i >= 0 {
		fs = append(fs, Finding{Severity: SeverityInfo, Kind: KindStraightQuotes, Field: "body", Start: i, End: i + 1,
			Message: "the body uses straight quotation marks; house style is curly (“ ” and ‘ ’)"})
	}
	return fs
}

// textOutsideQuotes is the headline, standfirst and body with every quoted
// stretch blanked: a speaker named only inside a quote is not named.
func textOutsideQuotes(s *Story) string {
	b := []byte(s.Body)
	for _, sp := range QuotedSpans(s.Body) {
		for i := sp.Open; i < sp.End; i++ {
			b[i] = ' '
		}
	}
	return s.Headline + "\n" + s.Standfirst + "\n" + string(b)
}

// speakerNames are the ways a story may name a quote's speaker: the full
// name, the short name, the surname.
func speakerNames(q Quote, people []Person) []string {
	names := []string{q.Speaker}
	for _, p := range people {
		if (q.PersonID != "" && p.ID == q.PersonID) || (q.PersonID == "" && p.Name == q.Speaker) {
			names = append(names, p.Name, p.ShortName, p.FullName())
		}
	}
	var out []string
	for _, n := range names {
		n = strings.TrimSpace(n)
		if n == "" {
			continue
		}
		out = append(out, n)
		if f := strings.Fields(n); len(f) > 1 && unicode.IsUpper([]rune(f[len(f)-1])[0]) {
			out = append(out, f[len(f)-1])
		}
	}
	return out
}

// named reports whether text, in lower case, names someone by any of names,
// as whole words and whatever the case ("The Chinese government said" names
// "the Chinese government").
func named(text string, names []string) bool {
	for _, n := range names {
		n = strings.ToLower(n)
		if n == "" {
			continue
		}
		for i := 0; ; {
			k := strings.Index(text[i:], n)
			if k < 0 {
				break
			}
			at := i + k
			before, _ := utf8.DecodeLastRuneInString(text[:at])
			after, _ := utf8.DecodeRuneInString(text[at+len(n):])
			if !isQuoteWordRune(before) && !isQuoteWordRune(after) {
				return true
			}
			i = at + len(n)
		}
	}
	return false
}

// scareQuoted reports quoted words that are not a quotation of anyone: a word
// or two ("so-called “experts”"), or a title ("Saturday Night Live").
func scareQuoted(s string) bool {
	words := strings.Fields(s)
	if len(words) <= 2 {
		return true
	}
	if len(words) > 6 {
		return false
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(strings.TrimLeft(w, "‘'("))
		if !unicode.IsUpper(r) && !titleWord(w) {
			return false
		}
	}
	return true
}

func titleWord(w string) bool {
	switch strings.ToLower(strings.Trim(w, ".,;:!?")) {
	case "a", "an", "and", "of", "the", "in", "on", "at", "to", "for", "with", "is", "or", "&":
		return true
	}
	return false
}

func clampSpan(start, end, n int) (int, int) {
	start = min(max(start, 0), n)
	end = min(max(end, start), n)
	return start, end
}

func clipQuote(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 40 {
		s = string(r[:40]) + "…"
	}
	return "“" + s + "”"
}
