package export

import (
	"reflect"
	"testing"
	"time"

	"copydesk/editor"
)

// TestHeadsCacheKeepsEveryField: a head read back from the folder's cache
// is the head that was written, field for field, with its hashes; a field
// added to editor.Story that the cache does not keep fails here, since
// every field but the body's parts is set.
func TestHeadsCacheKeepsEveryField(t *testing.T) {
	var s editor.Story
	v := reflect.ValueOf(&s).Elem()
	at := time.Date(2026, 3, 18, 9, 30, 15, 250, time.UTC)
	for i := 0; i < v.NumField(); i++ {
		f, name := v.Field(i), v.Type().Field(i).Name
		switch {
		case name == "Quotes" || name == "Corrections":
			continue // not part of a head
		case f.Kind() == reflect.String:
			f.SetString(name + " value\twith ‘marks’")
		case f.Kind() == reflect.Int:
			f.SetInt(int64(i + 3))
		case f.Type() == reflect.TypeOf(time.Time{}):
			f.Set(reflect.ValueOf(at.Add(time.Duration(i) * time.Hour)))
		case f.Type() == reflect.TypeOf(&time.Time{}):
			t := at.Add(-time.Duration(i) * time.Hour)
			f.Set(reflect.ValueOf(&t))
		case f.Type() == reflect.TypeOf([]string{}):
			f.Set(reflect.ValueOf([]string{name + " one", "", name + " two"}))
		case f.Type() == reflect.TypeOf([]editor.Subject{}):
			f.Set(reflect.ValueOf([]editor.Subject{{Code: "medtop:1", Name: "politics"}, {Code: "c2"}}))
		case f.Type() == reflect.TypeOf([]editor.Media{}):
			f.Set(reflect.ValueOf([]editor.Media{{Href: "https://x.example/a.jpg", Caption: "c", Credit: "cr", Alt: "alt"}}))
		default:
			t.Fatalf("editor.Story.%s is a %s, which this test (and the cache of heads) does not know", name, f.Type())
		}
	}
	other := editor.Story{ID: "other", Tags: []string{}}
	si := &storyInfo{head: &s, known: true, sum: [16]byte{1, 2, 3}, content: [16]byte{4, 5, 6}}
	data := encodeHeads([]editor.Story{s, other}, map[string]*storyInfo{s.ID: si})
	got, err := decodeHeads(data)
	if err != nil {
		t.Fatal(err)
	}
	if c := got[s.ID]; c == nil || !reflect.DeepEqual(c.s, s) || !c.known || c.sum != si.sum || c.content != si.content {
		t.Errorf("decodeHeads(encodeHeads(%+v)) = %+v", s, c)
	}
	if c := got["other"]; c == nil || c.known || !reflect.DeepEqual(c.s.Tags, []string{}) || c.s.PublishedAt != nil {
		t.Errorf("a head with no hashes came back as %+v", c)
	}
	for n := range len(data) {
		if _, err := decodeHeads(data[:n]); err == nil {
			t.Fatalf("decodeHeads of the first %d of %d bytes gave no error", n, len(data))
		}
	}
}
