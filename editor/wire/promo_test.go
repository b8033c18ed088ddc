package wire_test

import (
	"strings"
	"testing"

	"copydesk/editor/wire"
)

// TestPromotionalLinesComeOutOneByOne: a promotional line inside a web
// article ("READ MORE: …", "WATCH: …", "RELATED: …") is reported as
// boilerplate and taken out on its own; every paragraph after it stays in
// the body.
func TestPromotionalLinesComeOutOneByOne(t *testing.T) {
	story := []string{
		"Councillors voted on Tuesday to close the Eastgate library after a year of falling visits.",
		"READ MORE: Library hours cut across the county",
		"The decision follows a consultation in which most residents opposed the plan.",
		"WATCH: The moment the vote was announced",
		"Campaigners said they would take the matter to the courts.",
		"RELATED: Why are our libraries closing?",
		"The library will shut its doors at the end of March.",
		"Read more: Council budget explained",
		"A spokesman for the council said no staff would lose their jobs.",
	}
	tests := []struct {
		name string
		file string
		data string
	}{
		{"plain text", "library.txt", "Library to close\n\n" + strings.Join(story, "\n\n") + "\n"},
		{"NITF", "library.xml", `<?xml version="1.0"?><nitf><head><title>Library to close</title></head><body><body.head><hedline><hl1>Library to close</hl1></hedline></body.head><body.content>` +
			"<p>" + strings.Join(story, "</p><p>") + "</p></body.content></body></nitf>"},
	}
	for _, tt := range tests {
		r, err := wire.ParseFile(tt.file, []byte(tt.data))
		if err != nil {
			t.Fatalf("%s: ParseFile = %v", tt.name, err)
		}
		var promos []string
		for _, b := range r.Boilerplate {
			if b.Kind == wire.BoilerplatePromo {
				promos = append(promos, b.Text)
			}
		}
		want := []string{story[1], story[3], story[5], story[7]}
		if strings.Join(promos, "|") != strings.Join(want, "|") {
			t.Errorf("%s: promotional lines = %q, want %q", tt.name, promos, want)
		}
		wantBody := strings.Join([]string{story[0], story[2], story[4], story[6], story[8]}, "\n\n")
		if r.Story.Body != wantBody {
			t.Errorf("%s: body = %q, want %q", tt.name, r.Story.Body, wantBody)
		}
		if n := countContaining(r.Warnings, "promotional line"); n != 4 {
			t.Errorf("%s: %d warnings name a promotional line, want 4: %q", tt.name, n, r.Warnings)
		}
	}
}

// TestBoilerplateCutOverAFifthIsRefused: text that opens like the site's
// boilerplate but would take more than a fifth of the story with it stays
// in the body, with a warning; a short trailing block is still cut.
func TestBoilerplateCutOverAFifthIsRefused(t *testing.T) {
	lead := "The county's buses will run on Sundays from May, the transport authority said on Monday."
	long := []string{
		"Follow us as the timetable is drawn up: the authority will publish the new routes in April and take comments for six weeks.",
		"Drivers' unions said they had not been consulted about the change, which needs forty more drivers.",
		"The authority said it would recruit them before the summer.",
	}
	tests := []struct {
		name      string
		paras     []string
		wantBody  []string
		wantBlock bool
		warning   string
	}{
		{"more than a fifth", append([]string{lead}, long...), append([]string{lead}, long...), false, "more than a fifth"},
		{"a short trailing block", []string{lead, long[1], long[2], lead, long[1], long[2], "Share this story"},
			[]string{lead, long[1], long[2], lead, long[1], long[2]}, true, ""},
	}
	for _, tt := range tests {
		r, err := wire.ParseFile("buses.txt", []byte("Sunday buses\n\n"+strings.Join(tt.paras, "\n\n")))
		if err != nil {
			t.Fatalf("%s: ParseFile = %v", tt.name, err)
		}
		if want := strings.Join(tt.wantBody, "\n\n"); r.Story.Body != want {
			t.Errorf("%s: body = %q, want %q", tt.name, r.Story.Body, want)
		}
		if got := len(r.Boilerplate) > 0; got != tt.wantBlock {
			t.Errorf("%s: boilerplate = %+v, want a block: %v", tt.name, r.Boilerplate, tt.wantBlock)
		}
		if tt.warning != "" && countContaining(r.Warnings, tt.warning) != 1 {
			t.Errorf("%s: warnings = %q, want one saying %q", tt.name, r.Warnings, tt.warning)
		}
	}
}

func countContaining(list []string, sub string) int {
	n := 0
	for _, s := range list {
		if strings.Contains(s, sub) {
			n++
		}
	}
	return n
}
