package editor

import (
	"fmt"
	"strings"
)

// Status is where a story stands in the desk's workflow:
// draft → subbing → ready → published, plus spiked (recoverable, never deleted).
type Status string

// The workflow statuses, in order.
const (
	StatusDraft     Status = "draft"
	StatusSubbing   Status = "subbing"
	StatusReady     Status = "ready"
	StatusPublished Status = "published"
	StatusSpiked    Status = "spiked"
)

// Statuses lists every status in workflow order.
var Statuses = []Status{StatusDraft, StatusSubbing, StatusReady, StatusPublished, StatusSpiked}

// ParseStatus turns a name such as "subbing" into a Status, ignoring case and
// surrounding space.
func ParseStatus(s string) (Status, error) {
	st := Status(strings.ToLower(strings.TrimSpace(s)))
	if err := st.Validate(); err != nil {
		return "", err
	}
	return st, nil
}

// Validate reports a status that is not one of Statuses.
func (s Status) Validate() error {
	for _, st := range Statuses {
		if s == st {
			return nil
		}
	}
	names := make([]string, len(Statuses))
	for i, st := range Statuses {
		names[i] = string(st)
	}
	return invalid("status", "%q is not a status; use one of %s", string(s), strings.Join(names, ", "))
}

// Label is the status as a person reads it ("Subbing").
func (s Status) Label() string {
	if s == "" {
		return ""
	}
	return strings.ToUpper(string(s[:1])) + string(s[1:])
}

// String implements fmt.Stringer.
func (s Status) String() string { return string(s) }

var _ fmt.Stringer = Status("")
