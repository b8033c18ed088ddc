package editor

import "time"

// ExportMemo is what a website export remembers of one story until the next
// export, kept in the store beside the story: the revision it read, a hash
// of what it read that the story's summary does not carry (body, quotes,
// corrections), and, for the few stories the feeds carry, the body as it
// was rendered, under the key it was rendered with. The export gives the
// bytes their meaning; a store only keeps them.
//
// A memo holds while the story's Revision is the one it names: every change
// to a story makes a new revision.
type ExportMemo struct {
	StoryID  string
	Revision int
	Sum      []byte
	HTMLKey  []byte // empty when HTML is
	HTML     []byte
}

// StoryVersion names the content of one published story without carrying
// it: its revision, which every change to a story moves on, and the times
// that decide whether a website export shows it now. An export compares the
// versions with those it last wrote to tell, before reading any story,
// whether anything changed.
type StoryVersion struct {
	ID       string
	Revision int
	Embargo  *time.Time
	Expires  *time.Time
}
