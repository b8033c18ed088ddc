package wire

import (
	"fmt"
	"html"
	"strings"
)

// shortcode is one Hugo shortcode tag: {{< name params >}} or {{% … %}}, or
// the closing {{< /name >}} of a paired one.
var shortcode = lazyRegexp(`\{\{([<%])\s*(/?)\s*([A-Za-z0-9_./-]+)((?:[^}"]|"[^"]*")*?)\s*/?\s*[>%]\}\}`)

// shortcodeParam is a parameter: name="value", name=value, "value" or value.
var shortcodeParam = lazyRegexp(`(?:([A-Za-z0-9_-]+)\s*=\s*)?(?:"([^"]*)"|'([^']*)'|(\S+))`)

// shortcodes turns the Hugo shortcodes of a body into what they show:
// figure into a figure, youtube and vimeo into links to the video, tweet (and
// x, twitter) into a quoted link to the post, instagram and gist into links,
// highlight into a fenced code block, ref and relref into the path they
// name. Any other shortcode's tags are taken out (a paired one keeps what it
// wraps) and reported, never left in the text.
func shortcodes(body string) (string, []string) {
	if !strings.Contains(body, "{{") {
		return body, nil
	}
	var notes []string
	unknown := map[string]bool{}
	var b strings.Builder
	last := 0
	for _, m := range shortcode().FindAllStringSubmatchIndex(body, -1) {
		b.WriteString(body[last:m[0]])
		last = m[1]
		closing := body[m[4]:m[5]] == "/"
		name := strings.ToLower(body[m[6]:m[7]])
		named, pos := shortcodeParams(body[m[8]:m[9]])
		param := func(key string, at int) string {
			if v, ok := named[key]; ok {
				return v
			}
			if at >= 0 && at < len(pos) {
				return pos[at]
			}
			return ""
		}
		switch {
		case name == "highlight" && !closing:
			b.WriteString("```" + param("lang", 0)) // the line break after the tag follows
		case name == "highlight":
			b.WriteString("```")
		case closing:
			// The end of a paired shortcode whose opening was handled.
		case name == "figure":
			b.WriteString(figureHTML(param("src", 0), param("alt", -1), firstNonEmpty(param("caption", -1), param("title", -1)), firstNonEmpty(param("attr", -1), param("credit", -1))))
		case name == "youtube":
			if id := param("id", 0); id != "" {
				b.WriteString("[" + firstNonEmpty(param("title", -1), "Video on YouTube") + "](https://www.youtube.com/watch?v=" + markdownURL(id) + ")")
			}
		case name == "vimeo":
			if id := param("id", 0); id != "" {
				b.WriteString("[" + firstNonEmpty(param("title", -1), "Video on Vimeo") + "](https://vimeo.com/" + markdownURL(id) + ")")
			}
		case name == "tweet" || name == "twitter" || name == "x":
			user, id := param("user", 0), param("id", 1)
			if _, ok := named["user"]; !ok && len(pos) == 1 {
				user, id = "", pos[0] // the old form: {{< tweet 123 >}}
			}
			if id != "" {
				href := "https://x.com/i/status/" + id
				label := "Post on X"
				if user != "" {
					href = "https://x.com/" + user + "/status/" + id
					label = "Post by @" + user + " on X"
				}
				b.WriteString("> [" + label + "](" + markdownURL(href) + ")")
			}
		case name == "instagram":
			if id := param("id", 0); id != "" {
				b.WriteString("[Post on Instagram](https://www.instagram.com/p/" + markdownURL(id) + "/)")
			}
		case name == "gist":
			if user, id := param("user", 0), param("id", 1); user != "" && id != "" {
				b.WriteString("[Gist by " + user + "](https://gist.github.com/" + markdownURL(user) + "/" + markdownURL(id) + ")")
			}
		case name == "ref" || name == "relref":
			b.WriteString(param("path", 0))
		default:
			if !unknown[name] {
				unknown[name] = true
				notes = append(notes, fmt.Sprintf("the Hugo shortcode %q is not one copydesk knows; its tags were left out of the body", name))
			}
		}
	}
	b.WriteString(body[last:])
	return b.String(), notes
}

func shortcodeParams(s string) (map[string]string, []string) {
	named := map[string]string{}
	var pos []string
	for _, m := range shortcodeParam().FindAllStringSubmatch(s, -1) {
		v := m[2] + m[3] + m[4]
		if m[1] != "" {
			named[strings.ToLower(m[1])] = v
		} else {
			pos = append(pos, v)
		}
	}
	return named, pos
}

// figureHTML writes a picture with its caption: a figure when its address
// is on the web, else a Markdown image (its path was the old site's).
func figureHTML(src, alt, caption, credit string) string {
	if src == "" {
		return ""
	}
	text := strings.TrimSpace(strings.Join(nonEmpty(caption, credit), " "))
	if !isWebURL(src) {
		out := "![" + escapeMarkdown(alt) + "](" + markdownURL(src) + ")"
		if text != "" {
			out += "\n\n*" + escapeMarkdown(text) + "*"
		}
		return out
	}
	out := `<figure><img src="` + html.EscapeString(src) + `" alt="` + html.EscapeString(alt) + `">`
	if text != "" {
		out += "<figcaption>" + html.EscapeString(text) + "</figcaption>"
	}
	return out + "</figure>"
}
