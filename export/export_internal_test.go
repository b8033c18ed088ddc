package export

// SetSitemapMaxForTest sets how many addresses one sitemap holds, returning
// a function that restores it.
func SetSitemapMaxForTest(n int) (restore func()) {
	old := sitemapMax
	sitemapMax = n
	return func() { sitemapMax = old }
}

// SetFailWriteForTest makes every file write the export asks fail ask first
// (see failWrite), returning a function that restores it.
func SetFailWriteForTest(fail func(name string) error) (restore func()) {
	old := failWrite
	failWrite = fail
	return func() { failWrite = old }
}

// ManifestNewForTest and JournalForTest are the names the export writes its
// new manifest and its commit journal under, as failWrite is given them.
const (
	ManifestNewForTest = manifestNew
	JournalForTest     = journalPath
)
