package export

import (
	"bytes"
	"strings"
	"testing"
)

// TestRawHTMLKeptToThePolicy: raw HTML in a body keeps its structure and
// loses what is active; a ticker in angle brackets shows as written; tags
// left open or closed twice come out balanced.
func TestRawHTMLKeptToThePolicy(t *testing.T) {
	tests := []struct {
		name, body string
		want, not  []string
	}{
		{"ticker", "Shares in AmEx <AXP> fell.", []string{"<p>Shares in AmEx &lt;AXP&gt; fell.</p>"}, []string{"raw HTML omitted"}},
		{"ticker alone on its line", "<T.TO>\n\nMore.", []string{"&lt;T.TO&gt;"}, []string{"raw HTML omitted"}},
		{"table", "<table><tr><td colspan=\"2\" onclick=\"x()\">Rye</td></tr></table>", []string{`<td colspan="2">Rye</td>`}, []string{"onclick"}},
		{"figure", `<figure><img src="https://e.org/a.jpg" alt="A"><figcaption>Cap</figcaption></figure>`, []string{`<img src="https://e.org/a.jpg" alt="A"/>`, "<figcaption>Cap</figcaption>"}, nil},
		{"image without a web address", `<figure><img src="javascript:x" alt="A"></figure>`, []string{"<figure></figure>"}, []string{"<img", "javascript"}},
		{"sub and sup", "H<sub>2</sub>O and E = mc<sup>2</sup>", []string{"H<sub>2</sub>O", "mc<sup>2</sup>"}, nil},
		{"script", "A <script>alert(1)</script> b\n\n<script>alert(2)</script>", nil, []string{"<script", "alert(2)"}},
		{"link", `<a href="javascript:alert(1)">x</a> and <a href="https://e.org/">y</a>`, []string{`<a href="https://e.org/">y</a>`}, []string{"javascript"}},
		{"unbalanced", "<em>never closed and a stray </strong> end", []string{"<em>never closed and a stray  end</em>"}, []string{"</strong>"}},
		{"comment", "a <!-- note --> b", []string{"<p>a  b</p>"}, []string{"note"}},
	}
	md := newMarkdown()
	for _, tt := range tests {
		var w bytes.Buffer
		if err := renderMarkdown(md, &w, []byte(tt.body), nil); err != nil {
			t.Fatal(err)
		}
		got := w.String()
		for _, want := range tt.want {
			if !strings.Contains(got, want) {
				t.Errorf("%s: renderMarkdown(%q) = %q, want it to hold %q", tt.name, tt.body, got, want)
			}
		}
		for _, bad := range tt.not {
			if strings.Contains(got, bad) {
				t.Errorf("%s: renderMarkdown(%q) = %q, want no %q", tt.name, tt.body, got, bad)
			}
		}
	}
}
