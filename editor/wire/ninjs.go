package wire

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// parseNinjs reads an IPTC ninjs news item, versions 1.x to 3.1: 1.x's
// headline, byline, body_text/body_html/body_xhtml, description_text,
// subject, genre and associations map; 2.x's lower-case headlines, bodies,
// descriptions, subjects, genres, infosources; 3.x's camelCase names of the
// same (versionCreated, infoSources, copyrightHolder). Keys are matched
// without regard to case, which is all that tells 2.x from 3.x. What
// copydesk's own export writes reads back: subjects with rel "section" and
// "tag" give the section and tags, the infoSource with role "credit" the
// credit.
func parseNinjs(name, text string) (*Result, error) {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal([]byte(text), &raw); err != nil {
		return nil, refuse(name, "not valid JSON ("+err.Error()+")")
	}
	j := ninjsObject{}
	for k, v := range raw {
		j[strings.ToLower(k)] = v
	}
	r := &Result{Format: FormatNinjs, Boilerplate: []Boilerplate{}, Warnings: []string{}}
	s, m := &r.Story, &r.Meta
	m.FeedID = firstNonEmpty(j.str("uri"), j.str("guid"))
	m.PubStatus = pubStatus(j.str("pubstatus"))
	m.setUrgency(j.str("urgency"))
	m.Slugline = j.str("slugline")
	m.Language = j.str("language")
	m.EdNote = firstNonEmpty(j.str("ednote"), j.str("ed_note"))
	m.Rights = firstNonEmpty(j.str("copyrightnotice"), prefixed("©", j.str("copyrightholder")), j.str("usageterms"))
	m.Embargo = timePtr(feedTime(j.str("embargoed")))
	m.Expires = timePtr(feedTime(j.str("expires")))
	s.CreatedAt = timePtr(feedTime(firstNonEmpty(j.str("firstcreated"), j.str("contentcreated"), j.str("versioncreated"))))

	s.Headline = firstNonEmpty(j.str("headline"), mainText(j.texts("headlines"), "main", ""))
	s.Standfirst = firstNonEmpty(j.str("description_text"), htmlText(j.str("description_html")), mainText(j.texts("descriptions"), "summary", "text/plain"))
	s.Byline = nameCase(strings.TrimPrefix(strings.TrimPrefix(firstNonEmpty(j.str("by"), j.str("byline")), "By "), "by "))
	s.Dateline = j.str("located")
	for _, d := range j.texts("descriptions") {
		if strings.EqualFold(d.Role, "correction") {
			r.Warnings = append(r.Warnings, fmt.Sprintf("%s: its correction %s was not imported; corrections are made on copydesk's own revisions", name, clip(d.Value)))
		}
	}

	for _, key := range []string{"subject", "subjects"} {
		for _, sub := range j.names(key) {
			switch strings.ToLower(sub.Rel) {
			case "section":
				s.Section = firstNonEmpty(s.Section, sub.Name)
			case "tag":
				s.Tags = appendTag(s.Tags, sub.Name)
			default:
				m.addSubject(firstNonEmpty(sub.Code, sub.Literal, sub.QCode, sub.URI), sub.Name)
			}
		}
	}
	for _, key := range []string{"genre", "genres"} {
		if g := j.names(key); len(g) > 0 && m.Genre == "" {
			m.Genre = firstNonEmpty(g[0].Name, g[0].Code, g[0].URI)
		}
	}
	for _, key := range []string{"infosource", "infosources"} {
		for _, src := range j.names(key) {
			if strings.EqualFold(src.Role, "credit") {
				s.Credit = firstNonEmpty(s.Credit, src.Name)
				continue
			}
			m.Source = firstNonEmpty(m.Source, src.Name)
		}
	}
	for _, key := range []string{"person", "people"} {
		for _, p := range j.names(key) {
			if strings.EqualFold(p.Rel, "author") && s.Byline == "" {
				s.Byline = p.Name
			}
		}
	}
	m.Media = j.associations()

	w := &bodyWriter{}
	switch {
	case j.str("body_html") != "":
		w.container(parseHTML(j.str("body_html")))
	case j.str("body_xhtml") != "":
		w.container(parseHTML(j.str("body_xhtml")))
	case j.str("body_text") != "":
		writePlain(w, j.str("body_text"))
	default:
		bodies := j.texts("bodies")
		if b := pickBody(bodies, "text/html"); b != nil {
			w.container(parseHTML(b.Value))
		} else if b := pickBody(bodies, "text/plain"); b != nil {
			writePlain(w, b.Value)
		}
	}
	m.Media = append(m.Media, w.media...)
	r.Warnings = append(r.Warnings, w.warnings(name)...)
	s.Body = w.body(r)
	return r, nil
}

// ninjsObject is a ninjs item with its keys in lower case.
type ninjsObject map[string]json.RawMessage

// ninjsText is an entry of headlines, descriptions or bodies.
type ninjsText struct {
	Role        string `json:"role"`
	ContentType string `json:"contenttype"`
	Value       string `json:"value"`
}

// ninjsName is an entry of subjects, people, genres or infosources.
type ninjsName struct {
	Name    string `json:"name"`
	Rel     string `json:"rel"`
	Role    string `json:"role"`
	Code    string `json:"code"`
	URI     string `json:"uri"`
	QCode   string `json:"qcode"`
	Literal string `json:"literal"` // 3.x's code as written, beside its uri
}

// str reads a string (or a number, as urgency may be written) property.
func (j ninjsObject) str(key string) string {
	raw, ok := j[key]
	if !ok {
		return ""
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return strings.TrimSpace(stripControls(s))
	}
	var n json.Number
	if json.Unmarshal(raw, &n) == nil {
		return n.String()
	}
	return ""
}

