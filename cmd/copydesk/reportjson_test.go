package main

import (
	"bytes"
	"reflect"
	"testing"

	"copydesk/export"
	"copydesk/internal/cli"
)

// TestReportJSONIsWriteJSON: the export's own report writer gives the bytes
// cli.WriteJSON gives, for names that need escaping too.
func TestReportJSONIsWriteJSON(t *testing.T) {
	// A field added to either type must be written by writeReportJSON too.
	if n, m := reflect.TypeOf(export.Report{}).NumField(), reflect.TypeOf(export.File{}).NumField(); n != 2 || m != 4 {
		t.Fatalf("export.Report has %d fields and export.File %d; writeReportJSON writes 2 and 4", n, m)
	}
	for _, r := range []*export.Report{
		{},
		{Files: []export.File{}, DurationMS: 3},
		{Files: []export.File{{Path: "index.html", Kind: export.KindFront, State: export.StateUnchanged}}, DurationMS: 12},
		{Files: []export.File{
			{Path: "articles/a.html", Kind: export.KindArticle, ID: "8fa576f2-d010-4d55-a627-bf842dee9ee6", State: export.StateWritten},
			{Path: "sections/x.html", Kind: export.KindSection, ID: "Sport & \"Leisure\" <b>\\\t\n\x01\u2028é", State: export.StateRemoved},
			{Path: "sections/y.html", Kind: export.KindSection, ID: "bad \xff utf-8 \x7f", State: export.StateUnchanged},
		}, DurationMS: 1234567},
	} {
		var want, got bytes.Buffer
		if err := cli.WriteJSON(&want, r); err != nil {
			t.Fatal(err)
		}
		if err := writeReportJSON(&got, r); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("writeReportJSON(%+v) =\n%s\nwant (cli.WriteJSON)\n%s", r, got.String(), want.String())
		}
	}
}
