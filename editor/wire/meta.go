package wire

import (
	"strconv"
	"strings"
	"time"
)

// Meta is what a feed says about a story beyond its text: the newsroom
// fields of DESIGN.md's data model, under their JSON names, each omitted when
// the file does not give it. They are read and reported here (import
// --dry-run --json) until the story itself holds them.
type Meta struct {
	Urgency  int        `json:"urgency,omitempty"`  // 1 (most urgent) to 9
	Slugline string     `json:"slugline,omitempty"` // the desk's short name for the story: "BC-STORM-COAST"
	Embargo  *time.Time `json:"embargo,omitempty"`  // not to be published before
	Expires  *time.Time `json:"expires,omitempty"`  // to be taken down after
	Subjects []Subject  `json:"subjects,omitempty"`
	Genre    string     `json:"genre,omitempty"`
	EdNote   string     `json:"ed_note,omitempty"` // the agency's note to editors; never published
	Language string     `json:"language,omitempty"`
	Rights   string     `json:"rights,omitempty"`
	Source   string     `json:"source,omitempty"` // the agency
	Media    []Media    `json:"media,omitempty"`
	FeedID   string     `json:"feed_id,omitempty"` // the feed's own ID for the item
	// PubStatus is the feed's status for the item when it is not simply
	// usable: "embargoed", "withheld", "canceled".
	PubStatus string `json:"pub_status,omitempty"`
	// BylineTitle is the writer's title given apart from the name
	// ("AP Business Writer").
	BylineTitle string `json:"byline_title,omitempty"`
	// Aliases are the old addresses of an archive's post (Hugo's aliases and
	// url, Jekyll's redirect_from and permalink), for redirects.
	Aliases []string `json:"aliases,omitempty"`
}

// Subject is a subject code the feed gives, with its name where it gives one:
// IPTC Media Topics as "medtop:20000763", IPTC subject codes as
// "subj:15054000", other schemes as the feed writes them.
type Subject struct {
	Code string `json:"code,omitempty"`
	Name string `json:"name,omitempty"`
}

// Media is a picture or video the story refers to.
type Media struct {
	Href    string `json:"href"`
	Caption string `json:"caption,omitempty"`
	Credit  string `json:"credit,omitempty"`
	Alt     string `json:"alt,omitempty"`
}

// Feed statuses kept in Meta.PubStatus.
const (
	PubEmbargoed = "embargoed"
	PubWithheld  = "withheld"
	PubCanceled  = "canceled"
)

// pubStatus maps a feed's status word ("stat:canceled", "Canceled", "kill")
// to one of the Pub values, or "" for a usable item.
func pubStatus(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.LastIndexByte(s, ':'); i >= 0 {
		s = s[i+1:]
	}
	switch s {
	case "canceled", "cancelled", "cancel", "kill", "killed", "withdrawn", "withdraw", "elimination":
		return PubCanceled
	case "withheld", "withhold":
		return PubWithheld
	case "embargoed", "embargo":
		return PubEmbargoed
	}
	return ""
}

// addSubject appends a subject unless it is empty or already there.
func (m *Meta) addSubject(code, name string) {
	code, name = clean(code), clean(name)
	if code == "" && name == "" {
		return
	}
	for _, s := range m.Subjects {
		if s.Code == code && s.Name == name {
			return
		}
	}
	m.Subjects = append(m.Subjects, Subject{Code: code, Name: name})
}

// setUrgency keeps a feed's urgency when it is 1 to 9.
func (m *Meta) setUrgency(s string) {
	s = strings.TrimSpace(s)
	if i := strings.LastIndexByte(s, ':'); i >= 0 {
		s = s[i+1:]
	}
	if n, err := strconv.Atoi(s); err == nil && n >= 1 && n <= 9 {
		m.Urgency = n
	}
}

// feedTimeLayouts are the ways feeds write times: ISO 8601 extended and basic
// (NITF's norm="20261203T101500Z"), with or without a zone.
var feedTimeLayouts = []string{
	time.RFC3339Nano, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05", "2006-01-02T15:04Z07:00", "2006-01-02T15:04",
	"20060102T150405Z0700", "20060102T150405Z07:00", "20060102T150405", "20060102T1504Z0700", "20060102T1504",
	"20060102", "2006-01-02", time.RFC1123Z, time.RFC1123, "2006-01-02 15:04:05Z07:00", "2006-01-02 15:04:05",
}

// feedTime reads a time as feeds write it; a time without a zone is taken as
// UTC. The zero time means none could be read.
func feedTime(s string) time.Time {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}
	}
	for _, l := range feedTimeLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.UTC()
		}
	}
	return time.Time{}
}

// clean joins a field's words with single spaces and drops control
// characters, so nothing a feed sends for framing reaches a field.
func clean(s string) string {
	return strings.Join(strings.Fields(stripControls(s)), " ")
}

// stripControls drops C0 and C1 control characters but line breaks and tabs.
func stripControls(s string) string {
	if strings.IndexFunc(s, isControl) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isControl(r) {
			return -1
		}
		return r
	}, s)
}

func isControl(r rune) bool {
	return (r < 0x20 && r != '\n' && r != '\t' && r != '\r') || (r >= 0x7f && r <= 0x9f)
}
