package wire

import (
	"regexp"
	"sync"
)

// lazyRegexp compiles expr the first time it is used. The readers' patterns
// are many, and a headless command that reads no wire copy (revisions, show,
// diff) should not compile them all before it starts (issue 16, item 2).
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
