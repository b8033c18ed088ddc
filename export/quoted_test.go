package export

import (
	"reflect"
	"strconv"
	"testing"

	"copydesk/editor"
)

func TestQuotedList(t *testing.T) {
	type q struct {
		speaker, person, role, verb string
		confirmed                   bool
	}
	tests := []struct {
		name   string
		quotes []q
		want   []quotedView // Anchor is "quote-N", N the quote's place from 1
	}{
		{"unconfirmed attributions are left out",
			[]q{{"Mark Dobson", "", "Councillor", "said", false}, {"Sarah Hill", "", "campaigner", "said", true}},
			[]quotedView{{"quote-2", "Sarah Hill", "campaigner"}}},
		{"nobody confirmed: no list",
			[]q{{"Mark Dobson", "", "", "said", false}}, nil},
		{"each person once, at their first quote",
			[]q{{"Sarah Hill", "", "campaigner", "said", true}, {"Mark Dobson", "", "Councillor", "defended", true}, {"Sarah  Hill", "", "", "added", true}},
			[]quotedView{{"quote-1", "Sarah Hill", "campaigner"}, {"quote-2", "Mark Dobson", "Councillor"}}},
		{"the same person ID under another name is one person",
			[]q{{"Mark Dobson", "p1", "", "said", true}, {"Councillor Dobson", "p1", "Councillor", "said", true}},
			[]quotedView{{"quote-1", "Mark Dobson", "Councillor"}}},
		{"organisations after people",
			[]q{{"Starlight Housing", "", "", "said", true}, {"the Chinese government", "", "", "said", true}, {"Kevin Shaw", "", "director of security, Norwell Bank", "agreed", true}},
			[]quotedView{{"quote-3", "Kevin Shaw", "director of security, Norwell Bank"}, {"quote-1", "Starlight Housing", ""}, {"quote-2", "the Chinese government", ""}}},
		{"no speaker is no line",
			[]q{{"", "", "", "said", true}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var placed []placedQuote
			for i, x := range tt.quotes {
				rec := &editor.Quote{ID: "q" + strconv.Itoa(i), Speaker: x.speaker, PersonID: x.person, Role: x.role, Verb: x.verb, Text: "words"}
				if x.confirmed {
					rec.ConfirmedBy = "Ann Editor"
				}
				placed = append(placed, placedQuote{anchor: "quote-" + strconv.Itoa(i+1), q: rec})
			}
			if got := quotedList(placed); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("quotedList() =\n%+v\nwant\n%+v", got, tt.want)
			}
		})
	}
}
