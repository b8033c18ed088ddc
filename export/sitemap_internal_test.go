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
