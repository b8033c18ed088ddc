// Package assets holds the files copydesk embeds: the app icon and the sample
// content a new database starts with.
package assets

import (
	"embed"
	"io/fs"
)

//go:embed icon.png
var icon []byte

//go:embed sample
var sample embed.FS

// Icon is the app icon as PNG bytes.
func Icon() []byte { return icon }

// Sample is the sample content: the Press Association story as filed on the
// wire (pa-duncan-smith-china-threat.txt, with the site's comment-rules block
// pasted under it), the story as filed and as subbed in Markdown, and the
// "Comments: Our rules" page.
func Sample() fs.FS {
	sub, err := fs.Sub(sample, "sample")
	if err != nil {
		panic("assets: " + err.Error())
	}
	return sub
}
