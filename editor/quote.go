package editor

import (
	"strings"
	"time"
)

// SourceKind says where a quote's words come from.
type SourceKind string

// The kinds of source.
const (
	SourceInterview SourceKind = "interview"
	SourceSpeech    SourceKind = "speech"
	SourceStatement SourceKind = "statement"
	SourceDocument  SourceKind = "document"
	SourceSocial    SourceKind = "social"
	SourceWire      SourceKind = "wire"
)

// SourceKinds lists every source kind.
var SourceKinds = []SourceKind{SourceInterview, SourceSpeech, SourceStatement, SourceDocument, SourceSocial, SourceWire}

// Anchor ties a quote to the words it covers in the body, in the manner of the
// W3C Web Annotation TextQuoteSelector: the exact words, a little of the text
// before and after, and where they were last found (byte offsets, end exclusive).
type Anchor struct {
	Exact  string `json:"exact"`
	Prefix string `json:"prefix"`
	Suffix string `json:"suffix"`
	Start  int    `json:"start"`
	End    int    `json:"end"`
}

// Quote is an attributed quotation in a story: the exact words someone said,
// who said them, how, when and where the desk got them.
type Quote struct {
	ID         string     `json:"id"`
	PersonID   string     `json:"person_id"`
	Speaker    string     `json:"speaker"` // the person's full name, kept with the quote
	Role       string     `json:"role"`    // the speaker's role when they said it
	Text       string     `json:"text"`    // the words, without quotation marks
	Verb       string     `json:"verb"`
	Context    string     `json:"context"`
	SaidOn     string     `json:"said_on"` // YYYY-MM-DD, or empty
	Source     string     `json:"source"`
	SourceKind SourceKind `json:"source_kind"`
	Partial    bool       `json:"partial"`
	VerifiedBy string     `json:"verified_by"`
	VerifiedAt *time.Time `json:"verified_at"`
	Anchor     Anchor     `json:"anchor"`
	// ConfirmedBy names the person who confirmed the speaker, and ConfirmedAt
	// says when; both empty, the attribution is a suggestion (one the quote
	// finder made, say) that nobody has confirmed yet.
	ConfirmedBy string     `json:"confirmed_by,omitempty"`
	ConfirmedAt *time.Time `json:"confirmed_at,omitempty"`
}

// SpeakerConfirmed reports whether a person has confirmed who said the quote.
func (q *Quote) SpeakerConfirmed() bool { return strings.TrimSpace(q.ConfirmedBy) != "" }

// ConfirmSpeaker records that by confirmed the quote's speaker at at.
func (q *Quote) ConfirmSpeaker(by string, at time.Time) error {
	by = strings.TrimSpace(by)
	if by == "" {
		return invalid("confirmed_by", "is empty; say who confirms the speaker")
	}
	if strings.TrimSpace(q.Speaker) == "" {
		return invalid("speaker", "is empty; a quote with nobody as its speaker has no speaker to confirm")
	}
	at = at.UTC().Truncate(time.Second)
	q.ConfirmedBy, q.ConfirmedAt = by, &at
	return nil
}

// Validate reports the first field that cannot be saved, naming it.
func (q *Quote) Validate() error {
	if strings.TrimSpace(q.Text) == "" {
		return invalid("text", "is empty; a quote needs its words")
	}
	if q.SourceKind != "" {
		ok := false
		for _, k := range SourceKinds {
			ok = ok || q.SourceKind == k
		}
		if !ok {
			return invalid("source_kind", "%q is not a source kind; use interview, speech, statement, document, social or wire", string(q.SourceKind))
		}
	}
	if q.SaidOn != "" {
		if _, err := time.Parse("2006-01-02", q.SaidOn); err != nil {
			return invalid("said_on", "%q is not a date; write it as YYYY-MM-DD", q.SaidOn)
		}
	}
	return firstError(checkSingleLine("verb", q.Verb), checkLen("verb", q.Verb, LineFieldMax),
		checkSingleLine("confirmed_by", q.ConfirmedBy), checkLen("confirmed_by", q.ConfirmedBy, LineFieldMax))
}
