package editor

// SearchHit is one result of a full-text search: a story, page, quote or
// person, with a snippet of the matching text. Highlights are byte ranges of
// Snippet (start, end exclusive) that matched the query.
type SearchHit struct {
	Kind       string   `json:"kind"` // story, page, quote or person
	ID         string   `json:"id"`
	StoryID    string   `json:"story_id,omitempty"` // for a quote, the story it is in
	Title      string   `json:"title"`
	Snippet    string   `json:"snippet"`
	Highlights [][2]int `json:"highlights"`
}
