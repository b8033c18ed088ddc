package wire

import (
	"copydesk/editor"
)

// parseMarkdown reads a story kept as Markdown with front matter, with the
// quotes of its body found as wire bodies' are.
func parseMarkdown(name, text string) (*Result, error) {
	f, err := editor.ParseStoryMarkdown(name, []byte(text))
	if err != nil {
		return nil, err
	}
	s := f.Story
	r := &Result{Format: FormatMarkdown,
		Story: Story{Headline: s.Headline, Standfirst: s.Standfirst, Byline: s.Byline, Dateline: s.Dateline,
			Body: s.Body, Credit: s.Credit, Section: s.Section, Tags: s.Tags,
			Slug: s.Slug, Status: s.Status, RulesPage: s.RulesPage, CreatedAt: timePtr(f.Date)},
		Boilerplate: []Boilerplate{}, Warnings: append([]string{}, f.Warnings...)}
	if s.Status == editor.StatusPublished {
		r.Story.PublishedAt = timePtr(f.Date)
	}
	return r, nil
}
