// Package assets holds the files copydesk embeds in its binary.
package assets

import (
	"embed"
	"io/fs"
)

//go:embed site
var site embed.FS

// Site is the exported website's templates (*.html) and stylesheet (style.css),
// rooted at assets/site.
func Site() fs.FS {
	sub, err := fs.Sub(site, "site")
	if err != nil {
		panic("assets: " + err.Error()) // "site" is embedded above, so this cannot fail
	}
	return sub
}