func (j ninjsObject) texts(key string) []ninjsText {
	var out []ninjsText
	for _, obj := range j.objects(key) {
		out = append(out, ninjsText{Role: obj.str("role"), ContentType: firstNonEmpty(obj.str("contenttype"), obj.str("content_type")), Value: obj.str("value")})
	}
	return out
}

func (j ninjsObject) names(key string) []ninjsName {
	var out []ninjsName
	for _, obj := range j.objects(key) {
		out = append(out, ninjsName{Name: obj.str("name"), Rel: obj.str("rel"), Role: obj.str("role"),
			Code: obj.str("code"), URI: obj.str("uri"), QCode: obj.str("qcode"), Literal: obj.str("literal")})
	}
	return out
}

// objects reads a property that is a list of objects (or one object) with
// their keys in lower case.
func (j ninjsObject) objects(key string) []ninjsObject {
	raw, ok := j[key]
	if !ok {
		return nil
	}
	var list []map[string]json.RawMessage
	if json.Unmarshal(raw, &list) != nil {
		var one map[string]json.RawMessage
		if json.Unmarshal(raw, &one) != nil {
			return nil
		}
		list = []map[string]json.RawMessage{one}
	}
	out := make([]ninjsObject, 0, len(list))
	for _, o := range list {
		lo := ninjsObject{}
		for k, v := range o {
			lo[strings.ToLower(k)] = v
		}
		out = append(out, lo)
	}
	return out
}

// associations reads the pictures and videos associated with the item: a
// map by name in 1.x and 2.x, a list in 3.x, each with renditions (a map or
// a list) holding its address.
func (j ninjsObject) associations() []Media {
	raw, ok := j["associations"]
	if !ok {
		return nil
	}
	var items []ninjsObject
	var byName map[string]json.RawMessage
	if json.Unmarshal(raw, &byName) == nil {
		for _, k := range sortedKeys(byName) {
			one := ninjsObject{"a": byName[k]}
			items = append(items, one.objects("a")...)
		}
	} else {
		items = j.objects("associations")
	}
	var out []Media
	for _, a := range items {
		href := a.str("uri")
		if hrefs := a.renditionHrefs(); len(hrefs) > 0 {
			href = hrefs[0]
		}
		if href == "" {
			continue
		}
		out = append(out, Media{
			Href:    href,
			Caption: firstNonEmpty(a.str("body_text"), a.str("description_text"), mainText(a.texts("descriptions"), "caption", ""), mainText(a.texts("headlines"), "main", ""), a.str("headline")),
			Credit:  firstNonEmpty(a.str("byline"), a.str("by"), a.str("copyrightholder")),
			Alt:     firstNonEmpty(mainText(a.texts("descriptions"), "alt", ""), a.str("description_text")),
		})
	}
	return out
}

// renditionHrefs lists a picture's rendition addresses, the original first.
func (j ninjsObject) renditionHrefs() []string {
	raw, ok := j["renditions"]
	if !ok {
		return nil
	}
	var out []string
	var byName map[string]json.RawMessage
	if json.Unmarshal(raw, &byName) == nil {
		for _, k := range sortedKeys(byName) {
			one := ninjsObject{"r": byName[k]}
			for _, rend := range one.objects("r") {
				if h := rend.str("href"); h != "" {
					if k == "original" {
						out = append([]string{h}, out...)
					} else {
						out = append(out, h)
					}
				}
			}
		}
		return out
	}
	for _, rend := range j.objects("renditions") {
		if h := rend.str("href"); h != "" {
			out = append(out, h)
		}
	}
	return out
}

// mainText is the value of the entry with the role (or the first entry
// with no role), of the content type when one is given.
func mainText(ts []ninjsText, role, contentType string) string {
	for _, t := range ts {
		if (strings.EqualFold(t.Role, role) || t.Role == "") && (contentType == "" || t.ContentType == "" || strings.EqualFold(t.ContentType, contentType)) {
			if contentType == "" && strings.Contains(strings.ToLower(t.ContentType), "html") {
				return htmlText(t.Value)
			}
			return clean(t.Value)
		}
	}
	return ""
}

// pickBody is the body of this content type: the main one (no role, or
// "main"), else the first of another role (agencies' feeds name theirs
// "text" or "nitf").
func pickBody(bodies []ninjsText, contentType string) *ninjsText {
	for i, b := range bodies {
		if (b.Role == "" || strings.EqualFold(b.Role, "main")) && strings.EqualFold(b.ContentType, contentType) {
			return &bodies[i]
		}
	}
	for i, b := range bodies {
		if strings.EqualFold(b.ContentType, contentType) {
			return &bodies[i]
		}
	}
	if contentType == "text/plain" {
		for i, b := range bodies {
			if b.ContentType == "" {
				return &bodies[i]
			}
		}
	}
	return nil
}

// htmlText is the words of an HTML fragment.
func htmlText(s string) string {
	if s == "" {
		return ""
	}
	return parseHTML(s).value()
}

func writePlain(w *bodyWriter, text string) {
	for _, p := range textParagraphs(stripControls(text)) {
		w.addPlain(escapeMarkdown(p.text), p.line)
	}
}

func prefixed(prefix, s string) string {
	if s == "" {
		return ""
	}
	return prefix + " " + s
}

func sortedKeys(m map[string]json.RawMessage) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sortStrings(keys)
	return keys
}

// sortStrings sorts keys, numbered ones ("2" before "10") by number.
func sortStrings(keys []string) {
	sort.Slice(keys, func(i, k int) bool {
		na, ea := strconv.Atoi(keys[i])
		nb, eb := strconv.Atoi(keys[k])
		if ea == nil && eb == nil {
			return na < nb
		}
		return keys[i] < keys[k]
	})
}
