package wire_test

import (
	"strings"
	"testing"

	"copydesk/editor/wire"
)

func TestFindQuotesSpeakers(t *testing.T) {
	tests := []struct {
		name, body string
		want       []string // "text | speaker | mention"
	}{
		{"said after", "“We will win,” Smith said.", []string{"We will win | Smith | Smith"}},
		{"inverted", "“We will win,” said Labour leader Keir Starmer.", []string{"We will win | Keir Starmer | Keir Starmer"}},
		{"colon before", "Prime Minister Boris Johnson told MPs: “Get Brexit done.”", []string{"Get Brexit done. | Boris Johnson | Prime Minister Boris Johnson"}},
		{"according to", "According to Dr Jane Roe, “the data are clear.”", []string{"the data are clear. | Jane Roe | Dr Jane Roe"}},
		{"apposition", "“It is over,” Jeff Weaver, the campaign manager, said.", []string{"It is over | Jeff Weaver | Jeff Weaver"}},
		{"pronoun", "Senator Mary Major spoke first.\n\n“I am worried,” she said.", []string{"I am worried | Mary Major | she"}},
		{"later reference", "Rep. Jerry Nadler, a Democrat, was asked.\n\n“No,” Nadler said. “Never again.”", []string{"No | Jerry Nadler | Nadler", "Never again. | Jerry Nadler | Nadler"}},
		{"organisation", "“We deny it,” the Chinese government said.", []string{"We deny it | the Chinese government | the Chinese government"}},
		{"sentence before", "Smith told reporters he was angry. “This is a disgrace and must stop.”", []string{"This is a disgrace and must stop. | Smith | Smith"}},
		{"paragraph carries on", "“First part,” Jane Doe said.\n\n“Second paragraph of her quote.”", []string{"First part | Jane Doe | Jane Doe", "Second paragraph of her quote. | Jane Doe | Jane Doe"}},
		{"participle", "Donald Trump took to Twitter, writing: “Sad day for America.”", []string{"Sad day for America. | Donald Trump | Donald Trump"}},
		{"label", "Clinton: “Our goal is to defeat them.”", []string{"Our goal is to defeat them. | Clinton | Clinton"}},
		{"name that is also a word", "“We must leave,” Theresa May said. “Now.”", []string{"We must leave | Theresa May | Theresa May", "Now. | Theresa May | Theresa May"}},
		{"possessive document", "Hoff’s letter makes the case: “We stand for freedom.”", []string{"We stand for freedom. | Hoff’s letter | Hoff’s letter"}},
		{"scare quote dropped", "The so-called “experts” were wrong, Smith said.", nil},
		{"title dropped", "She said on “Good Morning America” that it was over.", nil},
		{"unattributed kept", "There is a “long and winding road ahead of us” somewhere.", []string{"long and winding road ahead of us |  | "}},
	}
	for _, tt := range tests {
		qs, _ := wire.FindQuotes(tt.body)
		var got []string
		for _, q := range qs {
			got = append(got, q.Text+" | "+q.Speaker+" | "+q.SpeakerMention)
		}
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("%s: FindQuotes(%q) =\n%q\nwant\n%q", tt.name, tt.body, got, tt.want)
		}
	}
}
