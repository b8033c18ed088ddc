package export

import (
	"bytes"
	"testing"
)

// writeURLSet must write what encoding/xml writes for the same sitemap.
func TestWriteURLSetMatchesEncodingXML(t *testing.T) {
	for _, urls := range [][]sitemapURL{
		nil,
		{{Loc: "https://example.com/"}},
		{{Loc: "https://example.com/a?b=1&c=<2>", LastMod: "2021-07-19T16:05:00Z"}, {Loc: "https://example.com/é\"'"}},
	} {
		want, err := marshalXML(urlset{NS: sitemapNS, URLs: urls})
		if err != nil {
			t.Fatal(err)
		}
		if got := writeURLSet(urls); !bytes.Equal(got, want) {
			t.Errorf("writeURLSet(%v) =\n%s\nwant\n%s", urls, got, want)
		}
	}
}

func TestManifestRoundTrip(t *testing.T) {
	m := manifest{
		"articles/a.html": {kind: KindArticle, id: "id\twith\\tab\nand line", key: [16]byte{1, 2}, sum: [16]byte{3}},
		"index.html":      {kind: KindFront, key: [16]byte{9}, sum: [16]byte{8}},
	}
	got, err := parseManifest(m.encode())
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(m) {
		t.Fatalf("parseManifest(encode(m)) has %d entries, want %d", len(got), len(m))
	}
	for p, e := range m {
		if got[p] != e {
			t.Errorf("entry %s = %+v, want %+v", p, got[p], e)
		}
	}
	for _, bad := range []string{"", "not a manifest\n", manifestHead + "\nindex.html\tfront\t\t00\t00\n", manifestHead + "\nindex.html\tfront\n"} {
		if _, err := parseManifest([]byte(bad)); err == nil {
			t.Errorf("parseManifest(%q) succeeded", bad)
		}
	}
}
