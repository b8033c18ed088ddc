package wire_test

import (
	"encoding/json"
	"strings"
	"testing"

	"copydesk/editor/wire"
)

// The made-up examples of issue 14: each quote's speaker and the role or
// honorific the directory keeps for them, and words that must never enter it.
func TestSpeakersNamesAndRoles(t *testing.T) {
	tests := []struct {
		name, body string
		speaker    string // of the last quote
		role       string // the speaker's honorific and role in the directory, joined by a space
		never      []string
	}{
		{"pronoun agrees in gender", "Councillor Mark Dobson defended the plan. Campaigner Sarah Hill disagreed. “This is a disgrace,” she said.",
			"Sarah Hill", "Campaigner", []string{"Mark Dobson"}},
		{"possessive description", "“We will appeal against the verdict,” said Lopez’s lawyer, Tom Reid.",
			"Tom Reid", "Lopez’s lawyer", []string{"Lopez’s lawyer", "Lopez"}},
		{"possessive never a name", "Erik Berg’s spokesman was asked about the deal. “There is nothing to add,” the spokesman said.",
			"the spokesman", "", []string{"Erik Berg’s", "Erik Berg"}},
		{"description of someone named", "Jamal Ortiz signed for the club on Monday.\n\nThe fee was not disclosed.\n\n“I am ready to play every week,” said the rookie defender.",
			"Jamal Ortiz", "", []string{"the rookie defender"}},
		{"organisation by report", "“Rents will rise across the region next year,” according to a report by Starlight Housing.",
			"Starlight Housing", "", []string{"Starlight Housing"}},
		{"campaign is not a person", "“We will win this vote and win it well,” the No Campaign said.",
			"the No Campaign", "", []string{"No Campaign", "the No Campaign"}},
		{"police force is not a person", "Police Scotland said: “Inquiries are continuing into the incident.”",
			"Police Scotland", "", []string{"Police Scotland"}},
		{"party is not a person", "Labour said: “This is a betrayal of working people.”",
			"Labour", "", []string{"Labour"}},
		{"charity is not a person", "“We condemn this decision in the strongest terms,” said Amnesty International.",
			"Amnesty International", "", []string{"Amnesty International", "International"}},
		{"premier", "Premier Doug Ford said: “We will build the highway.”",
			"Doug Ford", "Premier", []string{"Premier Doug Ford"}},
		{"programme is not a person", "“Our students come from every province,” said the head of Indigenous Studies, Maria Lopez.",
			"Maria Lopez", "head of Indigenous Studies", []string{"Indigenous Studies"}},
		{"statement is not a person", "The company issued its two-page statement on Friday. “We regret the delay and apologise,” it said.",
			"", "", []string{"two-page statement", "Friday"}},
		{"speaker in the paragraph before", "The director of security at Norwell Bank, Kevin Shaw, agreed.\n\n“We saw it coming for months,” he said.",
			"Kevin Shaw", "director of security at Norwell Bank", []string{"Norwell Bank"}},
		{"present tense after", "The scheme has cost millions. “It works and it will keep working,” says Patel.",
			"Patel", "", nil},
		{"title split from the name", "Councillor Mark Dobson said: “The plan will go ahead as agreed.”",
			"Mark Dobson", "Councillor", []string{"Councillor Mark Dobson"}},
		{"plural title", "Judges Simon Cowell said: “That was the best act of the night.”",
			"Simon Cowell", "Judges", []string{"Judges Simon Cowell"}},
		{"office title", "Foreign Secretary Anna Holt said: “We will not be moved on this.”",
			"Anna Holt", "Foreign Secretary", []string{"Foreign Secretary Anna Holt"}},
		{"health secretary", "“Waiting lists are falling at last,” said Health Secretary Omar Khan.",
			"Omar Khan", "Health Secretary", nil},
		{"middle initial stays", "“The models are not wrong,” said David G. Victor, a professor at the university.",
			"David G. Victor", "professor at the university", []string{"Victor", "David G."}},
		{"dame and doctor", "Dame Joan Reeve and Dr Ian Hope spoke.\n\n“We disagree about almost everything,” Dr Hope said.",
			"Ian Hope", "Dr", nil},
		{"sentence openers", "However, “nothing has changed,” said Mayor Anna Holt. But “it is too late,” she added. Meanwhile, “we wait,” Holt said. Earlier, “we waited,” she said. If Labour wins, “we will all pay,” Holt said.",
			"Anna Holt", "Mayor", []string{"However", "But", "Meanwhile", "Earlier", "If Labour", "Labour"}},
	}
	for _, tt := range tests {
		qs, people := wire.FindQuotes(tt.body)
		if len(qs) == 0 {
			t.Errorf("%s: no quotes found", tt.name)
			continue
		}
		last := qs[len(qs)-1]
		if last.Speaker != tt.speaker {
			t.Errorf("%s: speaker %q, want %q", tt.name, last.Speaker, tt.speaker)
		}
		var names []string
		for _, p := range people {
			names = append(names, p.Name)
			if p.Name == tt.speaker {
				if got := strings.TrimSpace(p.Honorific + " " + p.Role); got != tt.role {
					t.Errorf("%s: %s has honorific and role %q, want %q", tt.name, p.Name, got, tt.role)
				}
			}
			for _, n := range tt.never {
				if p.Name == n {
					t.Errorf("%s: %q is in the directory", tt.name, n)
				}
			}
		}
		organisation := len(tt.never) > 0 && tt.never[0] == tt.speaker
		found := tt.speaker == "" || strings.HasPrefix(tt.speaker, "the ") || tt.speaker == "Starlight Housing" || organisation
		for _, n := range names {
			found = found || n == tt.speaker
		}
		if !found {
			t.Errorf("%s: %q is not in the directory %q", tt.name, tt.speaker, names)
		}
		for _, q := range qs {
			for _, n := range tt.never {
				if q.Speaker == n && n != tt.speaker {
					t.Errorf("%s: %q said %q", tt.name, n, q.Text)
				}
			}
		}
	}
}

func TestInterruptedQuoteContinues(t *testing.T) {
	body := "“We will appeal,” said Anna Holt. “And we will win.”\n\n“Nothing changes,” said Omar Khan.\n\n“Nothing at all.”"
	qs, _ := wire.FindQuotes(body)
	var got []string
	for _, q := range qs {
		got = append(got, q.Speaker+" "+map[bool]string{true: "continues", false: "starts"}[q.Continues])
	}
	want := []string{"Anna Holt starts", "Anna Holt continues", "Omar Khan starts", "Omar Khan starts"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
	b, err := json.Marshal(qs[1])
	if err != nil || !strings.Contains(string(b), `"continues":true`) {
		t.Errorf("JSON %s has no continues", b)
	}
	if b, _ := json.Marshal(qs[0]); strings.Contains(string(b), "continues") {
		t.Errorf("JSON %s: only the second piece continues", b)
	}
}
